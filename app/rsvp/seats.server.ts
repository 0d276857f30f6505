import type { Tx } from "~/platform/db.server";
import { requestPromotionNotice } from "./notices.server";

/**
 * Seats are counted in three places, each guarded by a CHECK constraint: the event's total
 * (events.seats_taken), the company's quota (event_quotas.seats_taken) and, on volunteer days,
 * the shift (event_shifts.seats_taken). An attendee holds `seats_held` seats (themselves plus a
 * plus-one) in all three. Seats are only ever taken by conditional UPDATEs, so two transactions
 * can never both take the last seat: the second waits for the first's row lock and then
 * re-checks the condition against the committed count.
 */

export type SeatHolding = { seats: number; shiftId: string | null };

type SeatOwner = { eventId: string; organizationId: string };

type SeatRow = { table: "quota" } | { table: "shift"; shiftId: string } | { table: "event" };

type SeatStep = { row: SeatRow; delta: number };

async function changeRow(tx: Tx, owner: SeatOwner, row: SeatRow, delta: number): Promise<boolean> {
  // Releasing needs no condition: the CHECK constraint still guards against a bug going below zero.
  switch (row.table) {
    case "quota":
      return (
        (await tx.$executeRaw`UPDATE event_quotas SET seats_taken = seats_taken + ${delta}
          WHERE event_id = ${owner.eventId} AND organization_id = ${owner.organizationId} AND (${delta} < 0 OR seats_taken + ${delta} <= seats)`) === 1
      );
    case "shift":
      return (
        (await tx.$executeRaw`UPDATE event_shifts SET seats_taken = seats_taken + ${delta}
          WHERE id = ${row.shiftId} AND event_id = ${owner.eventId} AND (${delta} < 0 OR seats_taken + ${delta} <= capacity)`) === 1
      );
    case "event":
      return (
        (await tx.$executeRaw`UPDATE events SET seats_taken = seats_taken + ${delta}
          WHERE id = ${owner.eventId} AND (${delta} < 0 OR seats_taken + ${delta} <= capacity)`) === 1
      );
  }
}

/**
 * Locks every seat counter of the event in the order claims take them (quotas, then shifts,
 * each by id; the event's total comes later, when it changes). For anything that releases
 * seats and promotes: a promotion may touch another shift or the other company's quota after
 * the event's total is already held, which without this could deadlock with a concurrent claim.
 */
export async function lockSeatCounters(tx: Tx, eventId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM event_quotas WHERE event_id = ${eventId} ORDER BY organization_id FOR UPDATE`;
  await tx.$queryRaw`SELECT 1 FROM event_shifts WHERE event_id = ${eventId} ORDER BY id FOR UPDATE`;
}

/**
 * Moves an invitee from the seats they hold to the seats they want, in the caller's transaction.
 * Returns false, having changed nothing, when a quota, shift or the event has no room.
 *
 * Rows are touched in one order everywhere (quota, shifts by id, then the event's total), so
 * concurrent moves queue behind each other instead of deadlocking; the event's row, which every
 * answer of both companies touches, comes last so its lock is held for the shortest time.
 */
export async function moveSeats(tx: Tx, owner: SeatOwner, from: SeatHolding, to: SeatHolding): Promise<boolean> {
  const shiftDeltas = new Map<string, number>();
  if (from.shiftId && from.seats) shiftDeltas.set(from.shiftId, -from.seats);
  if (to.shiftId && to.seats) shiftDeltas.set(to.shiftId, (shiftDeltas.get(to.shiftId) ?? 0) + to.seats);
  const shiftSteps = [...shiftDeltas.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([shiftId, delta]): SeatStep => ({ row: { table: "shift", shiftId }, delta }));
  const steps = [{ row: { table: "quota" }, delta: to.seats - from.seats } satisfies SeatStep, ...shiftSteps, { row: { table: "event" }, delta: to.seats - from.seats } satisfies SeatStep].filter(
    (step) => step.delta !== 0,
  );

  const applied: SeatStep[] = [];
  for (const step of steps) {
    if (await changeRow(tx, owner, step.row, step.delta)) {
      applied.push(step);
      continue;
    }
    // Undoing is always possible: this transaction still holds the rows it changed.
    for (const done of applied.reverse()) await changeRow(tx, owner, done.row, -done.delta);
    return false;
  }
  return true;
}

type WaitlistedCandidate = { id: string; brings_plus_one: boolean; shift_id: string | null };

const PROMOTION_BATCH = 500;

/**
 * Gives freed seats to the company's waitlist, earliest first, in the caller's transaction: the
 * same one that freed them, so a seat is never free for a moment in between. Someone who does
 * not fit (their plus-one needs two seats and one is left, or their shift is full) is skipped
 * and keeps their place; the next person who fits gets the seat. Rows another transaction holds
 * right now (that person is answering at this moment) are skipped too: their own answer decides.
 * Each promoted person gets a "You're in" email.
 */
export async function promoteWaitlisted(tx: Tx, eventId: string, organizationId: string, options: { excludingInvitationId?: string } = {}): Promise<number> {
  let room = await roomLeft(tx, eventId, organizationId);
  if (room <= 0) return 0;
  const candidates = await tx.$queryRaw<WaitlistedCandidate[]>`
    SELECT id, brings_plus_one, shift_id FROM event_invitations
    WHERE event_id = ${eventId} AND organization_id = ${organizationId} AND status = 'waitlisted' AND id <> ${options.excludingInvitationId ?? ""}
    ORDER BY waitlisted_at ASC NULLS LAST, id ASC
    LIMIT ${PROMOTION_BATCH}
    FOR UPDATE SKIP LOCKED`;
  let promoted = 0;
  const owner = { eventId, organizationId };
  for (const candidate of candidates) {
    const seats = candidate.brings_plus_one ? 2 : 1;
    if (seats > room) continue;
    if (!(await moveSeats(tx, owner, { seats: 0, shiftId: candidate.shift_id }, { seats, shiftId: candidate.shift_id }))) continue;
    const invitation = await tx.eventInvitation.update({
      where: { id: candidate.id },
      data: { status: "attending", seatsHeld: seats, waitlistedAt: null, promotedAt: new Date() },
      select: { id: true, promotedAt: true },
    });
    await requestPromotionNotice(tx, invitation);
    promoted += 1;
    room -= seats;
    if (room <= 0) break;
  }
  return promoted;
}

/** Seats this company could still take: the smaller of its quota's and the event's free seats. */
async function roomLeft(tx: Tx, eventId: string, organizationId: string): Promise<number> {
  const [row] = await tx.$queryRaw<{ room: number | null }[]>`
    SELECT LEAST(q.seats - q.seats_taken, e.capacity - e.seats_taken)::int AS room
    FROM events e JOIN event_quotas q ON q.event_id = e.id AND q.organization_id = ${organizationId}
    WHERE e.id = ${eventId}`;
  return row?.room ?? 0;
}

/** A yes from someone who holds no seat: who they are, what they need, and the answer to save. */
export type SeatClaim = {
  invitationId: string;
  eventId: string;
  organizationId: string;
  seats: number;
  shiftId: string | null;
  details: { bringsPlusOne: boolean; plusOneName: string; waiverAcceptedAt: Date | null; answers: Record<string, string | string[]> };
  respondedAt: Date;
  /** The same answer again from someone waitlisted: if it still finds no seat, nothing changes. */
  retry: boolean;
};

/**
 * Records a yes in one statement: takes a seat in the company's quota, the shift (if any) and the
 * event's total, in that order, and saves the answer as attending — or, when any of them is full,
 * as waitlisted, keeping an earlier place in the queue. One statement, so the rows it locks wait
 * only for the commit that follows it. Someone who fits the quota but not the shift gives the
 * quota seat straight back.
 */
export async function claimSeats(tx: Tx, claim: SeatClaim): Promise<"attending" | "waitlisted"> {
  const { eventId, organizationId, seats, shiftId, details, respondedAt } = claim;
  const [claimed] = await tx.$queryRaw<{ quota: boolean; shift: boolean; attending: boolean }[]>`
    WITH quota AS (
      UPDATE event_quotas SET seats_taken = seats_taken + ${seats}
      WHERE event_id = ${eventId} AND organization_id = ${organizationId} AND seats_taken + ${seats} <= seats
      RETURNING 1
    ), shift AS (
      UPDATE event_shifts SET seats_taken = seats_taken + ${seats}
      WHERE id = ${shiftId} AND event_id = ${eventId} AND seats_taken + ${seats} <= capacity AND EXISTS (SELECT 1 FROM quota)
      RETURNING 1
    ), total AS (
      UPDATE events SET seats_taken = seats_taken + ${seats}
      WHERE id = ${eventId} AND seats_taken + ${seats} <= capacity
        AND EXISTS (SELECT 1 FROM quota) AND (${shiftId}::text IS NULL OR EXISTS (SELECT 1 FROM shift))
      RETURNING 1
    ), invitation AS (
      UPDATE event_invitations SET
        status = (CASE WHEN EXISTS (SELECT 1 FROM total) THEN 'attending' ELSE 'waitlisted' END)::"RsvpStatus",
        seats_held = CASE WHEN EXISTS (SELECT 1 FROM total) THEN ${seats} ELSE 0 END,
        waitlisted_at = CASE WHEN EXISTS (SELECT 1 FROM total) THEN NULL ELSE COALESCE(waitlisted_at, ${respondedAt.toISOString()}::timestamp) END,
        responded_at = CASE WHEN ${claim.retry} AND NOT EXISTS (SELECT 1 FROM total) THEN responded_at ELSE ${respondedAt.toISOString()}::timestamp END,
        brings_plus_one = ${details.bringsPlusOne},
        plus_one_name = ${details.plusOneName},
        shift_id = ${shiftId},
        waiver_accepted_at = ${details.waiverAcceptedAt?.toISOString() ?? null}::timestamp,
        answers = ${JSON.stringify(details.answers)}::jsonb
      WHERE id = ${claim.invitationId}
      RETURNING 1
    )
    SELECT EXISTS (SELECT 1 FROM quota) AS quota, EXISTS (SELECT 1 FROM shift) AS shift, EXISTS (SELECT 1 FROM total) AS attending
    FROM invitation`;
  if (!claimed) throw new Error(`Invitation ${claim.invitationId} vanished while its answer was recorded.`);
  if (claimed.attending) return "attending";
  if (claimed.quota) {
    const owner = { eventId, organizationId };
    await changeRow(tx, owner, { table: "quota" }, -seats);
    if (claimed.shift && shiftId) await changeRow(tx, owner, { table: "shift", shiftId }, -seats);
  }
  return "waitlisted";
}

/**
 * Gives seats an invitee just let go of to whoever waits for them: their company's waitlist
 * first. A shift place is shared by both companies, so once that waitlist had its turn, the
 * other company's people waiting for the freed shift may fit.
 */
export async function promoteAfterRelease(
  tx: Tx,
  released: { invitationId: string; eventId: string; organizationId: string },
  freed: { seats: boolean; shiftPlace: boolean },
): Promise<void> {
  if (!freed.seats && !freed.shiftPlace) return;
  await promoteWaitlisted(tx, released.eventId, released.organizationId, { excludingInvitationId: released.invitationId });
  if (!freed.shiftPlace) return;
  const { partnership } = await tx.event.findUniqueOrThrow({ where: { id: released.eventId }, select: { partnership: { select: { initiatorId: true, partnerId: true } } } });
  const otherCompany = [partnership.initiatorId, partnership.partnerId].find((id) => id && id !== released.organizationId);
  if (otherCompany) await promoteWaitlisted(tx, released.eventId, otherCompany, { excludingInvitationId: released.invitationId });
}

/**
 * Frees the seats an invitee holds (event, quota, shift) and gives them to the waitlist, in the
 * caller's transaction. For removing someone from the invite list: the caller then deletes or
 * otherwise retires the invitation, which is never promoted here.
 */
export async function releaseSeatsAndPromote(tx: Tx, invitationId: string): Promise<void> {
  const [held] = await tx.$queryRaw<{ event_id: string; organization_id: string; seats_held: number; shift_id: string | null }[]>`
    SELECT event_id, organization_id, seats_held, shift_id FROM event_invitations WHERE id = ${invitationId} FOR UPDATE`;
  if (!held || held.seats_held === 0) return;
  const owner = { eventId: held.event_id, organizationId: held.organization_id };
  await lockSeatCounters(tx, owner.eventId);
  await moveSeats(tx, owner, { seats: held.seats_held, shiftId: held.shift_id }, { seats: 0, shiftId: held.shift_id });
  await tx.eventInvitation.update({ where: { id: invitationId }, data: { seatsHeld: 0 } });
  await promoteAfterRelease(tx, { invitationId, ...owner }, { seats: true, shiftPlace: held.shift_id !== null });
}
