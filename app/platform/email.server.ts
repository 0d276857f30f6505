import { render } from "@react-email/render";
import type { ReactElement } from "react";
import { Resend } from "resend";
import { db, type Tx } from "./db.server";
import { env } from "./env.server";
import { enqueueJob, type JobDefinition } from "./jobs.server";
import { logger } from "./logger.server";

export type OutgoingEmail = { kind: string; to: string; subject: string; react: ReactElement };

export type RenderedEmail = { html: string; text: string };

export async function renderEmail(react: ReactElement): Promise<RenderedEmail> {
  const [html, text] = await Promise.all([render(react), render(react, { plainText: true })]);
  return { html, text };
}

type SendEmailJob = { emailId: string };

export const sendEmailJob: JobDefinition<SendEmailJob> = {
  name: "email.send",
  queue: { retryLimit: 10, retryDelay: 2, retryBackoff: true, retryDelayMax: 600, expireInSeconds: 120 },
  concurrency: 2,
  handle: async ({ emailId }, job) => {
    try {
      await deliverEmail(emailId);
    } catch (error) {
      if (job.retryCount >= (sendEmailJob.queue.retryLimit ?? 0)) await markEmailFailed(emailId);
      throw error;
    }
  },
};

/**
 * Records the email and its delivery job in the caller's transaction: if the change that causes
 * the email rolls back, no email goes out; if it commits, the email is delivered even if this
 * process dies right after.
 */
export async function queueEmail(tx: Tx, email: OutgoingEmail): Promise<string> {
  const { html, text } = await renderEmail(email.react);
  const record = await tx.outboundEmail.create({
    data: { kind: email.kind, to: email.to, from: env().EMAIL_FROM, subject: email.subject, html, text },
    select: { id: true },
  });
  await enqueueJob(tx, sendEmailJob, { emailId: record.id }, { singletonKey: record.id });
  return record.id;
}

export class EmailDeliveryError extends Error {
  override name = "EmailDeliveryError";
  constructor(message: string, readonly retryAfterSeconds?: number) {
    super(message);
  }
}

type Delivery = { transport: string; providerMessageId: string | null };

export interface EmailTransport {
  readonly name: string;
  /** The idempotency key makes a retry after a crash a no-op at the provider. */
  send(email: { from: string; to: string; subject: string; html: string; text: string }, idempotencyKey: string): Promise<Delivery>;
}

const PROVIDER_TIMEOUT_MS = 15_000;

class ResendTransport implements EmailTransport {
  readonly name = "resend";
  readonly #client: Resend;
  constructor(apiKey: string) {
    this.#client = new Resend(apiKey);
  }
  async send(email: Parameters<EmailTransport["send"]>[0], idempotencyKey: string): Promise<Delivery> {
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new EmailDeliveryError(`Resend did not answer within ${PROVIDER_TIMEOUT_MS / 1000}s`)), PROVIDER_TIMEOUT_MS).unref(),
    );
    const { data, error } = await Promise.race([this.#client.emails.send(email, { idempotencyKey }), timeout]);
    if (error) throw new EmailDeliveryError(`Resend refused the email: ${error.name}: ${error.message}`);
    return { transport: this.name, providerMessageId: data?.id ?? null };
  }
}

/** Development and demo instances: the email stays in the database and is read at /dev/mail. */
class DevMailboxTransport implements EmailTransport {
  readonly name = "dev-mailbox";
  async send(): Promise<Delivery> {
    return { transport: this.name, providerMessageId: null };
  }
}

let transport: EmailTransport | undefined;

export function emailTransport(): EmailTransport {
  const { EMAIL_DELIVERY, RESEND_API_KEY } = env();
  transport ??= EMAIL_DELIVERY === "resend" && RESEND_API_KEY ? new ResendTransport(RESEND_API_KEY) : new DevMailboxTransport();
  return transport;
}

export async function deliverEmail(emailId: string, via: EmailTransport = emailTransport()): Promise<void> {
  const email = await db.outboundEmail.update({
    where: { id: emailId },
    data: { attempts: { increment: 1 } },
  });
  if (email.status === "sent") return;
  try {
    const delivery = await via.send(
      { from: email.from, to: email.to, subject: email.subject, html: email.html, text: email.text },
      `outbound-email/${email.id}`,
    );
    await db.outboundEmail.update({
      where: { id: emailId },
      data: { status: "sent", sentAt: new Date(), transport: delivery.transport, providerMessageId: delivery.providerMessageId, lastError: null },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.outboundEmail.update({ where: { id: emailId }, data: { lastError: message } });
    logger.warn({ emailId, attempt: email.attempts, err: message }, "email delivery failed; it will be retried");
    throw error;
  }
}

async function markEmailFailed(emailId: string) {
  await db.outboundEmail.update({ where: { id: emailId }, data: { status: "failed" } });
}
