import { describe, expect, test } from "vitest";
import {
  addDaysToLocalDate,
  daysBetweenLocalDates,
  formatEventRange,
  formatInZone,
  isLocalDateTime,
  isValidTimeZone,
  localTimeExists,
  timeZoneChoices,
  utcToZonedLocal,
  zonedLocalToUtc,
} from "./time";

describe("zonedLocalToUtc", () => {
  test.each([
    ["2027-03-14T18:00", "America/New_York", "2027-03-14T22:00:00.000Z"],
    ["2027-01-10T18:00", "America/New_York", "2027-01-10T23:00:00.000Z"],
    ["2027-07-01T09:30", "Europe/Berlin", "2027-07-01T07:30:00.000Z"],
    ["2027-12-01T09:30", "Europe/Berlin", "2027-12-01T08:30:00.000Z"],
    ["2027-06-01T12:00", "Asia/Kolkata", "2027-06-01T06:30:00.000Z"],
    ["2027-01-01T00:00", "Pacific/Chatham", "2026-12-31T10:15:00.000Z"],
    ["2027-01-15T08:00", "Australia/Sydney", "2027-01-14T21:00:00.000Z"],
    ["2027-03-14T18:00", "UTC", "2027-03-14T18:00:00.000Z"],
  ])("%s in %s is %s", (local, zone, iso) => {
    expect(zonedLocalToUtc(local, zone).toISOString()).toBe(iso);
  });

  test.each([
    ["America/New_York", ["2027-03-14T01:59", "2027-03-14T03:00", "2027-11-07T00:30", "2027-11-07T02:00", "2027-07-04T12:00"]],
    ["Europe/Berlin", ["2027-03-28T01:59", "2027-03-28T03:00", "2027-10-31T01:59", "2027-10-31T03:00", "2027-02-28T23:59"]],
    ["Australia/Sydney", ["2027-04-04T01:30", "2027-04-04T03:00", "2027-10-03T01:59", "2027-10-03T03:00"]],
    ["Asia/Tokyo", ["2027-01-01T00:00", "2027-12-31T23:59"]],
    ["America/Sao_Paulo", ["2027-05-01T10:00"]],
  ])("round-trips every existing wall time in %s", (zone, locals) => {
    for (const local of locals) expect(utcToZonedLocal(zonedLocalToUtc(local, zone), zone)).toBe(local);
  });

  test("a time clocks go back over means its first occurrence (daylight time still on)", () => {
    // Berlin falls back from 03:00 CEST to 02:00 CET: 02:30 happens twice; the first is UTC+2.
    expect(zonedLocalToUtc("2027-10-31T02:30", "Europe/Berlin").toISOString()).toBe("2027-10-31T00:30:00.000Z");
    expect(zonedLocalToUtc("2027-11-07T01:30", "America/New_York").toISOString()).toBe("2027-11-07T05:30:00.000Z");
  });

  test("a time skipped by clocks going forward moves forward by the gap, and is reported as not existing", () => {
    // Berlin jumps from 02:00 to 03:00 on 28 March 2027: 02:30 never happens.
    expect(localTimeExists("2027-03-28T02:30", "Europe/Berlin")).toBe(false);
    expect(utcToZonedLocal(zonedLocalToUtc("2027-03-28T02:30", "Europe/Berlin"), "Europe/Berlin")).toBe("2027-03-28T03:30");
    expect(localTimeExists("2027-03-14T02:15", "America/New_York")).toBe(false);
    expect(localTimeExists("2027-03-28T03:00", "Europe/Berlin")).toBe(true);
    expect(localTimeExists("2027-10-31T02:30", "Europe/Berlin")).toBe(true);
  });

  test("refuses malformed times, impossible dates and unknown zones", () => {
    expect(() => zonedLocalToUtc("2027-02-29T10:00", "UTC")).toThrow(RangeError);
    expect(() => zonedLocalToUtc("2027-04-31T10:00", "UTC")).toThrow(RangeError);
    expect(() => zonedLocalToUtc("14/03/2027 18:00", "UTC")).toThrow(RangeError);
    expect(() => zonedLocalToUtc("2027-03-14T18:00", "Mars/Olympus_Mons")).toThrow(RangeError);
    expect(isLocalDateTime("2028-02-29T10:00")).toBe(true);
    expect(isLocalDateTime("2027-03-14T24:00")).toBe(false);
    expect(localTimeExists("nonsense", "UTC")).toBe(false);
  });
});

describe("isValidTimeZone", () => {
  test("accepts IANA zones and refuses anything else", () => {
    expect(isValidTimeZone("Europe/Berlin")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("Europe/Atlantis")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
  });

  test("the picker offers the common zones first and every other zone once", () => {
    const { common, all } = timeZoneChoices();
    expect(common[0]).toBe("America/New_York");
    expect(common).toContain("UTC");
    expect(all.length).toBeGreaterThan(300);
    expect(all.some((zone) => common.includes(zone))).toBe(false);
  });
});

describe("formatting in the event's zone", () => {
  test("names the zone and shows the local wall time, whatever the server's zone", () => {
    const start = zonedLocalToUtc("2027-03-14T18:00", "America/New_York");
    const end = zonedLocalToUtc("2027-03-14T21:00", "America/New_York");
    expect(formatEventRange(start, end, "America/New_York")).toBe("Sun 14 Mar 2027, 18:00–21:00 (America/New_York)");
    expect(formatEventRange(start, end, "Europe/Berlin")).toBe("Sun 14 Mar 2027, 23:00 – Mon 15 Mar 2027, 02:00 (Europe/Berlin)");
    expect(formatInZone(start, "Asia/Tokyo")).toBe("Mon 15 Mar 2027, 07:00 (Asia/Tokyo)");
  });
});

describe("local calendar arithmetic", () => {
  test("adds days across month, year and leap-day boundaries", () => {
    expect(addDaysToLocalDate("2027-12-31", 1)).toBe("2028-01-01");
    expect(addDaysToLocalDate("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDaysToLocalDate("2027-03-01", -1)).toBe("2027-02-28");
    expect(daysBetweenLocalDates("2027-03-27", "2027-03-29")).toBe(2);
    expect(daysBetweenLocalDates("2027-06-14", "2026-06-14")).toBe(-365);
  });
});
