import { describe, expect, test } from "vitest";
import { uniqueSuffix } from "#tests/factories";
import { adaptiveMargin, databasePacer, requestSpacingMs } from "./pacer.server";

describe("the database pacer", () => {
  test("turns claimed through any number of pacers sharing a name are one interval apart, with a small margin", async () => {
    const name = `test-${uniqueSuffix()}`;
    const instances = [databasePacer(name, 4), databasePacer(name, 4)];
    const spacing = requestSpacingMs(4);
    expect(spacing).toBe(255);

    const started = performance.now();
    const turns = await Promise.all(Array.from({ length: 6 }, (_, index) => instances[index % 2]!.waitForTurn().then(() => performance.now() - started)));

    // Each of the five turns after the first waits a full interval; the bound above only says no
    // turn was lost (a loaded test machine may answer late, never early).
    const elapsed = Math.max(...turns);
    expect(elapsed).toBeGreaterThanOrEqual(5 * spacing - 5);
    expect(elapsed).toBeLessThan(5 * spacing + 3000);
  });

  test("pacers with different names do not wait for each other", async () => {
    const started = performance.now();
    await Promise.all(Array.from({ length: 4 }, () => databasePacer(`test-${uniqueSuffix()}`, 1).waitForTurn()));
    expect(performance.now() - started).toBeLessThan(1000);
  });

  test("after a 429, nobody gets a turn before its retry-after ends", async () => {
    const name = `test-${uniqueSuffix()}`;
    const pacer = databasePacer(name, 100);
    await pacer.waitForTurn();

    const started = performance.now();
    await databasePacer(name, 100).backOff(1);
    await pacer.waitForTurn();

    expect(performance.now() - started).toBeGreaterThanOrEqual(990);
  });

  test("each 429 widens the margin by 2%, up to 10%, and each turn taken narrows it back by a tenth of a step", () => {
    const margin = adaptiveMargin();
    expect(requestSpacingMs(2, margin.extra)).toBe(510);

    margin.widen();
    expect(requestSpacingMs(2, margin.extra)).toBe(520);
    for (let index = 0; index < 10; index++) margin.widen();
    expect(margin.extra).toBeCloseTo(0.1);
    expect(requestSpacingMs(2, margin.extra)).toBe(560);

    for (let index = 0; index < 10; index++) margin.narrow();
    expect(margin.extra).toBeCloseTo(0.08);
    for (let index = 0; index < 100; index++) margin.narrow();
    expect(margin.extra).toBe(0);
  });
});
