import { randomBytes } from "node:crypto";
import type { Role } from "~/generated/prisma/enums";
import { db } from "~/platform/db.server";
import type { TenantScope } from "~/platform/tenancy.server";

export function uniqueSuffix(): string {
  return randomBytes(4).toString("hex");
}

export async function createUser(overrides: { email?: string; name?: string } = {}) {
  const suffix = uniqueSuffix();
  return db.user.create({
    data: { email: overrides.email ?? `person-${suffix}@example.com`, name: overrides.name ?? `Person ${suffix}`, emailVerified: new Date() },
    select: { id: true, email: true, name: true },
  });
}

export async function createOrganization(owner: { id: string }, overrides: { name?: string; slug?: string } = {}) {
  const suffix = uniqueSuffix();
  return db.organization.create({
    data: {
      name: overrides.name ?? `Company ${suffix}`,
      slug: overrides.slug ?? `company-${suffix}`,
      memberships: { create: { userId: owner.id, role: "owner" } },
    },
    select: { id: true, name: true, slug: true },
  });
}

export async function addMember(organization: { id: string }, role: Role, user?: { id: string; email: string; name: string | null }) {
  const member = user ?? (await createUser());
  const membership = await db.membership.create({
    data: { organizationId: organization.id, userId: member.id, role },
    select: { id: true },
  });
  return { user: member, membershipId: membership.id };
}

/** A database session for the user, and the Cookie header a browser would send with it. */
export async function createSessionCookie(user: { id: string }): Promise<string> {
  const sessionToken = randomBytes(32).toString("hex");
  await db.session.create({ data: { sessionToken, userId: user.id, expires: new Date(Date.now() + 24 * 60 * 60 * 1000) } });
  return `authjs.session-token=${sessionToken}`;
}

export function scopeFor(organization: { id: string; slug: string; name: string }, user: { id: string }, role: Role): TenantScope {
  return { organizationId: organization.id, organizationSlug: organization.slug, organizationName: organization.name, userId: user.id, role };
}

/** A company with one member of every role, for permission tests. */
export async function createCompanyWithEveryRole() {
  const owner = await createUser();
  const organization = await createOrganization(owner);
  const admin = await addMember(organization, "admin");
  const manager = await addMember(organization, "manager");
  const member = await addMember(organization, "member");
  return { organization, owner, admin: admin.user, manager: manager.user, member: member.user };
}
