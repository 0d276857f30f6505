import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import {
  APP_PORT,
  APP_URL,
  FAKE_RESEND_PORT,
  FAKE_RESEND_URL,
} from "./tests/e2e/servers";

/**
 * End-to-end tests run the production build (`build/`, from `npm run build`) against the
 * database in DATABASE_URL, sending every email through the real Resend client to the fake Resend
 * in tests/fakes, where the tests read it. `npm test` provisions that database and builds first; to
 * run Playwright on its own, see "Running the end-to-end tests alone" in README.md.
 */
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  throw new Error(
    'DATABASE_URL is not set. The end-to-end tests need a migrated database they may write to: run `npm test`, or see "Running the end-to-end tests alone" in README.md.',
  );
}

// `npm test` sets CHROMIUM_PATH; run alone, Debian's chromium is used when present, else
// Playwright's own download (`npx playwright install chromium`).
const chromiumPath =
  process.env.CHROMIUM_PATH ??
  (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

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
    baseURL: APP_URL,
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
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
          ],
        },
      },
    },
  ],
  webServer: [
    {
      command: "node_modules/.bin/tsx tests/fakes/resend.ts",
      url: `${FAKE_RESEND_URL}/_fake/emails`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: "ignore",
      stderr: "pipe",
      env: { FAKE_RESEND_PORT: String(FAKE_RESEND_PORT) },
    },
    {
      command: "node_modules/.bin/tsx server/production.ts",
      url: `${APP_URL}/healthz`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
      env: {
        PORT: String(APP_PORT),
        NODE_ENV: "production",
        APP_URL,
        EMAIL_DELIVERY: "resend",
        RESEND_API_KEY: "re_test_e2e",
        RESEND_BASE_URL: FAKE_RESEND_URL,
        DATABASE_URL: databaseUrl,
        // Sessions only need to outlive this run.
        AUTH_SECRET:
          process.env.AUTH_SECRET ?? randomBytes(32).toString("base64url"),
        LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
      },
    },
  ],
});
