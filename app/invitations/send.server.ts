import { data } from "@remix-run/node";
import { requireEvent } from "~/events/access.server";
import { effectiveEventStatus, eventStatusLabels } from "~/events/status";
import { formatEventRange, formatInZone, localTimeExists, zonedLocalToUtc } from "~/events/time";
import type { EventStatus, InvitationDelivery } from "~/generated/prisma/enums";
import { db } from "~/platform/db.server";
import { enqueueJob } from "~/platform/jobs.server";
import { assertCan, type TenantScope } from "~/platform/tenancy.server";
import { dispatchSendJob } from "./batch-send.server";
import type { SendInvitationsInput } from "./send-schemas";
import { markSuppressedInvitations } from "./suppressions.server";

/**
 * A send rule the request broke. The message is shown as is; `field` names the form field it is
 * about, if any; the status says whether the input was wrong (400) or the event or send no longer
 * allows it (409).
 */
export class SendRuleError extends Error {
  override name = "SendRuleError";
  constructor(
    message: string,
    readonly status: 400 | 409 = 409,
    readonly field?: "scheduledFor",
  ) {
    super(message);
  }
}

const notConfirmedReasons: Record<Exclude<EventStatus, "confirmed">, string> = {
  draft: "It is still a draft: propose it, and once both companies approve it, invitations can go out.",
  proposed: "It is waiting for approval: once both companies approve it, invitations can go out.",
  completed: "It is over, so there is no one left to invite.",
  cancelled: "It was cancelled, so no invitations go out for it.",
};

/** Why invitations cannot go out for an event in this status, or null when they can. */
export function sendBlockedReason(status: EventStatus): string | null {
  return status === "confirmed" ? null : `Invitations go out only for a confirmed event. ${notConfirmedReasons[status]}`;
}

export type SendOutcome =
  | { sent: false; suppressed: number }
  | { sent: true; sendId: string; total: number; suppressed: number; startsNow: boolean; scheduledFor: string };

function resolveScheduledFor(local: string, event: { startsAt: Date; timeZone: string }, now: Date): Date {
  if (!localTimeExists(local, event.timeZone)) {
    throw new SendRuleError(`That time doesn't exist in ${event.timeZone}: the clocks skip it. Pick another time.`, 400, "scheduledFor");
  }
  const scheduledFor = zonedLocalToUtc(local, event.timeZone);
  if (scheduledFor.getTime() <= now.getTime()) {
    throw new SendRuleError(`That time has passed (it is now ${formatInZone(now, event.timeZone)}). Pick a later time, or send now.`, 400, "scheduledFor");
  }
  if (scheduledFor.getTime() >= event.startsAt.getTime()) {
    throw new SendRuleError(`Pick a time before the event starts (${formatInZone(event.startsAt, event.timeZone)}).`, 400, "scheduledFor");
  }
  return scheduledFor;
}

/**
 * Sends the invitation, now or at a set time, to everyone on the scope's company's list who has not
 * been sent it (and, if asked, to those whose invitation failed), walk-ins aside. Addresses that bounced or
 * complained before are skipped and marked. In one transaction: the send, its invitations
 * claimed, and the job that starts it; a second click finds nothing left to claim.
 */
export async function sendInvitations(scope: TenantScope, eventId: string, input: SendInvitationsInput, now = new Date()): Promise<SendOutcome> {
  assertCan(scope, "events:plan");
  await requireEvent(scope, eventId);
  const event = await db.event.findUniqueOrThrow({ where: { id: eventId }, select: { status: true, startsAt: true, endsAt: true, timeZone: true } });
  const blocked = sendBlockedReason(effectiveEventStatus(event, now));
  if (blocked) throw new SendRuleError(blocked);
  const later = input.when === "later" && input.scheduledFor;
  const scheduledFor = later ? resolveScheduledFor(later, event, now) : now;
  const eligible: InvitationDelivery[] = input.includeFailed ? ["not_sent", "failed"] : ["not_sent"];
  const organizationId = scope.organizationId;

  return db.$transaction(async (tx) => {
    const suppressed = await markSuppressedInvitations(tx, { eventId, organizationId }, eligible);
    const send = await tx.invitationSend.create({
      data: { eventId, organizationId, createdById: scope.userId, status: "scheduled", scheduledFor, total: 0 },
      select: { id: true },
    });
    // Row locks make a concurrent second submit wait here, then find these rows claimed.
    const total = await tx.$executeRaw`
      UPDATE event_invitations
      SET delivery = ${later ? "scheduled" : "queued"}::"InvitationDelivery", send_id = ${send.id}, batch_id = NULL,
          provider_message_id = NULL, sent_at = NULL, delivery_error = NULL, delivery_updated_at = now() AT TIME ZONE 'UTC'
      WHERE event_id = ${eventId} AND organization_id = ${organizationId}
        AND delivery::text = ANY(${eligible}::text[]) AND revoked_at IS NULL
        -- Walk-ins were added at the door: there is nothing to invite them to.
        AND source <> 'walk_in'`;
    if (total === 0) {
      await tx.invitationSend.delete({ where: { id: send.id } });
      return { sent: false, suppressed };
    }
    await tx.invitationSend.update({ where: { id: send.id }, data: { total } });
    await enqueueJob(tx, dispatchSendJob, { sendId: send.id }, { singletonKey: send.id, startAfter: later ? scheduledFor : undefined });
    return { sent: true, sendId: send.id, total, suppressed, startsNow: !later, scheduledFor: formatInZone(scheduledFor, event.timeZone) };
  });
}

/** Calls off a send that has not started: its invitations go back to "not sent". */
export async function cancelSend(scope: TenantScope, eventId: string, sendId: string): Promise<{ released: number }> {
  assertCan(scope, "events:plan");
  await requireEvent(scope, eventId);
  return db.$transaction(async (tx) => {
    const send = await tx.invitationSend.findFirst({ where: { id: sendId, eventId, organizationId: scope.organizationId }, select: { id: true } });
    if (!send) throw data({ error: "not_found", message: "We couldn't find that send." }, { status: 404 });
    // The dispatch job takes the same row lock when it starts the send: one of the two wins.
    const cancelled = await tx.invitationSend.updateMany({ where: { id: sendId, status: "scheduled" }, data: { status: "cancelled", finishedAt: new Date() } });
    if (cancelled.count === 0) throw new SendRuleError("This send has already started or finished, so it can't be cancelled any more.");
    const released = await tx.eventInvitation.updateMany({
      where: { sendId, delivery: { in: ["scheduled", "queued"] } },
      data: { delivery: "not_sent", sendId: null, deliveryUpdatedAt: new Date() },
    });
    return { released: released.count };
  });
}

/** The event facts the send page shows. */
export async function loadSendEvent(scope: TenantScope, eventId: string) {
  assertCan(scope, "events:plan");
  await requireEvent(scope, eventId);
  const event = await db.event.findUniqueOrThrow({
    where: { id: eventId },
    select: { id: true, title: true, status: true, startsAt: true, endsAt: true, timeZone: true },
  });
  const status = effectiveEventStatus(event);
  return {
    ...event,
    statusLabel: eventStatusLabels[status],
    blockedReason: sendBlockedReason(status),
    when: formatEventRange(event.startsAt, event.endsAt, event.timeZone),
  };
}
