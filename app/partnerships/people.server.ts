import type { Role } from "~/generated/prisma/enums";
import { ROLES, roleCan } from "~/organizations/permissions";
import { db, type Tx } from "~/platform/db.server";
import type { TenantScope } from "~/platform/tenancy.server";
import type { PartnershipAccess } from "./access.server";

/** The roles that run partnerships: the people each company shows the other as its side. */
export const PARTNERSHIP_MANAGER_ROLES: Role[] = ROLES.filter((role) => roleCan(role, "partnerships:manage"));

/**
 * How a person of the other company is named. Their email address is never shown across the
 * partnership, so someone who hasn't set a name is described by their company instead.
 */
export function otherSideName(name: string | null, organizationName: string | null): string {
  return name ?? (organizationName ? `Someone at ${organizationName}` : "Someone");
}

export type PartnershipPerson = { id: string; name: string; role: Role; email: string | null; isYou: boolean };

export type PartnershipSidePeople = { organizationName: string; people: PartnershipPerson[] };

/**
 * Each side's partnership managers: names and addresses for the viewer's own company, names only
 * for the other company, whose addresses are not even read.
 */
export async function listPartnershipPeople(
  scope: TenantScope,
  access: PartnershipAccess,
): Promise<{ own: PartnershipSidePeople; other: PartnershipSidePeople | null }> {
  const otherOrganization = access.otherOrganization;
  const managerWhere = (organizationId: string) => ({ organizationId, role: { in: PARTNERSHIP_MANAGER_ROLES } });
  const orderBy = [{ role: "asc" as const }, { createdAt: "asc" as const }];
  const [own, other] = await Promise.all([
    db.membership.findMany({
      where: managerWhere(scope.organizationId),
      orderBy,
      select: { role: true, user: { select: { id: true, name: true, email: true } } },
    }),
    otherOrganization
      ? db.membership.findMany({ where: managerWhere(otherOrganization.id), orderBy, select: { role: true, user: { select: { id: true, name: true } } } })
      : null,
  ]);
  return {
    own: {
      organizationName: scope.organizationName,
      people: own.map(({ role, user }) => ({ id: user.id, name: user.name ?? user.email, role, email: user.email, isYou: user.id === scope.userId })),
    },
    other:
      otherOrganization && other
        ? {
            organizationName: otherOrganization.name,
            people: other.map(({ role, user }) => ({ id: user.id, name: otherSideName(user.name, otherOrganization.name), role, email: null, isYou: false })),
          }
        : null,
  };
}

/** Where a company's partnership emails go: its managers, admins and owners. */
export async function partnershipManagerAddresses(tx: Tx, organizationId: string): Promise<string[]> {
  const managers = await tx.membership.findMany({
    where: { organizationId, role: { in: PARTNERSHIP_MANAGER_ROLES } },
    orderBy: { createdAt: "asc" },
    select: { user: { select: { email: true } } },
  });
  return managers.map((manager) => manager.user.email);
}
