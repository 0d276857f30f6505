import type { EventKind } from "~/generated/prisma/enums";
import { roleCan } from "~/organizations/permissions";
import { DEFAULT_NUDGE_DAYS, DEFAULT_REMINDER_DAYS, formatReminderDays } from "~/notices/settings";
import { requirePartnership, type PartnershipAccess } from "~/partnerships/access.server";
import { db } from "~/platform/db.server";
import { assertCan, type TenantScope } from "~/platform/tenancy.server";
import { requireEvent } from "./access.server";
import { materialChanges, materialSnapshot, type FieldChange, type MaterialSnapshot } from "./changes";
import { eventSelect, organizationsOf, type LoadedEvent } from "./events.server";
import { formatMoney, minorToAmountInput, splitCost } from "./money";
import { MAX_QUESTIONS, MAX_SHIFTS, type EventFormDefaults } from "./schemas";
import { describeEventKind, effectiveEventStatus, eventStatusLabels, eventStatusTones, isClosedStatus } from "./status";
import {
  daysBetweenLocalDates,
  formatEventRange,
  formatInZone,
  formatTimeInZone,
  localDatePart,
  localTimePart,
  timeZoneChoices,
  utcToZonedLocal,
} from "./time";

/** Blank rows offered below the filled ones, so people can add a few without JavaScript. */
function blankRowCount(filled: number, limit: number) {
  return Math.max(0, Math.min(limit - filled, Math.max(1, 3 - filled)));
}

function venueLabel(event: { venueName: string; venueAddress: string }) {
  return [event.venueName, event.venueAddress].filter(Boolean).join(", ");
}

/** What the event's header shows on every tab. */
export async function getEventHeader(scope: TenantScope, eventId: string) {
  assertCan(scope, "events:view");
  const access = await requireEvent(scope, eventId);
  const event = await db.event.findUniqueOrThrow({
    where: { id: eventId },
    select: { id: true, title: true, kind: true, outingType: true, status: true, startsAt: true, endsAt: true, timeZone: true, venueName: true, venueAddress: true, onlineUrl: true, version: true },
  });
  const status = effectiveEventStatus(event);
  return {
    id: event.id,
    title: event.title,
    kindLabel: describeEventKind(event.kind, event.outingType),
    status,
    statusLabel: eventStatusLabels[status],
    statusTone: eventStatusTones[status],
    when: formatEventRange(event.startsAt, event.endsAt, event.timeZone),
    startsAtIso: event.startsAt.toISOString(),
    timeZone: event.timeZone,
    venue: venueLabel(event),
    onlineUrl: event.onlineUrl,
    partnershipId: access.partnershipId,
    partnerName: access.otherOrganization?.name ?? "your partner",
  };
}

type Approval = { organizationId: string; version: number; approvedAt: Date; snapshot: unknown; approvedBy: { name: string | null } };

/**
 * The base an approver compares against: what their company last approved, or else what the
 * other company approved. Null before anyone has approved anything.
 */
function approvalBaseline(approvals: Approval[], ownOrganizationId: string): Approval | null {
  const latest = (organizationFilter: (id: string) => boolean) =>
    approvals.filter((approval) => organizationFilter(approval.organizationId)).sort((a, b) => b.version - a.version)[0] ?? null;
  return latest((id) => id === ownOrganizationId) ?? latest((id) => id !== ownOrganizationId);
}

export async function getEventOverview(scope: TenantScope, eventId: string) {
  assertCan(scope, "events:view");
  const access = await requireEvent(scope, eventId);
  const [event, approvals] = await Promise.all([
    db.event.findUniqueOrThrow({ where: { id: eventId }, select: eventSelect }),
    db.eventApproval.findMany({
      where: { eventId },
      select: { organizationId: true, version: true, approvedAt: true, snapshot: true, approvedBy: { select: { name: true } } },
    }),
  ]);
  const organizations = organizationsOf(access, scope);
  const status = effectiveEventStatus(event);
  const canPlan = roleCan(scope.role, "events:plan");
  const active = access.status === "active";
  const open = !isClosedStatus(status);
  const ownApprovalOfCurrent = approvals.some((approval) => approval.organizationId === scope.organizationId && approval.version === event.version);
  const { timeZone } = event;

  const baseline = approvalBaseline(approvals, scope.organizationId);
  const current = materialSnapshot(event);
  const diff =
    baseline && baseline.version !== event.version
      ? {
          baselineLabel: `${organizationName(organizations, baseline.organizationId)} approved version ${baseline.version}`,
          changes: materialChanges(baseline.snapshot as MaterialSnapshot, current, { organizations }),
        }
      : null;

  return {
    id: event.id,
    kind: event.kind,
    status,
    version: event.version,
    description: event.description,
    timeZone,
    when: formatEventRange(event.startsAt, event.endsAt, timeZone),
    rsvpDeadline: event.rsvpDeadline ? formatInZone(event.rsvpDeadline, timeZone) : null,
    venueName: event.venueName,
    venueAddress: event.venueAddress,
    onlineUrl: event.onlineUrl,
    capacity: event.capacity,
    plusOnesAllowed: event.plusOnesAllowed,
    cancelReason: event.cancelReason,
    startDate: localDatePart(utcToZonedLocal(event.startsAt, timeZone)),
    quotas: organizations.map((organization) => ({
      name: organization.name,
      isYours: organization.id === scope.organizationId,
      seats: event.quotas.find((quota) => quota.organizationId === organization.id)?.seats ?? 0,
    })),
    cost: describeCostSplit(event, organizations),
    questions: event.questions.map((question) => ({
      id: question.id,
      prompt: question.prompt,
      kind: question.kind,
      options: question.options,
      required: question.required,
    })),
    shifts: event.shifts.map((shift) => ({
      id: shift.id,
      role: shift.role,
      when: formatEventRange(shift.startsAt, shift.endsAt, timeZone),
      capacity: shift.capacity,
      notes: shift.notes,
      waiverText: shift.waiverText,
    })),
    approvals: organizations.map((organization) => {
      const approval = approvals.find((candidate) => candidate.organizationId === organization.id && candidate.version === event.version);
      return {
        organizationName: organization.name,
        isYours: organization.id === scope.organizationId,
        approvedBy: approval ? (approval.approvedBy.name ?? `A manager at ${organization.name}`) : null,
        approvedAt: approval ? formatInZone(approval.approvedAt, timeZone) : null,
      };
    }),
    diff,
    can: {
      plan: canPlan,
      edit: canPlan && active && open,
      propose: canPlan && active && status === "draft",
      approve: canPlan && active && status === "proposed" && !ownApprovalOfCurrent,
      cancel: canPlan && open,
      duplicate: canPlan && active,
    },
    partnershipActive: active,
    ownOrganizationName: scope.organizationName,
  };
}

function organizationName(organizations: { id: string; name: string }[], id: string) {
  return organizations.find((organization) => organization.id === id)?.name ?? "A former partner";
}

function describeCostSplit(event: LoadedEvent, organizations: { id: string; name: string }[]) {
  if (event.costEstimateMinor === null || !event.costCurrency) return null;
  const percent = event.initiatorCostPercent ?? 50;
  const { initiatorMinor, partnerMinor } = splitCost(event.costEstimateMinor, percent);
  const [initiator, partner] = organizations;
  return {
    total: formatMoney(event.costEstimateMinor, event.costCurrency),
    currency: event.costCurrency,
    shares: [
      { name: initiator?.name ?? "Initiator", percent, amount: formatMoney(initiatorMinor, event.costCurrency) },
      { name: partner?.name ?? "Partner", percent: 100 - percent, amount: formatMoney(partnerMinor, event.costCurrency) },
    ],
  };
}

/** The two companies' names in the form's order (initiator first) and which one is the viewer's. */
function formParties(organizations: { id: string; name: string }[], scope: TenantScope) {
  const [initiator, partner] = organizations;
  return {
    initiatorName: initiator?.name ?? scope.organizationName,
    partnerName: partner?.name ?? "Partner",
    viewerIsInitiator: initiator?.id === scope.organizationId,
  };
}

export async function getNewEventForm(scope: TenantScope, partnershipId: string, kind: EventKind) {
  assertCan(scope, "events:plan");
  const access = await requirePartnership(scope, partnershipId);
  const organizations = organizationsOf(access, scope);
  const defaults: EventFormDefaults = {
    kind,
    initiatorCostPercent: "50",
    reminderDays: formatReminderDays(DEFAULT_REMINDER_DAYS),
    nudgeDaysBefore: String(DEFAULT_NUDGE_DAYS),
    questions: Array.from({ length: blankRowCount(0, MAX_QUESTIONS) }, () => ({ kind: "short_text" as const })),
    shifts: Array.from({ length: blankRowCount(0, MAX_SHIFTS) }, () => ({ day: "1" })),
  };
  return {
    partnership: { id: access.partnershipId, status: access.status, partnerName: access.otherOrganization?.name ?? "your partner" },
    parties: formParties(organizations, scope),
    timeZones: timeZoneChoices(),
    defaults,
  };
}

export async function getEventForEditing(scope: TenantScope, eventId: string) {
  assertCan(scope, "events:plan");
  const access = await requireEvent(scope, eventId);
  const event = await db.event.findUniqueOrThrow({ where: { id: eventId }, select: eventSelect });
  const organizations = organizationsOf(access, scope);
  const [initiator, partner] = organizations;
  const { timeZone } = event;
  const startLocal = utcToZonedLocal(event.startsAt, timeZone);
  const seatsOf = (organizationId: string | undefined) => String(event.quotas.find((quota) => quota.organizationId === organizationId)?.seats ?? 0);
  const status = effectiveEventStatus(event);
  const defaults: EventFormDefaults = {
    kind: event.kind,
    outingType: event.outingType ?? undefined,
    title: event.title,
    description: event.description,
    venueName: event.venueName,
    venueAddress: event.venueAddress,
    onlineUrl: event.onlineUrl ?? "",
    timeZone,
    startsAt: startLocal,
    endsAt: utcToZonedLocal(event.endsAt, timeZone),
    rsvpDeadline: event.rsvpDeadline ? utcToZonedLocal(event.rsvpDeadline, timeZone) : "",
    capacity: String(event.capacity),
    quotas: { initiator: seatsOf(initiator?.id), partner: seatsOf(partner?.id) },
    plusOnesAllowed: event.plusOnesAllowed ? "on" : undefined,
    questions: [
      ...event.questions.map((question) => ({
        id: question.id,
        prompt: question.prompt,
        kind: question.kind,
        options: question.options.join("\n"),
        required: question.required ? ("on" as const) : undefined,
      })),
      ...Array.from({ length: blankRowCount(event.questions.length, MAX_QUESTIONS) }, () => ({ kind: "short_text" as const })),
    ],
    shifts: [
      ...event.shifts.map((shift) => {
        const local = utcToZonedLocal(shift.startsAt, timeZone);
        return {
          id: shift.id,
          role: shift.role,
          day: String(daysBetweenLocalDates(localDatePart(startLocal), localDatePart(local)) + 1),
          startTime: localTimePart(local),
          endTime: formatTimeInZone(shift.endsAt, timeZone),
          capacity: String(shift.capacity),
          notes: shift.notes,
          waiverText: shift.waiverText ?? "",
        };
      }),
      ...Array.from({ length: event.kind === "volunteer_day" ? blankRowCount(event.shifts.length, MAX_SHIFTS) : 0 }, () => ({ day: "1" })),
    ],
    costEstimate: event.costEstimateMinor !== null && event.costCurrency ? minorToAmountInput(event.costEstimateMinor, event.costCurrency) : "",
    costCurrency: event.costCurrency ?? "",
    initiatorCostPercent: String(event.initiatorCostPercent ?? 50),
    reminderDays: formatReminderDays(event.reminderDaysBefore),
    nudgeDaysBefore: String(event.nudgeDaysBefore),
  };
  return {
    event: { id: event.id, title: event.title, status, version: event.version, timeZone },
    editable: access.status === "active" && !isClosedStatus(status),
    partnershipActive: access.status === "active",
    currentStart: { local: startLocal, timeZone },
    parties: formParties(organizations, scope),
    timeZones: timeZoneChoices(),
    defaults,
  };
}

export type HistoryEntry = {
  id: string;
  at: string;
  atIso: string;
  actor: string;
  organizationName: string | null;
  summary: string;
  changes: FieldChange[];
};

function recordedFieldChanges(changes: unknown): FieldChange[] {
  if (!changes || typeof changes !== "object" || !("fields" in changes) || !Array.isArray(changes.fields)) return [];
  return changes.fields.filter(
    (field): field is FieldChange =>
      Boolean(field) && typeof field === "object" && typeof field.label === "string" && typeof field.before === "string" && typeof field.after === "string",
  );
}

/** Everything that happened to the event, newest first, with times in the event's zone. */
export async function listEventHistory(scope: TenantScope, eventId: string): Promise<{ timeZone: string; entries: HistoryEntry[] }> {
  assertCan(scope, "events:view");
  const access = await requireEvent(scope, eventId);
  const organizations = organizationsOf(access, scope);
  const [event, activities] = await Promise.all([
    db.event.findUniqueOrThrow({ where: { id: eventId }, select: { timeZone: true } }),
    db.partnershipActivity.findMany({
      where: { eventId, partnershipId: access.partnershipId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      // Names only: the other company's people are never shown by email address.
      select: { id: true, createdAt: true, summary: true, changes: true, organizationId: true, actor: { select: { name: true } } },
    }),
  ]);
  return {
    timeZone: event.timeZone,
    entries: activities.map((activity) => {
      const company = activity.organizationId ? organizationName(organizations, activity.organizationId) : null;
      return {
        id: activity.id,
        at: formatInZone(activity.createdAt, event.timeZone),
        atIso: activity.createdAt.toISOString(),
        actor: activity.actor?.name ?? (company ? `Someone at ${company}` : "Rapport"),
        organizationName: company,
        summary: activity.summary,
        changes: recordedFieldChanges(activity.changes),
      };
    }),
  };
}

/** What the event form's schema needs to know on the server: the kind, the companies, the current start. */
export async function getEventFormContext(scope: TenantScope, eventId: string) {
  assertCan(scope, "events:plan");
  const access = await requireEvent(scope, eventId);
  const event = await db.event.findUniqueOrThrow({ where: { id: eventId }, select: { kind: true, startsAt: true, timeZone: true } });
  return {
    kind: event.kind,
    parties: formParties(organizationsOf(access, scope), scope),
    currentStart: { local: utcToZonedLocal(event.startsAt, event.timeZone), timeZone: event.timeZone },
  };
}

export function partiesOfPartnership(scope: TenantScope, access: PartnershipAccess) {
  return formParties(organizationsOf(access, scope), scope);
}
