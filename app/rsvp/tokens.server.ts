import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { env } from "~/platform/env.server";
import type { RsvpAnswer } from "./answers";

/**
 * RSVP links carry a token instead of a session: most invitees have no account. A token names
 * one invitation, says until when it is good, and is signed (HMAC-SHA256) over the event, the
 * invitation, the invitation's token version and the expiry. Raising `tokenVersion` revokes every
 * link already sent for that invitation; the event in the signature makes a token useless on any
 * other event's page.
 *
 * Format: `<invitationId>.<expiry, seconds since epoch in base 36>.<tokenVersion>.<signature>`.
 */

export type RsvpTokenSubject = { id: string; eventId: string; tokenVersion: number };

export type RsvpTokenRefusal = "malformed" | "bad_signature" | "expired";

export type ParsedRsvpToken = { invitationId: string; tokenVersion: number; expiresAt: Date };

/** Links stay good this long after the event ends, so invitees can still see their answer. */
const VALID_AFTER_EVENT_END_MS = 30 * 86_400_000;

let signingKey: Buffer | undefined;

function key(): Buffer {
  // A key of its own, derived from AUTH_SECRET, so an RSVP signature can never stand in for any
  // other signature the app makes with that secret.
  signingKey ??= Buffer.from(hkdfSync("sha256", env().AUTH_SECRET, "rapport", "rsvp-token-v1", 32));
  return signingKey;
}

function signature(eventId: string, invitationId: string, tokenVersion: number, expiresAtSeconds: number): Buffer {
  return createHmac("sha256", key()).update(`rsvp|${eventId}|${invitationId}|${tokenVersion}|${expiresAtSeconds}`).digest();
}

export function rsvpTokenExpiry(eventEndsAt: Date): Date {
  return new Date(eventEndsAt.getTime() + VALID_AFTER_EVENT_END_MS);
}

export function createRsvpToken(invitation: RsvpTokenSubject, expiresAt: Date): string {
  const expiresAtSeconds = Math.floor(expiresAt.getTime() / 1000);
  const mac = signature(invitation.eventId, invitation.id, invitation.tokenVersion, expiresAtSeconds).toString("base64url");
  return `${invitation.id}.${expiresAtSeconds.toString(36)}.${invitation.tokenVersion}.${mac}`;
}

/**
 * Reads a token without trusting it: the caller loads the invitation it names and then calls
 * `verifyRsvpToken` with it. Split in two so the lookup happens once, by primary key.
 */
export function parseRsvpToken(token: string): ParsedRsvpToken | null {
  const parts = token.split(".");
  if (parts.length !== 4) return null;
  const [invitationId, expiry, version] = parts as [string, string, string, string];
  if (!/^[a-z0-9]{10,40}$/.test(invitationId) || !/^[0-9a-z]{1,10}$/.test(expiry) || !/^[1-9][0-9]{0,8}$/.test(version)) return null;
  return { invitationId, tokenVersion: Number(version), expiresAt: new Date(parseInt(expiry, 36) * 1000) };
}

/**
 * Checks a token against the invitation it names and the event whose page it was opened on.
 * Returns null when it is good. The comparison is constant-time so the signature cannot be
 * guessed a byte at a time.
 */
export function verifyRsvpToken(
  token: string,
  invitation: RsvpTokenSubject,
  expectedEventId: string,
  now: Date = new Date(),
): RsvpTokenRefusal | null {
  const parsed = parseRsvpToken(token);
  if (!parsed || parsed.invitationId !== invitation.id) return "malformed";
  const presented = Buffer.from(token.slice(token.lastIndexOf(".") + 1), "base64url");
  const expected = signature(expectedEventId, invitation.id, parsed.tokenVersion, Math.floor(parsed.expiresAt.getTime() / 1000));
  const signatureMatches = presented.length === expected.length && timingSafeEqual(presented, expected);
  // A revoked link (older version) or one from another event fails here, like a forged one.
  if (!signatureMatches || parsed.tokenVersion !== invitation.tokenVersion || invitation.eventId !== expectedEventId) return "bad_signature";
  if (parsed.expiresAt.getTime() <= now.getTime()) return "expired";
  return null;
}

export { RSVP_ANSWERS, type RsvpAnswer } from "./answers";

/** The page an emailed button opens: it shows the answer preselected and changes nothing until its form is posted. */
export function rsvpPath(invitation: RsvpTokenSubject, eventEndsAt: Date, answer?: RsvpAnswer): string {
  const token = createRsvpToken(invitation, rsvpTokenExpiry(eventEndsAt));
  return `/rsvp/${invitation.eventId}/${token}${answer ? `?answer=${answer}` : ""}`;
}

export function rsvpUrl(invitation: RsvpTokenSubject, eventEndsAt: Date, answer?: RsvpAnswer): string {
  return `${env().APP_URL}${rsvpPath(invitation, eventEndsAt, answer)}`;
}
