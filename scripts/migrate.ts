import { migrateDatabase } from "~/platform/migrate.server";

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error("DATABASE_URL is not set. `npm run dev` migrates the embedded database by itself; this command is for a PostgreSQL server.");
  process.exit(1);
}
const applied = await migrateDatabase(databaseUrl, (message) => console.log(message));
console.log(applied.length ? `${applied.length} migration(s) applied.` : "Database is up to date.");
