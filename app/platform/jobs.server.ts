import { PgBoss, type Job, type Queue } from "pg-boss";
import type { Tx } from "./db.server";
import { env } from "./env.server";
import { logger } from "./logger.server";

export type JobDefinition<Data extends object> = {
  name: string;
  queue: Omit<Queue, "name">;
  /** A cron expression: the worker processes enqueue the job on this schedule. */
  cron?: string;
  concurrency?: number;
  /**
   * Throwing fails the attempt; pg-boss retries it with the queue's backoff.
   *
   * Declared as a method so a list can hold definitions of different data types as
   * `JobDefinition<object>[]` (TypeScript checks method parameters bivariantly). That is sound here
   * because a worker only ever hands a job to the definition of the queue the job came from.
   */
  handle(data: Data, job: Job<Data>): Promise<void>;
};

// pg-boss keeps its tables in a schema of its own, so the app's migrations and its
// schema check never see them.
const PG_BOSS_SCHEMA = "pgboss";

const globalForJobs = globalThis as unknown as { rapportBoss?: Promise<PgBoss>; rapportWorkers?: Promise<void> };

async function createBoss(definitions: readonly JobDefinition<object>[]): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: env().DATABASE_URL, schema: PG_BOSS_SCHEMA, max: 4 });
  boss.on("error", (error) => logger.error({ err: error }, "job queue error"));
  await boss.start();
  for (const definition of definitions) await boss.createQueue(definition.name, definition.queue);
  return boss;
}

async function startWorkers(boss: PgBoss, definitions: readonly JobDefinition<object>[]): Promise<void> {
  for (const definition of definitions) {
    await boss.work<object>(
      definition.name,
      { localConcurrency: definition.concurrency ?? 1, pollingIntervalSeconds: 0.5 },
      async ([job]) => {
        if (job) await definition.handle(job.data, job);
      },
    );
    if (definition.cron) await boss.schedule(definition.name, definition.cron);
  }
}

/**
 * Starts pg-boss once per process and creates the queues. Web instances need it to enqueue;
 * `runWorkers` also makes this process work the queues and keep their cron schedules (in-process
 * by default, or `npm run worker` as a process of its own). Later calls return the same queue and
 * never start a second set of workers.
 */
export async function startJobs(definitions: readonly JobDefinition<object>[], options: { runWorkers: boolean }): Promise<PgBoss> {
  globalForJobs.rapportBoss ??= createBoss(definitions);
  const boss = await globalForJobs.rapportBoss;
  if (options.runWorkers) {
    globalForJobs.rapportWorkers ??= startWorkers(boss, definitions);
    await globalForJobs.rapportWorkers;
  }
  return boss;
}

export async function stopJobs() {
  const boss = await globalForJobs.rapportBoss;
  globalForJobs.rapportBoss = undefined;
  globalForJobs.rapportWorkers = undefined;
  await boss?.stop({ graceful: true, timeout: 10_000 });
}

async function runningBoss(): Promise<PgBoss> {
  if (!globalForJobs.rapportBoss) throw new Error("The job queue is not started: call startJobs() at process start.");
  return globalForJobs.rapportBoss;
}

/**
 * Enqueues a job inside the caller's Prisma transaction: the job exists if and only if the change
 * that caused it commits (a transactional outbox without a relay).
 */
export async function enqueueJob<Data extends object>(tx: Tx, definition: JobDefinition<Data>, data: Data, options: { singletonKey?: string; startAfter?: Date } = {}) {
  const boss = await runningBoss();
  return boss.send(definition.name, data, {
    ...options,
    db: {
      executeSql: async (text, values = []) => ({ rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values) }),
    },
  });
}

/**
 * Enqueues a job on its own, for a job that puts off its own work: there is no change to commit
 * with it. The delay is counted on the database's clock, as pg-boss counts every other delay.
 */
export async function enqueueDelayedJob<Data extends object>(definition: JobDefinition<Data>, data: Data, options: { delaySeconds: number; singletonKey?: string }) {
  const boss = await runningBoss();
  return boss.send(definition.name, data, { startAfter: options.delaySeconds, singletonKey: options.singletonKey });
}
