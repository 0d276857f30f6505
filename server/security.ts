import type { NextFunction, Request, Response } from "express";
import helmet from "helmet";
import { randomBytes } from "node:crypto";

/** Per-request nonce so Remix's inline hydration scripts run under a strict CSP. */
export function cspNonce(_request: Request, response: Response, next: NextFunction) {
  response.locals.cspNonce = randomBytes(16).toString("base64");
  next();
}

export function securityHeaders(options: { development: boolean }) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "base-uri": ["'self'"],
        "connect-src": options.development ? ["'self'", "ws:"] : ["'self'"],
        "font-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "script-src": ["'self'", (_request, response) => `'nonce-${(response as Response).locals.cspNonce}'`],
        "style-src": options.development ? ["'self'", "'unsafe-inline'"] : ["'self'"],
        "upgrade-insecure-requests": options.development ? null : [],
      },
    },
    strictTransportSecurity: { maxAge: 63_072_000, includeSubDomains: true },
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    crossOriginEmbedderPolicy: false,
    xFrameOptions: { action: "deny" },
  });
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF defence for every mutating request: browsers always send Origin on cross-site POSTs, so
 * one that names another site is refused before any action runs. Session cookies are also
 * SameSite=Lax. Server-to-server endpoints (webhooks) authenticate by signature instead.
 */
export function sameOriginMutations(options: { exemptPaths: string[] }) {
  return (request: Request, response: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(request.method) || options.exemptPaths.some((path) => request.path.startsWith(path))) return next();
    const origin = request.get("origin");
    const fetchSite = request.get("sec-fetch-site");
    // The browser's own statement, which no page can forge. It outranks Origin because a form
    // posted from a page with `Referrer-Policy: no-referrer` (the token pages, which work without
    // JavaScript) carries `Origin: null`; that null is dropped too, or Remix's own origin check
    // would refuse the post.
    if (fetchSite === "same-origin") {
      if (origin === "null") delete request.headers.origin;
      return next();
    }
    // Behind a trusted proxy the browser-facing host is the forwarded one; otherwise that header
    // is client-controlled and ignored.
    const host = (request.app.get("trust proxy") && request.get("x-forwarded-host")) || request.get("host");
    // An opaque ("null") or unreadable Origin cannot be proved to be ours, so it counts as another site.
    const crossSite = fetchSite === "cross-site" || (origin !== undefined && originHost(origin) !== host);
    if (crossSite) {
      response.status(403).type("text/plain").send("This request came from another site and was refused.");
      return;
    }
    next();
  };
}

function originHost(origin: string): string | undefined {
  return URL.canParse(origin) ? new URL(origin).host : undefined;
}

/**
 * Remix's Express adapter appends a route's headers to those already set, so a route that
 * tightens a default (a token page's `Referrer-Policy: no-referrer`) would send both values.
 * For these headers the route's value replaces the default instead.
 */
export function routeHeadersOverrideDefaults(headerNames: string[]) {
  const overridable = new Set(headerNames.map((name) => name.toLowerCase()));
  return (_request: Request, response: Response, next: NextFunction) => {
    const append = response.append.bind(response);
    response.append = (field: string, value?: string[] | string) =>
      overridable.has(field.toLowerCase()) && value !== undefined ? response.set(field, value) : append(field, value);
    next();
  };
}
