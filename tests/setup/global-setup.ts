import { provisionTestDatabase, testEnvironment } from "./test-database";

/**
 * Vitest on its own provisions a database; under `npm test` the runner has already provisioned
 * one and shares it with the e2e app server.
 */
export default async function setup() {
  if (process.env.RAPPORT_TEST_DATABASE === "provisioned") return;
  const database = await provisionTestDatabase(process.env.DATABASE_URL);
  Object.assign(process.env, testEnvironment(database.url));
  return () => database.drop();
}
