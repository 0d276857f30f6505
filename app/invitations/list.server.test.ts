import { describe, expect, test } from "vitest";
import { db } from "~/platform/db.server";
import { openRsvpLink, recordRsvp } from "~/rsvp/rsvp.server";
import { createRsvpToken } from "~/rsvp/tokens.server";
import { uniqueSuffix } from "#tests/factories";
import { addInvitees, confirmedEventWorld, type ConfirmedEventWorld } from "#tests/invitations/world";
import { importAndWork, ownList } from "./imports.test-support";
import { InviteListError } from "./list-rules";
import { addMembersToList, getInvitationsPage, listPickableMembers, loadInviteListEvent, removeInvitee } from "./list.server";

const firstPage = { query: "", page: 1, partnerPage: 1 };
const yes = { answer: "yes", bringsPlusOne: false, plusOneName: "", shiftId: null, waiverAccepted: false, answers: {} } as const;
const expiry = () => new Date(Date.now() + 30 * 86_400_000);

function acmePeople(world: ConfirmedEventWorld) {
  return [world.acme.owner, world.acme.admin, world.acme.manager, world.acme.member];
}

describe("addMembersToList", () => {
  test("adds the members ticked, as members with their account; the picker then offers only the rest", async () => {
    const world = await confirmedEventWorld();

    const outcome = await addMembersToList(world.scopes.acmeManager, world.eventId, { userIds: [world.acme.member.id, world.acme.admin.id] });

    expect(outcome).toEqual({ added: 2, merged: 0, refused: [] });
    const list = await ownList(world.eventId, world.acme.organization.id);
    expect(list).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ email: world.acme.member.email, name: world.acme.member.name, source: "member", userId: world.acme.member.id }),
        expect.objectContaining({ email: world.acme.admin.email, source: "member", userId: world.acme.admin.id }),
      ]),
    );
    const added = await db.eventInvitation.findFirstOrThrow({ where: { eventId: world.eventId, userId: world.acme.member.id } });
    expect(Math.abs(added.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    const event = await loadInviteListEvent(world.scopes.acmeManager, world.eventId);
    expect((await listPickableMembers(event)).map((person) => person.userId).sort()).toEqual([world.acme.owner.id, world.acme.manager.id].sort());
  });

  test("adding everyone takes the members on no list yet; someone already pasted keeps their row", async () => {
    const world = await confirmedEventWorld();
    await importAndWork(world.scopes.acmeManager, world.eventId, "pasted", `Nickname, ${world.acme.owner.email}, Board`);

    const outcome = await addMembersToList(world.scopes.acmeManager, world.eventId, { everyone: true });

    expect(outcome).toEqual({ added: 3, merged: 0, refused: [] });
    const list = await ownList(world.eventId, world.acme.organization.id);
    expect(list.map((row) => row.email).sort()).toEqual(acmePeople(world).map((person) => person.email).sort());
    expect(list.filter((row) => row.source === "member").map((row) => row.userId).sort()).toEqual([world.acme.admin.id, world.acme.manager.id, world.acme.member.id].sort());
    expect(list.find((row) => row.email === world.acme.owner.email)).toMatchObject({ name: "Nickname", team: "Board", source: "pasted" });
    await expect(addMembersToList(world.scopes.acmeManager, world.eventId, { everyone: true })).rejects.toEqual(
      new InviteListError(`Everyone at ${world.acme.organization.name} is already on a list for this event.`, 409),
    );
  });

  test("never adds someone who isn't a member of the company, whatever the form says", async () => {
    const world = await confirmedEventWorld();

    await expect(addMembersToList(world.scopes.acmeManager, world.eventId, { userIds: [world.globex.member.id] })).rejects.toBeInstanceOf(InviteListError);

    expect(await ownList(world.eventId, world.acme.organization.id)).toEqual([]);
    expect(await ownList(world.eventId, world.globex.organization.id)).toEqual([]);
  });
});

describe("removeInvitee", () => {
  test("someone never sent an invitation is deleted", async () => {
    const world = await confirmedEventWorld();
    const [invitee] = await addInvitees(world, "acme", 1, { delivery: "not_sent" });

    expect(await removeInvitee(world.scopes.acmeManager, world.eventId, invitee!.id)).toEqual({ label: invitee!.name, revoked: false });

    expect(await db.eventInvitation.findUnique({ where: { id: invitee!.id } })).toBeNull();
  });

  test("someone already sent an invitation is revoked: their link stops working, their seat goes to the first waitlisted person of the company", async () => {
    const world = await confirmedEventWorld({ capacity: 2, quotas: { initiator: 1, partner: 1 } });
    const [attending, waiting] = await addInvitees(world, "acme", 2);
    const attendingToken = createRsvpToken(attending!, expiry());
    await recordRsvp(world.eventId, attendingToken, yes);
    await recordRsvp(world.eventId, createRsvpToken(waiting!, expiry()), yes);
    expect((await db.eventInvitation.findUniqueOrThrow({ where: { id: waiting!.id } })).status).toBe("waitlisted");

    expect(await removeInvitee(world.scopes.acmeManager, world.eventId, attending!.id)).toEqual({ label: attending!.name, revoked: true });

    const removed = await db.eventInvitation.findUniqueOrThrow({ where: { id: attending!.id } });
    expect(removed).toMatchObject({ revokedAt: expect.any(Date), tokenVersion: attending!.tokenVersion + 1, seatsHeld: 0 });
    expect(await openRsvpLink(world.eventId, attendingToken)).toEqual({ ok: false, refusal: "invalid" });
    expect(await db.eventInvitation.findUniqueOrThrow({ where: { id: waiting!.id } })).toMatchObject({ status: "attending", seatsHeld: 1 });
    expect((await db.event.findUniqueOrThrow({ where: { id: world.eventId } })).seatsTaken).toBe(1);
    const page = await getInvitationsPage(world.scopes.acmeManager, world.eventId, firstPage);
    expect(page.invitees.map((row) => row.id)).toEqual([waiting!.id]);
    expect(page.counts).toMatchObject({ onList: 1, attending: 1, waitlisted: 0 });
  });

  test("adding a removed person again puts them back as a fresh invitee, with no answer and nothing sent", async () => {
    const world = await confirmedEventWorld();
    const [invitee] = await addInvitees(world, "acme", 1, { status: "declined" });
    await removeInvitee(world.scopes.acmeManager, world.eventId, invitee!.id);

    const result = await importAndWork(world.scopes.acmeManager, world.eventId, "pasted", `Back Again <${invitee!.email}>`);

    expect(result).toMatchObject({ addedCount: 1, mergedCount: 0 });
    expect(await db.eventInvitation.findUniqueOrThrow({ where: { id: invitee!.id } })).toMatchObject({
      name: "Back Again",
      revokedAt: null,
      delivery: "not_sent",
      sentAt: null,
      status: "no_answer",
      tokenVersion: invitee!.tokenVersion + 1,
    });
  });

  test("refuses someone on the partner's list, someone already removed, and any change once the event is over", async () => {
    const world = await confirmedEventWorld();
    const [theirs] = await addInvitees(world, "globex", 1);
    const [ours] = await addInvitees(world, "acme", 2, { delivery: "not_sent" });

    await expect(removeInvitee(world.scopes.acmeManager, world.eventId, theirs!.id)).rejects.toMatchObject({ status: 404 });
    await removeInvitee(world.scopes.acmeManager, world.eventId, ours!.id);
    await expect(removeInvitee(world.scopes.acmeManager, world.eventId, ours!.id)).rejects.toMatchObject({ status: 404 });
    await db.event.update({ where: { id: world.eventId }, data: { status: "completed" } });
    const [late] = await addInvitees(world, "acme", 1);
    await expect(removeInvitee(world.scopes.acmeManager, world.eventId, late!.id)).rejects.toEqual(
      new InviteListError("This event has taken place, so its invite lists can no longer change.", 409),
    );
    expect(await db.eventInvitation.findUnique({ where: { id: theirs!.id } })).not.toBeNull();
  });
});

describe("getInvitationsPage", () => {
  test("counts the list, flags suppressed addresses, searches by name or address and pages by 50", async () => {
    const world = await confirmedEventWorld();
    const invitees = await addInvitees(world, "acme", 60, { delivery: "not_sent" });
    await db.eventInvitation.update({ where: { id: invitees[0]!.id }, data: { status: "attending", delivery: "delivered", sentAt: new Date() } });
    await db.emailSuppression.create({ data: { email: invitees[1]!.email, reason: "complained" } });

    const page = await getInvitationsPage(world.scopes.acmeManager, world.eventId, firstPage);

    expect(page.counts).toEqual({ onList: 60, readyToSend: 58, sent: 1, flagged: 1, attending: 1, waitlisted: 0, maybe: 0, declined: 0, noAnswer: 59 });
    expect(page.invitees).toHaveLength(50);
    expect(page.pagination).toEqual({ page: 1, pageCount: 2, total: 60 });
    expect(page.invitees.find((row) => row.id === invitees[1]!.id)?.flag).toBe("complained");
    expect(page.sendingClosedReason).toBeNull();
    const second = await getInvitationsPage(world.scopes.acmeManager, world.eventId, { ...firstPage, page: 2 });
    expect(second.invitees).toHaveLength(10);
    const search = await getInvitationsPage(world.scopes.acmeManager, world.eventId, { ...firstPage, query: invitees[7]!.email.toUpperCase() });
    expect(search.invitees.map((row) => row.id)).toEqual([invitees[7]!.id]);
  });

  test("before confirmation the list can be built but not sent; once cancelled it can't change", async () => {
    const world = await confirmedEventWorld();
    await db.event.update({ where: { id: world.eventId }, data: { status: "proposed" } });

    const proposed = await getInvitationsPage(world.scopes.acmeManager, world.eventId, firstPage);
    expect(proposed.closedReason).toBeNull();
    expect(proposed.sendingClosedReason).toContain("only be sent once both companies have confirmed the event");

    await db.event.update({ where: { id: world.eventId }, data: { status: "cancelled" } });
    const cancelled = await getInvitationsPage(world.scopes.acmeManager, world.eventId, firstPage);
    expect(cancelled.closedReason).toBe("This event was cancelled, so its invite lists can no longer change.");
    expect(cancelled.members).toEqual([]);
  });

  test("shows the partner's list by name only with counts: no addresses, teams or answers (ADR 009)", async () => {
    const world = await confirmedEventWorld();
    const suffix = uniqueSuffix();
    await importAndWork(world.scopes.globexManager, world.eventId, "pasted", `Gia Partner, gia-${suffix}@globex.example, Secret Team\nnoname-${suffix}@globex.example`);
    await db.eventInvitation.updateMany({ where: { email: `gia-${suffix}@globex.example` }, data: { status: "declined", answers: { diet: "vegan" } } });

    const page = await getInvitationsPage(world.scopes.acmeManager, world.eventId, firstPage);

    expect(page.partner.companyName).toBe(world.globex.organization.name);
    expect(page.partner.counts).toEqual({ onList: 2, attending: 0, waitlisted: 0, maybe: 0, declined: 1, noAnswer: 1 });
    expect(page.partner.names).toEqual([`Someone at ${world.globex.organization.name}`, "Gia Partner"]);
    const serialized = JSON.stringify(page);
    for (const leak of [`gia-${suffix}@globex.example`, `noname-${suffix}@globex.example`, "Secret Team", "vegan"]) expect(serialized).not.toContain(leak);
  });

  test("a member of the company gets 403; another company gets 404", async () => {
    const world = await confirmedEventWorld();
    const stranger = await confirmedEventWorld();

    await expect(getInvitationsPage(world.scopes.acmeMember, world.eventId, firstPage)).rejects.toMatchObject({ init: { status: 403 } });
    await expect(getInvitationsPage(stranger.scopes.acmeManager, world.eventId, firstPage)).rejects.toMatchObject({ init: { status: 404 } });
  });
});
