import PartnershipEndedEmail, { partnershipEndedSubject } from "#emails/partnership-ended";
import { formatEventRange } from "~/events/time";
import type { PartnershipStatus } from "~/generated/prisma/enums";
import { db } from "~/platform/db.server";
import { queueEmail } from "~/platform/email.server";
import { env } from "~/platform/env.server";
import { assertCan, type TenantScope } from "~/platform/tenancy.server";
import type { PartnershipAccess } from "./access.server";
import { recordActivity } from "./activity.server";
import { formatDay, formatTimeSince } from "./format";
import { partnershipWorkspacePath } from "./paths";
import { partnershipManagerAddresses } from "./people.server";
import { PartnershipRuleError } from "./rules";

export type PartnershipListItem = {
  id: string;
  status: PartnershipStatus;
  /** The other company's name; for an invitation nobody has accepted, the address it went to. */
  title: string;
  /** Set while the other company isn't known yet: the invitation's address, seen only by the company that sent it. */
  waitingFor: string | null;
  nextEvent: { title: string; when: string } | null;
  /** "3 months ago"; null when the two companies haven't had a joint event yet. */
  lastEventAgo: string | null;
  sentOn: string;
  closedOn: string | null;
  withdrawn: boolean;
};

export type CompanyPartnerships = { active: PartnershipListItem[]; pending: PartnershipListItem[]; past: PartnershipListItem[] };

/**
 * A company's partnerships for its home page: active ones, invitations it sent that wait for an
 * answer, and past ones (ended, declined or withdrawn).
 */
export async function listCompanyPartnerships(scope: TenantScope, now = new Date()): Promise<CompanyPartnerships> {
  assertCan(scope, "partnerships:view");
  const partnerships = await db.partnership.findMany({
    where: { OR: [{ initiatorId: scope.organizationId }, { partnerId: scope.organizationId }] },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      status: true,
      initiatorId: true,
      contactEmail: true,
      createdAt: true,
      respondedAt: true,
      endedAt: true,
      initiator: { select: { name: true } },
      partner: { select: { name: true } },
    },
  });
  const items = await Promise.all(
    partnerships.map(async (partnership): Promise<PartnershipListItem> => {
      const other = partnership.initiatorId === scope.organizationId ? partnership.partner : partnership.initiator;
      // Without a partner company the only party is the inviting company: the address is its own data.
      const waitingFor = other ? null : partnership.contactEmail;
      const [nextEvent, lastEvent] = other ? await nextAndLastJointEvents(partnership.id, now) : [null, null];
      const closedAt = partnership.endedAt ?? (partnership.status === "declined" ? partnership.respondedAt : null);
      return {
        id: partnership.id,
        status: partnership.status,
        title: other?.name ?? partnership.contactEmail,
        waitingFor,
        nextEvent: nextEvent ? { title: nextEvent.title, when: formatEventRange(nextEvent.startsAt, nextEvent.endsAt, nextEvent.timeZone) } : null,
        lastEventAgo: lastEvent ? formatTimeSince(lastEvent.startsAt, now) : null,
        sentOn: formatDay(partnership.createdAt),
        closedOn: closedAt ? formatDay(closedAt) : null,
        withdrawn: partnership.status === "ended" && !other,
      };
    }),
  );
  return {
    active: items.filter((item) => item.status === "active").sort((a, b) => a.title.localeCompare(b.title)),
    pending: items.filter((item) => item.status === "pending"),
    past: items.filter((item) => item.status === "ended" || item.status === "declined"),
  };
}

function nextAndLastJointEvents(partnershipId: string, now: Date) {
  const select = { title: true, startsAt: true, endsAt: true, timeZone: true } as const;
  return Promise.all([
    db.event.findFirst({ where: { partnershipId, status: { not: "cancelled" }, startsAt: { gt: now } }, orderBy: { startsAt: "asc" }, select }),
    // A draft or proposal whose date has passed never took place, so only confirmed events count as the last one.
    db.event.findFirst({
      where: { partnershipId, status: { in: ["confirmed", "completed"] }, startsAt: { lte: now } },
      orderBy: { startsAt: "desc" },
      select,
    }),
  ]);
}

/**
 * Either company ends the partnership. Nothing is deleted: past events, notes and the timeline stay
 * readable to both, and the other company's partnership managers are told by email.
 */
export async function endPartnership(scope: TenantScope, access: PartnershipAccess) {
  assertCan(scope, "partnerships:manage");
  const other = access.otherOrganization;
  if (access.status !== "active" || !other) {
    throw new PartnershipRuleError(
      access.status === "pending" ? "This invitation hasn't been answered yet: withdraw it instead." : "This partnership isn't active, so there is nothing to end.",
      409,
    );
  }
  await db.$transaction(async (tx) => {
    const ended = await tx.partnership.updateMany({
      where: { id: access.partnershipId, status: "active" },
      data: { status: "ended", endedAt: new Date(), endedById: scope.userId, endedByOrgId: scope.organizationId },
    });
    if (ended.count === 0) throw new PartnershipRuleError("This partnership has already ended. Reload the page to see its history.", 409);
    await recordActivity(tx, scope, { partnershipId: access.partnershipId, kind: "partnership.ended", summary: `Ended the partnership with ${other.name}.` });
    const workspaceUrl = `${env().APP_URL}${partnershipWorkspacePath(other.slug, access.partnershipId)}`;
    for (const to of await partnershipManagerAddresses(tx, other.id)) {
      await queueEmail(tx, {
        kind: "partnership-ended",
        to,
        subject: partnershipEndedSubject(scope.organizationName, other.name),
        react: PartnershipEndedEmail({ endedByName: scope.organizationName, recipientCompanyName: other.name, workspaceUrl }),
      });
    }
  });
}
