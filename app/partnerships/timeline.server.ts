import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/platform/db.server";
import { assertCan, type TenantScope } from "~/platform/tenancy.server";
import type { PartnershipAccess } from "./access.server";
import { formatTimeSince } from "./format";
import { otherSideName } from "./people.server";

export const TIMELINE_PAGE_SIZE = 50;

export type TimelineEntry = {
  id: string;
  kind: string;
  summary: string;
  actorName: string;
  organizationName: string | null;
  eventId: string | null;
  createdAt: Date;
  ago: string;
};

export type TimelinePage = { entries: TimelineEntry[]; olderCursor: string | null };

/**
 * Everything that happened between the two companies, newest first, a page at a time. `before` is
 * the id of the last entry already shown; an id from anywhere else starts from the newest.
 */
export async function listPartnershipTimeline(
  scope: TenantScope,
  access: PartnershipAccess,
  options: { before?: string | null; now?: Date } = {},
): Promise<TimelinePage> {
  assertCan(scope, "partnerships:view");
  const now = options.now ?? new Date();
  const cursor = options.before
    ? await db.partnershipActivity.findFirst({ where: { id: options.before, partnershipId: access.partnershipId }, select: { id: true, createdAt: true } })
    : null;
  const olderThanCursor: Prisma.PartnershipActivityWhereInput = cursor
    ? { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] }
    : {};
  const rows = await db.partnershipActivity.findMany({
    where: { partnershipId: access.partnershipId, ...olderThanCursor },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: TIMELINE_PAGE_SIZE + 1,
    select: { id: true, kind: true, summary: true, eventId: true, createdAt: true, organizationId: true, actor: { select: { name: true, email: true } } },
  });
  const page = rows.slice(0, TIMELINE_PAGE_SIZE);
  const companyNames = new Map([[scope.organizationId, scope.organizationName]]);
  if (access.otherOrganization) companyNames.set(access.otherOrganization.id, access.otherOrganization.name);
  return {
    entries: page.map((row) => {
      const organizationName = (row.organizationId && companyNames.get(row.organizationId)) ?? null;
      const ownSide = row.organizationId === scope.organizationId;
      return {
        id: row.id,
        kind: row.kind,
        summary: row.summary,
        actorName: row.actor ? (ownSide ? (row.actor.name ?? row.actor.email) : otherSideName(row.actor.name, organizationName)) : "Someone",
        organizationName,
        eventId: row.eventId,
        createdAt: row.createdAt,
        ago: formatTimeSince(row.createdAt, now),
      };
    }),
    olderCursor: rows.length > TIMELINE_PAGE_SIZE ? page[page.length - 1]!.id : null,
  };
}
