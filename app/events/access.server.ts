import { data } from "@remix-run/node";
import { requirePartnership, type PartnershipAccess } from "~/partnerships/access.server";
import { db } from "~/platform/db.server";
import type { TenantScope } from "~/platform/tenancy.server";

export type EventAccess = PartnershipAccess & { eventId: string };

/** An event is reachable by the two companies of its partnership and by nobody else (404). */
export async function requireEvent(scope: TenantScope, eventId: string): Promise<EventAccess> {
  const event = await db.event.findFirst({
    where: {
      id: eventId,
      partnership: { OR: [{ initiatorId: scope.organizationId }, { partnerId: scope.organizationId }] },
    },
    select: { id: true, partnershipId: true },
  });
  if (!event) throw data({ error: "not_found", message: "We couldn't find that event, or your company isn't part of it." }, { status: 404 });
  return { ...(await requirePartnership(scope, event.partnershipId)), eventId: event.id };
}
