import { partnershipInvitationSubject } from "#emails/partnership-invitation";
import { describe, expect, test, vi } from "vitest";
import { db } from "~/platform/db.server";
import { consumeRateLimit, invitationRateLimits } from "~/platform/rate-limit.server";
import { addMember, createCompanyWithEveryRole } from "#tests/factories";
import { accessFor, contactAddress, createPartnershipWorld, managerScope, memberScope, thrownStatus } from "#tests/partnerships/world";
import { invitePartner, withdrawPartnershipInvitation } from "./invitations.server";
import { PartnershipRuleError } from "./rules";

// Lets one test make the outbox fail after the partnership row is written, to prove both share a transaction.
const outbox = vi.hoisted(() => ({ failNext: false }));
vi.mock("~/platform/email.server", async (importOriginal) => {
  const actual = await importOriginal<typeof import("~/platform/email.server")>();
  return {
    ...actual,
    queueEmail: async (...args: Parameters<typeof actual.queueEmail>) => {
      if (outbox.failNext) {
        outbox.failNext = false;
        throw new Error("The outbox is unavailable.");
      }
      return actual.queueEmail(...args);
    },
  };
});

function partnershipsTo(initiatorId: string, contactEmail: string) {
  return db.partnership.findMany({ where: { initiatorId, contactEmail } });
}

function emailsTo(address: string) {
  return db.outboundEmail.findMany({ where: { to: address }, orderBy: { createdAt: "asc" } });
}

describe("invitePartner", () => {
  test("creates a pending partnership for the lowercased address and queues the invitation email with the message and link", async () => {
    const company = await createCompanyWithEveryRole();
    const contact = contactAddress();

    const invitation = await invitePartner(managerScope(company), { email: `  ${contact.toUpperCase()} `, message: "We loved the summer game. More?" });

    const [partnership] = await partnershipsTo(company.organization.id, contact);
    expect(partnership).toMatchObject({ id: invitation.id, status: "pending", partnerId: null, invitedById: company.manager.id, message: "We loved the summer game. More?" });
    const emails = await emailsTo(contact);
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ kind: "partnership-invitation", status: "queued", subject: partnershipInvitationSubject(company.organization.name) });
    expect(emails[0]!.subject).toBe(`${company.organization.name} would like to plan joint events with your company on Rapport`);
    expect(emails[0]!.text).toContain("We loved the summer game. More?");
    expect(emails[0]!.text).toContain(`http://localhost:3000/partnerships/invitations/${invitation.id}`);
    const activity = await db.partnershipActivity.findMany({ where: { partnershipId: invitation.id } });
    expect(activity).toMatchObject([{ kind: "partnership.invited", organizationId: company.organization.id, actorId: company.manager.id }]);
  });

  test("writes the partnership and its email in one transaction: if the email can't be queued, nothing is left behind", async () => {
    const company = await createCompanyWithEveryRole();
    const contact = contactAddress();
    outbox.failNext = true;

    await expect(invitePartner(managerScope(company), { email: contact, message: "" })).rejects.toThrow("The outbox is unavailable.");

    expect(await partnershipsTo(company.organization.id, contact)).toHaveLength(0);
    expect(await emailsTo(contact)).toHaveLength(0);
  });

  test("inviting the same address again while it waits refreshes the one invitation and sends it again", async () => {
    const company = await createCompanyWithEveryRole();
    const contact = contactAddress();
    const first = await invitePartner(managerScope(company), { email: contact, message: "First try" });

    const second = await invitePartner(managerScope(company), { email: contact.toUpperCase(), message: "Second try" });

    expect(second).toEqual({ id: first.id, contactEmail: contact, resent: true });
    const partnerships = await partnershipsTo(company.organization.id, contact);
    expect(partnerships).toHaveLength(1);
    expect(partnerships[0]!.message).toBe("Second try");
    expect(await emailsTo(contact)).toHaveLength(2);
  });

  test("an address whose earlier invitation was declined gets a new invitation", async () => {
    const company = await createCompanyWithEveryRole();
    const contact = contactAddress();
    const first = await invitePartner(managerScope(company), { email: contact, message: "" });
    await db.partnership.update({ where: { id: first.id }, data: { status: "declined" } });

    const second = await invitePartner(managerScope(company), { email: contact, message: "" });

    expect(second.id).not.toBe(first.id);
    expect(await partnershipsTo(company.organization.id, contact)).toHaveLength(2);
  });

  test("refuses a colleague's address with a clear message, and writes and sends nothing", async () => {
    const company = await createCompanyWithEveryRole();
    const { user: colleague } = await addMember({ id: company.organization.id }, "member");

    const attempt = invitePartner(managerScope(company), { email: colleague.email.toUpperCase(), message: "" });

    await expect(attempt).rejects.toThrow(PartnershipRuleError);
    await expect(attempt).rejects.toThrow(`${colleague.email} belongs to a member of ${company.organization.name}`);
    expect(await partnershipsTo(company.organization.id, colleague.email)).toHaveLength(0);
    expect(await emailsTo(colleague.email)).toHaveLength(0);
  });

  test("a member without the manager role can't invite (403)", async () => {
    const company = await createCompanyWithEveryRole();
    const contact = contactAddress();

    expect(await thrownStatus(() => invitePartner(memberScope(company), { email: contact, message: "" }))).toBe(403);

    expect(await partnershipsTo(company.organization.id, contact)).toHaveLength(0);
  });
});

describe("withdrawPartnershipInvitation", () => {
  test("takes back a pending invitation and records it", async () => {
    const { initiator, partnershipId } = await createPartnershipWorld("pending");
    const scope = managerScope(initiator);

    await withdrawPartnershipInvitation(scope, await accessFor(scope, partnershipId));

    const partnership = await db.partnership.findUniqueOrThrow({ where: { id: partnershipId } });
    expect(partnership).toMatchObject({ status: "ended", partnerId: null, endedById: initiator.manager.id, endedByOrgId: initiator.organization.id });
    expect(await db.partnershipActivity.count({ where: { partnershipId, kind: "partnership.withdrawn" } })).toBe(1);
  });

  test("an active partnership can't be withdrawn", async () => {
    const { initiator, partnershipId } = await createPartnershipWorld("active");
    const scope = managerScope(initiator);

    expect(await thrownStatus(async () => withdrawPartnershipInvitation(scope, await accessFor(scope, partnershipId)))).toBe(409);

    expect((await db.partnership.findUniqueOrThrow({ where: { id: partnershipId } })).status).toBe("active");
  });
});

describe("partner invitation budget", () => {
  test("past the hourly budget the invitation is refused with 429 and when to try again; nothing is saved or sent", async () => {
    const world = await createPartnershipWorld();
    const scope = managerScope(world.initiator);
    for (let sent = 0; sent < invitationRateLimits.partners.limit; sent++) await consumeRateLimit(invitationRateLimits.partners, scope.userId);
    const email = contactAddress();

    const refusal = await invitePartner(scope, { email, message: "" }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(PartnershipRuleError);
    expect(refusal).toMatchObject({ status: 429, message: expect.stringMatching(/Try again in \d+ minutes?\./) });
    expect(await db.partnership.count({ where: { contactEmail: email } })).toBe(0);
    expect(await db.outboundEmail.count({ where: { to: email } })).toBe(0);
  });
});
