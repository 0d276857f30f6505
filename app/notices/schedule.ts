import { addDaysToLocalDate, localDatePart, localTimePart, utcToZonedLocal, zonedLocalToUtc } from "~/events/time";

/**
 * When reminders and nudges are due. Days are counted on the clocks where the event happens:
 * "n days before" is the same wall-clock time n calendar days earlier in the event's zone, so the
 * day-before reminder for a 18:00 start goes at 18:00 the day before even across a clock change
 * (23 or 25 hours earlier, not 24). A wall time the clocks skip moves forward by the gap.
 */
export function daysBeforeInZone(instant: Date, days: number, timeZone: string): Date {
  const local = utcToZonedLocal(instant, timeZone);
  return zonedLocalToUtc(`${addDaysToLocalDate(localDatePart(local), -days)}T${localTimePart(local)}`, timeZone);
}

export type ReminderSchedule = { startsAt: Date; timeZone: string; reminderDaysBefore: number[] };

/** A reminder is sent from `dueAt` until `closesAt`: the next reminder's moment, or the start. */
export type DueNotice = { dueAt: Date; closesAt: Date };

export type DueReminder = DueNotice & { days: number };

/**
 * The one reminder of the event that is due now, if any. A reminder whose moment was overtaken by
 * a later one (the worker was down, a reminder was added late) is skipped rather than sent next to
 * it, so attendees never get two reminders at once.
 */
export function dueReminder(event: ReminderSchedule, now: Date): DueReminder | null {
  const moments = [...new Set(event.reminderDaysBefore)]
    .filter((days) => days > 0)
    .map((days) => ({ days, dueAt: daysBeforeInZone(event.startsAt, days, event.timeZone) }))
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  const latestPassed = moments.findLastIndex((moment) => moment.dueAt.getTime() <= now.getTime());
  if (latestPassed === -1 || now.getTime() >= event.startsAt.getTime()) return null;
  const moment = moments[latestPassed]!;
  return { ...moment, closesAt: moments[latestPassed + 1]?.dueAt ?? event.startsAt };
}

export type NudgeSchedule = { startsAt: Date; rsvpDeadline: Date | null; timeZone: string; nudgeDaysBefore: number };

/** Answers are taken until the RSVP deadline, or until the start without one. */
export function answersCloseAt(event: Pick<NudgeSchedule, "startsAt" | "rsvpDeadline">): Date {
  return event.rsvpDeadline ?? event.startsAt;
}

/** The nudge is due from `nudgeDaysBefore` days before answers close until they close; 0 turns it off. */
export function dueNudge(event: NudgeSchedule, now: Date): DueNotice | null {
  if (event.nudgeDaysBefore <= 0) return null;
  const closesAt = answersCloseAt(event);
  const dueAt = daysBeforeInZone(closesAt, event.nudgeDaysBefore, event.timeZone);
  if (now.getTime() < dueAt.getTime() || now.getTime() >= closesAt.getTime()) return null;
  return { dueAt, closesAt };
}
