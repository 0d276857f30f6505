import { data } from "@remix-run/node";
import type { PartnershipStatus } from "~/generated/prisma/enums";
import { db } from "~/platform/db.server";
import type { TenantScope } from "~/platform/tenancy.server";

export type PartnershipSide = "initiator" | "partner";

export type PartnershipAccess = {
  partnershipId: string;
  status: PartnershipStatus;
  side: PartnershipSide;
  ownOrganizationId: string;
  /** Null while the invitation is pending: the other company is not chosen yet. */
  otherOrganization: { id: string; name: string; slug: string } | null;
  initiatorId: string;
  partnerId: string | null;
};

const notFound = () =>
  data({ error: "not_found", message: "We couldn't find that partnership, or your company isn't part of it." }, { status: 404 });

/**
 * The partnership as seen from the scope's company. Either side reaches it; any other company
 * gets a 404, whether or not it exists.
 */
export async function requirePartnership(scope: TenantScope, partnershipId: string): Promise<PartnershipAccess> {
  const partnership = await db.partnership.findFirst({
    where: { id: partnershipId, OR: [{ initiatorId: scope.organizationId }, { partnerId: scope.organizationId }] },
    select: {
      id: true,
      status: true,
      initiatorId: true,
      partnerId: true,
      initiator: { select: { id: true, name: true, slug: true } },
      partner: { select: { id: true, name: true, slug: true } },
    },
  });
  if (!partnership) throw notFound();
  const side: PartnershipSide = partnership.initiatorId === scope.organizationId ? "initiator" : "partner";
  return {
    partnershipId: partnership.id,
    status: partnership.status,
    side,
    ownOrganizationId: scope.organizationId,
    otherOrganization: side === "initiator" ? partnership.partner : partnership.initiator,
    initiatorId: partnership.initiatorId,
    partnerId: partnership.partnerId,
  };
}

/** New plans need an active partnership; an ended one stays readable. */
export function assertPartnershipActive(access: PartnershipAccess) {
  if (access.status !== "active") {
    throw data(
      {
        error: "partnership_inactive",
        message:
          access.status === "ended"
            ? "This partnership has ended. Its past events stay readable, but nothing new can be planned in it."
            : "This partnership isn't active yet: the other company has to accept the invitation first.",
      },
      { status: 409 },
    );
  }
}

/** Both companies of an active partnership, initiator first. */
export function partnershipOrganizationIds(access: PartnershipAccess): [string, string] {
  if (!access.partnerId) throw new Error("A pending partnership has only one company.");
  return [access.initiatorId, access.partnerId];
}
