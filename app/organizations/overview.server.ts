import { roleCan } from "~/organizations/permissions";
import { db } from "~/platform/db.server";
import type { TenantScope } from "~/platform/tenancy.server";

export async function getOrganizationOverview(scope: TenantScope) {
  const [memberCount, pendingInvitationCount] = await Promise.all([
    db.membership.count({ where: { organizationId: scope.organizationId } }),
    db.teammateInvitation.count({
      where: { organizationId: scope.organizationId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    }),
  ]);
  return {
    name: scope.organizationName,
    slug: scope.organizationSlug,
    memberCount,
    pendingInvitationCount,
    canInvite: roleCan(scope.role, "members:invite"),
  };
}
