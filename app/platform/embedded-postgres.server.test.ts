import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres.server";

let embedded: EmbeddedPostgres;

beforeAll(async () => {
  embedded = await startEmbeddedPostgres();
});

afterAll(async () => {
  await embedded.stop();
});

async function connectedClients(count: number) {
  const clients = Array.from({ length: count }, () => new pg.Client({ connectionString: embedded.url }));
  await Promise.all(clients.map((client) => client.connect()));
  return clients;
}

describe("the embedded PostgreSQL server", () => {
  test("keeps each client's extended queries whole when many clients query at once", async () => {
    const clients = await connectedClients(8);
    try {
      const results = await Promise.all(
        Array.from({ length: 400 }, (_, index) =>
          clients[index % clients.length]!.query<{ answer: number }>(`SELECT $1::int * ${index % clients.length} AS answer`, [index]).then(({ rows }) => rows[0]!.answer),
        ),
      );
      expect(results).toEqual(Array.from({ length: 400 }, (_, index) => index * (index % clients.length)));
    } finally {
      await Promise.all(clients.map((client) => client.end()));
    }
  });

  test("isolates a transaction from other clients until it commits", async () => {
    const [writer, reader] = await connectedClients(2);
    try {
      await writer!.query("CREATE TABLE IF NOT EXISTS queue_probe (value int)");
      await writer!.query("BEGIN");
      await writer!.query("INSERT INTO queue_probe VALUES ($1)", [7]);
      const readDuringTransaction = reader!.query<{ count: string }>("SELECT count(*) FROM queue_probe WHERE value = $1", [7]);
      await writer!.query("COMMIT");
      expect(Number((await readDuringTransaction).rows[0]!.count)).toBe(1);
    } finally {
      await Promise.all([writer!.end(), reader!.end()]);
    }
  });

  test("rolls back the transaction of a client that disconnects inside it, and keeps serving the others", async () => {
    const [leaver, stayer] = await connectedClients(2);
    await leaver!.query("CREATE TABLE IF NOT EXISTS abandoned_probe (value int)");
    await leaver!.query("BEGIN");
    await leaver!.query("INSERT INTO abandoned_probe VALUES ($1)", [1]);
    const waiting = stayer!.query<{ count: string }>("SELECT count(*) FROM abandoned_probe");
    await leaver!.end();
    try {
      expect(Number((await waiting).rows[0]!.count)).toBe(0);
    } finally {
      await stayer!.end();
    }
  });
});
