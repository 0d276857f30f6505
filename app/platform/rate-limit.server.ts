import { db } from "./db.server";

export type RateLimitRule = { name: string; limit: number; windowSeconds: number };

export type RateLimitResult = { allowed: boolean; retryAfterSeconds: number };

/**
 * Fixed-window counter in PostgreSQL: one upsert per attempt, so the limit holds across every
 * app instance. The window is computed from the database clock, not the instance's.
 */
export async function consumeRateLimit(rule: RateLimitRule, subject: string): Promise<RateLimitResult> {
  const key = `${rule.name}:${subject}`;
  const [row] = await db.$queryRaw<{ count: number; retry_after: number }[]>`
    WITH bucket AS (
      SELECT to_timestamp(floor(extract(epoch FROM now()) / ${rule.windowSeconds}) * ${rule.windowSeconds}) AT TIME ZONE 'UTC' AS start
    )
    INSERT INTO rate_limit_counters (key, window_start, count, expires_at)
    SELECT ${key}, bucket.start, 1, bucket.start + make_interval(secs => ${rule.windowSeconds}) FROM bucket
    ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit_counters.count + 1
    RETURNING count, ceil(extract(epoch FROM (expires_at - (now() AT TIME ZONE 'UTC'))))::int AS retry_after`;
  if (!row) throw new Error("rate limit upsert returned no row");
  return { allowed: row.count <= rule.limit, retryAfterSeconds: Math.max(1, row.retry_after) };
}

export async function pruneExpiredRateLimits(): Promise<number> {
  const { count } = await db.rateLimitCounter.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  return count;
}

/** "Try again in 12 minutes." — for the person who hit a limit. */
export function tryAgainIn(retryAfterSeconds: number): string {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return `Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

/**
 * Invitations send email to any address a person types, so each person gets a budget per hour:
 * generous for real work, small for a spammer using a compromised account.
 */
export const invitationRateLimits = {
  teammates: { name: "invite:teammate", limit: 60, windowSeconds: 60 * 60 },
  partners: { name: "invite:partner", limit: 20, windowSeconds: 60 * 60 },
} satisfies Record<string, RateLimitRule>;
