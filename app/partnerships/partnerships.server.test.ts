import { partnershipEndedSubject } from "#emails/partnership-ended";
import { describe, expect, test } from "vitest";
import type { EventStatus } from "~/generated/prisma/enums";
import { db } from "~/platform/db.server";
import { createCompanyWithEveryRole } from "#tests/factories";
import { accessFor, contactAddress, createPartnershipWorld, managerScope, memberScope, thrownStatus } from "#tests/partnerships/world";
import { invitePartner } from "./invitations.server";
import { endPartnership, listCompanyPartnerships } from "./partnerships.server";

const DAY_MS = 24 * 60 * 60 * 1000;

async function addEvent(partnershipId: string, organizationId: string, fields: { title: string; startsAt: Date; status: EventStatus; timeZone?: string }) {
  await db.event.create({
    data: {
      partnershipId,
      createdByOrgId: organizationId,
      kind: "outing",
      outingType: "sports",
      title: fields.title,
      startsAt: fields.startsAt,
      endsAt: new Date(fields.startsAt.getTime() + 3 * 60 * 60 * 1000),
      timeZone: fields.timeZone ?? "America/New_York",
      capacity: 20,
      status: fields.status,
    },
  });
}

describe("listCompanyPartnerships", () => {
  test("lists active partnerships with the next joint event in its own zone and the time since the last one", async () => {
    const now = new Date("2027-03-01T12:00:00Z");
    const { initiator, partner, partnershipId } = await createPartnershipWorld();
    const orgId = initiator.organization.id;
    await addEvent(partnershipId, orgId, { title: "Cancelled gala", startsAt: new Date("2027-03-05T23:00:00Z"), status: "cancelled" });
    await addEvent(partnershipId, orgId, { title: "Yankees game", startsAt: new Date("2027-03-14T22:00:00Z"), status: "proposed" });
    await addEvent(partnershipId, orgId, { title: "Later dinner", startsAt: new Date("2027-04-14T22:00:00Z"), status: "confirmed" });
    await addEvent(partnershipId, orgId, { title: "Food bank day", startsAt: new Date(now.getTime() - 95 * DAY_MS), status: "completed" });
    await addEvent(partnershipId, orgId, { title: "Draft that never happened", startsAt: new Date(now.getTime() - 2 * DAY_MS), status: "draft" });

    const { active } = await listCompanyPartnerships(managerScope(initiator), now);

    expect(active).toEqual([
      expect.objectContaining({
        id: partnershipId,
        title: partner.organization.name,
        waitingFor: null,
        nextEvent: { title: "Yankees game", when: "Sun 14 Mar 2027, 18:00–21:00 (America/New_York)" },
        lastEventAgo: "3 months ago",
      }),
    ]);
  });

  test("says so when the two companies haven't had a joint event yet; the partner company sees the same partnership", async () => {
    const { initiator, partner, partnershipId } = await createPartnershipWorld();

    const { active } = await listCompanyPartnerships(memberScope(partner));

    expect(active).toEqual([expect.objectContaining({ id: partnershipId, title: initiator.organization.name, nextEvent: null, lastEventAgo: null })]);
  });

  test("groups waiting invitations and past partnerships; only the inviting company sees its waiting invitations", async () => {
    const company = await createCompanyWithEveryRole();
    const contact = contactAddress();
    const pending = await invitePartner(managerScope(company), { email: contact, message: "" });
    const declined = await invitePartner(managerScope(company), { email: contactAddress(), message: "" });
    await db.partnership.update({ where: { id: declined.id }, data: { status: "declined", respondedAt: new Date() } });
    const ended = await createPartnershipWorld();
    await db.partnership.update({ where: { id: ended.partnershipId }, data: { status: "ended", endedAt: new Date() } });

    const list = await listCompanyPartnerships(managerScope(company));
    const endedList = await listCompanyPartnerships(managerScope(ended.partner));

    expect(list.active).toEqual([]);
    expect(list.pending).toEqual([expect.objectContaining({ id: pending.id, status: "pending", waitingFor: contact })]);
    expect(list.past).toEqual([expect.objectContaining({ id: declined.id, status: "declined" })]);
    expect(endedList.past).toEqual([expect.objectContaining({ id: ended.partnershipId, status: "ended", title: ended.initiator.organization.name, waitingFor: null })]);
  });

  test("an accepted partnership never shows the contact's address", async () => {
    const { initiator, partner } = await createPartnershipWorld();

    const serialized = JSON.stringify(await listCompanyPartnerships(managerScope(initiator)));

    expect(serialized).not.toContain(partner.owner.email);
  });
});

describe("endPartnership", () => {
  test("either company's manager ends it: status, who and when are recorded, and the other side's managers are emailed", async () => {
    const { initiator, partner, partnershipId } = await createPartnershipWorld();
    const scope = managerScope(partner);

    await endPartnership(scope, await accessFor(scope, partnershipId));

    const row = await db.partnership.findUniqueOrThrow({ where: { id: partnershipId } });
    expect(row).toMatchObject({ status: "ended", endedById: partner.manager.id, endedByOrgId: partner.organization.id });
    expect(row.endedAt).toBeInstanceOf(Date);
    expect(await db.partnershipActivity.findMany({ where: { partnershipId, kind: "partnership.ended" } })).toMatchObject([
      { organizationId: partner.organization.id, actorId: partner.manager.id },
    ]);
    const subject = partnershipEndedSubject(partner.organization.name, initiator.organization.name);
    const recipients = (await db.outboundEmail.findMany({ where: { subject } })).map((email) => email.to).sort();
    expect(recipients).toEqual([initiator.owner.email, initiator.admin.email, initiator.manager.email].sort());
  });

  test("ending twice is refused (409)", async () => {
    const { initiator, partnershipId } = await createPartnershipWorld();
    const scope = managerScope(initiator);
    await endPartnership(scope, await accessFor(scope, partnershipId));

    expect(await thrownStatus(async () => endPartnership(scope, await accessFor(scope, partnershipId)))).toBe(409);
  });

  test("a member without the manager role can't end it (403)", async () => {
    const { partner, partnershipId } = await createPartnershipWorld();
    const scope = memberScope(partner);

    expect(await thrownStatus(async () => endPartnership(scope, await accessFor(scope, partnershipId)))).toBe(403);

    expect((await db.partnership.findUniqueOrThrow({ where: { id: partnershipId } })).status).toBe("active");
  });

  test("a third company can't reach the partnership at all (404)", async () => {
    const { partnershipId } = await createPartnershipWorld();
    const outsider = await createCompanyWithEveryRole();

    expect(await thrownStatus(() => accessFor(managerScope(outsider), partnershipId))).toBe(404);
  });
});
