import EventChangedNoticeEmail, { eventChangedNoticeSubject } from "#emails/event-changed-notice";
import { materialChanges, materialSnapshot, type FieldChange, type MaterialSnapshot } from "~/events/changes";
import { db, type Tx } from "~/platform/db.server";
import { enqueueJob, type JobDefinition } from "~/platform/jobs.server";
import { companiesOf, whenOf, whereOf } from "~/rsvp/event.server";
import { answerDetailLines } from "~/rsvp/invitation.server";
import { rsvpUrl } from "~/rsvp/tokens.server";
import { changeableUntil, loadNoticeEvent, noticeCalendar, REACHABLE_DELIVERIES, sendNotices, type NoticeEvent, type NoticeInvitation } from "./send-notices.server";

/**
 * Invitees hear about changes when both companies have agreed them, not while they are proposed:
 * a material change sends the event back for approval, and only its confirmation tells the people
 * invited. Each invitee is told what differs from the last plan *they* were told about (the one
 * confirmed when their invitation went out, or their last change notice), so edits made while the
 * event was waiting for approval, or a move and a move back, reach them as one accurate notice.
 */

type ChangeNoticesJob = { eventId: string; version: number };

export const eventChangedNoticesJob: JobDefinition<ChangeNoticesJob> = {
  name: "notices.event-changed",
  queue: { retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 900 },
  handle: async ({ eventId }) => {
    await sendChangeNotices(eventId);
  },
};

/** Called in the transaction that confirms a version: the notices fan out in a job of their own. */
export async function queueChangeNotices(tx: Tx, eventId: string, version: number): Promise<void> {
  const invited = await tx.eventInvitation.findFirst({ where: { eventId, delivery: { in: [...REACHABLE_DELIVERIES] } }, select: { id: true } });
  if (!invited) return;
  await enqueueJob(tx, eventChangedNoticesJob, { eventId, version }, { singletonKey: `${eventId}:v${version}` });
}

/** What invitees care about: when and where, and their own shift. Seats and quotas are the planners' business. */
const INVITEE_FIELDS = new Set(["when", "venueName", "venueAddress", "onlineUrl"]);

type ConfirmedVersion = { version: number; confirmedAt: Date; snapshot: MaterialSnapshot };

/**
 * Sends the current version's change notice to everyone who was sent an invitation, hasn't
 * declined and still has something to learn. Does nothing unless the event is confirmed: if it
 * changed again before this ran, that version's confirmation sends the notice instead.
 */
export async function sendChangeNotices(eventId: string, now = new Date()): Promise<number> {
  const event = await loadNoticeEvent(eventId);
  if (!event || event.status !== "confirmed" || event.endsAt.getTime() <= now.getTime()) return 0;
  const confirmed = await confirmedVersions(event);
  const notified = await lastNotifiedVersions(eventId);
  const current = materialSnapshot(event);
  const context = { organizations: [event.partnership.initiator, ...(event.partnership.partner ? [event.partnership.partner] : [])] };
  // Most invitees were told the same version: compare each one once.
  const changesSince = new Map<number, FieldChange[]>();
  const changesFrom = (told: ConfirmedVersion) => {
    if (!changesSince.has(told.version)) changesSince.set(told.version, materialChanges(told.snapshot, current, context));
    return changesSince.get(told.version)!;
  };

  return sendNotices({
    event,
    kind: "change",
    key: `v${event.version}`,
    recipients: { status: { not: "declined" } },
    compose: (invitation) => {
      const toldVersion = Math.max(notified.get(invitation.id) ?? 0, versionConfirmedAt(confirmed, invitation.sentAt));
      if (toldVersion >= event.version) return null;
      const told = confirmed.find((version) => version.version === toldVersion);
      // Without a record of what they were told, they get the current plan in full.
      const changes = told ? relevantTo(invitation, event, changesFrom(told)) : [];
      if (told && changes.length === 0) return null;
      return changeEmail(event, invitation, changes, now);
    },
  });
}

/** Versions both companies approved, with when the second approval made each one confirmed. */
async function confirmedVersions(event: NoticeEvent): Promise<ConfirmedVersion[]> {
  const companyIds = [event.partnership.initiator.id, event.partnership.partner?.id].filter((id): id is string => Boolean(id));
  const approvals = await db.eventApproval.findMany({
    where: { eventId: event.id, organizationId: { in: companyIds } },
    select: { version: true, approvedAt: true, snapshot: true },
    orderBy: { approvedAt: "asc" },
  });
  const byVersion = new Map<number, typeof approvals>();
  for (const approval of approvals) byVersion.set(approval.version, [...(byVersion.get(approval.version) ?? []), approval]);
  return [...byVersion.entries()]
    .filter(([, both]) => both.length === companyIds.length)
    .map(([version, both]) => ({ version, confirmedAt: both.at(-1)!.approvedAt, snapshot: both[0]!.snapshot as MaterialSnapshot }));
}

/** The newest version confirmed by the time the invitation went out; 0 if none was. */
function versionConfirmedAt(confirmed: ConfirmedVersion[], sentAt: Date | null): number {
  if (!sentAt) return 0;
  return Math.max(0, ...confirmed.filter((version) => version.confirmedAt.getTime() <= sentAt.getTime()).map((version) => version.version));
}

/** Per invitation: the newest version a change notice already told them about. */
async function lastNotifiedVersions(eventId: string): Promise<Map<string, number>> {
  const notices = await db.invitationNotice.findMany({ where: { kind: "change", invitation: { eventId } }, select: { invitationId: true, key: true } });
  const versions = new Map<string, number>();
  for (const notice of notices) {
    const version = Number(notice.key.slice(1));
    if (version > (versions.get(notice.invitationId) ?? 0)) versions.set(notice.invitationId, version);
  }
  return versions;
}

function relevantTo(invitation: NoticeInvitation, event: NoticeEvent, changes: FieldChange[]): FieldChange[] {
  const shiftRole = event.shifts.find((shift) => shift.id === invitation.shiftId)?.role;
  return changes.filter((change) => INVITEE_FIELDS.has(change.field) || (change.field === "shift" && shiftRole !== undefined && change.label === `Shift: ${shiftRole}`));
}

function changeEmail(event: NoticeEvent, invitation: NoticeInvitation, changes: FieldChange[], now: Date) {
  const link = rsvpUrl(invitation, event.endsAt);
  return {
    kind: "event-changed-notice",
    to: invitation.email,
    subject: eventChangedNoticeSubject(event.title, changes),
    react: EventChangedNoticeEmail({
      inviteeName: invitation.name,
      eventTitle: event.title,
      companies: companiesOf(event),
      when: whenOf(event),
      where: whereOf(event),
      changes: changes.map(({ label, before, after }) => ({ label, before, after })),
      details: answerDetailLines(event, invitation),
      saidYes: invitation.status === "attending" || invitation.status === "waitlisted",
      rsvpUrl: link,
      changeableUntil: changeableUntil(event, now),
    }),
    attachments: [noticeCalendar(event, invitation, link)],
  };
}
