import express from "express";
import type { ServerBuild } from "@remix-run/node";
import { env } from "~/platform/env.server";
import { logger } from "~/platform/logger.server";
import { createApp } from "./app";
import { boot, exitOnSignals, reportStartupFailure } from "./boot";

const BUILD_PATH = new URL("../build/server/index.js", import.meta.url).href;

try {
  // The embedded database keeps a demo or evaluation instance self-contained; real deployments
  // set DATABASE_URL so that any number of stateless instances share one PostgreSQL.
  const booted = await boot({ allowEmbeddedDatabase: true });
  const app = createApp({
    build: (await import(BUILD_PATH)) as ServerBuild,
    assets: [
      express.static("build/client/assets", { immutable: true, maxAge: "1y", index: false }),
      express.static("build/client", { maxAge: "1h", index: false }),
    ],
  });
  const { PORT, APP_URL } = env();
  const server = app.listen(PORT, () => logger.info({ url: APP_URL, port: PORT }, "Rapport is serving"));
  exitOnSignals(async () => {
    await new Promise((resolve) => server.close(resolve));
    await booted.shutdown();
  });
} catch (error) {
  reportStartupFailure(error);
}
