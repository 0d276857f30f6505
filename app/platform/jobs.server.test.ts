import { beforeAll, describe, expect, it } from "vitest";
import { uniqueSuffix } from "#tests/factories";
import { db } from "./db.server";
import { jobDefinitions, pruneRateLimitsJob } from "./job-definitions.server";
import { enqueueJob, startJobs, stopJobs, type JobDefinition } from "./jobs.server";

// A queue of this file's own, so no other test's worker ever picks up these jobs.
const probeJob: JobDefinition<{ probe: string }> = { name: "test.probe", queue: {}, handle: async () => {} };

beforeAll(async () => {
  const boss = await startJobs(jobDefinitions, { runWorkers: false });
  await boss.createQueue(probeJob.name);
});

function findProbeJobs(probe: string) {
  return db.$queryRaw<{ data: { probe: string } }[]>`SELECT data FROM pgboss.job WHERE name = ${probeJob.name} AND data->>'probe' = ${probe}`;
}

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`the condition did not hold within ${timeoutMs / 1000}s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("enqueueJob", () => {
  it("leaves no job when the transaction rolls back", async () => {
    const probe = uniqueSuffix();
    await expect(
      db.$transaction(async (tx) => {
        await enqueueJob(tx, probeJob, { probe });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");

    expect(await findProbeJobs(probe)).toEqual([]);
  });

  it("leaves exactly one job when the transaction commits", async () => {
    const probe = uniqueSuffix();
    await db.$transaction((tx) => enqueueJob(tx, probeJob, { probe }));

    expect(await findProbeJobs(probe)).toEqual([{ data: { probe } }]);
  });
});

describe("startJobs", () => {
  it("returns the queue already running in this process", async () => {
    const running = await startJobs(jobDefinitions, { runWorkers: false });

    expect(await startJobs(jobDefinitions, { runWorkers: false })).toBe(running);
    expect(running.getWipData()).toEqual([]);
  });

  it("starts the workers and keeps the cron schedules once, however often it is called", async () => {
    // Workers are started once per process, so this test restarts the queue with its own.
    await stopJobs();
    try {
      const [first, second] = await Promise.all([
        startJobs([pruneRateLimitsJob], { runWorkers: true }),
        startJobs([pruneRateLimitsJob], { runWorkers: true }),
      ]);
      await startJobs([pruneRateLimitsJob], { runWorkers: true });

      expect(second).toBe(first);
      expect(first.getWipData().map((worker) => worker.name)).toEqual([pruneRateLimitsJob.name]);
      expect(await first.getSchedules(pruneRateLimitsJob.name)).toEqual([expect.objectContaining({ cron: "*/15 * * * *" })]);

      const key = `test:${uniqueSuffix()}`;
      const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
      await db.rateLimitCounter.createMany({
        data: [
          { key, windowStart: hourAgo, count: 1, expiresAt: new Date(hourAgo.getTime() + 60 * 1000) },
          { key, windowStart: new Date(), count: 1, expiresAt: new Date(Date.now() + 60 * 60 * 1000) },
        ],
      });
      await first.send(pruneRateLimitsJob.name, {});
      await waitUntil(async () => (await db.rateLimitCounter.count({ where: { key } })) === 1);
      expect((await db.rateLimitCounter.findFirstOrThrow({ where: { key } })).expiresAt.getTime()).toBeGreaterThan(Date.now());
    } finally {
      await stopJobs();
      await startJobs(jobDefinitions, { runWorkers: false });
    }
  });
});
