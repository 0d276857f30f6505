import { render } from "@react-email/render";
import type { ReactElement } from "react";
import { Resend, type ErrorResponse } from "resend";
import { db, type Tx } from "./db.server";
import { env } from "./env.server";
import { enqueueDelayedJob, enqueueJob, type JobDefinition } from "./jobs.server";
import { logger } from "./logger.server";
import { databasePacer, type RequestPacer } from "./pacer.server";

/** A file sent with the email; `content` is base64. Calendar parts travel this way. */
export type EmailAttachment = { filename: string; contentType: string; content: string };

export type OutgoingEmail = { kind: string; to: string; subject: string; react: ReactElement; attachments?: EmailAttachment[] };

export type RenderedEmail = { html: string; text: string };

export async function renderEmail(react: ReactElement): Promise<RenderedEmail> {
  const [html, text] = await Promise.all([render(react), render(react, { plainText: true })]);
  return { html, text };
}

type SendEmailJob = { emailId: string };

const SEND_EMAIL_RETRY_LIMIT = 10;

export const sendEmailJob: JobDefinition<SendEmailJob> = {
  name: "email.send",
  queue: { retryLimit: SEND_EMAIL_RETRY_LIMIT, retryDelay: 2, retryBackoff: true, retryDelayMax: 600, expireInSeconds: 120 },
  concurrency: 2,
  handle: (data, job) => handleSendEmailJob(data, job, emailTransport()),
};

/** One attempt of the `email.send` job; the transport is a parameter so tests can aim it at a fake provider. */
export async function handleSendEmailJob({ emailId }: SendEmailJob, job: { retryCount: number }, via: EmailTransport): Promise<void> {
  try {
    await deliverEmail(emailId, via);
  } catch (error) {
    if (error instanceof EmailDeliveryError && error.retryAfterSeconds !== undefined) {
      // The provider said how long to wait, but pg-boss derives a retry's delay from the queue's
      // backoff alone: `fail` takes no delay, and `update` cannot move a job that is running. So
      // this attempt completes and a fresh job starts after the wait. Being rate limited is not
      // the email's fault, so the fresh job also gets the whole retry budget.
      await enqueueDelayedJob(sendEmailJob, { emailId }, { delaySeconds: error.retryAfterSeconds, singletonKey: emailId });
      return;
    }
    if (job.retryCount >= SEND_EMAIL_RETRY_LIMIT) await markEmailFailed(emailId);
    throw error;
  }
}

/**
 * Records the email and its delivery job in the caller's transaction: if the change that causes
 * the email rolls back, no email goes out; if it commits, the email is delivered even if this
 * process dies right after.
 */
export async function queueEmail(tx: Tx, email: OutgoingEmail): Promise<string> {
  const { html, text } = await renderEmail(email.react);
  const record = await tx.outboundEmail.create({
    data: {
      kind: email.kind,
      to: email.to,
      from: env().EMAIL_FROM,
      subject: email.subject,
      html,
      text,
      attachments: email.attachments?.length ? email.attachments : undefined,
    },
    select: { id: true },
  });
  await enqueueJob(tx, sendEmailJob, { emailId: record.id }, { singletonKey: record.id });
  return record.id;
}

/** A failure that may pass (a timeout, a provider outage, a rate limit): the job retries it. */
export class EmailDeliveryError extends Error {
  override name = "EmailDeliveryError";
  constructor(message: string, readonly retryAfterSeconds?: number) {
    super(message);
  }
}

/** The provider refused this email for good (an invalid address, an unverified sender): retrying cannot help. */
export class EmailRejectedError extends Error {
  override name = "EmailRejectedError";
}

/**
 * The provider already accepted a request under this idempotency key, with a different body: an
 * earlier attempt went out, but what it sent no longer matches what we would send now.
 */
export class IdempotencyConflictError extends EmailRejectedError {
  override name = "IdempotencyConflictError";
}

type Delivery = { transport: string; providerMessageId: string | null };

export type EmailMessage = { from: string; to: string; subject: string; html: string; text: string; attachments?: EmailAttachment[] };

/** Labels the provider echoes back in its webhooks, so an event can be traced to the row that caused it. */
export type EmailTag = { name: string; value: string };

/** One email of a batch: batch APIs take no attachments, so calendar parts go as links instead. */
export type BatchEmailMessage = Omit<EmailMessage, "attachments"> & { tags: EmailTag[] };

export type OutgoingBatch = {
  /** What the emails are, as `outbound_emails.kind` names it (the dev mailbox lists them by it). */
  kind: string;
  emails: BatchEmailMessage[];
};

/** The provider's id of each email, in the order of the batch's emails; null where there is no provider. */
type BatchDelivery = { transport: string; providerMessageIds: (string | null)[] };

/** Resend's batch endpoint takes at most this many emails per request. */
export const MAX_BATCH_EMAILS = 100;

export interface EmailTransport {
  readonly name: string;
  /**
   * Throws EmailRejectedError when retrying cannot help, and any other error when it may.
   * The idempotency key makes a retry after a crash a no-op at the provider.
   */
  send(email: EmailMessage, idempotencyKey: string): Promise<Delivery>;
  /**
   * Sends up to MAX_BATCH_EMAILS emails in one request, all or none, with the same error contract
   * as `send`. A retry must carry the same emails in the same order for the key to hold.
   */
  sendBatch(batch: OutgoingBatch, idempotencyKey: string): Promise<BatchDelivery>;
}

const PROVIDER_TIMEOUT_MS = 15_000;

type ResendTransportOptions = {
  baseUrl?: string;
  timeoutMs?: number;
  /** Shared by every request this transport makes, single and batch, so together they stay within the provider's rate. */
  pacer?: RequestPacer;
};

export function createResendTransport(apiKey: string, options: ResendTransportOptions = {}): EmailTransport {
  const client = new Resend(apiKey, { baseUrl: options.baseUrl });
  const timeoutMs = options.timeoutMs ?? PROVIDER_TIMEOUT_MS;
  const pacer = options.pacer;

  async function failure(error: ErrorResponse, headers: Record<string, string> | null, signal: AbortSignal): Promise<Error> {
    // The SDK never throws: a timeout comes back as an error without a status, like a network failure.
    if (signal.aborted) return new EmailDeliveryError(`Resend did not answer within ${timeoutMs / 1000}s`);
    const reason = resendFailure(error, headers);
    // Every process backs off, not only the one that was told to.
    if (reason instanceof EmailDeliveryError && reason.retryAfterSeconds !== undefined) await pacer?.backOff(reason.retryAfterSeconds);
    return reason;
  }

  return {
    name: "resend",
    async send(email, idempotencyKey) {
      const { attachments, ...message } = email;
      const payload = {
        ...message,
        attachments: attachments?.map((file) => ({ filename: file.filename, content: file.content, contentType: file.contentType })),
      };
      await pacer?.waitForTurn();
      const signal = AbortSignal.timeout(timeoutMs);
      const { data, error, headers } = await client.emails.send(payload, { idempotencyKey, signal });
      if (!error) return { transport: "resend", providerMessageId: data.id };
      throw await failure(error, headers, signal);
    },
    async sendBatch({ emails }, idempotencyKey) {
      if (emails.length === 0 || emails.length > MAX_BATCH_EMAILS) {
        throw new RangeError(`A batch holds 1 to ${MAX_BATCH_EMAILS} emails, not ${emails.length}.`);
      }
      await pacer?.waitForTurn();
      const signal = AbortSignal.timeout(timeoutMs);
      const { data, error, headers } = await client.batch.send(emails, { idempotencyKey, signal });
      if (error) throw await failure(error, headers, signal);
      const ids = data.data.map((email) => email.id);
      if (ids.length !== emails.length) {
        throw new EmailDeliveryError(`Resend answered a batch of ${emails.length} emails with ${ids.length} ids`);
      }
      return { transport: "resend", providerMessageIds: ids };
    },
  };
}

function resendFailure(error: ErrorResponse, headers: Record<string, string> | null): Error {
  const description = `${error.statusCode ?? "no response"} ${error.name}: ${error.message}`;
  if (error.statusCode === 429) {
    return new EmailDeliveryError(`Resend is rate limiting us (${description})`, retryAfterSeconds(headers));
  }
  if (error.name === "invalid_idempotent_request") {
    return new IdempotencyConflictError(`Resend already accepted a different request under this idempotency key (${description})`);
  }
  // A 409 concurrent_idempotent_requests means an earlier attempt with the same key is still in flight.
  if (error.statusCode === null || error.statusCode >= 500 || error.name === "concurrent_idempotent_requests") {
    return new EmailDeliveryError(`Resend could not take the email (${description})`);
  }
  return new EmailRejectedError(`Resend refused the email (${description})`);
}

function retryAfterSeconds(headers: Record<string, string> | null): number | undefined {
  const seconds = Number(headers?.["retry-after"]);
  return seconds > 0 ? Math.ceil(seconds) : undefined;
}

/** Development and demo instances: the email stays in the database and is read at /dev/mail. */
export const devMailboxTransport: EmailTransport = {
  name: "dev-mailbox",
  async send() {
    return { transport: "dev-mailbox", providerMessageId: null };
  },
  async sendBatch({ kind, emails }, idempotencyKey) {
    // Batched emails have no outbox row of their own, so the mailbox gets one per email. Ids derived
    // from the key make a retried batch land on the same rows instead of adding copies.
    const idPrefix = idempotencyKey.replace(/[^A-Za-z0-9]+/g, "-");
    const sentAt = new Date();
    await db.outboundEmail.createMany({
      data: emails.map((email, index) => ({
        id: `${idPrefix}-${index}`,
        kind,
        to: email.to,
        from: email.from,
        subject: email.subject,
        html: email.html,
        text: email.text,
        status: "sent" as const,
        attempts: 1,
        transport: "dev-mailbox",
        sentAt,
      })),
      skipDuplicates: true,
    });
    return { transport: "dev-mailbox", providerMessageIds: emails.map(() => null) };
  },
};

/** Resend's limit is per team, so every instance paces its requests through this one row. */
const RESEND_PACER = "resend";

let transport: EmailTransport | undefined;

export function emailTransport(): EmailTransport {
  const { EMAIL_DELIVERY, RESEND_API_KEY, RESEND_BASE_URL, RESEND_REQUESTS_PER_SECOND } = env();
  transport ??=
    EMAIL_DELIVERY === "resend" && RESEND_API_KEY
      ? createResendTransport(RESEND_API_KEY, { baseUrl: RESEND_BASE_URL, pacer: databasePacer(RESEND_PACER, RESEND_REQUESTS_PER_SECOND) })
      : devMailboxTransport;
  return transport;
}

/**
 * Sends a queued email once: an email already sent or failed is left alone. Throws when the
 * attempt may be retried; an email the provider refuses for good is marked failed instead.
 */
export async function deliverEmail(emailId: string, via: EmailTransport = emailTransport()): Promise<void> {
  const email = await db.outboundEmail.findUniqueOrThrow({ where: { id: emailId } });
  if (email.status !== "queued") return;
  await db.outboundEmail.update({ where: { id: emailId }, data: { attempts: { increment: 1 } } });
  const attempt = email.attempts + 1;
  try {
    const delivery = await via.send(
      {
        from: email.from,
        to: email.to,
        subject: email.subject,
        html: email.html,
        text: email.text,
        attachments: (email.attachments as EmailAttachment[] | null) ?? undefined,
      },
      `outbound-email/${email.id}`,
    );
    await db.outboundEmail.update({
      where: { id: emailId },
      data: { status: "sent", sentAt: new Date(), transport: delivery.transport, providerMessageId: delivery.providerMessageId, lastError: null },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof EmailRejectedError) {
      await db.outboundEmail.update({ where: { id: emailId }, data: { status: "failed", lastError: message } });
      logger.error({ emailId, attempt, err: message }, "the email provider refused the email; it will not be retried");
      return;
    }
    await db.outboundEmail.update({ where: { id: emailId }, data: { lastError: message } });
    logger.warn({ emailId, attempt, err: message }, "email delivery failed; it will be retried");
    throw error;
  }
}

async function markEmailFailed(emailId: string) {
  await db.outboundEmail.update({ where: { id: emailId }, data: { status: "failed" } });
}
