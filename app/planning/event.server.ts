import type { EventStatus } from "~/generated/prisma/enums";
import { requireEvent } from "~/events/access.server";
import { effectiveEventStatus } from "~/events/status";
import { partnershipOrganizationIds } from "~/partnerships/access.server";
import { db } from "~/platform/db.server";
import type { TenantScope } from "~/platform/tenancy.server";
import { PlanningRuleError } from "./rules";

export type PlanningCompany = { id: string; name: string };

/** An event as the co-planning tools need it, seen from the scope's company. */
export type PlanningEvent = {
  id: string;
  partnershipId: string;
  partnershipActive: boolean;
  title: string;
  status: EventStatus;
  timeZone: string;
  startsAt: Date;
  endsAt: Date;
  /** The partnership's two companies, initiator first. */
  companies: [PlanningCompany, PlanningCompany];
};

/** 404 unless the scope's company is one of the event's two. */
export async function loadPlanningEvent(scope: TenantScope, eventId: string): Promise<PlanningEvent> {
  const access = await requireEvent(scope, eventId);
  const [initiatorId, partnerId] = partnershipOrganizationIds(access);
  const [event, organizations] = await Promise.all([
    db.event.findUniqueOrThrow({
      where: { id: access.eventId },
      select: { id: true, partnershipId: true, title: true, status: true, timeZone: true, startsAt: true, endsAt: true },
    }),
    db.organization.findMany({ where: { id: { in: [initiatorId, partnerId] } }, select: { id: true, name: true } }),
  ]);
  const company = (id: string) => organizations.find((organization) => organization.id === id)!;
  return {
    ...event,
    status: effectiveEventStatus(event),
    partnershipActive: access.status === "active",
    companies: [company(initiatorId), company(partnerId)],
  };
}

export function companyOf(event: PlanningEvent, organizationId: string): PlanningCompany | undefined {
  return event.companies.find((company) => company.id === organizationId);
}

/** Whether tasks and comments may still change: not once the partnership ended or the event was cancelled. */
export function planningClosedReason(event: Pick<PlanningEvent, "partnershipActive" | "status">): string | null {
  if (!event.partnershipActive) return "This partnership has ended. Its events stay readable, but their plans can no longer change.";
  if (event.status === "cancelled") return "This event was cancelled, so its plans can no longer change.";
  return null;
}

export function assertPlanningOpen(event: PlanningEvent) {
  const reason = planningClosedReason(event);
  if (reason) throw new PlanningRuleError(reason, 409);
}

const STATUSES_WITH_OPEN_DATE: readonly EventStatus[] = ["draft", "proposed", "confirmed"];

/** Date options are for an event that has not happened yet: a completed event keeps its date. */
export function dateClosedReason(event: Pick<PlanningEvent, "partnershipActive" | "status">): string | null {
  const planningClosed = planningClosedReason(event);
  if (planningClosed) return planningClosed;
  if (!STATUSES_WITH_OPEN_DATE.includes(event.status)) return "This event has taken place, so its date can no longer change.";
  return null;
}

export function assertDateOpen(event: PlanningEvent) {
  const reason = dateClosedReason(event);
  if (reason) throw new PlanningRuleError(reason, 409);
}
