import type { Role } from "~/generated/prisma/enums";
import { canAssignRole, roleLabels } from "~/organizations/permissions";
import { db, type Tx } from "~/platform/db.server";
import { assertCan, type TenantScope } from "~/platform/tenancy.server";
import { MemberRuleError } from "./rules";

export function listMembers(scope: TenantScope) {
  assertCan(scope, "members:view");
  return db.membership.findMany({
    where: { organizationId: scope.organizationId },
    orderBy: [{ role: "asc" }, { createdAt: "asc" }],
    select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
  });
}

async function findMembership(tx: Tx, scope: TenantScope, membershipId: string) {
  // Serialises role changes per company, so two owners demoting each other at once cannot
  // both pass the "another owner remains" check.
  await tx.$queryRaw`SELECT id FROM organizations WHERE id = ${scope.organizationId} FOR UPDATE`;
  const membership = await tx.membership.findFirst({
    where: { id: membershipId, organizationId: scope.organizationId },
    select: { id: true, role: true, userId: true, user: { select: { email: true } } },
  });
  if (!membership) throw new MemberRuleError("That person is no longer a member.");
  return membership;
}

async function assertAnotherOwnerRemains(tx: Tx, scope: TenantScope) {
  const owners = await tx.membership.count({ where: { organizationId: scope.organizationId, role: "owner" } });
  if (owners <= 1) throw new MemberRuleError(`${scope.organizationName} needs at least one owner. Make someone else an owner first.`);
}

export async function changeMemberRole(scope: TenantScope, membershipId: string, newRole: Role) {
  assertCan(scope, "members:manage");
  await db.$transaction(async (tx) => {
    const membership = await findMembership(tx, scope, membershipId);
    if (!canAssignRole(scope.role, membership.role) || !canAssignRole(scope.role, newRole)) {
      throw new MemberRuleError(`As ${roleLabels[scope.role].toLowerCase()}, you can't change an ${roleLabels[membership.role].toLowerCase()} to ${roleLabels[newRole].toLowerCase()}.`);
    }
    if (membership.role === "owner" && newRole !== "owner") await assertAnotherOwnerRemains(tx, scope);
    await tx.membership.update({ where: { id: membership.id }, data: { role: newRole } });
  });
}

/** Takes effect on the member's next request: every tenant request re-reads the membership. */
export async function removeMember(scope: TenantScope, membershipId: string) {
  assertCan(scope, "members:manage");
  await db.$transaction(async (tx) => {
    const membership = await findMembership(tx, scope, membershipId);
    if (!canAssignRole(scope.role, membership.role)) {
      throw new MemberRuleError(`As ${roleLabels[scope.role].toLowerCase()}, you can't remove an ${roleLabels[membership.role].toLowerCase()}.`);
    }
    if (membership.role === "owner") await assertAnotherOwnerRemains(tx, scope);
    await tx.membership.delete({ where: { id: membership.id } });
  });
}
