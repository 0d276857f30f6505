import { describe, expect, test } from "vitest";
import { daysBeforeInZone, dueNudge, dueReminder } from "./schedule";

describe("daysBeforeInZone", () => {
  test("keeps the wall-clock time in the event's zone across clock changes", () => {
    // Sun 30 Mar 2031 Europe/Berlin goes from +01:00 to +02:00.
    expect(daysBeforeInZone(new Date("2031-03-31T07:00:00Z"), 1, "Europe/Berlin").toISOString()).toBe("2031-03-30T07:00:00.000Z");
    expect(daysBeforeInZone(new Date("2031-03-31T07:00:00Z"), 2, "Europe/Berlin").toISOString()).toBe("2031-03-29T08:00:00.000Z");
    // Sun 26 Oct 2031 back from +02:00 to +01:00: the day before is 25 hours earlier.
    expect(daysBeforeInZone(new Date("2031-10-26T17:00:00Z"), 1, "Europe/Berlin").toISOString()).toBe("2031-10-25T16:00:00.000Z");
    expect(daysBeforeInZone(new Date("2031-06-14T09:00:00Z"), 7, "UTC").toISOString()).toBe("2031-06-07T09:00:00.000Z");
  });

  test("a time the clocks skip on the earlier day moves forward by the gap", () => {
    // 02:30 on Sun 9 Mar 2031 doesn't exist in New York; it reads as 03:30 EDT.
    expect(daysBeforeInZone(new Date("2031-03-10T06:30:00Z"), 1, "America/New_York").toISOString()).toBe("2031-03-09T07:30:00.000Z");
  });
});

describe("dueReminder", () => {
  const event = { startsAt: new Date("2031-06-14T16:00:00Z"), timeZone: "Europe/Berlin", reminderDaysBefore: [1, 7] };

  test("each reminder is due from its moment until the next one's, and none once the event starts", () => {
    expect(dueReminder(event, new Date("2031-06-07T15:59:00Z"))).toBeNull();
    expect(dueReminder(event, new Date("2031-06-07T16:00:00Z"))).toEqual({ days: 7, dueAt: new Date("2031-06-07T16:00:00Z"), closesAt: new Date("2031-06-13T16:00:00Z") });
    expect(dueReminder(event, new Date("2031-06-13T15:59:00Z"))?.days).toBe(7);
    expect(dueReminder(event, new Date("2031-06-13T16:00:00Z"))).toEqual({ days: 1, dueAt: new Date("2031-06-13T16:00:00Z"), closesAt: event.startsAt });
    expect(dueReminder(event, event.startsAt)).toBeNull();
  });

  test("no reminders, none due", () => {
    expect(dueReminder({ ...event, reminderDaysBefore: [] }, new Date("2031-06-13T17:00:00Z"))).toBeNull();
  });
});

describe("dueNudge", () => {
  const event = { startsAt: new Date("2031-06-14T16:00:00Z"), rsvpDeadline: new Date("2031-06-10T15:00:00Z"), timeZone: "Europe/Berlin", nudgeDaysBefore: 2 };

  test("due from n days before the deadline until it; without a deadline, before the start; 0 is off", () => {
    expect(dueNudge(event, new Date("2031-06-08T14:59:00Z"))).toBeNull();
    expect(dueNudge(event, new Date("2031-06-08T15:00:00Z"))).toEqual({ dueAt: new Date("2031-06-08T15:00:00Z"), closesAt: event.rsvpDeadline });
    expect(dueNudge(event, event.rsvpDeadline)).toBeNull();
    expect(dueNudge({ ...event, rsvpDeadline: null }, new Date("2031-06-12T16:00:00Z"))?.closesAt).toEqual(event.startsAt);
    expect(dueNudge({ ...event, nudgeDaysBefore: 0 }, new Date("2031-06-09T00:00:00Z"))).toBeNull();
  });
});
