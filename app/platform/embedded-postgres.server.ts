import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export type EmbeddedPostgres = { url: string; stop: () => Promise<void> };

/**
 * PGlite (PostgreSQL compiled to WebAssembly) served on a loopback port, so Prisma, pg-boss and
 * psql connect to it exactly as to a PostgreSQL server. `dataDir` persists it; without one it
 * lives in memory (tests).
 */
export async function startEmbeddedPostgres(options: { dataDir?: string; port?: number } = {}): Promise<EmbeddedPostgres> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
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
    },
  };
}
