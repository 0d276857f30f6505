import { callAuth, EMAIL_PROVIDER_ID } from "~/platform/auth.server";
import { env } from "~/platform/env.server";
import { consumeRateLimit, type RateLimitRule } from "~/platform/rate-limit.server";

export const signInRateLimits = {
  perAddress: { name: "sign-in:address", limit: 5, windowSeconds: 15 * 60 },
  perClient: { name: "sign-in:ip", limit: 30, windowSeconds: 15 * 60 },
} satisfies Record<string, RateLimitRule>;

export type SignInLinkRequest = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Asks Auth.js to email a sign-in link. Known and unknown addresses get the same answer: a first
 * sign-in creates the account, so nothing here reveals who already has one.
 */
export async function requestSignInLink(input: { email: string; redirectTo: string; clientAddress: string }): Promise<SignInLinkRequest> {
  for (const [rule, subject] of [
    [signInRateLimits.perAddress, input.email],
    [signInRateLimits.perClient, input.clientAddress],
  ] as const) {
    const verdict = await consumeRateLimit(rule, subject);
    if (!verdict.allowed) return { ok: false, retryAfterSeconds: verdict.retryAfterSeconds };
  }
  const response = await callAuth(`/signin/${EMAIL_PROVIDER_ID}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: input.email, callbackUrl: new URL(input.redirectTo, env().APP_URL).toString() }),
  });
  const location = response.headers.get("location") ?? "";
  if (location.includes("error=")) throw new Error(`Auth.js refused to send a sign-in link: ${location}`);
  return { ok: true };
}

export type SignInConfirmation = { ok: true; redirectTo: string; headers: Headers } | { ok: false };

/** Consumes the single-use token (only ever from a POST) and returns the session cookie. */
export async function confirmSignIn(input: { token: string; email: string; callbackUrl?: string }): Promise<SignInConfirmation> {
  const query = new URLSearchParams({ token: input.token, email: input.email });
  if (input.callbackUrl) query.set("callbackUrl", input.callbackUrl);
  const response = await callAuth(`/callback/${EMAIL_PROVIDER_ID}?${query}`);
  const location = response.headers.get("location") ?? "/";
  const setCookies = response.headers.getSetCookie().filter((cookie) => cookie.includes("session-token="));
  if (location.includes("error=") || setCookies.length === 0) return { ok: false };
  const headers = new Headers();
  for (const cookie of setCookies) headers.append("Set-Cookie", cookie);
  const target = new URL(location, env().APP_URL);
  const redirectTo = target.origin === new URL(env().APP_URL).origin ? `${target.pathname}${target.search}` : "/";
  return { ok: true, redirectTo, headers };
}
