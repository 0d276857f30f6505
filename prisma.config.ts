import { defineConfig } from "prisma/config";

// Prisma's CLI downloads its native schema engine for most commands, which the offline build
// machines cannot. generate/validate/format only need the variable to name an existing file;
// migrations are applied by scripts/migrate.ts instead (docs/decisions/002-migrations.md).
const offlineSafeCommands = new Set(["generate", "validate", "format"]);
const command = process.argv[2] ?? "";
if (offlineSafeCommands.has(command) && !process.env.PRISMA_SCHEMA_ENGINE_BINARY) {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/rapport" },
});
