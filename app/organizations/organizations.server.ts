import { Prisma } from "~/generated/prisma/client";
import { db } from "~/platform/db.server";
import type { SessionUser } from "~/platform/auth.server";

export class SlugTakenError extends Error {
  override name = "SlugTakenError";
}

/** The creator becomes the owner, in the same transaction, so a company never exists without one. */
export async function createOrganization(creator: SessionUser, input: { name: string; slug: string }) {
  try {
    return await db.organization.create({
      data: { name: input.name, slug: input.slug, memberships: { create: { userId: creator.id, role: "owner" } } },
      select: { id: true, slug: true, name: true },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new SlugTakenError(`The address ${input.slug} is taken.`);
    }
    throw error;
  }
}

export async function isSlugTaken(slug: string): Promise<boolean> {
  return (await db.organization.count({ where: { slug } })) > 0;
}

export function listOrganizationsOf(userId: string) {
  return db.membership.findMany({
    where: { userId },
    orderBy: { organization: { name: "asc" } },
    select: { role: true, organization: { select: { id: true, slug: true, name: true } } },
  });
}
