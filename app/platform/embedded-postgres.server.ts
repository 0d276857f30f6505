import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketHandler, type PGLiteSocketHandlerOptions } from "@electric-sql/pglite-socket";
import { createServer, type AddressInfo } from "node:net";
import { PgliteSessionQueue } from "./pglite-session-queue.server";

export type EmbeddedPostgres = { url: string; stop: () => Promise<void> };

/**
 * PGlite (PostgreSQL compiled to WebAssembly) served on a loopback port, so Prisma, pg-boss and
 * psql connect to it exactly as to a PostgreSQL server. `dataDir` persists it; without one it
 * lives in memory (tests).
 */
export async function startEmbeddedPostgres(options: { dataDir?: string; port?: number } = {}): Promise<EmbeddedPostgres> {
  const releaseLock = options.dataDir ? lockDataDirectory(options.dataDir) : () => {};
  const database = await PGlite.create(options.dataDir ? { dataDir: options.dataDir } : {});
  const sessionQueue = new PgliteSessionQueue(database);
  const clients = new Set<PGLiteSocketHandler>();
  const server = createServer((socket) => {
    // pglite-socket's handler speaks the wire protocol per connection; our queue decides whose
    // messages reach PGlite's single session, and when.
    const client = new PGLiteSocketHandler({ queryQueue: sessionQueue as unknown as PGLiteSocketHandlerOptions["queryQueue"], closeOnDetach: true });
    clients.add(client);
    client.addEventListener("close", () => clients.delete(client));
    void client.attach(socket);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    async stop() {
      await Promise.all([...clients].map((client) => client.detach(true)));
      await new Promise((resolve) => server.close(resolve));
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
