import type { Role } from "~/generated/prisma/enums";
import { canAssignRole } from "~/organizations/permissions";
import { db, type Tx } from "~/platform/db.server";
import { assertCan, type TenantScope } from "~/platform/tenancy.server";
import { MemberRuleError } from "./rules";

/** For messages read as sentences: "As an admin, you can't make someone an owner." */
export const roleWithArticle = {
  owner: "an owner",
  admin: "an admin",
  manager: "a manager",
  member: "a member",
} as const satisfies Record<Role, string>;

export function listMembers(scope: TenantScope) {
  assertCan(scope, "members:view");
  return db.membership.findMany({
    where: { organizationId: scope.organizationId },
    orderBy: [{ role: "asc" }, { createdAt: "asc" }],
    select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
  });
}

/**
 * Serialises membership changes per company, so two owners demoting or removing each other at
 * once cannot both pass the "another owner remains" check.
 */
async function lockOrganization(tx: Tx, scope: TenantScope) {
  await tx.$queryRaw`SELECT id FROM organizations WHERE id = ${scope.organizationId} FOR UPDATE`;
}

async function findMembership(tx: Tx, scope: TenantScope, where: { id: string } | { userId: string }) {
  await lockOrganization(tx, scope);
  const membership = await tx.membership.findFirst({
    where: { ...where, organizationId: scope.organizationId },
    select: { id: true, role: true, userId: true, user: { select: { name: true, email: true } } },
  });
  if (!membership) throw new MemberRuleError("That person is no longer a member. Reload the page to see the current team.");
  return membership;
}

async function assertAnotherOwnerRemains(tx: Tx, scope: TenantScope) {
  const owners = await tx.membership.count({ where: { organizationId: scope.organizationId, role: "owner" } });
  if (owners <= 1) throw new MemberRuleError(`${scope.organizationName} needs at least one owner. Make someone else an owner first.`);
}

function describeMember(membership: { userId: string; user: { name: string | null; email: string } }) {
  return { userId: membership.userId, name: membership.user.name ?? membership.user.email };
}

export async function changeMemberRole(scope: TenantScope, membershipId: string, newRole: Role) {
  assertCan(scope, "members:manage");
  return db.$transaction(async (tx) => {
    const membership = await findMembership(tx, scope, { id: membershipId });
    if (!canAssignRole(scope.role, membership.role)) {
      throw new MemberRuleError(`As ${roleWithArticle[scope.role]}, you can't change the role of ${roleWithArticle[membership.role]}.`);
    }
    if (!canAssignRole(scope.role, newRole)) {
      throw new MemberRuleError(`As ${roleWithArticle[scope.role]}, you can't make someone ${roleWithArticle[newRole]}.`);
    }
    if (membership.role === "owner" && newRole !== "owner") await assertAnotherOwnerRemains(tx, scope);
    await tx.membership.update({ where: { id: membership.id }, data: { role: newRole } });
    return { ...describeMember(membership), role: newRole };
  });
}

/** Takes effect on the member's next request: every tenant request re-reads the membership. */
export async function removeMember(scope: TenantScope, membershipId: string) {
  assertCan(scope, "members:manage");
  return db.$transaction(async (tx) => {
    const membership = await findMembership(tx, scope, { id: membershipId });
    if (!canAssignRole(scope.role, membership.role)) {
      throw new MemberRuleError(`As ${roleWithArticle[scope.role]}, you can't remove ${roleWithArticle[membership.role]}.`);
    }
    if (membership.role === "owner") await assertAnotherOwnerRemains(tx, scope);
    await tx.membership.delete({ where: { id: membership.id } });
    return describeMember(membership);
  });
}

/** Anyone may leave, whatever their role, as long as the company keeps an owner. */
export async function leaveOrganization(scope: TenantScope) {
  await db.$transaction(async (tx) => {
    // The role is re-read under the lock: the scope's copy may predate a change by another owner.
    const membership = await findMembership(tx, scope, { userId: scope.userId });
    if (membership.role === "owner") await assertAnotherOwnerRemains(tx, scope);
    await tx.membership.delete({ where: { id: membership.id } });
  });
}
