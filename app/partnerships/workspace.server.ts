import { effectiveEventStatus } from "~/events/status";
import { formatEventRange } from "~/events/time";
import type { EventKind, EventStatus, OutingType } from "~/generated/prisma/enums";
import { roleCan } from "~/organizations/permissions";
import { db } from "~/platform/db.server";
import { assertCan, type TenantScope } from "~/platform/tenancy.server";
import type { PartnershipAccess } from "./access.server";
import { formatDay } from "./format";
import { listPartnershipNotes } from "./notes.server";
import { listPartnershipPeople } from "./people.server";
import { listPartnershipTimeline } from "./timeline.server";

export type WorkspaceEvent = {
  id: string;
  title: string;
  kind: EventKind;
  outingType: OutingType | null;
  status: EventStatus;
  when: string;
};

/**
 * Everything the partnership's page shows, as the scope's company sees it. Loaders return this
 * as is, so it holds no email address of the other company's people.
 */
export async function getPartnershipWorkspace(scope: TenantScope, access: PartnershipAccess, options: { before?: string | null; now?: Date } = {}) {
  assertCan(scope, "partnerships:view");
  const now = options.now ?? new Date();
  const [partnership, events, people, notes, timeline] = await Promise.all([
    db.partnership.findUniqueOrThrow({
      where: { id: access.partnershipId },
      select: { contactEmail: true, message: true, createdAt: true, respondedAt: true, endedAt: true, endedByOrgId: true, initiator: { select: { name: true } }, partner: { select: { name: true } } },
    }),
    db.event.findMany({
      where: { partnershipId: access.partnershipId },
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      select: { id: true, title: true, kind: true, outingType: true, status: true, startsAt: true, endsAt: true, timeZone: true },
    }),
    listPartnershipPeople(scope, access),
    listPartnershipNotes(scope, access, now),
    listPartnershipTimeline(scope, access, { before: options.before, now }),
  ]);
  const toWorkspaceEvent = (event: (typeof events)[number]): WorkspaceEvent => ({
    id: event.id,
    title: event.title,
    kind: event.kind,
    outingType: event.outingType,
    status: effectiveEventStatus(event, now),
    when: formatEventRange(event.startsAt, event.endsAt, event.timeZone),
  });
  const canManage = roleCan(scope.role, "partnerships:manage");
  const isActive = access.status === "active";
  const endedBy = !partnership.endedByOrgId
    ? null
    : partnership.endedByOrgId === scope.organizationId
      ? scope.organizationName
      : (access.otherOrganization?.name ?? null);
  return {
    partnership: {
      id: access.partnershipId,
      status: access.status,
      side: access.side,
      initiatorName: partnership.initiator.name,
      partnerName: partnership.partner?.name ?? null,
      ownName: scope.organizationName,
      otherName: access.otherOrganization?.name ?? null,
      // Only an invitation nobody has accepted shows its address, and only the inviting company can see one.
      waitingFor: partnership.partner ? null : partnership.contactEmail,
      invitationMessage: partnership.partner ? null : partnership.message,
      sentOn: formatDay(partnership.createdAt),
      since: partnership.respondedAt ? formatDay(partnership.respondedAt) : null,
      endedOn: partnership.endedAt ? formatDay(partnership.endedAt) : null,
      endedBy,
    },
    events: {
      upcoming: events.filter((event) => event.endsAt > now).map(toWorkspaceEvent),
      past: events.filter((event) => event.endsAt <= now).reverse().map(toWorkspaceEvent),
    },
    people,
    notes,
    timeline,
    can: {
      manage: canManage,
      addNotes: canManage && isActive,
      planEvents: isActive && roleCan(scope.role, "events:plan"),
      end: canManage && isActive,
      withdraw: canManage && access.status === "pending",
    },
  };
}

export type PartnershipWorkspace = Awaited<ReturnType<typeof getPartnershipWorkspace>>;
