import { randomBytes } from "node:crypto";
import pg from "pg";
import { startEmbeddedPostgres } from "~/platform/embedded-postgres.server";
import { migrateDatabase } from "~/platform/migrate.server";

export type TestDatabase = { url: string; kind: "embedded" | "server"; drop: () => Promise<void> };

/**
 * A migrated database for one test run: an in-memory PGlite by default, or, when a server URL is
 * given, a fresh database on that server that is dropped afterwards.
 */
export async function provisionTestDatabase(serverUrl: string | undefined): Promise<TestDatabase> {
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres();
    await migrateDatabase(embedded.url);
    return { url: embedded.url, kind: "embedded", drop: embedded.stop };
  }
  const name = `rapport_test_${Date.now()}_${randomBytes(3).toString("hex")}`;
  await withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await migrateDatabase(url.toString());
  return {
    url: url.toString(),
    kind: "server",
    drop: () => withAdminClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}),
  };
}

async function withAdminClient<T>(serverUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** The environment every test process (Vitest, the e2e app server) runs with. */
export function testEnvironment(databaseUrl: string, appUrl = "http://localhost:3000"): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    RAPPORT_TEST_DATABASE: "provisioned",
    AUTH_SECRET: "test-secret-that-is-long-enough-for-auth-js-0123456789",
    APP_URL: appUrl,
    EMAIL_DELIVERY: "dev-mailbox",
    // Tests provoke failures on purpose (a 500 from the fake Resend…); only real errors should show.
    LOG_LEVEL: "error",
  };
}
