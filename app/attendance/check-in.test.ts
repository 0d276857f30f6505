import { describe, expect, test } from "vitest";
import { db } from "~/platform/db.server";
import { action, loader } from "~/routes/o.$slug.events.$eventId.check-in";
import { createUser, createOrganization } from "#tests/factories";
import { addInvitees, confirmedEventWorld, type ConfirmedEventWorld } from "#tests/invitations/world";
import { callRoute, invitationSnapshot, outcomeOf } from "./test-world.test-support";
import { isWalkInPlaceholderEmail } from "./walk-ins";

type Company = "acme" | "globex";

function checkInPath(world: ConfirmedEventWorld, company: Company, query = "") {
  return `/o/${world[company].organization.slug}/events/${world.eventId}/check-in${query}`;
}

function loadList(world: ConfirmedEventWorld, company: Company, query = "", user = world[company].manager) {
  return callRoute(loader, checkInPath(world, company, query), { slug: world[company].organization.slug, eventId: world.eventId }, user) as ReturnType<typeof loader>;
}

function post(world: ConfirmedEventWorld, company: Company, form: Record<string, string>, user: { id: string } = world[company].manager) {
  return outcomeOf(() => callRoute(action, checkInPath(world, company), { slug: world[company].organization.slug, eventId: world.eventId }, user, form));
}

describe("the check-in list", () => {
  test("lists the company's own attendees with plus-ones and shifts, and only counts the partner's", async () => {
    const world = await confirmedEventWorld({ plusOnesAllowed: true }, "volunteer_day");
    const [ann, bob] = await addInvitees(world, "acme", 2, { status: "attending" });
    await addInvitees(world, "acme", 1, { status: "maybe" });
    const globex = await addInvitees(world, "globex", 3, { status: "attending" });
    const shift = await db.eventShift.findFirstOrThrow({ where: { eventId: world.eventId, role: "Sorting" } });
    await db.eventInvitation.update({ where: { id: ann!.id }, data: { bringsPlusOne: true, plusOneName: "Sam", shiftId: shift.id, team: "Finance" } });
    await db.eventInvitation.update({ where: { id: globex[0]!.id }, data: { checkedInAt: new Date() } });

    const page = await loadList(world, "acme");

    expect(page.entries.map((entry) => entry.id).sort()).toEqual([ann!.id, bob!.id].sort());
    expect(page.entries.find((entry) => entry.id === ann!.id)).toMatchObject({ plusOne: "Sam", shift: "Sorting, 09:00–12:00", team: "Finance", email: ann!.email, checkedIn: null });
    expect(page.counts).toMatchObject({ expected: 2, plusOnes: 1, checkedIn: 0, unconfirmed: 1, everyone: 3 });
    expect(page.partner).toEqual({ name: world.globex.organization.name, expected: 3, checkedIn: 1 });
    const seenByAcme = JSON.stringify(page);
    for (const invitee of globex) {
      expect(seenByAcme).not.toContain(invitee.email);
      expect(seenByAcme).not.toContain(invitee.name);
    }
  });

  test("the waitlist and maybes are a separate view, and a search looks through everyone on the list", async () => {
    const world = await confirmedEventWorld();
    const [attending] = await addInvitees(world, "acme", 1, { status: "attending" });
    const [waitlisted] = await addInvitees(world, "acme", 1, { status: "waitlisted" });
    const [declined] = await addInvitees(world, "acme", 1, { status: "declined" });
    await db.eventInvitation.update({ where: { id: declined!.id }, data: { name: "Zoë Quinn", team: "Logistics" } });
    await addInvitees(world, "globex", 1, { status: "attending" });

    expect((await loadList(world, "acme", "?show=unconfirmed")).entries.map((entry) => entry.id)).toEqual([waitlisted!.id]);
    expect((await loadList(world, "acme")).entries.map((entry) => entry.id)).toEqual([attending!.id]);
    for (const q of ["zoë", "LOGISTICS", declined!.email.slice(0, 12)]) {
      const page = await loadList(world, "acme", `?${new URLSearchParams({ q })}`);
      expect(page.entries.map((entry) => entry.id), q).toEqual([declined!.id]);
      expect(page.entries[0]).toMatchObject({ statusLabel: "Declined" });
    }
    expect((await loadList(world, "acme", "?q=invitee")).matching).toBe(3);
  });

  test("marking someone attended twice keeps the first time and organiser; undoing twice is harmless", async () => {
    const world = await confirmedEventWorld();
    const [invitee] = await addInvitees(world, "acme", 1, { status: "attending" });

    const first = await post(world, "acme", { intent: "mark-attended", invitationId: invitee!.id });
    expect(first).toMatchObject({ status: 200, body: { form: "notice", ok: true, message: expect.stringMatching(/^Checked in Invitee 1 \w+ at \d\d:\d\d\.$/) } });
    const checkedIn = await db.eventInvitation.findUniqueOrThrow({ where: { id: invitee!.id } });
    expect(checkedIn.checkedInAt).toBeInstanceOf(Date);
    expect(checkedIn.checkedInById).toBe(world.acme.manager.id);

    const again = await post(world, "acme", { intent: "mark-attended", invitationId: invitee!.id }, world.acme.owner);
    expect(again.body).toMatchObject({ ok: true, message: expect.stringContaining("was already checked in at") });
    expect(await db.eventInvitation.findUniqueOrThrow({ where: { id: invitee!.id } })).toEqual(checkedIn);

    const page = await loadList(world, "acme");
    expect(page.entries[0]!.checkedIn).toMatchObject({ by: world.acme.manager.name, iso: checkedIn.checkedInAt!.toISOString() });
    expect(page.counts.checkedIn).toBe(1);

    expect((await post(world, "acme", { intent: "undo-attended", invitationId: invitee!.id })).body).toMatchObject({ ok: true, message: expect.stringContaining("Undid") });
    expect((await post(world, "acme", { intent: "undo-attended", invitationId: invitee!.id })).body).toMatchObject({ ok: true, message: expect.stringContaining("wasn't checked in") });
    expect(await db.eventInvitation.findUniqueOrThrow({ where: { id: invitee!.id } })).toMatchObject({ checkedInAt: null, checkedInById: null });
  });

  test("the partner's people can't be marked from the list, and an outsider changes nothing", async () => {
    const world = await confirmedEventWorld();
    const [globexInvitee] = await addInvitees(world, "globex", 1, { status: "attending" });
    const before = await invitationSnapshot(globexInvitee!.id);

    expect(await post(world, "acme", { intent: "mark-attended", invitationId: globexInvitee!.id })).toMatchObject({
      status: 404,
      body: { ok: false, message: expect.stringContaining(`on ${world.acme.organization.name}'s list`) },
    });
    const outsider = await createUser();
    await createOrganization(outsider);
    expect((await post(world, "globex", { intent: "mark-attended", invitationId: globexInvitee!.id }, outsider)).status).toBe(404);
    expect((await post(world, "globex", { intent: "mark-attended", invitationId: globexInvitee!.id }, world.globex.member)).status).toBe(403);
    expect(await invitationSnapshot(globexInvitee!.id)).toBe(before);
  });

  test("a scanned QR code puts that attendee on top of the list; someone from the partner's list doesn't show", async () => {
    const world = await confirmedEventWorld();
    const [acmeInvitee] = await addInvitees(world, "acme", 1, { status: "waitlisted" });
    const [globexInvitee] = await addInvitees(world, "globex", 1, { status: "attending" });

    expect((await loadList(world, "acme", `?entry=${acmeInvitee!.id}`)).focus).toMatchObject({ id: acmeInvitee!.id, email: acmeInvitee!.email, statusLabel: "Waitlisted" });
    const missing = await loadList(world, "acme", `?entry=${globexInvitee!.id}`);
    expect(missing.focus).toBe("missing");
    expect(JSON.stringify(missing)).not.toContain(globexInvitee!.email);
  });

  test("someone taken off the list isn't shown, counted or checked in, and can't come back as a walk-in", async () => {
    const world = await confirmedEventWorld();
    const [kept, removed] = await addInvitees(world, "acme", 2, { status: "attending" });
    await db.eventInvitation.update({ where: { id: removed!.id }, data: { revokedAt: new Date(), status: "declined" } });

    const page = await loadList(world, "acme", "?show=all");
    expect(page.entries.map((entry) => entry.id)).toEqual([kept!.id]);
    expect(page.counts).toMatchObject({ everyone: 1, expected: 1 });
    expect((await post(world, "acme", { intent: "mark-attended", invitationId: removed!.id })).status).toBe(404);
    const walkIn = await post(world, "acme", { intent: "add-walk-in", name: "Back again", email: removed!.email, walkInKey: page.walkInKey });
    expect(walkIn).toMatchObject({ status: 409, body: { result: { error: { email: [expect.stringContaining("was taken off")] } } } });
    expect((await db.eventInvitation.findUniqueOrThrow({ where: { id: removed!.id } })).checkedInAt).toBeNull();
  });

  test("nobody is checked in at a cancelled event", async () => {
    const world = await confirmedEventWorld();
    const [invitee] = await addInvitees(world, "acme", 1, { status: "attending" });
    await db.event.update({ where: { id: world.eventId }, data: { status: "cancelled" } });

    expect(await post(world, "acme", { intent: "mark-attended", invitationId: invitee!.id })).toMatchObject({ status: 409, body: { ok: false, message: expect.stringContaining("cancelled") } });
    expect((await loadList(world, "acme")).closedReason).toContain("cancelled");
    expect((await db.eventInvitation.findUniqueOrThrow({ where: { id: invitee!.id } })).checkedInAt).toBeNull();
  });
});

describe("walk-ins", () => {
  test("a walk-in is added checked in, without a seat, and submitting the same form again adds nobody", async () => {
    const world = await confirmedEventWorld({ capacity: 10, quotas: { initiator: 6, partner: 4 } });
    const { walkInKey } = await loadList(world, "acme");
    const form = { intent: "add-walk-in", name: "Dana Walker", email: "", team: "Sales", walkInKey };

    const added = await post(world, "acme", form);
    expect(added).toMatchObject({ status: 200, body: { form: "add-walk-in", message: "Added Dana Walker as a walk-in and checked them in." } });
    const again = await post(world, "acme", form);
    expect(again.body).toMatchObject({ message: expect.stringContaining("Dana Walker is already on") });

    const rows = await db.eventInvitation.findMany({ where: { eventId: world.eventId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      organizationId: world.acme.organization.id,
      name: "Dana Walker",
      team: "Sales",
      source: "walk_in",
      status: "attending",
      seatsHeld: 0,
      checkedInById: world.acme.manager.id,
      addedById: world.acme.manager.id,
    });
    expect(rows[0]!.checkedInAt).toBeInstanceOf(Date);
    expect(isWalkInPlaceholderEmail(rows[0]!.email)).toBe(true);
    expect(await db.event.findUniqueOrThrow({ where: { id: world.eventId }, select: { seatsTaken: true } })).toEqual({ seatsTaken: 0 });
    expect((await db.eventQuota.findMany({ where: { eventId: world.eventId } })).map((quota) => quota.seatsTaken)).toEqual([0, 0]);

    const page = await loadList(world, "acme");
    expect(page.entries).toEqual([expect.objectContaining({ name: "Dana Walker", email: "", walkIn: true, checkedIn: expect.objectContaining({ by: world.acme.manager.name }) })]);
    expect(page.counts).toMatchObject({ expected: 1, checkedIn: 1, walkIns: 1 });
    expect(page.walkInKey).not.toBe(walkInKey);
  });

  test("two taps at once check someone in once, and a walk-in form sent twice at once adds one person", async () => {
    const world = await confirmedEventWorld();
    const [invitee] = await addInvitees(world, "acme", 1, { status: "attending" });
    const { walkInKey } = await loadList(world, "acme");
    const walkIn = { intent: "add-walk-in", name: "Dana Walker", email: "dana@example.com", walkInKey };

    const taps = await Promise.all([1, 2].map(() => post(world, "acme", { intent: "mark-attended", invitationId: invitee!.id })));
    const forms = await Promise.all([1, 2].map(() => post(world, "acme", walkIn)));

    expect(taps.map((tap) => tap.status)).toEqual([200, 200]);
    expect(taps.filter((tap) => (tap.body as { message: string }).message.startsWith("Checked in"))).toHaveLength(1);
    expect(forms.map((form) => form.status)).toEqual([200, 200]);
    expect(await db.eventInvitation.count({ where: { eventId: world.eventId, email: "dana@example.com", checkedInAt: { not: null } } })).toBe(1);
  });

  test("an address already on the company's list checks that person in; one on the partner's list is refused beside the field", async () => {
    const world = await confirmedEventWorld();
    const [acmeInvitee] = await addInvitees(world, "acme", 1, { status: "no_answer" });
    const [globexInvitee] = await addInvitees(world, "globex", 1, { status: "attending" });
    const { walkInKey } = await loadList(world, "acme");

    const known = await post(world, "acme", { intent: "add-walk-in", name: "Someone", email: acmeInvitee!.email.toUpperCase(), walkInKey });
    expect(known.body).toMatchObject({ message: expect.stringContaining(`${acmeInvitee!.name} is already on ${world.acme.organization.name}'s list: Checked in`) });
    expect((await db.eventInvitation.findUniqueOrThrow({ where: { id: acmeInvitee!.id } })).checkedInAt).toBeInstanceOf(Date);

    const partners = await post(world, "acme", { intent: "add-walk-in", name: "Someone", email: globexInvitee!.email, walkInKey });
    expect(partners).toMatchObject({ status: 409, body: { form: "add-walk-in", result: { error: { email: [expect.stringContaining(`on ${world.globex.organization.name}'s list`)] } } } });
    expect(await db.eventInvitation.count({ where: { eventId: world.eventId } })).toBe(2);
  });

  test("a walk-in needs a name, and a real address if one is given", async () => {
    const world = await confirmedEventWorld();
    const { walkInKey } = await loadList(world, "acme");

    const outcome = await post(world, "acme", { intent: "add-walk-in", name: " ", email: "not an address", walkInKey });

    expect(outcome).toMatchObject({
      status: 400,
      body: { form: "add-walk-in", result: { error: { name: ["Enter the name of the person at the door."], email: ["Enter an address like name@company.com, or leave it empty."] } } },
    });
    expect(await db.eventInvitation.count({ where: { eventId: world.eventId } })).toBe(0);
  });
});
