import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { PrismaClient } from "~/generated/prisma/client";
import { uniqueSuffix } from "#tests/factories";
import { db } from "./db.server";
import { consumeRateLimit, pruneExpiredRateLimits, type RateLimitRule } from "./rate-limit.server";

const YEAR_SECONDS = 365 * 24 * 60 * 60;

/** A year-long window, so no test here can straddle the edge where a fixed window restarts. */
function uniqueRule(limit: number): RateLimitRule {
  return { name: `test:${uniqueSuffix()}`, limit, windowSeconds: YEAR_SECONDS };
}

function countersFor(rule: RateLimitRule, subject: string) {
  return db.rateLimitCounter.findMany({ where: { key: `${rule.name}:${subject}` } });
}

/**
 * A second app instance: the same module, loaded afresh, on its own PrismaClient and
 * connection pool to the same database.
 */
let secondInstance: { consumeRateLimit: typeof consumeRateLimit; client: PrismaClient };

beforeAll(async () => {
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL!, max: 5 }) });
  vi.resetModules();
  vi.doMock("./db.server", () => ({ db: client }));
  const module = await import("./rate-limit.server");
  vi.doUnmock("./db.server");
  secondInstance = { consumeRateLimit: module.consumeRateLimit, client };
});

afterAll(async () => {
  await secondInstance.client.$disconnect();
});

describe("consumeRateLimit", () => {
  test("allows up to the limit, then refuses with the seconds left in the window", async () => {
    const rule = uniqueRule(3);
    const verdicts = [];
    for (let attempt = 0; attempt < 5; attempt++) verdicts.push(await consumeRateLimit(rule, "ada@example.com"));

    expect(verdicts.map((verdict) => verdict.allowed)).toEqual([true, true, true, false, false]);
    for (const { retryAfterSeconds } of verdicts) {
      expect(retryAfterSeconds).toBeGreaterThan(0);
      expect(retryAfterSeconds).toBeLessThanOrEqual(rule.windowSeconds);
    }
    const [counter] = await countersFor(rule, "ada@example.com");
    expect(counter?.count).toBe(5);
    expect(counter!.expiresAt.getTime() - counter!.windowStart.getTime()).toBe(rule.windowSeconds * 1000);
    expect(counter!.windowStart.getTime()).toBeLessThanOrEqual(Date.now());
    expect(counter!.expiresAt.getTime()).toBeGreaterThan(Date.now());
  });

  test("two app instances on separate connections share one count", async () => {
    expect(secondInstance.consumeRateLimit).not.toBe(consumeRateLimit);
    const rule = uniqueRule(3);
    const instances = [consumeRateLimit, secondInstance.consumeRateLimit];
    const verdicts = [];
    for (let attempt = 0; attempt < 6; attempt++) verdicts.push((await instances[attempt % 2]!(rule, "shared"))!.allowed);
    expect(verdicts).toEqual([true, true, true, false, false, false]);
  });

  test("a concurrent burst across both instances lets exactly the limit through", async () => {
    const rule = uniqueRule(7);
    const verdicts = await Promise.all(
      Array.from({ length: 20 }, (_, attempt) => (attempt % 2 === 0 ? consumeRateLimit : secondInstance.consumeRateLimit)(rule, "burst")),
    );
    expect(verdicts.filter((verdict) => verdict.allowed)).toHaveLength(rule.limit);
    const [counter] = await countersFor(rule, "burst");
    expect(counter?.count).toBe(20);
  });

  test("each rule and each subject counts separately", async () => {
    const signIns = uniqueRule(1);
    const invitations = { ...uniqueRule(1), windowSeconds: signIns.windowSeconds };
    expect((await consumeRateLimit(signIns, "203.0.113.9")).allowed).toBe(true);
    expect((await consumeRateLimit(signIns, "203.0.113.9")).allowed).toBe(false);

    expect((await consumeRateLimit(invitations, "203.0.113.9")).allowed).toBe(true);
    expect((await consumeRateLimit(signIns, "203.0.113.10")).allowed).toBe(true);

    expect((await countersFor(signIns, "203.0.113.9")).map((counter) => counter.count)).toEqual([2]);
    expect((await countersFor(invitations, "203.0.113.9")).map((counter) => counter.count)).toEqual([1]);
  });
});

describe("pruneExpiredRateLimits", () => {
  test("deletes counters whose window has ended and keeps the rest", async () => {
    const now = Date.now();
    const expired = `test:expired:${uniqueSuffix()}`;
    const current = `test:current:${uniqueSuffix()}`;
    await db.rateLimitCounter.createMany({
      data: [
        { key: expired, windowStart: new Date(now - 2 * 60_000), count: 4, expiresAt: new Date(now - 60_000) },
        { key: current, windowStart: new Date(now - 60_000), count: 4, expiresAt: new Date(now + 60 * 60_000) },
      ],
    });

    expect(await pruneExpiredRateLimits()).toBeGreaterThanOrEqual(1);
    expect(await db.rateLimitCounter.count({ where: { key: expired } })).toBe(0);
    expect(await db.rateLimitCounter.count({ where: { key: current } })).toBe(1);
  });
});
