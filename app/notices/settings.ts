import { z } from "zod";
import type { FieldChange } from "~/events/changes";

/**
 * An event's reminder settings: which days before the start attendees are reminded, and how many
 * days before the RSVP deadline people who haven't answered are nudged. Neither is a material
 * change: editing them never needs new approvals. Shared by the event form and the server.
 */

export const MAX_REMINDERS = 4;
export const MAX_NOTICE_DAYS = 60;
export const DEFAULT_REMINDER_DAYS = [7, 1] as const;
export const DEFAULT_NUDGE_DAYS = 2;

export type NoticeSettings = { reminderDaysBefore: number[]; nudgeDaysBefore: number };

/**
 * "7, 1" (commas or spaces) → [7, 1], largest first, each day once. Blank means no reminders.
 * Zero is refused: "0 days before" would arrive as the event starts.
 */
export const reminderDaysField = z
  .string()
  .trim()
  .max(100, { message: `Enter up to ${MAX_REMINDERS} numbers of days, e.g. 7, 1.` })
  .optional()
  .superRefine((text, ctx) => {
    const problem = reminderDaysProblem(text ?? "");
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .transform((text) => parseReminderDays(text ?? ""));

export const nudgeDaysField = z
  .number({ message: `Enter the number of days as a whole number from 0 to ${MAX_NOTICE_DAYS}, e.g. 2.` })
  .int({ message: `Enter the number of days as a whole number from 0 to ${MAX_NOTICE_DAYS}, e.g. 2.` })
  .min(0, { message: "The nudge can't be after the deadline. Enter 0 to turn it off." })
  .max(MAX_NOTICE_DAYS, { message: `Nudge at most ${MAX_NOTICE_DAYS} days before the deadline.` })
  .optional()
  .transform((days) => days ?? 0);

function reminderTokens(text: string): string[] {
  return text.split(/[\s,;]+/).filter(Boolean);
}

function reminderDaysProblem(text: string): string | null {
  const tokens = reminderTokens(text);
  const notANumber = tokens.find((token) => !/^\d+$/.test(token));
  if (notANumber !== undefined) return `“${notANumber}” isn't a number of days. Enter whole numbers separated by commas, e.g. 7, 1.`;
  const days = [...new Set(tokens.map(Number))];
  if (days.includes(0)) return "A reminder 0 days before would arrive as the event starts. Use 1 for the day before.";
  const tooFar = days.find((day) => day > MAX_NOTICE_DAYS);
  if (tooFar !== undefined) return `Reminders can be at most ${MAX_NOTICE_DAYS} days before the event; ${tooFar} is too many.`;
  if (days.length > MAX_REMINDERS) return `Choose at most ${MAX_REMINDERS} reminders; you entered ${days.length}.`;
  return null;
}

function parseReminderDays(text: string): number[] {
  return [...new Set(reminderTokens(text).map(Number))].sort((a, b) => b - a);
}

/** [7, 1] → "7, 1", as the form field shows it. */
export function formatReminderDays(days: readonly number[]): string {
  return [...days].sort((a, b) => b - a).join(", ");
}

/** [7, 1] → "7 days and 1 day before the start". */
export function describeReminderDays(days: readonly number[]): string {
  if (days.length === 0) return "None";
  const counts = [...days].sort((a, b) => b - a).map((day) => `${day} ${day === 1 ? "day" : "days"}`);
  const list = counts.length === 1 ? counts[0]! : `${counts.slice(0, -1).join(", ")} and ${counts.at(-1)}`;
  return `${list} before the start`;
}

export function describeNudgeDays(days: number): string {
  if (days === 0) return "Off";
  return `${days} ${days === 1 ? "day" : "days"} before the RSVP deadline`;
}

/** Before → after for the event's history, like the other details that don't need approval. */
export function noticeSettingChanges(before: NoticeSettings, after: NoticeSettings): FieldChange[] {
  const changes: FieldChange[] = [];
  const reminders = [describeReminderDays(before.reminderDaysBefore), describeReminderDays(after.reminderDaysBefore)] as const;
  if (reminders[0] !== reminders[1]) changes.push({ field: "reminders", label: "Reminders", before: reminders[0], after: reminders[1] });
  const nudge = [describeNudgeDays(before.nudgeDaysBefore), describeNudgeDays(after.nudgeDaysBefore)] as const;
  if (nudge[0] !== nudge[1]) changes.push({ field: "nudge", label: "Nudge to people who haven't answered", before: nudge[0], after: nudge[1] });
  return changes;
}
