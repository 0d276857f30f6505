import { afterAll, afterEach, beforeAll, vi } from "vitest";
import { disconnectDb } from "~/platform/db.server";
import { startJobs, stopJobs } from "~/platform/jobs.server";

// Imported when the hooks run, after the test file: the job definitions reach most of the app, and
// a module this file loaded first would escape the test file's vi.mock of what it imports.
async function jobDefinitions() {
  return (await import("~/platform/job-definitions.server")).jobDefinitions;
}

// Workers stay off: tests deliver queued jobs explicitly, so every assertion sees a settled state.
beforeAll(async () => {
  await startJobs(await jobDefinitions(), { runWorkers: false });
});

// Jobs a test file queued but never delivered would otherwise be worked by the next file's (or the
// e2e server's) workers, delaying the emails that test is waiting for.
afterAll(async () => {
  const definitions = await jobDefinitions();
  const boss = await startJobs(definitions, { runWorkers: false });
  for (const { name } of definitions) await boss.deleteQueuedJobs(name);
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
