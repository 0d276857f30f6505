import EventReminderEmail, { eventReminderSubject } from "#emails/event-reminder";
import RsvpNudgeEmail, { rsvpNudgeSubject } from "#emails/rsvp-nudge";
import { checkInQrImagePath } from "~/attendance/paths";
import { formatInZone } from "~/events/time";
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/platform/db.server";
import { env } from "~/platform/env.server";
import type { JobDefinition } from "~/platform/jobs.server";
import { logger } from "~/platform/logger.server";
import { answerDetailLines } from "~/rsvp/invitation.server";
import { companiesOf, whenOf, whereOf } from "~/rsvp/event.server";
import { rsvpUrl } from "~/rsvp/tokens.server";
import { answersCloseAt, dueNudge, dueReminder } from "./schedule";
import { MAX_NOTICE_DAYS } from "./settings";
import { changeableUntil, loadNoticeEvent, noticeCalendar, sendNotices, type NoticeEvent, type NoticeInvitation } from "./send-notices.server";

/**
 * Every 15 minutes: reminders and nudges are due at a wall-clock time in each event's own zone,
 * so they fall on any quarter hour of the UTC day. Each goes out at most a quarter hour late.
 */
export const dueNoticesJob: JobDefinition<object> = {
  name: "notices.send-due",
  queue: { retryLimit: 2, retryDelay: 60, expireInSeconds: 900 },
  cron: "*/15 * * * *",
  handle: async () => {
    const now = new Date();
    const reminders = await sendDueReminders(now);
    const nudges = await sendDueNudges(now);
    if (reminders + nudges > 0) logger.info({ reminders, nudges }, "sent reminders and nudges");
  },
};

// A calendar day in a zone can last 25 hours, so look a little further than the setting allows.
const LOOKAHEAD_MS = (MAX_NOTICE_DAYS + 2) * 86_400_000;

const scheduleSelect = { id: true, startsAt: true, rsvpDeadline: true, timeZone: true, reminderDaysBefore: true, nudgeDaysBefore: true } satisfies Prisma.EventSelect;

/**
 * Reminds attendees of every confirmed event whose reminder is due (see `dueReminder`), once per
 * attendee and reminder. Only people who were going by the reminder's moment get it: someone who
 * said yes or came off the waitlist later just had an email with the same details. Events waiting for
 * re-approval are skipped until they are confirmed again. Returns how many reminders were queued.
 */
export async function sendDueReminders(now = new Date()): Promise<number> {
  const events = await db.event.findMany({
    where: { status: "confirmed", startsAt: { gt: now, lte: new Date(now.getTime() + LOOKAHEAD_MS) }, NOT: { reminderDaysBefore: { isEmpty: true } } },
    select: scheduleSelect,
  });
  return forEachDue(events, (event) => dueReminder(event, now), async (event, due) =>
    sendNotices({
      event,
      kind: "reminder",
      key: `${due.days}d`,
      recipients: {
        status: "attending",
        AND: [
          { OR: [{ respondedAt: { lte: due.dueAt } }, { respondedAt: null, sentAt: { lte: due.dueAt } }] },
          { OR: [{ promotedAt: null }, { promotedAt: { lte: due.dueAt } }] },
        ],
      },
      compose: (invitation) => reminderEmail(event, invitation, due.days, now),
    }),
  );
}

/**
 * Nudges people who haven't answered, once, `nudgeDaysBefore` days before answers close (see
 * `dueNudge`); never after. Someone invited after the nudge's moment has a fresh invitation and is
 * left alone. Returns how many nudges were queued.
 */
export async function sendDueNudges(now = new Date()): Promise<number> {
  const horizon = new Date(now.getTime() + LOOKAHEAD_MS);
  const events = await db.event.findMany({
    where: {
      status: "confirmed",
      nudgeDaysBefore: { gt: 0 },
      OR: [{ rsvpDeadline: { gt: now, lte: horizon } }, { rsvpDeadline: null, startsAt: { gt: now, lte: horizon } }],
    },
    select: scheduleSelect,
  });
  return forEachDue(events, (event) => dueNudge(event, now), async (event, due) =>
    sendNotices({
      event,
      kind: "nudge",
      key: "",
      recipients: { status: "no_answer", sentAt: { lte: due.dueAt } },
      compose: (invitation) => nudgeEmail(event, invitation),
    }),
  );
}

/**
 * Runs `send` for each event with something due. One event's failure doesn't hold up the others;
 * the run still fails afterwards, so the job is retried and the error shows.
 */
async function forEachDue<Schedule extends { id: string }, Due>(
  events: Schedule[],
  dueOf: (event: Schedule) => Due | null,
  send: (event: NoticeEvent, due: Due) => Promise<number>,
): Promise<number> {
  let queued = 0;
  const failures: unknown[] = [];
  for (const schedule of events) {
    const due = dueOf(schedule);
    if (!due) continue;
    try {
      const event = await loadNoticeEvent(schedule.id);
      if (event) queued += await send(event, due);
    } catch (error) {
      failures.push(error);
      logger.error({ err: error, eventId: schedule.id }, "could not send an event's reminders or nudges");
    }
  }
  if (failures.length > 0) throw new AggregateError(failures, `${failures.length} event(s) failed; the others were sent`);
  return queued;
}

function reminderEmail(event: NoticeEvent, invitation: NoticeInvitation, days: number, now: Date) {
  const link = rsvpUrl(invitation, event.endsAt);
  return {
    kind: "event-reminder",
    to: invitation.email,
    subject: eventReminderSubject(event.title, days),
    react: EventReminderEmail({
      inviteeName: invitation.name,
      eventTitle: event.title,
      companies: companiesOf(event),
      daysBefore: days,
      when: whenOf(event),
      where: whereOf(event),
      details: answerDetailLines(event, invitation),
      rsvpUrl: link,
      checkInQrUrl: `${env().APP_URL}${checkInQrImagePath(invitation.id)}`,
      changeableUntil: changeableUntil(event, now),
    }),
    attachments: [noticeCalendar(event, invitation, link)],
  };
}

function nudgeEmail(event: NoticeEvent, invitation: NoticeInvitation) {
  return {
    kind: "rsvp-nudge",
    to: invitation.email,
    subject: rsvpNudgeSubject(event.title),
    react: RsvpNudgeEmail({
      inviteeName: invitation.name,
      eventTitle: event.title,
      companies: companiesOf(event),
      when: whenOf(event),
      where: whereOf(event),
      deadline: formatInZone(answersCloseAt(event), event.timeZone),
      answerUrls: {
        yes: rsvpUrl(invitation, event.endsAt, "yes"),
        no: rsvpUrl(invitation, event.endsAt, "no"),
        maybe: rsvpUrl(invitation, event.endsAt, "maybe"),
      },
    }),
  };
}
