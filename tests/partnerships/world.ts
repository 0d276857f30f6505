import type { PartnershipStatus } from "~/generated/prisma/enums";
import { requirePartnership } from "~/partnerships/access.server";
import { invitePartner } from "~/partnerships/invitations.server";
import { db } from "~/platform/db.server";
import type { TenantScope } from "~/platform/tenancy.server";
import { createCompanyWithEveryRole, createOrganization, createUser, scopeFor, uniqueSuffix } from "#tests/factories";

export type Company = Awaited<ReturnType<typeof createCompanyWithEveryRole>>;

/** Two companies with one person of every role, and a partnership between them that the first one started. */
export async function createPartnershipWorld(status: PartnershipStatus = "active") {
  const initiator = await createCompanyWithEveryRole();
  const partner = await createCompanyWithEveryRole();
  const partnership = await db.partnership.create({
    data: {
      initiatorId: initiator.organization.id,
      partnerId: status === "pending" ? null : partner.organization.id,
      status,
      contactEmail: partner.owner.email,
      message: "Let's plan something together.",
      invitedById: initiator.manager.id,
      respondedAt: status === "pending" ? null : new Date(),
      respondedById: status === "pending" ? null : partner.owner.id,
    },
    select: { id: true },
  });
  return { initiator, partner, partnershipId: partnership.id };
}

/** Company A invites a contact who already has an account, and owns company B. */
export async function invitationToCompanyOwner(message = "Fancy a ball game?") {
  const initiator = await createCompanyWithEveryRole();
  const contact = await createUser({ email: contactAddress(), name: "Jordan Okafor" });
  const partner = await createOrganization(contact);
  const invitation = await invitePartner(managerScope(initiator), { email: contact.email, message });
  return { initiator, contact, partner, partnershipId: invitation.id };
}

/** The rows answering an invitation could change, as one string. */
export async function invitationSnapshot(partnershipId: string) {
  return JSON.stringify(
    await Promise.all([
      db.partnership.findUnique({ where: { id: partnershipId } }),
      db.partnershipActivity.count({ where: { partnershipId } }),
      db.outboundEmail.count(),
      db.organization.count(),
      db.membership.count(),
    ]),
  );
}

export function managerScope(company: Company): TenantScope {
  return scopeFor(company.organization, company.manager, "manager");
}

export function memberScope(company: Company): TenantScope {
  return scopeFor(company.organization, company.member, "member");
}

export async function accessFor(scope: TenantScope, partnershipId: string) {
  return requirePartnership(scope, partnershipId);
}

export function contactAddress() {
  return `contact-${uniqueSuffix()}@partner.example`;
}

/** The HTTP status a server function signalled by throwing: a Response, a `data()` result, or a rule error. */
export async function thrownStatus(run: () => unknown): Promise<number> {
  try {
    await run();
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    if (thrown && typeof thrown === "object") {
      if ("init" in thrown) return (thrown as { init?: { status?: number } }).init?.status ?? 200;
      if ("status" in thrown && typeof thrown.status === "number") return thrown.status;
    }
    throw thrown;
  }
  throw new Error("Expected the call to be refused, but it succeeded.");
}
