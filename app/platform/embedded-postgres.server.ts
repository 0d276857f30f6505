import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export type EmbeddedPostgres = { url: string; stop: () => Promise<void> };

/**
 * PGlite (PostgreSQL compiled to WebAssembly) served on a loopback port, so Prisma, pg-boss and
 * psql connect to it exactly as to a PostgreSQL server. `dataDir` persists it; without one it
 * lives in memory (tests).
 */
export async function startEmbeddedPostgres(options: { dataDir?: string; port?: number } = {}): Promise<EmbeddedPostgres> {
  const releaseLock = options.dataDir ? lockDataDirectory(options.dataDir) : () => {};
  const database = await PGlite.create(options.dataDir ? { dataDir: options.dataDir } : {});
  // PGlite is one backend session; the socket server queues every client onto it, so the
  // connection cap only needs to exceed the sum of all pools (Prisma + pg-boss + tools).
  const server = new PGLiteSocketServer({ db: database, host: "127.0.0.1", port: options.port ?? 0, maxConnections: 64 });
  await server.start();
  const address = server.getServerConn();
  return {
    url: `postgresql://postgres:postgres@${address}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await database.close();
      releaseLock();
    },
  };
}

/**
 * PGlite corrupts a data directory that two processes open at once, so the second process is
 * stopped with a message instead.
 */
function lockDataDirectory(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, "..", `${path.basename(dataDir)}.pid`);
  const holder = readLockHolder(lockFile);
  if (holder && holder !== process.pid && isRunning(holder)) {
    throw new Error(`The embedded database in ${dataDir} is in use by another Rapport process (pid ${holder}). Stop that process, or set DATABASE_URL to use a PostgreSQL server.`);
  }
  writeFileSync(lockFile, String(process.pid));
  return () => rmSync(lockFile, { force: true });
}

function readLockHolder(lockFile: string): number | null {
  try {
    return Number.parseInt(readFileSync(lockFile, "utf8"), 10) || null;
  } catch {
    return null;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
