/**
 * `npm test`: every test against one freshly provisioned database — Vitest (unit and
 * integration), a production build, then Playwright against that build.
 *
 *   npm test                          everything
 *   npm test -- --unit-only [args]    Vitest only; args go to `vitest run`
 *   npm test -- --e2e-only [args]     build + Playwright only; args go to `playwright test`
 *
 * DATABASE_URL unset: an in-memory embedded PostgreSQL (PGlite) served from this process.
 * DATABASE_URL set: a fresh database on that server, dropped at the end.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { provisionTestDatabase, testEnvironment, type TestDatabase } from "../tests/setup/test-database";

const ROOT = path.resolve(import.meta.dirname, "..");
const SYSTEM_CHROMIUM = "/usr/bin/chromium";
const CHILD_EXIT_GRACE_MS = 15_000;

type Counts = { passed: number; failed: number; skipped: number; flaky: number };
type PhaseResult = { name: string; seconds: number; ok: boolean; counts?: Counts };

const options = parseArguments(process.argv.slice(2));
const results: PhaseResult[] = [];
let runningChild: ChildProcess | undefined;
let interruptedBy: NodeJS.Signals | undefined;
const startedAt = performance.now();

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (interruptedBy) return;
    interruptedBy = signal;
    console.error(`\n${signal}: stopping the tests and dropping the test database…`);
    if (runningChild) stopChild(runningChild, signal);
  });
}

const exitCode = await main().catch((error: unknown) => {
  console.error(error);
  return 1;
});
printSummary(exitCode);
process.exit(interruptedBy ? 130 : exitCode);

async function main(): Promise<number> {
  const chromium = options.e2e ? await findChromium() : undefined;
  if (options.e2e && !chromium) return 1;

  const reportDirectory = await mkdtemp(path.join(tmpdir(), "rapport-test-"));
  let database: TestDatabase | undefined;
  try {
    database = await provisionTestDatabase(process.env.DATABASE_URL);
    console.log(
      database.kind === "embedded"
        ? "Test database: embedded PostgreSQL (PGlite, in memory; set DATABASE_URL to use a server)"
        : `Test database: ${redactPassword(database.url)} (created for this run, dropped at the end)`,
    );
    // Vitest sees the same environment as when it runs alone (APP_URL on port 3000).
    const environment: NodeJS.ProcessEnv = { ...process.env, ...testEnvironment(database.url) };

    if (options.unit) {
      const report = path.join(reportDirectory, "vitest.json");
      const ok = await runPhase("unit and integration (vitest)", "vitest", ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...options.passThrough], environment, () => readVitestCounts(report));
      if (!ok) return 1;
    }
    if (options.e2e) {
      if (!(await runPhase("build (remix vite:build)", "remix", ["vite:build"], environment))) return 1;
      // A free port, so that runs in several checkouts on one machine do not collide.
      const port = process.env.E2E_PORT ?? String(await findFreePort());
      const fakeResendPort = process.env.E2E_FAKE_RESEND_PORT ?? String(await findFreePort());
      const report = path.join(reportDirectory, "playwright.json");
      const e2eEnvironment = {
        ...process.env,
        ...testEnvironment(database.url, `http://localhost:${port}`),
        E2E_PORT: port,
        E2E_FAKE_RESEND_PORT: fakeResendPort,
        CHROMIUM_PATH: chromium,
        PLAYWRIGHT_JSON_OUTPUT_FILE: report,
      };
      const ok = await runPhase("end-to-end (playwright)", "playwright", ["test", "--reporter=list,json", ...options.passThrough], e2eEnvironment, () => readPlaywrightCounts(report));
      if (!ok) return 1;
    }
    return 0;
  } finally {
    await database?.drop().catch((error: unknown) => console.error("Could not drop the test database:", error));
    await rm(reportDirectory, { recursive: true, force: true });
  }
}

function parseArguments(args: string[]) {
  const unitOnly = args.includes("--unit-only");
  const e2eOnly = args.includes("--e2e-only");
  const passThrough = args.filter((arg) => arg !== "--unit-only" && arg !== "--e2e-only");
  if ((unitOnly && e2eOnly) || (passThrough.length > 0 && !unitOnly && !e2eOnly)) {
    console.error("Usage: npm test [-- --unit-only [vitest args] | -- --e2e-only [playwright args]]");
    process.exit(2);
  }
  return { unit: !e2eOnly, e2e: !unitOnly, passThrough };
}

/** CHROMIUM_PATH, else Debian's chromium, else the browser `npx playwright install chromium` downloads. */
async function findChromium(): Promise<string | undefined> {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (existsSync(configured)) return configured;
    console.error(`CHROMIUM_PATH is set to ${configured}, but there is no file there. Fix or unset it.`);
    return undefined;
  }
  if (existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
  const { chromium } = await import("@playwright/test");
  const downloaded = chromium.executablePath();
  if (existsSync(downloaded)) return downloaded;
  console.error(
    [
      "The end-to-end tests need Chromium, and none was found. Install it, then run `npm test` again:",
      "  Debian/Ubuntu:   sudo apt-get install -y chromium",
      "  anywhere else:   npx playwright install chromium",
      "Or point CHROMIUM_PATH at a Chromium or Chrome executable. (`npm test -- --unit-only` runs the other tests without a browser.)",
    ].join("\n"),
  );
  return undefined;
}

/**
 * Children are spawned, never run synchronously: the embedded database answers from this
 * process's event loop, which must stay free while Vitest and the app server query it.
 */
async function runPhase(name: string, bin: string, args: string[], env: NodeJS.ProcessEnv, readCounts?: () => Promise<Counts | undefined>): Promise<boolean> {
  if (interruptedBy) return false;
  console.log(`\n▶ ${name}\n`);
  const phaseStartedAt = performance.now();
  const exitCode = await new Promise<number>((resolve) => {
    // A process group of its own, so a terminal's Ctrl-C reaches the child once, through us.
    const child = spawn(path.join(ROOT, "node_modules", ".bin", bin), args, { cwd: ROOT, env, stdio: ["ignore", "inherit", "inherit"], detached: true });
    runningChild = child;
    child.on("error", (error) => {
      console.error(`Could not start ${bin}:`, error.message);
      resolve(1);
    });
    child.on("exit", (code, signal) => {
      runningChild = undefined;
      resolve(code ?? (signal ? 1 : 0));
    });
  });
  const counts = await readCounts?.().catch(() => undefined);
  const ok = exitCode === 0 && !interruptedBy;
  results.push({ name, seconds: (performance.now() - phaseStartedAt) / 1000, ok, counts });
  return ok;
}

type VitestReport = { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };

async function readVitestCounts(file: string): Promise<Counts> {
  const report = JSON.parse(await readFile(file, "utf8")) as VitestReport;
  return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests, flaky: 0 };
}

type PlaywrightReport = { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };

async function readPlaywrightCounts(file: string): Promise<Counts> {
  const { stats } = JSON.parse(await readFile(file, "utf8")) as PlaywrightReport;
  return { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped, flaky: stats.flaky };
}

/** Signals the child's whole group, as a terminal would, and kills it if it does not stop in time. */
function stopChild(child: ChildProcess, signal: NodeJS.Signals) {
  const signalGroup = (name: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, name);
    } catch {
      // The group is already gone.
    }
  };
  signalGroup(signal);
  setTimeout(() => child.exitCode === null && child.signalCode === null && signalGroup("SIGKILL"), CHILD_EXIT_GRACE_MS).unref();
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function redactPassword(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}

/** The closing `N passed, M failed` line is what CI tools read. */
function printSummary(exitCode: number) {
  const total = results.reduce<Counts>(
    (sum, { counts }) => ({
      passed: sum.passed + (counts?.passed ?? 0),
      failed: sum.failed + (counts?.failed ?? 0),
      skipped: sum.skipped + (counts?.skipped ?? 0),
      flaky: sum.flaky + (counts?.flaky ?? 0),
    }),
    { passed: 0, failed: 0, skipped: 0, flaky: 0 },
  );
  const failedPhases = results.filter((result) => !result.ok);
  // A phase can fail with no failing test (a build error, a crash): that still is a failure.
  const failed = Math.max(total.failed, exitCode === 0 && !interruptedBy ? 0 : 1);
  const phases = results.map(({ name, seconds, ok, counts }) => {
    const tally = counts ? `, ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ""}${counts.flaky ? `, ${counts.flaky} flaky` : ""}` : "";
    return `  ${ok ? "✓" : "✗"} ${name}: ${seconds.toFixed(1)}s${tally}`;
  });
  console.log(
    [
      "",
      `Summary (${process.env.DATABASE_URL ? "PostgreSQL server" : "embedded PostgreSQL"}, ${((performance.now() - startedAt) / 1000).toFixed(1)}s in all):`,
      ...phases,
      ...(failedPhases.length ? [`Stopped after: ${failedPhases.map((phase) => phase.name).join(", ")}`] : []),
      ...(interruptedBy ? [`Interrupted by ${interruptedBy}.`] : []),
      `${total.passed} passed, ${failed} failed`,
    ].join("\n"),
  );
}
