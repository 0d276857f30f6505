import { formatDayInZone, localDatePart, utcToZonedLocal } from "~/events/time";

/**
 * A due date is a calendar date, not an instant: it is stored as midnight UTC of that date and
 * read back the same way, so it is the same date for both companies wherever they are.
 */
export function dueDateToStored(date: string): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

export function storedToDueDate(stored: Date): string {
  return stored.toISOString().slice(0, 10);
}

/** "Sat 14 Mar 2027". */
export function formatDueDate(stored: Date): string {
  return formatDayInZone(stored, "UTC");
}

/** Today's date where the event happens: a task is overdue once its due date has passed there. */
export function todayInZone(timeZone: string, now = new Date()): string {
  return localDatePart(utcToZonedLocal(now, timeZone));
}

export function isOverdue(task: { dueOn: Date | null; doneAt: Date | null }, timeZone: string, now = new Date()): boolean {
  return task.dueOn !== null && task.doneAt === null && storedToDueDate(task.dueOn) < todayInZone(timeZone, now);
}
