import { data } from "@remix-run/node";
import type { Role } from "~/generated/prisma/enums";
import { roleCan, type Capability } from "~/organizations/permissions";
import { requireUser, type SessionUser } from "./auth.server";
import { db } from "./db.server";

/** Who is acting, in which company, with what role. Every tenant data function takes one. */
export type TenantScope = {
  organizationId: string;
  organizationSlug: string;
  organizationName: string;
  userId: string;
  role: Role;
};

export type TenantContext = { user: SessionUser; scope: TenantScope };

/**
 * Resolves the company in the URL for the signed-in user. A company they do not belong to is a
 * 404, whether or not it exists, so slugs cannot be probed; a role without the capability is a 403.
 */
export async function requireTenant(request: Request, slug: string | undefined, capability: Capability = "organization:view"): Promise<TenantContext> {
  const user = await requireUser(request);
  const membership = slug
    ? await db.membership.findFirst({
        where: { userId: user.id, organization: { slug } },
        select: { role: true, organization: { select: { id: true, slug: true, name: true } } },
      })
    : null;
  if (!membership) throw data({ error: "not_found", message: "We couldn't find that company, or you aren't a member of it." }, { status: 404 });
  const scope: TenantScope = {
    organizationId: membership.organization.id,
    organizationSlug: membership.organization.slug,
    organizationName: membership.organization.name,
    userId: user.id,
    role: membership.role,
  };
  assertCan(scope, capability);
  return { user, scope };
}

export function assertCan(scope: TenantScope, capability: Capability) {
  if (!roleCan(scope.role, capability)) {
    throw data(
      { error: "forbidden", capability, message: `Your role (${scope.role}) can't do this. Ask an admin or owner of ${scope.organizationName}.` },
      { status: 403 },
    );
  }
}
