import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "~/platform/embedded-postgres.server";
import { env, InvalidEnvironmentError } from "~/platform/env.server";
import { startJobs, stopJobs } from "~/platform/jobs.server";
import { logger } from "~/platform/logger.server";
import { migrateDatabase } from "~/platform/migrate.server";
import { jobDefinitions } from "~/platform/job-definitions.server";
import { disconnectDb } from "~/platform/db.server";

const DATA_DIRECTORY = path.resolve(".data");

export type Boot = { embedded?: EmbeddedPostgres; shutdown: () => Promise<void> };

/**
 * Everything a process needs before it serves or works: configuration, a database (the
 * embedded one when DATABASE_URL is unset), migrations, and the job queue.
 */
export async function boot(options: { runWorkers?: boolean; allowEmbeddedDatabase: boolean }): Promise<Boot> {
  if (existsSync(".env")) process.loadEnvFile(".env");
  let embedded: EmbeddedPostgres | undefined;
  if (!process.env.DATABASE_URL) {
    if (!options.allowEmbeddedDatabase) {
      throw new InvalidEnvironmentError(["DATABASE_URL is required for this process: a postgresql:// URL"]);
    }
    embedded = await startEmbeddedPostgres({ dataDir: path.join(DATA_DIRECTORY, "pglite") });
    process.env.DATABASE_URL = embedded.url;
    logger.info({ dataDir: ".data/pglite", url: embedded.url }, "using the embedded PostgreSQL database (set DATABASE_URL to use a server)");
  }
  if (!process.env.AUTH_SECRET && process.env.NODE_ENV !== "production") {
    process.env.AUTH_SECRET = developmentSecret();
  }
  const config = env();
  await migrateDatabase(config.DATABASE_URL, (message) => logger.info(message));
  const runWorkers = options.runWorkers ?? config.RUN_WORKER_IN_PROCESS;
  await startJobs(jobDefinitions, { runWorkers });
  if (runWorkers) logger.info("job worker running in this process");
  return {
    embedded,
    async shutdown() {
      await stopJobs();
      await disconnectDb();
      await embedded?.stop();
    },
  };
}

/** A random secret kept in the git-ignored data folder, so local sessions survive restarts. */
function developmentSecret(): string {
  const file = path.join(DATA_DIRECTORY, "dev-auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(DATA_DIRECTORY, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function exitOnSignals(shutdown: () => Promise<void>) {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      logger.info({ signal }, "shutting down");
      shutdown()
        .catch((error) => logger.error({ err: error }, "shutdown failed"))
        .finally(() => process.exit(0));
    });
  }
}

export function reportStartupFailure(error: unknown): never {
  if (error instanceof InvalidEnvironmentError) console.error(`\n${error.message}\n`);
  else logger.fatal({ err: error }, "Rapport failed to start");
  process.exit(1);
}
