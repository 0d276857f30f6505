import { describe, expect, test } from "vitest";
import { db } from "~/platform/db.server";
import { addInvitees, confirmedEventWorld, type ConfirmedEventWorld } from "#tests/invitations/world";
import { workRsvpNoticeJobs } from "./notices.test-support";
import { getRsvpPage, submitRsvp } from "./page.server";
import { recordRsvp } from "./rsvp.server";
import type { RsvpChoice } from "./schemas";
import { releaseSeatsAndPromote } from "./seats.server";
import { createRsvpToken } from "./tokens.server";

type Invitee = Awaited<ReturnType<typeof addInvitees>>[number];

const DAY_MS = 86_400_000;

function tokenOf(invitee: Invitee): string {
  return createRsvpToken(invitee, new Date(Date.now() + 30 * DAY_MS));
}

function choice(answer: RsvpChoice["answer"], extra: Partial<RsvpChoice> = {}): RsvpChoice {
  return { answer, bringsPlusOne: false, plusOneName: "", shiftId: null, waiverAccepted: false, answers: {}, ...extra };
}

function answer(world: ConfirmedEventWorld, invitee: Invitee, given: RsvpChoice["answer"], extra: Partial<RsvpChoice> = {}) {
  return recordRsvp(world.eventId, tokenOf(invitee), choice(given, extra));
}

function form(values: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) for (const item of [value].flat()) data.append(name, item);
  return data;
}

async function seats(world: ConfirmedEventWorld) {
  const event = await db.event.findUniqueOrThrow({ where: { id: world.eventId }, select: { seatsTaken: true, capacity: true } });
  const quotas = await db.eventQuota.findMany({ where: { eventId: world.eventId }, select: { organizationId: true, seats: true, seatsTaken: true } });
  const quotaOf = (company: "acme" | "globex") => quotas.find((quota) => quota.organizationId === world[company].organization.id)!;
  return { event, acme: quotaOf("acme"), globex: quotaOf("globex") };
}

async function statusOf(invitee: Invitee) {
  return db.eventInvitation.findUniqueOrThrow({ where: { id: invitee.id }, select: { status: true, seatsHeld: true, waitlistedAt: true, promotedAt: true } });
}

/** The emails an invitee has been sent once the worker has run the queued notice jobs. */
async function emailsTo(invitee: Invitee, kind?: string) {
  await workRsvpNoticeJobs();
  return db.outboundEmail.findMany({ where: { to: invitee.email, ...(kind ? { kind } : {}) }, orderBy: { createdAt: "asc" } });
}

describe("answering an invitation", () => {
  test("a yes takes a seat in the event and the company's quota and sends one confirmation with the calendar part and check-in code", async () => {
    const world = await confirmedEventWorld({ capacity: 10, quotas: { initiator: 6, partner: 4 } });
    const [ada] = await addInvitees(world, "acme", 1);

    expect(await answer(world, ada!, "yes")).toMatchObject({ kind: "saved", changed: true, status: "attending" });

    expect(await seats(world)).toMatchObject({ event: { seatsTaken: 1 }, acme: { seatsTaken: 1 }, globex: { seatsTaken: 0 } });
    const [email] = await emailsTo(ada!, "rsvp-confirmation");
    expect(email?.subject).toBe("You're going to “Team dinner”");
    expect(email?.text).toContain("/rsvp/");
    expect(email?.html).toContain(`/check-in/${ada!.id}/qr.png`);
    const attachment = (email?.attachments as { contentType: string; content: string }[])[0]!;
    expect(attachment.contentType).toBe("text/calendar; charset=utf-8; method=REQUEST");
    expect(Buffer.from(attachment.content, "base64").toString()).toContain("PARTSTAT=ACCEPTED");
  });

  test("answering the same again changes nothing and sends no second confirmation; a real change sends one", async () => {
    const world = await confirmedEventWorld({ capacity: 10, plusOnesAllowed: true });
    const [ada] = await addInvitees(world, "acme", 1);
    await answer(world, ada!, "yes");
    expect(await emailsTo(ada!, "rsvp-confirmation")).toHaveLength(1);

    expect(await answer(world, ada!, "yes")).toMatchObject({ kind: "saved", changed: false, status: "attending" });
    expect(await emailsTo(ada!, "rsvp-confirmation")).toHaveLength(1);

    await answer(world, ada!, "yes", { bringsPlusOne: true, plusOneName: "Sam" });
    expect(await seats(world)).toMatchObject({ event: { seatsTaken: 2 }, acme: { seatsTaken: 2 } });
    expect(await emailsTo(ada!, "rsvp-confirmation")).toHaveLength(2);
    await answer(world, ada!, "no");
    expect(await seats(world)).toMatchObject({ event: { seatsTaken: 0 }, acme: { seatsTaken: 0 } });
    const emails = await emailsTo(ada!, "rsvp-confirmation");
    expect(emails.map((email) => email.subject)).toEqual(["You're going to “Team dinner”", "You're going to “Team dinner”", "You've declined “Team dinner”"]);
    expect(Buffer.from((emails[2]!.attachments as { content: string }[])[0]!.content, "base64").toString()).toContain("PARTSTAT=DECLINED");
  });

  test("someone who changes their mind before the confirmation goes out gets the email for their final answer only", async () => {
    const world = await confirmedEventWorld({ capacity: 10 });
    const [ada] = await addInvitees(world, "acme", 1);
    await answer(world, ada!, "yes");
    await answer(world, ada!, "no");

    const emails = await emailsTo(ada!, "rsvp-confirmation");
    expect(emails.map((email) => email.subject)).toEqual(["You've declined “Team dinner”"]);
    expect(await workRsvpNoticeJobs()).toBe(0);
  });

  test("two identical answers sent at once record one answer and one confirmation", async () => {
    const world = await confirmedEventWorld({ capacity: 10 });
    const [ada] = await addInvitees(world, "acme", 1);
    const token = tokenOf(ada!);

    const outcomes = await Promise.all([recordRsvp(world.eventId, token, choice("yes")), recordRsvp(world.eventId, token, choice("yes"))]);

    expect(outcomes.map((outcome) => outcome.kind === "saved" && outcome.changed).sort()).toEqual([false, true]);
    expect(await seats(world)).toMatchObject({ event: { seatsTaken: 1 }, acme: { seatsTaken: 1 } });
    expect(await emailsTo(ada!, "rsvp-confirmation")).toHaveLength(1);
  });

  test("when the company's quota is full, a yes joins that company's waitlist in order, though the event has seats", async () => {
    const world = await confirmedEventWorld({ capacity: 10, quotas: { initiator: 2, partner: 8 } });
    const [a, b, c, d] = await addInvitees(world, "acme", 4);
    for (const invitee of [a, b, c, d]) await answer(world, invitee!, "yes");

    expect((await statusOf(c!)).status).toBe("waitlisted");
    expect(await answer(world, d!, "yes")).toEqual({ kind: "saved", changed: false, status: "waitlisted" });
    expect(await getRsvpPage(world.eventId, tokenOf(d!), null)).toMatchObject({ current: { status: "waitlisted", waitlistPosition: 2 } });
    expect(await seats(world)).toMatchObject({ event: { seatsTaken: 2 }, acme: { seatsTaken: 2 } });
    const [waitlistEmail] = await emailsTo(d!, "rsvp-confirmation");
    expect(waitlistEmail?.subject).toBe("You're #2 on the waitlist for “Team dinner”");
    expect(waitlistEmail?.html).not.toContain("qr.png");
  });

  test("a decline promotes the first waitlisted person of the same company and emails them; the other company's waitlist waits", async () => {
    const world = await confirmedEventWorld({ capacity: 4, quotas: { initiator: 2, partner: 2 } });
    const [a1, a2, a3, a4] = await addInvitees(world, "acme", 4);
    const [g1, g2, g3] = await addInvitees(world, "globex", 3);
    for (const invitee of [a1, a2, g1, g2, g3, a3, a4]) await answer(world, invitee!, "yes");
    expect((await statusOf(g3!)).status).toBe("waitlisted");

    await answer(world, a1!, "no");

    expect(await statusOf(a3!)).toMatchObject({ status: "attending", seatsHeld: 1, waitlistedAt: null });
    expect((await statusOf(a3!)).promotedAt).not.toBeNull();
    expect((await statusOf(a4!)).status).toBe("waitlisted");
    expect((await statusOf(g3!)).status).toBe("waitlisted");
    const [promotion] = await emailsTo(a3!, "waitlist-promoted");
    expect(promotion?.subject).toBe("You're in: a place opened up for “Team dinner”");
    expect(Buffer.from((promotion?.attachments as { content: string }[])[0]!.content, "base64").toString()).toContain("PARTSTAT=ACCEPTED");
    expect(await emailsTo(g3!, "waitlist-promoted")).toHaveLength(0);
    expect(await seats(world)).toMatchObject({ event: { seatsTaken: 4 }, acme: { seatsTaken: 2 }, globex: { seatsTaken: 2 } });
    // a4 is now first in line, and someone waitlisted who answers yes again keeps their place.
    expect(await answer(world, a4!, "yes")).toEqual({ kind: "saved", status: "waitlisted", changed: false });
    expect(await getRsvpPage(world.eventId, tokenOf(a4!), null)).toMatchObject({ current: { waitlistPosition: 1 } });
  });

  test("promotion skips a waitlisted person who needs two seats when one is free and gives it to the next who fits", async () => {
    const world = await confirmedEventWorld({ capacity: 4, quotas: { initiator: 2, partner: 2 }, plusOnesAllowed: true });
    const [a1, a2, a3, a4] = await addInvitees(world, "acme", 4);
    await answer(world, a1!, "yes");
    await answer(world, a2!, "yes");
    await answer(world, a3!, "yes", { bringsPlusOne: true, plusOneName: "Kim" });
    await answer(world, a4!, "yes");

    await answer(world, a1!, "maybe");

    expect((await statusOf(a3!)).status).toBe("waitlisted");
    expect((await statusOf(a4!)).status).toBe("attending");
  });

  test("someone going who asks for a plus-one with no room left keeps their seat and is told nothing changed", async () => {
    const world = await confirmedEventWorld({ capacity: 2, quotas: { initiator: 1, partner: 1 }, plusOnesAllowed: true });
    const [ada] = await addInvitees(world, "acme", 1);
    await answer(world, ada!, "yes");

    expect(await answer(world, ada!, "yes", { bringsPlusOne: true, plusOneName: "Sam" })).toEqual({ kind: "no_room_for_change", refused: "plus_one" });
    expect(await statusOf(ada!)).toMatchObject({ status: "attending", seatsHeld: 1 });
  });

  test("removing an invitee releases their seats and promotes the next person of their company", async () => {
    const world = await confirmedEventWorld({ capacity: 2, quotas: { initiator: 1, partner: 1 } });
    const [a1, a2] = await addInvitees(world, "acme", 2);
    await answer(world, a1!, "yes");
    await answer(world, a2!, "yes");

    await db.$transaction(async (tx) => {
      await releaseSeatsAndPromote(tx, a1!.id);
      await tx.eventInvitation.delete({ where: { id: a1!.id } });
    });

    expect((await statusOf(a2!)).status).toBe("attending");
    expect(await seats(world)).toMatchObject({ event: { seatsTaken: 1 }, acme: { seatsTaken: 1 } });
    expect(await emailsTo(a2!, "waitlist-promoted")).toHaveLength(1);
  });
});

describe("volunteer shifts", () => {
  async function volunteerWorld() {
    const world = await confirmedEventWorld({ capacity: 20 }, "volunteer_day");
    const shifts = await db.eventShift.findMany({ where: { eventId: world.eventId }, orderBy: { startsAt: "asc" } });
    return { world, sorting: shifts[0]!, packing: shifts[1]! };
  }

  test("a yes takes a place in the chosen shift; changing shift moves it; a full shift waitlists, and a freed place promotes", async () => {
    const { world, sorting, packing } = await volunteerWorld();
    await db.eventShift.update({ where: { id: sorting.id }, data: { capacity: 1 } });
    const [a1, a2] = await addInvitees(world, "acme", 2);

    await answer(world, a1!, "yes", { shiftId: sorting.id });
    await answer(world, a2!, "yes", { shiftId: sorting.id });
    expect((await statusOf(a2!)).status).toBe("waitlisted");

    await answer(world, a1!, "yes", { shiftId: packing.id, waiverAccepted: true });

    const shifts = await db.eventShift.findMany({ where: { eventId: world.eventId }, select: { id: true, seatsTaken: true } });
    expect(shifts.find((shift) => shift.id === sorting.id)?.seatsTaken).toBe(1);
    expect(shifts.find((shift) => shift.id === packing.id)?.seatsTaken).toBe(1);
    expect((await statusOf(a2!)).status).toBe("attending");
    expect(await seats(world)).toMatchObject({ event: { seatsTaken: 2 }, acme: { seatsTaken: 2 } });
  });

  test("the form demands a shift and, for a shift with a waiver, its acceptance — from a yes only", async () => {
    const { world, packing } = await volunteerWorld();
    const [ada] = await addInvitees(world, "acme", 1);
    const token = tokenOf(ada!);

    const noShift = await submitRsvp(world.eventId, token, form({ answer: "yes" }));
    expect(noShift).toMatchObject({ kind: "rejected", result: { error: { shiftId: ["Choose the shift you'd like to help with."] } } });
    const noWaiver = await submitRsvp(world.eventId, token, form({ answer: "yes", shiftId: packing.id }));
    expect(noWaiver).toMatchObject({ kind: "rejected", result: { error: { acceptWaiver: [expect.stringContaining("accept the waiver")] } } });
    expect(await submitRsvp(world.eventId, token, form({ answer: "no" }))).toEqual({ kind: "saved" });
    expect(await submitRsvp(world.eventId, token, form({ answer: "yes", shiftId: packing.id, acceptWaiver: "on" }))).toEqual({ kind: "saved" });
    expect(await db.eventInvitation.findUniqueOrThrow({ where: { id: ada!.id }, select: { waiverAcceptedAt: true } })).toMatchObject({ waiverAcceptedAt: expect.any(Date) });
  });
});

describe("the form", () => {
  const questions = [
    { prompt: "Any dietary needs?", kind: "short_text", required: true },
    { prompt: "Main course", kind: "single_choice", options: "Fish\nPasta", required: true },
    { prompt: "Which drinks?", kind: "multiple_choice", options: "Wine\nBeer\nWater" },
  ];

  test("required questions and the plus-one's name are checked field by field and the submitted values come back", async () => {
    const world = await confirmedEventWorld({ capacity: 10, plusOnesAllowed: true, questions });
    const [ada] = await addInvitees(world, "acme", 1);
    const event = await db.event.findUniqueOrThrow({ where: { id: world.eventId }, select: { questions: { orderBy: { position: "asc" } } } });
    const [diet, main, drinks] = event.questions;
    const token = tokenOf(ada!);

    const outcome = await submitRsvp(world.eventId, token, form({ answer: "yes", bringsPlusOne: "on", [`answers.${main!.id}`]: "Steak", [`answers.${drinks!.id}`]: ["Wine", "Water"] }));

    expect(outcome).toMatchObject({
      kind: "rejected",
      result: {
        initialValue: { answer: "yes", bringsPlusOne: "on", answers: { [drinks!.id]: ["Wine", "Water"] } },
        error: {
          plusOneName: ["Tell us your plus-one's name, or untick “Bring a plus-one”."],
          [`answers.${diet!.id}`]: ["Please answer this question."],
          [`answers.${main!.id}`]: ["Choose one of the options."],
        },
      },
    });
    expect((await statusOf(ada!)).status).toBe("no_answer");

    const saved = await submitRsvp(
      world.eventId,
      token,
      form({ answer: "yes", bringsPlusOne: "on", plusOneName: "Sam", [`answers.${diet!.id}`]: "Vegan", [`answers.${main!.id}`]: "Pasta", [`answers.${drinks!.id}`]: "Water" }),
    );
    expect(saved).toEqual({ kind: "saved" });
    const stored = await db.eventInvitation.findUniqueOrThrow({ where: { id: ada!.id }, select: { answers: true, plusOneName: true, seatsHeld: true } });
    expect(stored).toEqual({ answers: { [diet!.id]: "Vegan", [main!.id]: "Pasta", [drinks!.id]: ["Water"] }, plusOneName: "Sam", seatsHeld: 2 });
  });

  test("a no doesn't need the required answers", async () => {
    const world = await confirmedEventWorld({ capacity: 10, questions });
    const [ada] = await addInvitees(world, "acme", 1);
    expect(await submitRsvp(world.eventId, tokenOf(ada!), form({ answer: "no" }))).toEqual({ kind: "saved" });
    expect((await statusOf(ada!)).status).toBe("declined");
  });
});

describe("links that can't be used", () => {
  test("tampered, expired, revoked and other-event tokens are refused, saying only expired or not valid", async () => {
    const world = await confirmedEventWorld({ capacity: 10 });
    const other = await confirmedEventWorld({ capacity: 10 });
    const [ada, bob] = await addInvitees(world, "acme", 2);
    const [olga] = await addInvitees(other, "acme", 1);
    const good = tokenOf(ada!);
    const tampered = `${good.slice(0, -2)}${good.endsWith("AA") ? "BB" : "AA"}`;
    const expired = createRsvpToken(ada!, new Date(Date.now() - 1000));
    const fromOtherEvent = tokenOf(olga!);

    expect(await getRsvpPage(world.eventId, tampered, null)).toEqual({ state: "refused", refusal: "invalid" });
    expect(await getRsvpPage(world.eventId, "not-a-token", null)).toEqual({ state: "refused", refusal: "invalid" });
    expect(await getRsvpPage(world.eventId, expired, null)).toEqual({ state: "refused", refusal: "expired" });
    expect(await getRsvpPage(world.eventId, fromOtherEvent, null)).toEqual({ state: "refused", refusal: "invalid" });
    expect(await recordRsvp(world.eventId, tampered, choice("yes"))).toEqual({ kind: "refused", refusal: "invalid" });

    const bobsToken = tokenOf(bob!);
    await db.eventInvitation.update({ where: { id: bob!.id }, data: { tokenVersion: { increment: 1 } } });
    expect(await recordRsvp(world.eventId, bobsToken, choice("yes"))).toEqual({ kind: "refused", refusal: "invalid" });
    await db.eventInvitation.update({ where: { id: ada!.id }, data: { revokedAt: new Date() } });
    expect(await recordRsvp(world.eventId, good, choice("yes"))).toEqual({ kind: "refused", refusal: "invalid" });

    expect(await seats(world)).toMatchObject({ event: { seatsTaken: 0 } });
  });
});

describe("after the deadline", () => {
  test("the page shows the answer read-only and a late answer changes nothing", async () => {
    const world = await confirmedEventWorld({ capacity: 10 });
    const [ada] = await addInvitees(world, "acme", 1);
    await answer(world, ada!, "yes");
    await db.event.update({ where: { id: world.eventId }, data: { rsvpDeadline: new Date(Date.now() - 60_000) } });

    const page = await getRsvpPage(world.eventId, tokenOf(ada!), "no");
    expect(page).toMatchObject({ state: "closed", closedReason: "deadline_passed", current: { status: "attending", answer: "yes" } });
    expect(await answer(world, ada!, "no")).toEqual({ kind: "closed", reason: "deadline_passed" });
    expect((await statusOf(ada!)).status).toBe("attending");
  });

  test("a cancelled event closes answers", async () => {
    const world = await confirmedEventWorld({ capacity: 10 });
    const [ada] = await addInvitees(world, "acme", 1);
    await db.event.update({ where: { id: world.eventId }, data: { status: "cancelled" } });
    expect(await answer(world, ada!, "yes")).toEqual({ kind: "closed", reason: "cancelled" });
  });
});
