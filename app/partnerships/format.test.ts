import { describe, expect, test } from "vitest";
import { formatTimeSince, maskEmail } from "./format";

describe("formatTimeSince", () => {
  const now = new Date("2027-06-01T12:00:00Z");
  const ago = (ms: number) => formatTimeSince(new Date(now.getTime() - ms), now);
  const DAY = 24 * 60 * 60 * 1000;

  test.each([
    [10_000, "just now"],
    [5 * 60_000, "5 minutes ago"],
    [3 * 60 * 60_000, "3 hours ago"],
    [1 * DAY, "1 day ago"],
    [16 * DAY, "2 weeks ago"],
    [95 * DAY, "3 months ago"],
    [800 * DAY, "2 years ago"],
  ])("%d ms before now reads %s", (ms, expected) => {
    expect(ago(ms)).toBe(expected);
  });
});

describe("maskEmail", () => {
  test("keeps the first letter and the domain", () => {
    expect(maskEmail("jordan@globex.example")).toBe("j•••@globex.example");
  });
});
