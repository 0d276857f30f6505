import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end tests run the production build (`build/`, from `npm run build`) against the
 * database in DATABASE_URL. `npm test` provisions that database and builds first; to run
 * Playwright on its own, see "Running the end-to-end tests alone" in README.md.
 */
const port = Number(process.env.E2E_PORT ?? 3100);
const appUrl = `http://localhost:${port}`;
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  throw new Error(
    "DATABASE_URL is not set. The end-to-end tests need a migrated database they may write to: run `npm test`, or see \"Running the end-to-end tests alone\" in README.md.",
  );
}

// `npm test` sets CHROMIUM_PATH; run alone, Debian's chromium is used when present, else
// Playwright's own download (`npx playwright install chromium`).
const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  reporter: "list",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: appUrl,
    // Fail a stuck step with its own message instead of the whole test's timeout.
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    trace: "on-first-retry",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: chromiumPath,
          // Without the networking flags Chromium keeps dialling Google services, which a closed
          // network answers slowly or never.
          args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        },
      },
    },
  ],
  webServer: {
    command: "node_modules/.bin/tsx server/production.ts",
    url: `${appUrl}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: {
      PORT: String(port),
      NODE_ENV: "production",
      APP_URL: appUrl,
      EMAIL_DELIVERY: "dev-mailbox",
      DATABASE_URL: databaseUrl,
      // Sessions only need to outlive this run.
      AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString("base64url"),
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    },
  },
});
