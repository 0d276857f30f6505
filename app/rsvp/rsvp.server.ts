import type { Prisma } from "~/generated/prisma/client";
import type { RsvpStatus } from "~/generated/prisma/enums";
import { db, type Tx } from "~/platform/db.server";
import { loadAnswerEvent, rsvpClosedReason, rsvpEventSelect, type AnswerEvent, type RsvpClosedReason, type RsvpEvent } from "./event.server";
import { answersOf, lockInvitation, rsvpInvitationSelect, type RsvpInvitation } from "./invitation.server";
import { requestRsvpConfirmation } from "./notices.server";
import type { RsvpChoice } from "./schemas";
import { claimSeats, lockSeatCounters, moveSeats, promoteAfterRelease } from "./seats.server";
import { parseRsvpToken, verifyRsvpToken } from "./tokens.server";

/**
 * A link that cannot be used says only whether it expired or is not valid: a forged, revoked,
 * mistyped or other-event token all look the same, so probing learns nothing.
 */
export type RsvpLinkRefusal = "expired" | "invalid";

type VerifiedLink = { ok: true; invitation: RsvpInvitation } | { ok: false; refusal: RsvpLinkRefusal };

/** Reads the invitation a token names and checks the token against it. Changes nothing. */
async function verifyLink(eventId: string, token: string, now: Date): Promise<VerifiedLink> {
  const parsed = parseRsvpToken(token);
  if (!parsed) return { ok: false, refusal: "invalid" };
  const invitation = await db.eventInvitation.findUnique({ where: { id: parsed.invitationId }, select: rsvpInvitationSelect });
  if (!invitation || invitation.revokedAt) return { ok: false, refusal: "invalid" };
  const refusal = verifyRsvpToken(token, invitation, eventId, now);
  if (refusal === "expired") return { ok: false, refusal: "expired" };
  if (refusal) return { ok: false, refusal: "invalid" };
  return { ok: true, invitation };
}

export type OpenedRsvpLink = { ok: true; event: RsvpEvent; invitation: RsvpInvitation } | { ok: false; refusal: RsvpLinkRefusal };

/** The invitation and everything the page shows about its event. */
export async function openRsvpLink(eventId: string, token: string, now = new Date()): Promise<OpenedRsvpLink> {
  const link = await verifyLink(eventId, token, now);
  if (!link.ok) return link;
  return { ok: true, invitation: link.invitation, event: await db.event.findUniqueOrThrow({ where: { id: eventId }, select: rsvpEventSelect }) };
}

/**
 * What answering needs before its transaction: the event (whether answers are open, what the
 * form asks) and the invitation the token names. The token itself is checked inside the
 * transaction, against the locked invitation row, so the common path reads that row only once.
 */
export type AnswerContext = { eventId: string; token: string; invitationId: string; event: AnswerEvent };

/** Null when the token can't name an invitation or the event doesn't exist: a refused link. */
export async function answerContext(eventId: string, token: string): Promise<AnswerContext | null> {
  const parsed = parseRsvpToken(token);
  if (!parsed) return null;
  const event = await loadAnswerEvent(eventId);
  return event ? { eventId, token, invitationId: parsed.invitationId, event } : null;
}

/** Checks the token on its own, for answers turned away before their transaction (closed, invalid form). */
export async function refusalOf(context: AnswerContext, now = new Date()): Promise<RsvpLinkRefusal | null> {
  const link = await verifyLink(context.eventId, context.token, now);
  return link.ok ? null : link.refusal;
}

function tokenRefusal(invitation: RsvpInvitation | null, context: AnswerContext, now: Date): RsvpLinkRefusal | null {
  if (!invitation || invitation.revokedAt) return "invalid";
  const refusal = verifyRsvpToken(context.token, invitation, context.eventId, now);
  return refusal === "expired" ? "expired" : refusal ? "invalid" : null;
}

export type RsvpOutcome =
  | { kind: "refused"; refusal: RsvpLinkRefusal }
  | { kind: "closed"; reason: RsvpClosedReason }
  /** They were going and what they asked for (a plus-one, another shift) has no room: nothing changed. */
  | { kind: "no_room_for_change"; refused: "plus_one" | "shift" | "both" }
  | { kind: "saved"; changed: boolean; status: RsvpStatus };

// Under a burst of answers (an invitation just landed in every inbox) transactions queue for a
// pooled connection; they should wait their turn rather than fail after Prisma's default 2 s.
const RSVP_TRANSACTION = { maxWait: 30_000, timeout: 30_000 } as const;

/** Records an answer given with a link, as the page's POST does once its form is valid. */
export async function recordRsvp(eventId: string, token: string, choice: RsvpChoice, now = new Date()): Promise<RsvpOutcome> {
  const context = await answerContext(eventId, token);
  if (!context) return { kind: "refused", refusal: "invalid" };
  return recordAnswer(context, choice, now);
}

/**
 * Records an invitee's answer: seats, waitlist, promotion of whoever a freed seat goes to, and
 * the confirmation email, all in one transaction. The invitation row is locked first, so a
 * double-submit waits for the first to commit and then finds nothing to change.
 */
export async function recordAnswer(context: AnswerContext, choice: RsvpChoice, now = new Date()): Promise<RsvpOutcome> {
  const closed = rsvpClosedReason(context.event, now);
  if (closed) {
    const refusal = await refusalOf(context, now);
    return refusal ? { kind: "refused", refusal } : { kind: "closed", reason: closed };
  }
  return db.$transaction(async (tx) => {
    const before = await lockInvitation(tx, context.invitationId);
    const refusal = tokenRefusal(before, context, now);
    if (refusal || !before) return { kind: "refused", refusal: refusal ?? "invalid" } as const;
    return applyChoice(tx, before, choice, now);
  }, RSVP_TRANSACTION);
}

type Preferences = Pick<RsvpInvitation, "bringsPlusOne" | "plusOneName" | "shiftId" | "waiverAcceptedAt"> & { answers: Record<string, string | string[]> };

function preferencesOf(before: RsvpInvitation, choice: RsvpChoice, now: Date): Preferences {
  return {
    bringsPlusOne: choice.bringsPlusOne,
    plusOneName: choice.plusOneName,
    shiftId: choice.shiftId,
    // The moment of the first acceptance is kept while the same shift's waiver stays accepted.
    waiverAcceptedAt: choice.waiverAccepted ? (before.shiftId === choice.shiftId && before.waiverAcceptedAt ? before.waiverAcceptedAt : now) : null,
    answers: choice.answers,
  };
}

function samePreferences(before: RsvpInvitation, after: Preferences): boolean {
  return (
    before.bringsPlusOne === after.bringsPlusOne &&
    before.plusOneName === after.plusOneName &&
    before.shiftId === after.shiftId &&
    (before.waiverAcceptedAt === null) === (after.waiverAcceptedAt === null) &&
    sameAnswers(answersOf(before), after.answers)
  );
}

function sameAnswers(a: Record<string, string | string[]>, b: Record<string, string | string[]>): boolean {
  const canonical = (answers: Record<string, string | string[]>) => JSON.stringify(Object.entries(answers).sort(([x], [y]) => (x < y ? -1 : 1)));
  return canonical(a) === canonical(b);
}

function saveData(preferences: Preferences, now: Date) {
  return { ...preferences, answers: preferences.answers as Prisma.InputJsonValue, respondedAt: now };
}

async function applyChoice(tx: Tx, before: RsvpInvitation, choice: RsvpChoice, now: Date): Promise<RsvpOutcome> {
  const preferences = preferencesOf(before, choice, now);
  const unchangedPreferences = samePreferences(before, preferences);
  if (choice.answer !== "yes") return recordNoSeatAnswer(tx, before, choice.answer === "no" ? "declined" : "maybe", preferences, unchangedPreferences, now);
  const wanted = { seats: choice.bringsPlusOne ? 2 : 1, shiftId: choice.shiftId };
  if (before.status === "attending") return changeAttendance(tx, before, wanted, preferences, unchangedPreferences, now);

  // A yes from someone holding no seat. The confirmation is requested first and the seats are
  // claimed by the transaction's last statement, so the locks on the company's quota and the
  // event's total are held only until the commit that follows it. A waitlisted person answering
  // yes again with nothing changed only retries for a seat: no new answer and no email unless
  // they get one, and their place in the queue is kept.
  const retry = before.status === "waitlisted" && unchangedPreferences;
  if (!retry) await requestRsvpConfirmation(tx, before.id, now);
  const { shiftId, ...details } = preferences;
  const status = await claimSeats(tx, {
    invitationId: before.id,
    eventId: before.eventId,
    organizationId: before.organizationId,
    seats: wanted.seats,
    shiftId,
    details,
    respondedAt: now,
    retry,
  });
  if (!retry) return { kind: "saved", changed: true, status };
  if (status === "waitlisted") return { kind: "saved", changed: false, status };
  await requestRsvpConfirmation(tx, before.id, now);
  return { kind: "saved", changed: true, status };
}

/** Someone already going changes what they hold: a plus-one, another shift, or only their answers. */
async function changeAttendance(
  tx: Tx,
  before: RsvpInvitation,
  wanted: { seats: number; shiftId: string | null },
  preferences: Preferences,
  unchangedPreferences: boolean,
  now: Date,
): Promise<RsvpOutcome> {
  if (unchangedPreferences) return { kind: "saved", changed: false, status: "attending" };
  const held = { seats: before.seatsHeld, shiftId: before.shiftId };
  const owner = { eventId: before.eventId, organizationId: before.organizationId };
  const sameHolding = held.seats === wanted.seats && held.shiftId === wanted.shiftId;
  if (!sameHolding) await lockSeatCounters(tx, before.eventId);
  if (!sameHolding && !(await moveSeats(tx, owner, held, wanted))) {
    const morePeople = wanted.seats > held.seats;
    const otherShift = wanted.shiftId !== held.shiftId;
    return { kind: "no_room_for_change", refused: morePeople && otherShift ? "both" : morePeople ? "plus_one" : "shift" };
  }
  await tx.eventInvitation.update({ where: { id: before.id }, data: { ...saveData(preferences, now), seatsHeld: wanted.seats } });
  await requestRsvpConfirmation(tx, before.id, now);
  await promoteIntoFreedSeats(tx, before, wanted);
  return { kind: "saved", changed: true, status: "attending" };
}

/** A no or a maybe: whatever seat they held goes to the next person waiting. */
async function recordNoSeatAnswer(
  tx: Tx,
  before: RsvpInvitation,
  status: "declined" | "maybe",
  preferences: Preferences,
  unchangedPreferences: boolean,
  now: Date,
): Promise<RsvpOutcome> {
  if (before.status === status && unchangedPreferences) return { kind: "saved", changed: false, status };
  const held = { seats: before.seatsHeld, shiftId: before.shiftId };
  if (held.seats > 0) {
    await lockSeatCounters(tx, before.eventId);
    await moveSeats(tx, { eventId: before.eventId, organizationId: before.organizationId }, held, { seats: 0, shiftId: held.shiftId });
  }
  await tx.eventInvitation.update({ where: { id: before.id }, data: { ...saveData(preferences, now), status, seatsHeld: 0, waitlistedAt: null } });
  await requestRsvpConfirmation(tx, before.id, now);
  await promoteIntoFreedSeats(tx, before, { seats: 0, shiftId: preferences.shiftId });
  return { kind: "saved", changed: true, status };
}

/** Seats this answer let go of (fewer seats, or another shift) go to whoever waits for them. */
async function promoteIntoFreedSeats(tx: Tx, before: RsvpInvitation, after: { seats: number; shiftId: string | null }) {
  const shiftPlace = before.seatsHeld > 0 && before.shiftId !== null && (after.shiftId !== before.shiftId || after.seats < before.seatsHeld);
  await promoteAfterRelease(tx, { invitationId: before.id, eventId: before.eventId, organizationId: before.organizationId }, { seats: after.seats < before.seatsHeld, shiftPlace });
}
