import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "~/generated/prisma/client";
import { env } from "./env.server";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

// Vite re-evaluates modules on every edit in development; keeping the client on globalThis
// stops each reload from opening a fresh pool.
const globalForPrisma = globalThis as unknown as { rapportPrisma?: PrismaClient };

function createClient(): PrismaClient {
  const { DATABASE_URL, DATABASE_POOL_SIZE } = env();
  const adapter = new PrismaPg({ connectionString: DATABASE_URL, max: DATABASE_POOL_SIZE });
  return new PrismaClient({ adapter });
}

// Created on first use, so importing this module never reads the environment before the server
// has chosen its database (the embedded one sets DATABASE_URL at start).
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    globalForPrisma.rapportPrisma ??= createClient();
    const value = Reflect.get(globalForPrisma.rapportPrisma, property);
    return typeof value === "function" ? value.bind(globalForPrisma.rapportPrisma) : value;
  },
});

export async function disconnectDb() {
  await globalForPrisma.rapportPrisma?.$disconnect();
  globalForPrisma.rapportPrisma = undefined;
}
