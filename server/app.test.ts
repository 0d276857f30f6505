import type { ActionFunctionArgs, LoaderFunctionArgs, ServerBuild } from "@remix-run/node";
import type { RequestHandler } from "express";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { createApp } from "./app";

/** Requests that got past every middleware into Remix, and the Origin each arrived with. */
const reached: string[] = [];
const arrivedOrigins: (string | null)[] = [];

async function recordArrival({ request }: ActionFunctionArgs) {
  reached.push(`${request.method} ${new URL(request.url).pathname}`);
  arrivedOrigins.push(request.headers.get("origin"));
  return new Response("handled", { status: 200 });
}

type ServerRouteModule = ServerBuild["routes"][string]["module"];

/** Remix's type asks every route module for a component, but a resource route is one without. */
function resourceRoute(module: Omit<ServerRouteModule, "default">): ServerRouteModule {
  return module as ServerRouteModule;
}

/**
 * The smallest Remix build that serves through the real request handler: resource routes that
 * report what reached them, and a document renderer that only echoes its status.
 */
const probeBuild: ServerBuild = {
  mode: "test",
  entry: {
    module: {
      default: (_request, status, headers) => new Response("<!doctype html><title>Rapport</title>", { status, headers }),
    },
  },
  routes: {
    root: { id: "root", path: "", module: { default: () => null } },
    "routes/probe": {
      id: "routes/probe",
      parentId: "root",
      path: "probe",
      module: resourceRoute({
        loader: ({ context }: LoaderFunctionArgs) =>
          Response.json(
            { cspNonce: context.cspNonce, clientAddress: context.clientAddress },
            { headers: { "Referrer-Policy": "no-referrer", "Cache-Control": "no-store" } },
          ),
        action: recordArrival,
      }),
    },
    "routes/webhooks.probe": {
      id: "routes/webhooks.probe",
      parentId: "root",
      path: "webhooks/probe",
      module: resourceRoute({ action: recordArrival }),
    },
  },
  assets: {
    entry: { imports: [], module: "/assets/entry.client.js" },
    routes: {
      root: { id: "root", path: "", module: "/assets/root.js", hasAction: false, hasLoader: false, hasClientAction: false, hasClientLoader: false, hasErrorBoundary: false },
    },
    url: "/assets/manifest.js",
    version: "test",
  },
  publicPath: "/",
  assetsBuildDirectory: "build/client",
  future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_lazyRouteDiscovery: false, v3_singleFetch: true },
  isSpaMode: false,
};

let server: Server;
let origin: string;

beforeAll(async () => {
  const noAssets: RequestHandler = (_request, _response, next) => next();
  const app = createApp({ build: async () => probeBuild, assets: [noAssets] });
  server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

beforeEach(() => {
  reached.length = 0;
  arrivedOrigins.length = 0;
});

function post(path: string, headers: Record<string, string> = {}) {
  return fetch(`${origin}${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: "name=value",
    redirect: "manual",
  });
}

function scriptSources(response: Response): string[] {
  const policy = response.headers.get("content-security-policy") ?? "";
  const directive = policy.split(";").map((part) => part.trim()).find((part) => part.startsWith("script-src "));
  return directive?.split(/\s+/).slice(1) ?? [];
}

describe("security headers", () => {
  test("every response carries them: pages, health checks, refusals and not-found", async () => {
    const responses = [
      await fetch(`${origin}/probe`),
      await fetch(`${origin}/healthz`),
      await fetch(`${origin}/nowhere`),
      await post("/probe", { origin: "https://evil.example" }),
    ];
    expect(responses.map((response) => response.status)).toEqual([200, 200, 404, 403]);
    for (const response of responses) {
      const policy = response.headers.get("content-security-policy");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).toContain("default-src 'self'");
      expect(policy).toContain("object-src 'none'");
      expect(scriptSources(response)).toEqual(["'self'", expect.stringMatching(/^'nonce-[A-Za-z0-9+/]{22}==' ?$/)]);
      expect(response.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
      expect(response.headers.get("x-powered-by")).toBeNull();
    }
    expect(responses[1]!.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  });

  test("the script nonce is new on every request and is the one Remix renders with", async () => {
    const first = await fetch(`${origin}/probe`);
    const second = await fetch(`${origin}/probe`);
    const [firstNonce, secondNonce] = [first, second].map((response) => scriptSources(response)[1]);
    expect(firstNonce).not.toBe(secondNonce);
    expect(firstNonce).toBe(`'nonce-${((await first.json()) as { cspNonce: string }).cspNonce}'`);
  });

  test("a route that tightens Referrer-Policy replaces the default instead of adding to it", async () => {
    const response = await fetch(`${origin}/probe`);
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  test("loaders see the client's address", async () => {
    const response = await fetch(`${origin}/probe`);
    expect(((await response.json()) as { clientAddress: string }).clientAddress).toMatch(/127\.0\.0\.1$/);
  });
});

describe("cross-site request refusal", () => {
  test.each([
    ["an Origin naming another site", { origin: "https://evil.example" }],
    ["an opaque Origin (sandboxed frame, file://)", { origin: "null" }],
    ["Sec-Fetch-Site: cross-site", { "sec-fetch-site": "cross-site" }],
    ["an unreadable Origin", { origin: "not a url" }],
  ])("a POST with %s is refused before any action runs", async (_case, headers) => {
    const response = await post("/probe", headers);
    expect(response.status).toBe(403);
    expect(await response.text()).toBe("This request came from another site and was refused.");
    expect(reached).toEqual([]);
  });

  test("a POST from the app's own origin goes through", async () => {
    const response = await post("/probe", { origin, "sec-fetch-site": "same-origin" });
    expect(response.status).toBe(200);
    expect(reached).toEqual(["POST /probe"]);
  });

  test("a form posted from a no-referrer page (Origin: null, but Sec-Fetch-Site: same-origin) goes through", async () => {
    const response = await post("/probe", { origin: "null", "sec-fetch-site": "same-origin" });
    expect(response.status).toBe(200);
    expect(reached).toEqual(["POST /probe"]);
    // Remix refuses a document POST whose Origin doesn't name the host, "null" included.
    expect(arrivedOrigins).toEqual([null]);
  });

  test("a POST without Origin, as non-browser clients send, goes through", async () => {
    const response = await post("/probe");
    expect(response.status).toBe(200);
    expect(reached).toEqual(["POST /probe"]);
  });

  test("webhooks, which prove themselves by signature, are exempt", async () => {
    const response = await post("/webhooks/probe", { origin: "https://evil.example", "sec-fetch-site": "cross-site" });
    expect(response.status).toBe(200);
    expect(reached).toEqual(["POST /webhooks/probe"]);
  });

  test("reading a page from another site is allowed: only mutations are checked", async () => {
    const response = await fetch(`${origin}/probe`, { headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" } });
    expect(response.status).toBe(200);
  });
});

describe("/healthz", () => {
  test("answers ok when the database does", async () => {
    const response = await fetch(`${origin}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
    expect(reached).toEqual([]);
  });
});
