import { describe, expect, test } from "vitest";
import { db } from "~/platform/db.server";
import { addInvitees, confirmedEventWorld } from "#tests/invitations/world";
import { waitlistPosition } from "./invitation.server";
import { recordRsvp } from "./rsvp.server";
import { createRsvpToken } from "./tokens.server";

const yes = { answer: "yes", bringsPlusOne: false, plusOneName: "", shiftId: null, waiverAccepted: false, answers: {} } as const;

// On the embedded database (PGlite, one session) the transactions take turns, so this proves the
// bookkeeping; run with DATABASE_URL set to a PostgreSQL server to prove it under real concurrency.
describe("capacity under concurrency", () => {
  test("200 people answering yes at once for the last 10 seats: exactly 10 get one, 190 are waitlisted in order, nothing fails", async () => {
    const world = await confirmedEventWorld({ capacity: 20, quotas: { initiator: 15, partner: 5 } });
    const expiry = new Date(Date.now() + 30 * 86_400_000);
    const early = await addInvitees(world, "acme", 5);
    for (const invitee of early) await recordRsvp(world.eventId, createRsvpToken(invitee, expiry), yes);
    const crowd = await addInvitees(world, "acme", 200);

    const outcomes = await Promise.allSettled(crowd.map((invitee) => recordRsvp(world.eventId, createRsvpToken(invitee, expiry), yes)));

    expect(outcomes.filter((outcome) => outcome.status === "rejected")).toEqual([]);
    const statuses = await db.eventInvitation.groupBy({ by: ["status"], where: { id: { in: crowd.map((invitee) => invitee.id) } }, _count: true });
    expect(Object.fromEntries(statuses.map((row) => [row.status, row._count]))).toEqual({ attending: 10, waitlisted: 190 });
    const event = await db.event.findUniqueOrThrow({ where: { id: world.eventId }, select: { seatsTaken: true, quotas: { where: { organizationId: world.acme.organization.id } } } });
    expect(event.seatsTaken).toBe(15);
    expect(event.quotas[0]?.seatsTaken).toBe(15);
    // The queue has one order, the order promotion follows: every waitlisted person has a place of their own.
    const waitlisted = await db.eventInvitation.findMany({ where: { id: { in: crowd.map((invitee) => invitee.id) }, status: "waitlisted" }, select: { id: true, eventId: true, organizationId: true, waitlistedAt: true } });
    const positions = await Promise.all(waitlisted.map((invitation) => waitlistPosition(db, invitation)));
    expect(positions.sort((a, b) => a - b)).toEqual(Array.from({ length: 190 }, (_, index) => index + 1));
    expect(await db.invitationNotice.count({ where: { kind: "confirmation", invitationId: { in: crowd.map((invitee) => invitee.id) } } })).toBe(200);
  }, 120_000);
});

describe("releases and claims at once on a volunteer day", () => {
  test("declines, shift changes and new yeses from both companies at once: no failures, no overbooking, counters match the seats held", async () => {
    const world = await confirmedEventWorld({ capacity: 40, quotas: { initiator: 20, partner: 20 } }, "volunteer_day");
    const shifts = await db.eventShift.findMany({ where: { eventId: world.eventId }, orderBy: { startsAt: "asc" } });
    await db.eventShift.updateMany({ where: { eventId: world.eventId }, data: { capacity: 12 } });
    const expiry = new Date(Date.now() + 30 * 86_400_000);
    const shiftFor = (index: number) => shifts[index % 2]!.id;
    const answerYes = (invitee: { id: string; eventId: string; tokenVersion: number }, index: number) =>
      recordRsvp(world.eventId, createRsvpToken(invitee, expiry), { ...yes, shiftId: shiftFor(index), waiverAccepted: true });
    const going = [...(await addInvitees(world, "acme", 12)), ...(await addInvitees(world, "globex", 12))];
    for (const [index, invitee] of going.entries()) await answerYes(invitee, index);
    const newcomers = [...(await addInvitees(world, "acme", 20)), ...(await addInvitees(world, "globex", 20))];

    const outcomes = await Promise.allSettled([
      ...going.slice(0, 8).map((invitee) => recordRsvp(world.eventId, createRsvpToken(invitee, expiry), { ...yes, answer: "no" })),
      ...going.slice(8, 14).map((invitee, index) => answerYes(invitee, index + 1)),
      ...newcomers.map((invitee, index) => answerYes(invitee, index)),
    ]);

    expect(outcomes.filter((outcome) => outcome.status === "rejected")).toEqual([]);
    const event = await db.event.findUniqueOrThrow({ where: { id: world.eventId }, select: { seatsTaken: true, capacity: true, quotas: true, shifts: true } });
    const attending = await db.eventInvitation.findMany({ where: { eventId: world.eventId, status: "attending" }, select: { organizationId: true, shiftId: true, seatsHeld: true } });
    const held = (filter: (row: (typeof attending)[number]) => boolean) => attending.filter(filter).reduce((sum, row) => sum + row.seatsHeld, 0);
    expect(event.seatsTaken).toBe(held(() => true));
    for (const quota of event.quotas) expect(quota.seatsTaken).toBe(held((row) => row.organizationId === quota.organizationId));
    for (const shift of event.shifts) {
      expect(shift.seatsTaken).toBe(held((row) => row.shiftId === shift.id));
      expect(shift.seatsTaken).toBeLessThanOrEqual(shift.capacity);
    }
    expect(event.seatsTaken).toBe(24);
  }, 120_000);
});
