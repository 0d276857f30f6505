import { partnershipResponseSubject } from "#emails/partnership-response";
import { describe, expect, test } from "vitest";
import { SlugTakenError } from "~/organizations/organizations.server";
import { db } from "~/platform/db.server";
import { addMember, createCompanyWithEveryRole, createOrganization, createUser, uniqueSuffix } from "#tests/factories";
import { contactAddress, invitationSnapshot, invitationToCompanyOwner, managerScope, thrownStatus } from "#tests/partnerships/world";
import { invitePartner } from "./invitations.server";
import {
  acceptPartnershipInvitation,
  acceptPartnershipInvitationWithNewCompany,
  declinePartnershipInvitation,
  getPartnershipInvitation,
} from "./responses.server";
import { PartnershipRuleError } from "./rules";

function partnershipRow(id: string) {
  return db.partnership.findUniqueOrThrow({ where: { id } });
}

describe("getPartnershipInvitation", () => {
  test("shows the contact who invites them, the message, and the companies they may accept for", async () => {
    const { initiator, contact, partner, partnershipId } = await invitationToCompanyOwner();
    const elsewhere = await createCompanyWithEveryRole();
    await addMember(elsewhere.organization, "member", contact);
    await addMember(initiator.organization, "member", contact);

    const view = await getPartnershipInvitation(contact, partnershipId);

    expect(view).toMatchObject({
      state: "pending",
      initiatorName: initiator.organization.name,
      inviterName: initiator.manager.name,
      message: "Fancy a ball game?",
      companies: [{ id: partner.id, name: partner.name, existingPartnershipPath: null }],
      companiesWithoutPermission: [elsewhere.organization.name],
    });
  });

  test("opening it changes nothing, whoever opens it and whatever its state", async () => {
    const { contact, partnershipId } = await invitationToCompanyOwner();
    const stranger = await createUser();
    const before = await invitationSnapshot(partnershipId);

    await getPartnershipInvitation(contact, partnershipId);
    await getPartnershipInvitation(stranger, partnershipId);

    expect(await invitationSnapshot(partnershipId)).toBe(before);
  });

  test("someone signed in with another address learns only a masked hint of the right one", async () => {
    const { partnershipId, initiator } = await invitationToCompanyOwner();
    const stranger = await createUser();

    const view = await getPartnershipInvitation(stranger, partnershipId);

    expect(view).toEqual({ state: "wrong-address", sentTo: "c•••@partner.example", signedInAs: stranger.email });
    expect(JSON.stringify(view)).not.toContain(initiator.organization.name);
  });

  test("an unknown invitation is a 404", async () => {
    expect(await thrownStatus(async () => getPartnershipInvitation(await createUser(), "no-such-invitation"))).toBe(404);
  });
});

describe("acceptPartnershipInvitation", () => {
  test("makes the partnership active for the chosen company, records it and emails the inviter", async () => {
    const { initiator, contact, partner, partnershipId } = await invitationToCompanyOwner();

    const { workspacePath } = await acceptPartnershipInvitation(contact, partnershipId, partner.id);

    expect(workspacePath).toBe(`/o/${partner.slug}/partners/${partnershipId}`);
    const row = await partnershipRow(partnershipId);
    expect(row).toMatchObject({ status: "active", partnerId: partner.id, respondedById: contact.id });
    expect(row.respondedAt).toBeInstanceOf(Date);
    const accepted = await db.partnershipActivity.findMany({ where: { partnershipId, kind: "partnership.accepted" } });
    expect(accepted).toMatchObject([{ organizationId: partner.id, actorId: contact.id }]);
    const emails = await db.outboundEmail.findMany({ where: { to: initiator.manager.email } });
    expect(emails).toMatchObject([{ kind: "partnership-accepted", subject: partnershipResponseSubject({ outcome: "accepted", partnerName: partner.name }) }]);
    expect(emails[0]!.text).toContain(`/o/${initiator.organization.slug}/partners/${partnershipId}`);
  });

  test("when the inviter has left their company, its partnership managers are told instead", async () => {
    const { initiator, contact, partner, partnershipId } = await invitationToCompanyOwner();
    await db.membership.deleteMany({ where: { organizationId: initiator.organization.id, userId: initiator.manager.id } });

    await acceptPartnershipInvitation(contact, partnershipId, partner.id);

    const recipients = (await db.outboundEmail.findMany({ where: { kind: "partnership-accepted", subject: { contains: partner.name } } })).map((email) => email.to);
    expect(recipients.sort()).toEqual([initiator.owner.email, initiator.admin.email].sort());
  });

  test("someone signed in with another address can't accept (403), and nothing changes", async () => {
    const { partnershipId } = await invitationToCompanyOwner();
    const stranger = await createUser();
    const strangersCompany = await createOrganization(stranger);
    const before = await invitationSnapshot(partnershipId);

    expect(await thrownStatus(() => acceptPartnershipInvitation(stranger, partnershipId, strangersCompany.id))).toBe(403);

    expect(await invitationSnapshot(partnershipId)).toBe(before);
  });

  test("an invitation that was already answered can't be accepted again (409)", async () => {
    const { contact, partner, partnershipId } = await invitationToCompanyOwner();
    await acceptPartnershipInvitation(contact, partnershipId, partner.id);
    const second = await createOrganization(contact);

    const attempt = acceptPartnershipInvitation(contact, partnershipId, second.id);

    await expect(attempt).rejects.toThrow("already been answered");
    expect(await thrownStatus(() => acceptPartnershipInvitation(contact, partnershipId, second.id))).toBe(409);
    expect((await partnershipRow(partnershipId)).partnerId).toBe(partner.id);
  });

  test("the inviting company can't be its own partner", async () => {
    const { initiator, partnershipId } = await invitationToCompanyOwner();
    const row = await partnershipRow(partnershipId);
    const contact = await db.user.findUniqueOrThrow({ where: { email: row.contactEmail }, select: { id: true, email: true, name: true } });
    await addMember(initiator.organization, "manager", contact);

    const attempt = acceptPartnershipInvitation(contact, partnershipId, initiator.organization.id);

    await expect(attempt).rejects.toThrow(PartnershipRuleError);
    await expect(attempt).rejects.toThrow(`${initiator.organization.name} sent this invitation, so it can't be its own partner`);
    expect((await partnershipRow(partnershipId)).status).toBe("pending");
  });

  test("a member without the manager role can't accept for their company (403)", async () => {
    const initiator = await createCompanyWithEveryRole();
    const partner = await createCompanyWithEveryRole();
    const { id: partnershipId } = await invitePartner(managerScope(initiator), { email: partner.member.email, message: "" });

    expect(await thrownStatus(() => acceptPartnershipInvitation(partner.member, partnershipId, partner.organization.id))).toBe(403);
    await expect(acceptPartnershipInvitation(partner.member, partnershipId, partner.organization.id)).rejects.toThrow(
      `Only managers, admins and owners of ${partner.organization.name} can accept`,
    );
    expect((await partnershipRow(partnershipId)).status).toBe("pending");
  });

  test("a company the contact doesn't belong to is refused (403)", async () => {
    const { contact, partnershipId } = await invitationToCompanyOwner();
    const unrelated = await createCompanyWithEveryRole();

    expect(await thrownStatus(() => acceptPartnershipInvitation(contact, partnershipId, unrelated.organization.id))).toBe(403);
  });

  test("two companies that already work together are refused a second partnership, with a link to the first", async () => {
    const { initiator, contact, partner, partnershipId } = await invitationToCompanyOwner();
    await acceptPartnershipInvitation(contact, partnershipId, partner.id);
    const { id: secondId } = await invitePartner(managerScope(initiator), { email: contact.email, message: "Again?" });

    const refusal = await acceptPartnershipInvitation(contact, secondId, partner.id).catch((error: unknown) => error);

    expect(refusal).toBeInstanceOf(PartnershipRuleError);
    expect(refusal).toMatchObject({ status: 409, link: { href: `/o/${partner.slug}/partners/${partnershipId}` } });
    expect((await partnershipRow(secondId)).status).toBe("pending");
    expect(await getPartnershipInvitation(contact, secondId)).toMatchObject({
      companies: [{ id: partner.id, existingPartnershipPath: `/o/${partner.slug}/partners/${partnershipId}` }],
    });
  });

  test("a partnership that has ended doesn't stop the two companies from starting a new one", async () => {
    const { initiator, contact, partner, partnershipId } = await invitationToCompanyOwner();
    await acceptPartnershipInvitation(contact, partnershipId, partner.id);
    await db.partnership.update({ where: { id: partnershipId }, data: { status: "ended", endedAt: new Date() } });
    const { id: secondId } = await invitePartner(managerScope(initiator), { email: contact.email, message: "" });

    await acceptPartnershipInvitation(contact, secondId, partner.id);

    expect((await partnershipRow(secondId)).status).toBe("active");
  });
});

describe("acceptPartnershipInvitationWithNewCompany", () => {
  test("creates the contact's company with them as owner and accepts for it", async () => {
    const initiator = await createCompanyWithEveryRole();
    const contact = await createUser({ email: contactAddress() });
    const { id: partnershipId } = await invitePartner(managerScope(initiator), { email: contact.email, message: "" });
    const slug = `globex-${uniqueSuffix()}`;

    const { workspacePath } = await acceptPartnershipInvitationWithNewCompany(contact, partnershipId, { name: "Globex Logistics", slug });

    expect(workspacePath).toBe(`/o/${slug}/partners/${partnershipId}`);
    const company = await db.organization.findUniqueOrThrow({ where: { slug }, select: { id: true, memberships: { select: { userId: true, role: true } } } });
    expect(company.memberships).toEqual([{ userId: contact.id, role: "owner" }]);
    expect(await partnershipRow(partnershipId)).toMatchObject({ status: "active", partnerId: company.id });
  });

  test("a taken address is refused and the invitation keeps waiting", async () => {
    const { contact, partner, partnershipId } = await invitationToCompanyOwner();

    await expect(acceptPartnershipInvitationWithNewCompany(contact, partnershipId, { name: "Copycat", slug: partner.slug })).rejects.toThrow(SlugTakenError);

    expect((await partnershipRow(partnershipId)).status).toBe("pending");
  });

  test("an answered invitation creates no company", async () => {
    const { contact, partnershipId } = await invitationToCompanyOwner();
    await declinePartnershipInvitation(contact, partnershipId);
    const slug = `late-${uniqueSuffix()}`;

    expect(await thrownStatus(() => acceptPartnershipInvitationWithNewCompany(contact, partnershipId, { name: "Late Co", slug }))).toBe(409);

    expect(await db.organization.count({ where: { slug } })).toBe(0);
  });
});

describe("declinePartnershipInvitation", () => {
  test("declines, records it without a company, and tells the inviter", async () => {
    const { initiator, contact, partnershipId } = await invitationToCompanyOwner();

    await declinePartnershipInvitation(contact, partnershipId);

    expect(await partnershipRow(partnershipId)).toMatchObject({ status: "declined", partnerId: null, respondedById: contact.id });
    expect(await db.partnershipActivity.findMany({ where: { partnershipId, kind: "partnership.declined" } })).toMatchObject([
      { organizationId: null, actorId: contact.id },
    ]);
    expect(await db.outboundEmail.findMany({ where: { to: initiator.manager.email, kind: "partnership-declined" } })).toMatchObject([
      { subject: `Your partnership invitation to ${contact.email} was declined` },
    ]);
    expect(await getPartnershipInvitation(contact, partnershipId)).toMatchObject({ state: "answered", status: "declined" });
  });

  test("someone signed in with another address can't decline (403)", async () => {
    const { partnershipId } = await invitationToCompanyOwner();
    const before = await invitationSnapshot(partnershipId);

    expect(await thrownStatus(async () => declinePartnershipInvitation(await createUser(), partnershipId))).toBe(403);

    expect(await invitationSnapshot(partnershipId)).toBe(before);
  });
});
