import { teammateInvitationSubject } from "#emails/teammate-invitation";
import { describe, expect, test, vi } from "vitest";
import type { Role } from "~/generated/prisma/enums";
import { db } from "~/platform/db.server";
import { consumeRateLimit, invitationRateLimits } from "~/platform/rate-limit.server";
import { addMember, createCompanyWithEveryRole, createOrganization, createUser, scopeFor, uniqueSuffix } from "#tests/factories";
import {
  acceptPendingInvitations,
  INVITATION_VALID_DAYS,
  inviteTeammate,
  listPendingInvitations,
  resendInvitation,
  revokeInvitation,
} from "./invitations.server";
import { MemberRuleError } from "./rules";

// Lets one test make the outbox fail after the invitation row is written, to prove both share a transaction.
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

const DAY_MS = 24 * 60 * 60 * 1000;

function inviteeEmail() {
  return `invitee-${uniqueSuffix()}@example.com`;
}

function invitationEmailsTo(email: string) {
  return db.outboundEmail.findMany({ where: { to: email }, orderBy: { createdAt: "asc" } });
}

function invitationsTo(organizationId: string, email: string) {
  return db.teammateInvitation.findMany({ where: { organizationId, email } });
}

async function ownedCompany() {
  const owner = await createUser();
  const organization = await createOrganization(owner);
  return { owner, organization, scope: scopeFor(organization, owner, "owner") };
}

describe("inviteTeammate", () => {
  test("saves the invitation and queues exactly one invitation email to that address", async () => {
    const { owner, organization, scope } = await ownedCompany();
    const email = inviteeEmail();

    const invitation = await inviteTeammate(scope, { email, role: "manager" });

    const [saved] = await invitationsTo(organization.id, email);
    expect(saved).toMatchObject({ id: invitation.id, role: "manager", invitedById: owner.id, acceptedAt: null, revokedAt: null });
    expect(saved!.expiresAt.getTime() - Date.now()).toBeGreaterThan((INVITATION_VALID_DAYS - 1) * DAY_MS);
    const emails = await invitationEmailsTo(email);
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ kind: "teammate-invitation", status: "queued", subject: teammateInvitationSubject(organization.name, owner.name!) });
    expect(emails[0]!.text).toContain(organization.name);
  });

  test("writes the invitation and its email in one transaction: if the email can't be queued, no invitation is left behind", async () => {
    const { organization, scope } = await ownedCompany();
    const email = inviteeEmail();
    outbox.failNext = true;

    await expect(inviteTeammate(scope, { email, role: "member" })).rejects.toThrow("The outbox is unavailable.");

    expect(await invitationsTo(organization.id, email)).toHaveLength(0);
    expect(await invitationEmailsTo(email)).toHaveLength(0);
  });

  test("inviting the same address again refreshes the one invitation and sends a second email", async () => {
    const { organization, scope } = await ownedCompany();
    const email = inviteeEmail();
    const first = await inviteTeammate(scope, { email, role: "member" });
    await db.teammateInvitation.update({ where: { id: first.id }, data: { expiresAt: new Date(Date.now() + DAY_MS), revokedAt: new Date() } });

    await inviteTeammate(scope, { email, role: "manager" });

    const invitations = await invitationsTo(organization.id, email);
    expect(invitations).toHaveLength(1);
    expect(invitations[0]).toMatchObject({ id: first.id, role: "manager", revokedAt: null });
    expect(invitations[0]!.expiresAt.getTime() - Date.now()).toBeGreaterThan((INVITATION_VALID_DAYS - 1) * DAY_MS);
    expect(await invitationEmailsTo(email)).toHaveLength(2);
  });

  test("refuses someone who is already a member, and sends nothing", async () => {
    const { organization, scope } = await ownedCompany();
    const { user: colleague } = await addMember(organization, "member");

    const attempt = inviteTeammate(scope, { email: colleague.email, role: "member" });

    await expect(attempt).rejects.toThrow(MemberRuleError);
    await expect(attempt).rejects.toThrow(`${colleague.email} is already a member of ${organization.name}.`);
    expect(await invitationsTo(organization.id, colleague.email)).toHaveLength(0);
    expect(await invitationEmailsTo(colleague.email)).toHaveLength(0);
  });

  test.each<Role>(["admin", "owner"])("a manager cannot invite someone as %s", async (role) => {
    const company = await createCompanyWithEveryRole();
    const email = inviteeEmail();

    await expect(inviteTeammate(scopeFor(company.organization, company.manager, "manager"), { email, role })).rejects.toThrow(MemberRuleError);

    expect(await invitationsTo(company.organization.id, email)).toHaveLength(0);
  });

  test("a manager can invite managers and members", async () => {
    const company = await createCompanyWithEveryRole();
    const scope = scopeFor(company.organization, company.manager, "manager");

    await inviteTeammate(scope, { email: inviteeEmail(), role: "manager" });
    await inviteTeammate(scope, { email: inviteeEmail(), role: "member" });

    expect(await listPendingInvitations(scope)).toHaveLength(2);
  });

  test("a member cannot invite anyone: 403", async () => {
    const company = await createCompanyWithEveryRole();
    const email = inviteeEmail();

    await expect(inviteTeammate(scopeFor(company.organization, company.member, "member"), { email, role: "member" })).rejects.toMatchObject({
      init: { status: 403 },
    });

    expect(await invitationsTo(company.organization.id, email)).toHaveLength(0);
    expect(await invitationEmailsTo(email)).toHaveLength(0);
  });
});

describe("resendInvitation and revokeInvitation", () => {
  test("resending extends the invitation and queues another email", async () => {
    const { scope } = await ownedCompany();
    const email = inviteeEmail();
    const invitation = await inviteTeammate(scope, { email, role: "member" });
    await db.teammateInvitation.update({ where: { id: invitation.id }, data: { expiresAt: new Date(Date.now() + DAY_MS) } });

    const resent = await resendInvitation(scope, invitation.id);

    expect(resent.expiresAt.getTime() - Date.now()).toBeGreaterThan((INVITATION_VALID_DAYS - 1) * DAY_MS);
    expect(await invitationEmailsTo(email)).toHaveLength(2);
  });

  test("a manager can neither resend nor revoke an invitation for a role above their own", async () => {
    const company = await createCompanyWithEveryRole();
    const email = inviteeEmail();
    const invitation = await inviteTeammate(scopeFor(company.organization, company.owner, "owner"), { email, role: "admin" });
    const managerScope = scopeFor(company.organization, company.manager, "manager");

    await expect(resendInvitation(managerScope, invitation.id)).rejects.toThrow("As a manager, you can't change an invitation to join as an admin.");
    await expect(revokeInvitation(managerScope, invitation.id)).rejects.toThrow(MemberRuleError);

    const [unchanged] = await invitationsTo(company.organization.id, email);
    expect(unchanged!.revokedAt).toBeNull();
    expect(await invitationEmailsTo(email)).toHaveLength(1);
  });

  test("an invitation from another company is out of reach, and stays untouched", async () => {
    const ours = await ownedCompany();
    const theirs = await ownedCompany();
    const email = inviteeEmail();
    const theirInvitation = await inviteTeammate(theirs.scope, { email, role: "member" });

    await expect(resendInvitation(ours.scope, theirInvitation.id)).rejects.toThrow("That invitation is no longer pending.");
    await expect(revokeInvitation(ours.scope, theirInvitation.id)).rejects.toThrow("That invitation is no longer pending.");

    const [untouched] = await invitationsTo(theirs.organization.id, email);
    expect(untouched!.revokedAt).toBeNull();
    expect(await invitationEmailsTo(email)).toHaveLength(1);
  });

  test("a revoked invitation can't be revoked or resent again, and leaves the pending list", async () => {
    const { scope } = await ownedCompany();
    const invitation = await inviteTeammate(scope, { email: inviteeEmail(), role: "member" });

    await revokeInvitation(scope, invitation.id);

    await expect(revokeInvitation(scope, invitation.id)).rejects.toThrow(MemberRuleError);
    await expect(resendInvitation(scope, invitation.id)).rejects.toThrow(MemberRuleError);
    expect(await listPendingInvitations(scope)).toEqual([]);
  });
});

describe("acceptPendingInvitations", () => {
  test("a revoked invitation joins nothing", async () => {
    const { organization, scope } = await ownedCompany();
    const invitee = await createUser({ email: inviteeEmail() });
    const invitation = await inviteTeammate(scope, { email: invitee.email, role: "admin" });
    await revokeInvitation(scope, invitation.id);

    expect(await acceptPendingInvitations(invitee.email)).toEqual([]);

    expect(await db.membership.count({ where: { organizationId: organization.id, userId: invitee.id } })).toBe(0);
    const [revoked] = await invitationsTo(organization.id, invitee.email);
    expect(revoked!.acceptedAt).toBeNull();
  });

  test("an expired invitation joins nothing", async () => {
    const { organization, scope } = await ownedCompany();
    const invitee = await createUser({ email: inviteeEmail() });
    const invitation = await inviteTeammate(scope, { email: invitee.email, role: "member" });
    await db.teammateInvitation.update({ where: { id: invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });

    expect(await acceptPendingInvitations(invitee.email)).toEqual([]);

    expect(await db.membership.count({ where: { organizationId: organization.id, userId: invitee.id } })).toBe(0);
    expect(await listPendingInvitations(scope)).toEqual([]);
  });

  test("a valid invitation joins the company with the invited role and is marked accepted", async () => {
    const { organization, scope } = await ownedCompany();
    const invitee = await createUser({ email: inviteeEmail() });
    await inviteTeammate(scope, { email: invitee.email, role: "manager" });

    // The address is matched however the person types it when signing in.
    expect(await acceptPendingInvitations(` ${invitee.email.toUpperCase()} `)).toEqual([organization.id]);

    const membership = await db.membership.findUniqueOrThrow({ where: { organizationId_userId: { organizationId: organization.id, userId: invitee.id } } });
    expect(membership.role).toBe("manager");
    const [accepted] = await invitationsTo(organization.id, invitee.email);
    expect(accepted!.acceptedAt).toBeInstanceOf(Date);
    expect(await listPendingInvitations(scope)).toEqual([]);
    expect(await acceptPendingInvitations(invitee.email)).toEqual([]);
  });
});

describe("invitation budget", () => {
  test("a person who has sent an hour's worth of invitations is told when to try again, and nothing is saved or sent", async () => {
    const company = await createCompanyWithEveryRole();
    const scope = scopeFor(company.organization, company.manager, "manager");
    for (let sent = 0; sent < invitationRateLimits.teammates.limit; sent++) await consumeRateLimit(invitationRateLimits.teammates, company.manager.id);
    const email = `over-budget-${uniqueSuffix()}@example.com`;

    await expect(inviteTeammate(scope, { email, role: "member" })).rejects.toThrow(/a lot of invitations in the last hour\. Try again in \d+ minutes?\./);
    expect(await db.teammateInvitation.count({ where: { email } })).toBe(0);
    expect(await db.outboundEmail.count({ where: { to: email } })).toBe(0);

    const colleague = scopeFor(company.organization, company.admin, "admin");
    await expect(inviteTeammate(colleague, { email, role: "member" })).resolves.toMatchObject({ email });
  });
});
