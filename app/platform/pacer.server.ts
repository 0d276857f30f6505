import { setTimeout as sleep } from "node:timers/promises";
import { db } from "./db.server";

/**
 * Keeps requests to a rate-limited provider under its limit across every process and worker that
 * shares the database. One row per provider holds the earliest time the next request may leave.
 * A caller claims a turn only when that time has come, and the claim moves it one interval past
 * the claim: claims are spaced by the interval on the database's clock, the one clock every
 * instance shares.
 *
 * Claiming at the moment of sending, rather than booking a slot in advance, matters: a booked slot
 * used late (a busy event loop, a slow database answer) would leave its request too close to the
 * next one, which is on time, and a provider that counts requests in a sliding one-second window
 * answers the third of them with a 429.
 */
export type RequestPacer = {
  /** Waits until this caller may send, and claims that turn. Call it once the request is ready, right before sending it. */
  waitForTurn(): Promise<void>;
  /**
   * The provider refused a request as one too many: no turn is given sooner than its retry-after,
   * and this instance spaces its requests a little wider for a while.
   */
  backOff(retryAfterSeconds: number): Promise<void>;
};

/**
 * Requests leave a little after their claim (the database's answer, the request's first bytes,
 * the network), so the interval has a margin over 1/rate: 2% of the throughput. When the provider
 * still says "too many" (a loaded machine, a slow network), the margin widens by another 2%, up to
 * 10%, and narrows back by a tenth of that with each turn taken.
 */
const BASE_MARGIN = 0.02;
const MARGIN_STEP = 0.02;
const MAX_EXTRA_MARGIN = 0.1;
const NARROWING_PER_REQUEST = MARGIN_STEP / 10;

export function requestSpacingMs(requestsPerSecond: number, extraMargin = 0): number {
  return Math.ceil((1000 / requestsPerSecond) * (1 + BASE_MARGIN + extraMargin));
}

/** The extra margin of one instance: wider after each 429, narrower after each request that passes. */
export function adaptiveMargin() {
  let extra = 0;
  return {
    get extra() {
      return extra;
    },
    widen() {
      extra = Math.min(MAX_EXTRA_MARGIN, extra + MARGIN_STEP);
    },
    narrow() {
      extra = Math.max(0, extra - NARROWING_PER_REQUEST);
    },
  };
}

export function databasePacer(name: string, requestsPerSecond: number): RequestPacer {
  const margin = adaptiveMargin();

  async function claimTurn(): Promise<boolean> {
    const spacingSeconds = requestSpacingMs(requestsPerSecond, margin.extra) / 1000;
    const claimed = await db.$executeRaw`
      INSERT INTO request_pacers (name, next_slot_at)
      VALUES (${name}, (clock_timestamp() AT TIME ZONE 'UTC') + make_interval(secs => ${spacingSeconds}))
      ON CONFLICT (name) DO UPDATE SET next_slot_at = EXCLUDED.next_slot_at
      WHERE request_pacers.next_slot_at <= clock_timestamp() AT TIME ZONE 'UTC'`;
    return claimed > 0;
  }

  async function millisecondsUntilNextTurn(): Promise<number> {
    const [row] = await db.$queryRaw<{ wait_ms: number }[]>`
      SELECT (extract(epoch FROM (next_slot_at - (clock_timestamp() AT TIME ZONE 'UTC'))) * 1000)::float8 AS wait_ms
      FROM request_pacers WHERE name = ${name}`;
    return row?.wait_ms ?? 0;
  }

  return {
    async waitForTurn() {
      // Whoever asks first once the time has come gets the turn; the others wait for the next one.
      while (!(await claimTurn())) await sleep(Math.max(1, Math.ceil(await millisecondsUntilNextTurn())));
      margin.narrow();
    },
    async backOff(retryAfterSeconds) {
      margin.widen();
      await db.$executeRaw`
        INSERT INTO request_pacers (name, next_slot_at)
        VALUES (${name}, (clock_timestamp() AT TIME ZONE 'UTC') + make_interval(secs => ${retryAfterSeconds}))
        ON CONFLICT (name) DO UPDATE
          SET next_slot_at = greatest(request_pacers.next_slot_at, (clock_timestamp() AT TIME ZONE 'UTC') + make_interval(secs => ${retryAfterSeconds}))`;
    },
  };
}
