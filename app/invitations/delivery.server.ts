import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { z } from "zod";
import type { InvitationDelivery, SuppressionReason } from "~/generated/prisma/enums";
import { db } from "~/platform/db.server";
import { env } from "~/platform/env.server";
import type { JobDefinition } from "~/platform/jobs.server";
import { logger } from "~/platform/logger.server";
import { INVITATION_TAG } from "./batch-send.server";
import { suppressAddress } from "./suppressions.server";

/**
 * Resend's delivery webhooks: what happened to an email after Resend accepted it. They are signed
 * the Standard Webhooks (svix) way over the raw body; a delivery older than five minutes or one
 * already processed is not applied, so a captured request cannot be played back.
 */

const TIMESTAMP_TOLERANCE_SECONDS = 5 * 60;
const PROCESSED_WEBHOOK_RETENTION_DAYS = 7;

type Outcome = {
  delivery: InvitationDelivery;
  /** The statuses this one may follow: a status never moves backwards (delivered after bounced stays bounced). */
  after: InvitationDelivery[];
  suppress?: SuppressionReason;
};

const outcomes: Record<string, Outcome> = {
  "email.delivered": { delivery: "delivered", after: ["queued", "sent"] },
  "email.failed": { delivery: "failed", after: ["queued", "sent"] },
  "email.bounced": { delivery: "bounced", after: ["queued", "sent", "delivered"], suppress: "bounced" },
  "email.complained": { delivery: "complained", after: ["queued", "sent", "delivered", "bounced", "failed"], suppress: "complained" },
};

const tagsSchema = z.union([z.record(z.string(), z.string()), z.array(z.object({ name: z.string(), value: z.string() }))]);

const emailEventSchema = z.object({
  type: z.string(),
  data: z.object({
    email_id: z.string().min(1),
    to: z.union([z.array(z.string()), z.string().transform((address) => [address])]).default([]),
    tags: tagsSchema.optional(),
    bounce: z.object({ message: z.string().optional(), type: z.string().optional() }).optional(),
    failed: z.object({ reason: z.string().optional() }).optional(),
  }),
});

type EmailEvent = z.infer<typeof emailEventSchema>;

export type WebhookResult = { status: number; body: { message: string } };

const answer = (status: number, message: string): WebhookResult => ({ status, body: { message } });

/** Verifies, parses and applies one webhook delivery from Resend; the route only turns the result into a response. */
export async function receiveResendWebhook(request: Request, now = new Date()): Promise<WebhookResult> {
  const secret = env().RESEND_WEBHOOK_SECRET;
  if (!secret) {
    logger.error("a Resend webhook arrived but RESEND_WEBHOOK_SECRET is not set, so it cannot be verified; set it to the webhook's signing secret");
    return answer(503, "Webhooks are not configured on this instance.");
  }
  const id = request.headers.get("svix-id");
  const timestamp = request.headers.get("svix-timestamp");
  const signature = request.headers.get("svix-signature");
  if (!id || !timestamp || !signature) return answer(400, "Missing the svix-id, svix-timestamp or svix-signature header.");
  const sentAtSeconds = Number(timestamp);
  if (!Number.isInteger(sentAtSeconds) || Math.abs(now.getTime() / 1000 - sentAtSeconds) > TIMESTAMP_TOLERANCE_SECONDS) {
    return answer(400, "The webhook's timestamp is missing or more than five minutes away from now.");
  }
  const payload = await request.text();
  let verified: unknown;
  try {
    verified = new Webhook(secret).verify(payload, { "webhook-id": id, "webhook-timestamp": timestamp, "webhook-signature": signature });
  } catch (error) {
    if (error instanceof WebhookVerificationError) return answer(401, "The webhook's signature does not match.");
    throw error;
  }
  const type = z.object({ type: z.string() }).safeParse(verified);
  if (!type.success) return answer(400, "The webhook has no event type.");
  if (!(type.data.type in outcomes)) {
    await recordProcessed(id);
    return answer(200, `Ignored: ${type.data.type} events change nothing here.`);
  }
  const event = emailEventSchema.safeParse(verified);
  if (!event.success) {
    logger.warn({ webhookId: id, issues: event.error.issues }, "a signed Resend webhook did not have the expected shape");
    return answer(400, "The webhook's payload is not a Resend email event.");
  }
  const applied = await applyEmailEvent(id, event.data);
  return applied ? answer(200, "Applied.") : answer(200, "Already processed: ignored.");
}

async function recordProcessed(webhookId: string): Promise<boolean> {
  const inserted = await db.$executeRaw`INSERT INTO processed_webhooks (id) VALUES (${webhookId}) ON CONFLICT (id) DO NOTHING`;
  return inserted > 0;
}

function tagValue(tags: EmailEvent["data"]["tags"], name: string): string | null {
  if (!tags) return null;
  if (Array.isArray(tags)) return tags.find((tag) => tag.name === name)?.value ?? null;
  return tags[name] ?? null;
}

function describe(event: EmailEvent, outcome: Outcome): string | null {
  switch (outcome.delivery) {
    case "bounced":
      return `Bounced${event.data.bounce?.message ? `: ${event.data.bounce.message}` : "."}`;
    case "complained":
      return "The recipient marked the email as spam.";
    case "failed":
      return `The provider could not send it${event.data.failed?.reason ? `: ${event.data.failed.reason}` : "."}`;
    default:
      return null;
  }
}

/**
 * Applies one email event, exactly once per webhook id: the id is recorded in the same
 * transaction as the change, so a replay (or a retry after we answered) changes nothing.
 */
async function applyEmailEvent(webhookId: string, event: EmailEvent): Promise<boolean> {
  const outcome = outcomes[event.type]!;
  const emailId = event.data.email_id;
  // The tag finds an invitation whose provider id is not recorded yet (the webhook beat the batch's
  // bookkeeping); once an id is recorded only that id counts, so a late event about an earlier
  // email cannot change a resent invitation.
  const invitationId = tagValue(event.data.tags, INVITATION_TAG);
  const detail = describe(event, outcome);
  return db.$transaction(async (tx) => {
    const inserted = await tx.$executeRaw`INSERT INTO processed_webhooks (id) VALUES (${webhookId}) ON CONFLICT (id) DO NOTHING`;
    if (inserted === 0) return false;
    const invitations = await tx.$queryRaw<{ email: string }[]>`
      UPDATE event_invitations
      SET delivery = ${outcome.delivery}::"InvitationDelivery", delivery_updated_at = now() AT TIME ZONE 'UTC', delivery_error = ${detail}
      WHERE (provider_message_id = ${emailId} OR (id = ${invitationId} AND provider_message_id IS NULL))
        AND delivery::text = ANY(${outcome.after}::text[])
      RETURNING email`;
    const outboundEmails = await tx.outboundEmail.findMany({ where: { providerMessageId: emailId }, select: { to: true } });
    if (detail && outboundEmails.length > 0) await tx.outboundEmail.updateMany({ where: { providerMessageId: emailId }, data: { lastError: detail } });
    if (outcome.suppress) {
      const addresses = new Set([...event.data.to, ...invitations.map((row) => row.email), ...outboundEmails.map((row) => row.to)]);
      for (const address of addresses) await suppressAddress(tx, address, outcome.suppress, detail ?? "");
    }
    return true;
  });
}

export async function pruneProcessedWebhooks(now = new Date()): Promise<number> {
  const { count } = await db.processedWebhook.deleteMany({
    where: { receivedAt: { lt: new Date(now.getTime() - PROCESSED_WEBHOOK_RETENTION_DAYS * 86_400_000) } },
  });
  return count;
}

/**
 * Replays are refused by timestamp after five minutes, so a processed id only has to be
 * remembered that long; a week leaves room to investigate.
 */
export const pruneProcessedWebhooksJob: JobDefinition<object> = {
  name: "maintenance.prune-processed-webhooks",
  queue: { retryLimit: 0, expireInSeconds: 300 },
  cron: "40 3 * * *",
  handle: async () => {
    const pruned = await pruneProcessedWebhooks();
    logger.info({ pruned }, "pruned processed webhook ids");
  },
};
