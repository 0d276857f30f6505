import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, test } from "vitest";
import { updateEvent } from "~/events/events.server";
import { getEventForEditing, getNewEventForm } from "~/events/queries.server";
import { eventFormSchema } from "~/events/schemas";
import { db } from "~/platform/db.server";
import { describeReminderDays, noticeSettingChanges } from "./settings";
import { approvedNoticeWorld, noticeEventInput } from "./test-world.test-support";

const outing = {
  kind: "outing",
  outingType: "show",
  title: "Jazz night",
  venueName: "Blue Note",
  timeZone: "America/New_York",
  startsAt: "2027-03-14T19:00",
  endsAt: "2027-03-14T22:00",
  capacity: "20",
};

/** Submits the event form as a browser would, every value a string. */
function submit(fields: Record<string, string>) {
  const formData = new FormData();
  for (const [name, value] of Object.entries({ ...outing, ...fields })) formData.append(name, value);
  return parseWithZod(formData, { schema: eventFormSchema({ kind: "outing", initiatorName: "Acme", partnerName: "Globex", now: new Date("2026-11-22T12:00:00Z") }) });
}

function settingsOf(fields: Record<string, string>) {
  const submission = submit(fields);
  if (submission.status !== "success") throw new Error(`expected success, got ${JSON.stringify(submission.reply().error)}`);
  return { reminderDaysBefore: submission.value.reminderDaysBefore, nudgeDaysBefore: submission.value.nudgeDaysBefore };
}

function errorsOf(fields: Record<string, string>) {
  const submission = submit(fields);
  return submission.status === "success" ? {} : (submission.reply().error ?? {});
}

describe("reminder settings on the event form", () => {
  test("days are read with commas or spaces, largest first, each once; blank means none and no nudge", () => {
    expect(settingsOf({ reminderDays: "7, 1", nudgeDaysBefore: "2" })).toEqual({ reminderDaysBefore: [7, 1], nudgeDaysBefore: 2 });
    expect(settingsOf({ reminderDays: "1 14  7,7;3", nudgeDaysBefore: "0" })).toEqual({ reminderDaysBefore: [14, 7, 3, 1], nudgeDaysBefore: 0 });
    expect(settingsOf({ reminderDays: "", nudgeDaysBefore: "" })).toEqual({ reminderDaysBefore: [], nudgeDaysBefore: 0 });
  });

  test("mistakes get a message that says what to enter instead", () => {
    expect(errorsOf({ reminderDays: "7, tomorrow" }).reminderDays).toEqual(["“tomorrow” isn't a number of days. Enter whole numbers separated by commas, e.g. 7, 1."]);
    expect(errorsOf({ reminderDays: "1.5" }).reminderDays).toEqual(["“1.5” isn't a number of days. Enter whole numbers separated by commas, e.g. 7, 1."]);
    expect(errorsOf({ reminderDays: "7, 0" }).reminderDays).toEqual(["A reminder 0 days before would arrive as the event starts. Use 1 for the day before."]);
    expect(errorsOf({ reminderDays: "90, 1" }).reminderDays).toEqual(["Reminders can be at most 60 days before the event; 90 is too many."]);
    expect(errorsOf({ reminderDays: "30, 14, 7, 3, 1" }).reminderDays).toEqual(["Choose at most 4 reminders; you entered 5."]);
    expect(errorsOf({ nudgeDaysBefore: "-1" }).nudgeDaysBefore).toEqual(["The nudge can't be after the deadline. Enter 0 to turn it off."]);
    expect(errorsOf({ nudgeDaysBefore: "61" }).nudgeDaysBefore).toEqual(["Nudge at most 60 days before the deadline."]);
    expect(errorsOf({ nudgeDaysBefore: "two" }).nudgeDaysBefore).toEqual(["Enter the number of days as a whole number from 0 to 60, e.g. 2."]);
  });

  test("the history describes them in words", () => {
    expect(describeReminderDays([14, 7, 1])).toBe("14 days, 7 days and 1 day before the start");
    expect(noticeSettingChanges({ reminderDaysBefore: [7, 1], nudgeDaysBefore: 2 }, { reminderDaysBefore: [], nudgeDaysBefore: 1 })).toEqual([
      { field: "reminders", label: "Reminders", before: "7 days and 1 day before the start", after: "None" },
      { field: "nudge", label: "Nudge to people who haven't answered", before: "2 days before the RSVP deadline", after: "1 day before the RSVP deadline" },
    ]);
  });

  test("a new event starts with reminders 7 and 1 days before and a nudge 2 days before; editing shows what is saved", async () => {
    const world = await approvedNoticeWorld({ reminderDays: "3", nudgeDaysBefore: 5 });
    const blank = await getNewEventForm(world.scopes.acmeManager, world.partnershipId, "outing");
    expect([blank.defaults.reminderDays, blank.defaults.nudgeDaysBefore]).toEqual(["7, 1", "2"]);
    const editing = await getEventForEditing(world.scopes.globexManager, world.eventId);
    expect([editing.defaults.reminderDays, editing.defaults.nudgeDaysBefore]).toEqual(["3", "5"]);
  });

  test("changing them is saved and kept in the history, but is not a material change: the event stays confirmed at its version", async () => {
    const world = await approvedNoticeWorld();

    const outcome = await updateEvent(world.scopes.globexManager, world.eventId, noticeEventInput(world, { reminderDays: "14, 2", nudgeDaysBefore: 0 }));

    expect(outcome).toEqual({ changed: true, needsApprovalAgain: false, status: "confirmed", version: 1 });
    const event = await db.event.findUniqueOrThrow({ where: { id: world.eventId }, select: { reminderDaysBefore: true, nudgeDaysBefore: true, status: true } });
    expect(event).toEqual({ reminderDaysBefore: [14, 2], nudgeDaysBefore: 0, status: "confirmed" });
    const entry = await db.partnershipActivity.findFirstOrThrow({ where: { eventId: world.eventId, kind: "event.updated" }, select: { summary: true } });
    expect(entry.summary).toBe("Changed the reminders and nudge of “Team dinner”.");
  });
});
