import { afterAll, afterEach, beforeAll, vi } from "vitest";
import { disconnectDb } from "~/platform/db.server";
import { jobDefinitions } from "~/platform/job-definitions.server";
import { startJobs, stopJobs } from "~/platform/jobs.server";

// Workers stay off: tests deliver queued jobs explicitly, so every assertion sees a settled state.
beforeAll(async () => {
  await startJobs(jobDefinitions, { runWorkers: false });
});

// Jobs a test file queued but never delivered would otherwise be worked by the next file's (or the
// e2e server's) workers, delaying the emails that test is waiting for.
afterAll(async () => {
  const boss = await startJobs(jobDefinitions, { runWorkers: false });
  for (const { name } of jobDefinitions) await boss.deleteQueuedJobs(name);
  await stopJobs();
  await disconnectDb();
});

// An unexpected console.error is a bug the test did not assert on.
beforeAll(() => {
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error was called during a test: ${args.map(String).join(" ")}`);
  });
});

afterEach(() => {
  vi.clearAllMocks();
});
