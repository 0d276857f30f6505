import { effectiveEventStatus } from "~/events/status";
import type { InvitationSendStatus } from "~/generated/prisma/enums";
import { db, type Tx } from "~/platform/db.server";
import {
  EmailDeliveryError,
  EmailRejectedError,
  emailTransport,
  IdempotencyConflictError,
  MAX_BATCH_EMAILS,
  type BatchEmailMessage,
  type EmailTransport,
} from "~/platform/email.server";
import { enqueueDelayedJob, enqueueJob, type JobDefinition } from "~/platform/jobs.server";
import { logger } from "~/platform/logger.server";
import { buildInvitationMessage, findInvitationEvent, invitationPersonaliser, parseInvitationMessage, recipientSlots } from "./invitation-email.server";
import { suppressionNotes } from "./suppressions.server";

/**
 * A send goes out in two steps, both pg-boss jobs:
 * 1. `invitations.dispatch-send` (at the send's time) renders the invitation once, splits the
 *    send's invitations into batches of up to 100 and enqueues one job per batch, all in one
 *    transaction: a batch exists with its invitations and its job, or not at all.
 * 2. `invitations.send-batch` sends one batch in one call to the provider's batch endpoint, with
 *    the batch id as idempotency key, and records each invitation's provider id.
 */

/** The tag each invitation email carries, so a webhook can find the invitation even before its provider id is recorded. */
export const INVITATION_TAG = "invitation_id";

export const INVITATION_EMAIL_KIND = "event-invitation";

type DispatchSendJob = { sendId: string };
type SendBatchJob = { batchId: string };

const BATCH_RETRY_LIMIT = 10;

export const sendBatchJob: JobDefinition<SendBatchJob> = {
  name: "invitations.send-batch",
  // A batch waits for its turn at the provider inside the job, and the provider may take up to its
  // timeout to answer; three minutes covers both with room to spare.
  queue: { retryLimit: BATCH_RETRY_LIMIT, retryDelay: 2, retryBackoff: true, retryDelayMax: 300, expireInSeconds: 180 },
  // One per process: the provider's rate, not the workers, limits a send (a batch takes a fraction
  // of its turn's interval to prepare and record), and a process with nothing else to do when its
  // turn comes sends right on time. Each further instance adds a worker, all sharing the pacer.
  concurrency: 1,
  handle: (data, job) => handleSendBatchJob(data, job, emailTransport()),
};

export const dispatchSendJob: JobDefinition<DispatchSendJob> = {
  name: "invitations.dispatch-send",
  queue: { retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInSeconds: 300 },
  handle: ({ sendId }) => dispatchSend(sendId),
};

export function batchIdempotencyKey(batchId: string): string {
  return `invitation-batch/${batchId}`;
}

/**
 * Starts a send: batches its invitations and enqueues their jobs. Safe to run twice: invitations
 * already in a batch are left alone. A send whose event is no longer confirmed is called off.
 */
export async function dispatchSend(sendId: string): Promise<void> {
  const send = await db.invitationSend.findUnique({ where: { id: sendId }, select: { status: true, eventId: true, organizationId: true, message: true } });
  if (!send || send.status === "cancelled" || send.status === "sent") return;
  const event = await findInvitationEvent(send.eventId);
  if (!event) return;
  const stillConfirmed = effectiveEventStatus(event) === "confirmed";
  // Rendered before the transaction: it is the slow step, and holding the send's lock through it
  // would only make a manager's "cancel" wait.
  const message = send.message ?? (stillConfirmed ? await buildInvitationMessage(event, send.organizationId) : null);

  await db.$transaction(
    async (tx) => {
      const [locked] = await tx.$queryRaw<{ status: InvitationSendStatus }[]>`SELECT status FROM invitation_sends WHERE id = ${sendId} FOR UPDATE`;
      if (!locked || locked.status === "cancelled" || locked.status === "sent") return;
      if (!stillConfirmed || !message) {
        await releaseUnbatched(tx, sendId);
        if (locked.status === "scheduled") await tx.invitationSend.update({ where: { id: sendId }, data: { status: "cancelled", finishedAt: new Date() } });
        logger.info({ sendId, eventStatus: event.status }, "the event is no longer confirmed, so its scheduled invitations were not sent");
        return;
      }
      if (locked.status === "scheduled") {
        await tx.invitationSend.update({ where: { id: sendId }, data: { status: "sending", startedAt: new Date(), message } });
      }
      await tx.$executeRaw`
        UPDATE event_invitations SET delivery = 'not_sent', send_id = NULL, delivery_updated_at = now() AT TIME ZONE 'UTC'
        WHERE send_id = ${sendId} AND batch_id IS NULL AND revoked_at IS NOT NULL`;
      // An address may have bounced since the send was scheduled.
      await tx.$executeRaw`
        UPDATE event_invitations AS invitation
        SET delivery = 'suppressed', send_id = NULL, delivery_updated_at = now() AT TIME ZONE 'UTC',
            delivery_error = CASE suppression.reason WHEN 'bounced' THEN ${suppressionNotes.bounced} ELSE ${suppressionNotes.complained} END
        FROM email_suppressions AS suppression
        WHERE invitation.send_id = ${sendId} AND invitation.batch_id IS NULL AND lower(invitation.email) = suppression.email`;
      const pending = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM event_invitations
        WHERE send_id = ${sendId} AND batch_id IS NULL AND delivery IN ('scheduled', 'queued')
        ORDER BY id`;
      const sizes = Array.from({ length: Math.ceil(pending.length / MAX_BATCH_EMAILS) }, (_, index) =>
        Math.min(MAX_BATCH_EMAILS, pending.length - index * MAX_BATCH_EMAILS),
      );
      // A few set-wide statements rather than three per batch: a send of 10,000 starts a second sooner.
      const created = await tx.invitationBatch.createManyAndReturn({ data: sizes.map((size) => ({ sendId, size })), select: { id: true, size: true } });
      // Full batches first, like the slices of `pending`, whatever order the rows come back in.
      const batches = created.sort((a, b) => b.size - a.size);
      const batchOf = pending.map((_, index) => batches[Math.floor(index / MAX_BATCH_EMAILS)]!.id);
      await tx.$executeRaw`
        UPDATE event_invitations AS invitation SET batch_id = assigned.batch_id, delivery = 'queued'
        FROM unnest(${pending.map((row) => row.id)}::text[], ${batchOf}::text[]) AS assigned(id, batch_id)
        WHERE invitation.id = assigned.id`;
      for (const batch of batches) await enqueueJob(tx, sendBatchJob, { batchId: batch.id }, { singletonKey: batch.id });
      const total = await tx.eventInvitation.count({ where: { sendId } });
      await tx.invitationSend.update({ where: { id: sendId }, data: { total } });
    },
    { timeout: 60_000 },
  );
  await finishSendIfComplete(sendId);
}

async function releaseUnbatched(tx: Tx, sendId: string) {
  await tx.eventInvitation.updateMany({
    where: { sendId, batchId: null, delivery: { in: ["scheduled", "queued"] } },
    data: { delivery: "not_sent", sendId: null, deliveryUpdatedAt: new Date() },
  });
}

type BatchInvitation = { id: string; eventId: string; email: string; name: string; tokenVersion: number; delivery: string };

/**
 * One attempt of a batch. Every attempt sends the same emails in the same order with the same
 * key, so when an earlier attempt reached the provider and the process died before recording it,
 * the provider answers from its idempotency store and nothing goes out twice.
 */
export async function handleSendBatchJob({ batchId }: SendBatchJob, job: { retryCount: number }, via: EmailTransport): Promise<void> {
  const batch = await db.invitationBatch.findUnique({
    where: { id: batchId },
    select: { sendId: true, attempts: true, send: { select: { message: true, event: { select: { status: true, endsAt: true } } } } },
  });
  if (!batch) return;
  // All of the batch's invitations, whatever a webhook has made of them since: the payload must
  // not change between attempts.
  const invitations: BatchInvitation[] = await db.eventInvitation.findMany({
    where: { batchId },
    orderBy: { id: "asc" },
    select: { id: true, eventId: true, email: true, name: true, tokenVersion: true, delivery: true },
  });
  if (!invitations.some((invitation) => invitation.delivery === "queued")) return finishSendIfComplete(batch.sendId);
  if (batch.attempts === 0 && effectiveEventStatus(batch.send.event) !== "confirmed") {
    // Nothing of this batch can have reached the provider yet, so it can still be called off.
    await db.eventInvitation.updateMany({ where: { batchId, delivery: "queued" }, data: { delivery: "not_sent", sendId: null, batchId: null, deliveryUpdatedAt: new Date() } });
    return finishSendIfComplete(batch.sendId);
  }

  const emails = personaliseBatch(batch.send.message, invitations);
  await db.invitationBatch.update({ where: { id: batchId }, data: { attempts: { increment: 1 } } });
  const invitationIds = invitations.map((invitation) => invitation.id);
  try {
    const delivery = await via.sendBatch({ kind: INVITATION_EMAIL_KIND, emails }, batchIdempotencyKey(batchId));
    await recordBatchSent(batchId, invitationIds, delivery.providerMessageIds, null);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (error instanceof IdempotencyConflictError) {
      // The provider holds an earlier attempt of this batch under the key, so those emails went out;
      // their ids are lost, and webhooks find the invitations by tag instead.
      await recordBatchSent(batchId, invitationIds, invitationIds.map(() => null), "Sent by an earlier attempt; the provider's id was not recorded.");
      logger.warn({ batchId, err: reason }, "an invitation batch was already accepted under its key with different content; recorded as sent");
    } else if (error instanceof EmailRejectedError) {
      await failBatch(batchId, reason);
      logger.error({ batchId, err: reason }, "the email provider refused an invitation batch; it will not be retried");
    } else if (error instanceof EmailDeliveryError && error.retryAfterSeconds !== undefined) {
      // As for single emails: pg-boss cannot delay one retry by the provider's retry-after, so
      // this attempt ends and a fresh job starts after the wait, with its whole retry budget.
      await noteBatchError(batchId, reason);
      await enqueueDelayedJob(sendBatchJob, { batchId }, { delaySeconds: error.retryAfterSeconds, singletonKey: batchId });
      return;
    } else {
      await noteBatchError(batchId, reason);
      if (job.retryCount < BATCH_RETRY_LIMIT) {
        logger.warn({ batchId, attempt: batch.attempts + 1, err: reason }, "an invitation batch could not be sent; it will be retried");
        throw error;
      }
      await failBatch(batchId, reason);
      logger.error({ batchId, err: reason }, "an invitation batch failed on its last attempt");
      await finishSendIfComplete(batch.sendId);
      throw error;
    }
  }
  await finishSendIfComplete(batch.sendId);
}

function personaliseBatch(storedMessage: unknown, invitations: BatchInvitation[]): BatchEmailMessage[] {
  const message = parseInvitationMessage(storedMessage);
  const personalise = invitationPersonaliser(message);
  const eventEndsAt = new Date(message.eventEndsAt);
  return invitations.map((invitation) => ({
    ...personalise(recipientSlots(invitation, eventEndsAt)),
    to: invitation.email,
    tags: [{ name: INVITATION_TAG, value: invitation.id }],
  }));
}

/**
 * Records the provider's id of each email (in request order). An invitation a webhook has already
 * moved on (delivered, bounced…) keeps its status: a status never goes back to "sent".
 */
async function recordBatchSent(batchId: string, invitationIds: string[], providerMessageIds: (string | null)[], note: string | null) {
  await db.$transaction([
    db.$executeRaw`
      UPDATE event_invitations AS invitation
      SET provider_message_id = coalesce(sent.provider_message_id, invitation.provider_message_id),
          sent_at = coalesce(invitation.sent_at, now() AT TIME ZONE 'UTC'),
          delivery = CASE WHEN invitation.delivery = 'queued' THEN 'sent'::"InvitationDelivery" ELSE invitation.delivery END,
          delivery_updated_at = CASE WHEN invitation.delivery = 'queued' THEN now() AT TIME ZONE 'UTC' ELSE invitation.delivery_updated_at END,
          delivery_error = CASE WHEN invitation.delivery = 'queued' THEN ${note} ELSE invitation.delivery_error END
      FROM unnest(${invitationIds}::text[], ${providerMessageIds}::text[]) AS sent(id, provider_message_id)
      WHERE invitation.id = sent.id AND invitation.batch_id = ${batchId}`,
    db.invitationBatch.update({ where: { id: batchId }, data: { sentAt: new Date(), lastError: null } }),
  ]);
}

async function noteBatchError(batchId: string, reason: string) {
  await db.invitationBatch.update({ where: { id: batchId }, data: { lastError: reason } });
}

async function failBatch(batchId: string, reason: string) {
  await db.$transaction([
    db.eventInvitation.updateMany({ where: { batchId, delivery: "queued" }, data: { delivery: "failed", deliveryError: reason, deliveryUpdatedAt: new Date() } }),
    db.invitationBatch.update({ where: { id: batchId }, data: { lastError: reason } }),
  ]);
}

/**
 * Marks the send finished once none of its invitations waits any more. Runs after the batch's own
 * changes commit, so of two batches finishing together the later one always sees the other's.
 */
export async function finishSendIfComplete(sendId: string): Promise<void> {
  await db.$executeRaw`
    UPDATE invitation_sends SET status = 'sent', finished_at = now() AT TIME ZONE 'UTC'
    WHERE id = ${sendId} AND status = 'sending'
      AND NOT EXISTS (SELECT 1 FROM event_invitations WHERE send_id = ${sendId} AND delivery IN ('scheduled', 'queued'))`;
}
