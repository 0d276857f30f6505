import { Auth, skipCSRFCheck, type AuthConfig } from "@auth/core";
import type { Adapter } from "@auth/core/adapters";
import type { EmailConfig } from "@auth/core/providers/email";
import { AuthError } from "@auth/core/errors";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { redirect } from "@remix-run/node";
import SignInLinkEmail, { signInLinkSubject } from "#emails/sign-in-link";
import { acceptPendingInvitations } from "~/members/invitations.server";
import { db } from "./db.server";
import { env } from "./env.server";
import { queueEmail } from "./email.server";
import { logger } from "./logger.server";

export const AUTH_BASE_PATH = "/api/auth";
export const SIGN_IN_LINK_MAX_AGE_SECONDS = 15 * 60;
export const EMAIL_PROVIDER_ID = "email";
const SESSION_COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"];

// The adapter's parameter type is `any` with Prisma's new generator; this keeps our side typed.
function prismaSessionAdapter(client: typeof db): Adapter {
  return PrismaAdapter(client as Parameters<typeof PrismaAdapter>[0]);
}

/**
 * Auth.js emails a link to its own callback, which signs in on GET. We mail a link to our
 * confirmation page instead, whose POST performs the callback: a corporate link scanner that
 * follows the link neither signs anyone in nor burns the single-use token.
 */
export function confirmationUrlFor(authCallbackUrl: string): string {
  const callback = new URL(authCallbackUrl);
  const confirmation = new URL("/sign-in/confirm", env().APP_URL);
  for (const name of ["token", "email", "callbackUrl"]) {
    const value = callback.searchParams.get(name);
    if (value) confirmation.searchParams.set(name, value);
  }
  return confirmation.toString();
}

const emailProvider: EmailConfig = {
  id: EMAIL_PROVIDER_ID,
  type: "email",
  name: "Email",
  maxAge: SIGN_IN_LINK_MAX_AGE_SECONDS,
  normalizeIdentifier: (identifier) => identifier.trim().toLowerCase(),
  async sendVerificationRequest({ identifier, url }) {
    await db.$transaction((tx) =>
      queueEmail(tx, {
        kind: "sign-in-link",
        to: identifier,
        subject: signInLinkSubject,
        react: SignInLinkEmail({ url: confirmationUrlFor(url), expiresInMinutes: SIGN_IN_LINK_MAX_AGE_SECONDS / 60 }),
      }),
    );
  },
};

let cachedConfig: AuthConfig | undefined;

export function authConfig(): AuthConfig {
  cachedConfig ??= {
    basePath: AUTH_BASE_PATH,
    trustHost: true,
    secret: env().AUTH_SECRET,
    adapter: prismaSessionAdapter(db),
    session: { strategy: "database", maxAge: 30 * 24 * 60 * 60 },
    providers: [emailProvider],
    pages: { signIn: "/sign-in", verifyRequest: "/sign-in/check-email", error: "/sign-in/confirm" },
    logger: {
      // A used, expired or mistyped link is the visitor's slip, answered with "request a new link";
      // Auth.js's default logger would print it to the console as an error.
      error(error) {
        const type = error instanceof AuthError ? error.type : error.name;
        if (type === "Verification") logger.info({ authError: type }, "a sign-in link was refused: expired, used or mistyped");
        else logger.error({ err: error, cause: error.cause, authError: type }, "Auth.js failed");
      },
      warn(code) {
        logger.warn({ authWarning: code }, "Auth.js warning");
      },
    },
    events: {
      async signIn({ user }) {
        if (user.email) await acceptPendingInvitations(user.email);
      },
    },
  };
  return cachedConfig;
}

/**
 * Runs an Auth.js endpoint in-process. Our own form posts are already protected by the
 * same-origin check on every mutating request, so Auth.js's double-submit token is redundant here.
 */
export function callAuth(path: string, init: RequestInit = {}): Promise<Response> {
  return Auth(new Request(new URL(`${AUTH_BASE_PATH}${path}`, env().APP_URL), init), { ...authConfig(), skipCSRFCheck });
}

export function handleAuthRequest(request: Request): Promise<Response> {
  return Auth(request, authConfig());
}

function sessionTokenFrom(request: Request): string | undefined {
  const cookies = parseCookieHeader(request.headers.get("cookie"));
  for (const name of SESSION_COOKIE_NAMES) {
    const value = cookies.get(name);
    if (value) return value;
  }
  return undefined;
}

export function parseCookieHeader(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const separator = part.indexOf("=");
    if (separator > 0) cookies.set(part.slice(0, separator).trim(), decodeURIComponent(part.slice(separator + 1).trim()));
  }
  return cookies;
}

export type SessionUser = { id: string; email: string; name: string | null };

export async function getSessionUser(request: Request): Promise<SessionUser | null> {
  const token = sessionTokenFrom(request);
  if (!token) return null;
  const session = await db.session.findUnique({
    where: { sessionToken: token },
    select: { expires: true, user: { select: { id: true, email: true, name: true } } },
  });
  if (!session || session.expires <= new Date()) return null;
  return session.user;
}

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request);
  if (user) return user;
  const url = new URL(request.url);
  const redirectTo = `${url.pathname}${url.search}`;
  throw redirect(`/sign-in?${new URLSearchParams({ redirectTo })}`);
}

export async function requireAnonymous(request: Request) {
  if (await getSessionUser(request)) throw redirect("/");
}

/** Ends the session in the database (so the cookie is worthless) and clears the cookie. */
export async function signOut(request: Request): Promise<Headers> {
  const token = sessionTokenFrom(request);
  if (token) await db.session.deleteMany({ where: { sessionToken: token } });
  const headers = new Headers();
  for (const name of SESSION_COOKIE_NAMES) {
    const secure = name.startsWith("__Secure-") ? "; Secure" : "";
    headers.append("Set-Cookie", `${name}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secure}`);
  }
  return headers;
}
