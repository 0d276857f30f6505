import type { Prisma } from "~/generated/prisma/client";
import type { Tx } from "~/platform/db.server";
import type { TenantScope } from "~/platform/tenancy.server";

export type ActivityInput = {
  partnershipId: string;
  eventId?: string;
  kind: string;
  summary: string;
  changes?: Prisma.InputJsonValue;
};

/** Who acted: usually a tenant scope. The company is null for someone who answered an invitation without one. */
export type ActivityActor = Pick<TenantScope, "userId"> & { organizationId: string | null };

/**
 * Appends to the partnership's timeline (and the event's history when `eventId` is given), in the
 * same transaction as the change it describes, so the history never misses or invents a change.
 */
export async function recordActivity(tx: Tx, scope: ActivityActor, activity: ActivityInput) {
  await tx.partnershipActivity.create({
    data: {
      partnershipId: activity.partnershipId,
      eventId: activity.eventId,
      organizationId: scope.organizationId,
      actorId: scope.userId,
      kind: activity.kind,
      summary: activity.summary,
      changes: activity.changes,
    },
  });
}
