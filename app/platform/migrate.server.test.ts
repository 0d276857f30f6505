import { createHash } from "node:crypto";
import pg from "pg";
import { describe, expect, test } from "vitest";
import { migrateDatabase, readMigrations } from "./migrate.server";

describe("migrateDatabase", () => {
  test("records every migration exactly as Prisma would, and a second run applies nothing", async () => {
    const databaseUrl = process.env.DATABASE_URL!;
    expect(await migrateDatabase(databaseUrl)).toEqual([]);
    const migrations = await readMigrations();
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
      );
      expect(rows.map((row) => row.migration_name)).toEqual(migrations.map((migration) => migration.name));
      for (const [index, migration] of migrations.entries()) {
        expect(rows[index].checksum).toBe(createHash("sha256").update(migration.sql).digest("hex"));
        expect(rows[index].finished_at).toBeInstanceOf(Date);
        expect(rows[index].rolled_back_at).toBeNull();
        expect(rows[index].applied_steps_count).toBe(1);
      }
    } finally {
      await client.end();
    }
  });
});
