import { calendarAttachment, invitationCalendar, organizerFrom } from "~/calendar/ics.server";
import { formatInZone } from "~/events/time";
import type { Prisma } from "~/generated/prisma/client";
import type { InvitationDelivery } from "~/generated/prisma/enums";
import { db, type Tx } from "~/platform/db.server";
import { queueEmail, type EmailAttachment, type OutgoingEmail } from "~/platform/email.server";
import { env } from "~/platform/env.server";
import { calendarDetailsOf, rsvpEventSelect } from "~/rsvp/event.server";
import { rsvpInvitationSelect } from "~/rsvp/invitation.server";
import { answersCloseAt } from "./schedule";

/** Kinds of `invitation_notices` rows this module writes; the RSVP flow writes its own. */
export type NoticeKind = "reminder" | "nudge" | "change" | "cancel";

/**
 * Invitations that reached the invitee and may be emailed again. A bounce or complaint moves an
 * invitation out of these, and the suppression list is checked on top.
 */
export const REACHABLE_DELIVERIES = ["sent", "delivered"] as const satisfies readonly InvitationDelivery[];

export const noticeEventSelect = {
  ...rsvpEventSelect,
  reminderDaysBefore: true,
  nudgeDaysBefore: true,
  cancelReason: true,
  quotas: { select: { organizationId: true, seats: true } },
} satisfies Prisma.EventSelect;

export type NoticeEvent = Prisma.EventGetPayload<{ select: typeof noticeEventSelect }>;

const noticeInvitationSelect = { ...rsvpInvitationSelect, sentAt: true } satisfies Prisma.EventInvitationSelect;

export type NoticeInvitation = Prisma.EventInvitationGetPayload<{ select: typeof noticeInvitationSelect }>;

export async function loadNoticeEvent(eventId: string): Promise<NoticeEvent | null> {
  return db.event.findUnique({ where: { id: eventId }, select: noticeEventSelect });
}

export type NoticeRun = {
  event: NoticeEvent;
  kind: NoticeKind;
  /** Tells apart notices of one kind: "7d" for a reminder, "v3" for a change. */
  key: string;
  /** Who gets it, besides being reachable and not revoked; checked again when claiming. */
  recipients: Prisma.EventInvitationWhereInput;
  /** The email for one invitee, or null when there is nothing to tell them. */
  compose: (invitation: NoticeInvitation) => OutgoingEmail | null;
};

/** Each transaction claims and queues this many notices: big lists go out in steps that each commit. */
export const NOTICE_CHUNK_SIZE = 25;

// Rendering a chunk's emails happens inside its transaction, which on a busy machine can take
// longer than Prisma's 5 s default.
const CHUNK_TRANSACTION_TIMEOUT_MS = 60_000;

/**
 * Sends one notice of a kind and key to every matching invitee of the event, at most once each.
 * Each notice is claimed by inserting its `invitation_notices` row (skipping ones that exist) in
 * the same transaction that queues its email, so overlapping or repeated runs, and a retry after
 * a crash, never send it twice; a run that dies part-way leaves the rest for the next one.
 * Returns how many emails this call queued.
 */
export async function sendNotices(run: NoticeRun): Promise<number> {
  const eligible: Prisma.EventInvitationWhereInput = {
    AND: [{ eventId: run.event.id, revokedAt: null, delivery: { in: [...REACHABLE_DELIVERIES] } }, run.recipients],
  };
  let queued = 0;
  let after: string | null = null;
  for (;;) {
    const page: { id: string }[] = await db.eventInvitation.findMany({
      where: { AND: [eligible, after ? { id: { gt: after } } : {}, { notices: { none: { kind: run.kind, key: run.key } } }] },
      orderBy: { id: "asc" },
      take: NOTICE_CHUNK_SIZE,
      select: { id: true },
    });
    if (page.length === 0) return queued;
    after = page.at(-1)!.id;
    const ids = page.map((invitation) => invitation.id);
    queued += await db.$transaction((tx) => sendChunk(tx, run, eligible, ids), { timeout: CHUNK_TRANSACTION_TIMEOUT_MS });
  }
}

async function sendChunk(tx: Tx, run: NoticeRun, eligible: Prisma.EventInvitationWhereInput, ids: string[]): Promise<number> {
  // Claims are inserted in id order, so two runs racing over the same invitees wait for each
  // other instead of deadlocking.
  const invitations = await tx.eventInvitation.findMany({ where: { AND: [eligible, { id: { in: ids } }] }, orderBy: { id: "asc" }, select: noticeInvitationSelect });
  const suppressed = await suppressedAddresses(tx, invitations.map((invitation) => invitation.email));
  const outgoing = invitations
    .filter((invitation) => !suppressed.has(invitation.email.toLowerCase()))
    .map((invitation) => ({ invitation, email: run.compose(invitation) }))
    .filter((candidate): candidate is { invitation: NoticeInvitation; email: OutgoingEmail } => candidate.email !== null);
  if (outgoing.length === 0) return 0;
  const claimed = await tx.invitationNotice.createManyAndReturn({
    data: outgoing.map(({ invitation }) => ({ invitationId: invitation.id, kind: run.kind, key: run.key })),
    skipDuplicates: true,
    select: { invitationId: true },
  });
  const claimedIds = new Set(claimed.map((notice) => notice.invitationId));
  for (const { invitation, email } of outgoing) {
    if (!claimedIds.has(invitation.id)) continue;
    const emailId = await queueEmail(tx, email);
    await tx.invitationNotice.update({
      where: { invitationId_kind_key: { invitationId: invitation.id, kind: run.kind, key: run.key } },
      data: { emailId },
    });
  }
  return claimedIds.size;
}

/** Lower-cased addresses among these that bounced or complained before, on any event. */
async function suppressedAddresses(tx: Tx, emails: string[]): Promise<Set<string>> {
  const candidates = [...new Set(emails.flatMap((email) => [email, email.toLowerCase()]))];
  const rows = await tx.emailSuppression.findMany({ where: { email: { in: candidates } }, select: { email: true } });
  return new Set(rows.map((row) => row.email.toLowerCase()));
}

/** The calendar entry for this invitee as the event now stands: an update, or a cancellation. */
export function noticeCalendar(event: NoticeEvent, invitation: NoticeInvitation, rsvpLink: string): EmailAttachment {
  const ics = invitationCalendar(
    calendarDetailsOf(event, rsvpLink),
    { invitationId: invitation.id, email: invitation.email, name: invitation.name, status: invitation.status },
    organizerFrom(env().EMAIL_FROM),
  );
  return calendarAttachment(ics, event.status === "cancelled" ? "CANCEL" : "REQUEST");
}

/** Until when the invitee can still change their answer, in the event's zone; null once answers are closed. */
export function changeableUntil(event: NoticeEvent, now: Date): string | null {
  const closesAt = answersCloseAt(event);
  return closesAt.getTime() > now.getTime() ? formatInZone(closesAt, event.timeZone) : null;
}
