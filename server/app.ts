import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { pinoHttp } from "pino-http";
import { db } from "~/platform/db.server";
import { env } from "~/platform/env.server";
import { logger } from "~/platform/logger.server";
import { cspNonce, routeHeadersOverrideDefaults, sameOriginMutations, securityHeaders } from "./security";

export type AppOptions = {
  /**
   * The server build: loaded once in production; in development a function, so every request sees
   * Vite's latest. (Given a function, Remix rebuilds its route tables on every request.)
   */
  build: ServerBuild | (() => Promise<ServerBuild>);
  /** Vite's dev middleware, or the static files of a production build. */
  assets: express.RequestHandler[];
};

export function createApp({ build, assets }: AppOptions) {
  const development = env().NODE_ENV === "development";
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", env().TRUST_PROXY);

  app.use(compression());
  app.use(pinoHttp({ logger, autoLogging: { ignore: (request) => request.url?.startsWith("/assets/") ?? false } }));
  app.use(cspNonce);
  app.use(securityHeaders({ development }));
  app.use(routeHeadersOverrideDefaults(["referrer-policy", "cache-control", "content-security-policy", "x-frame-options", "cross-origin-resource-policy"]));
  app.get("/healthz", async (_request, response) => {
    try {
      await db.$queryRaw`SELECT 1`;
      response.status(200).json({ status: "ok" });
    } catch (error) {
      logger.error({ err: error }, "health check failed");
      response.status(503).json({ status: "database unavailable" });
    }
  });

  // Browsers ask for /favicon.ico whatever the page links; the icon is an SVG.
  app.get("/favicon.ico", (_request, response) => response.redirect(301, "/favicon.svg"));
  app.use(...assets);
  app.use(sameOriginMutations({ exemptPaths: ["/webhooks/"] }));

  app.all(
    "*",
    createRequestHandler({
      build,
      mode: env().NODE_ENV,
      getLoadContext: (request, response) => ({
        cspNonce: response.locals.cspNonce as string,
        clientAddress: request.ip ?? request.socket.remoteAddress ?? "unknown",
      }),
    }),
  );
  return app;
}
