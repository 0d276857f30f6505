import EventCancelledNoticeEmail, { eventCancelledNoticeSubject } from "#emails/event-cancelled-notice";
import type { Tx } from "~/platform/db.server";
import { enqueueJob, type JobDefinition } from "~/platform/jobs.server";
import { companiesOf, whenOf } from "~/rsvp/event.server";
import { rsvpUrl } from "~/rsvp/tokens.server";
import { loadNoticeEvent, noticeCalendar, REACHABLE_DELIVERIES, sendNotices, type NoticeEvent, type NoticeInvitation } from "./send-notices.server";

type CancellationNoticesJob = { eventId: string };

export const eventCancelledNoticesJob: JobDefinition<CancellationNoticesJob> = {
  name: "notices.event-cancelled",
  queue: { retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 900 },
  handle: async ({ eventId }) => {
    await sendCancellationNotices(eventId);
  },
};

/**
 * Called in the cancelling transaction: the job exists if and only if the cancellation commits,
 * and the notices fan out from it, so cancelling a big event stays quick.
 */
export async function queueCancellationNotices(tx: Tx, eventId: string): Promise<void> {
  const invited = await tx.eventInvitation.findFirst({ where: { eventId, delivery: { in: [...REACHABLE_DELIVERIES] } }, select: { id: true } });
  if (!invited) return;
  await enqueueJob(tx, eventCancelledNoticesJob, { eventId }, { singletonKey: eventId });
}

/**
 * Tells everyone who was sent an invitation, whatever they answered: a "no" may still have the
 * entry in their calendar, and the attached METHOD:CANCEL removes it.
 */
export async function sendCancellationNotices(eventId: string): Promise<number> {
  const event = await loadNoticeEvent(eventId);
  if (!event || event.status !== "cancelled") return 0;
  return sendNotices({ event, kind: "cancel", key: "", recipients: {}, compose: (invitation) => cancellationEmail(event, invitation) });
}

function cancellationEmail(event: NoticeEvent, invitation: NoticeInvitation) {
  return {
    kind: "event-cancelled-notice",
    to: invitation.email,
    subject: eventCancelledNoticeSubject(event.title),
    react: EventCancelledNoticeEmail({
      inviteeName: invitation.name,
      eventTitle: event.title,
      companies: companiesOf(event),
      when: whenOf(event),
      reason: event.cancelReason ?? "",
    }),
    attachments: [noticeCalendar(event, invitation, rsvpUrl(invitation, event.endsAt))],
  };
}
