import EventApprovedEmail, { eventApprovedSubject } from "#emails/event-approved";
import EventCancelledEmail, { eventCancelledSubject } from "#emails/event-cancelled";
import EventConfirmedEmail, { eventConfirmedSubject } from "#emails/event-confirmed";
import EventProposedEmail, { eventProposedSubject } from "#emails/event-proposed";
import type { Prisma } from "~/generated/prisma/client";
import type { EventStatus } from "~/generated/prisma/enums";
import { queueCancellationNotices } from "~/notices/cancellation-notices.server";
import { queueChangeNotices } from "~/notices/change-notices.server";
import { noticeSettingChanges } from "~/notices/settings";
import { ROLES, roleCan } from "~/organizations/permissions";
import { assertPartnershipActive, partnershipOrganizationIds, requirePartnership, type PartnershipAccess } from "~/partnerships/access.server";
import { recordActivity } from "~/partnerships/activity.server";
import { assertSeatsStillFit, capacityPlan, lockSeatCounters, promoteAfterCapacityChange } from "~/rsvp/capacity.server";
import { db, type Tx } from "~/platform/db.server";
import { queueEmail } from "~/platform/email.server";
import { env } from "~/platform/env.server";
import { assertCan, type TenantScope } from "~/platform/tenancy.server";
import { requireEvent } from "./access.server";
import { detailChanges, materialChanges, materialSnapshot, type ChangeContext, type EventDetails, type FieldChange } from "./changes";
import { costOf } from "./money";
import { EventRuleError } from "./rules";
import type { EventInput } from "./schemas";
import { effectiveEventStatus, eventKindLabels } from "./status";
import { addDaysToLocalDate, daysBetweenLocalDates, formatDayInZone, formatEventRange, localDatePart, localTimePart, utcToZonedLocal, zonedLocalToUtc } from "./time";

export const eventSelect = {
  id: true,
  partnershipId: true,
  createdByOrgId: true,
  kind: true,
  outingType: true,
  title: true,
  description: true,
  venueName: true,
  venueAddress: true,
  onlineUrl: true,
  startsAt: true,
  endsAt: true,
  timeZone: true,
  rsvpDeadline: true,
  capacity: true,
  plusOnesAllowed: true,
  costEstimateMinor: true,
  costCurrency: true,
  initiatorCostPercent: true,
  status: true,
  version: true,
  cancelReason: true,
  reminderDaysBefore: true,
  nudgeDaysBefore: true,
  quotas: { select: { organizationId: true, seats: true } },
  questions: { orderBy: { position: "asc" }, select: { id: true, prompt: true, kind: true, options: true, required: true } },
  shifts: {
    orderBy: [{ startsAt: "asc" }, { role: "asc" }],
    select: { id: true, role: true, startsAt: true, endsAt: true, capacity: true, notes: true, waiverText: true },
  },
} satisfies Prisma.EventSelect;

export type LoadedEvent = Prisma.EventGetPayload<{ select: typeof eventSelect }>;

/** The history entry's `changes` for edits: what was shown before and after, field by field. */
export type EventChangeRecord = { version: number; material: boolean; fields: FieldChange[] };

const PLANNING_ROLES = ROLES.filter((role) => roleCan(role, "events:plan"));

/** The two companies, initiator first, with the names both sides see. */
export function organizationsOf(access: PartnershipAccess, scope: TenantScope): ChangeContext["organizations"] {
  const own = { id: scope.organizationId, name: scope.organizationName };
  const other = access.otherOrganization ? { id: access.otherOrganization.id, name: access.otherOrganization.name } : null;
  if (!other) return [own];
  return access.side === "initiator" ? [own, other] : [other, own];
}

/**
 * Serialises every change to one event: an approval waits for a concurrent edit to commit and
 * then sees its new version, so it can never confirm a version nobody approved.
 */
async function lockEvent(tx: Tx, eventId: string) {
  await tx.$queryRaw`SELECT id FROM events WHERE id = ${eventId} FOR UPDATE`;
}

async function loadEvent(tx: Tx, eventId: string): Promise<LoadedEvent> {
  return tx.event.findUniqueOrThrow({ where: { id: eventId }, select: eventSelect });
}

function assertChangeable(event: LoadedEvent, now = new Date()): EventStatus {
  const status = effectiveEventStatus(event, now);
  if (status === "cancelled") throw new EventRuleError("This event was cancelled, so it can't change any more. Duplicate it to plan it again.");
  if (status === "completed") throw new EventRuleError("This event has already happened, so it can't change any more. Duplicate it to plan another one.");
  return status;
}

type DetailSource = Pick<EventInput, "title" | "outingType" | "description" | "rsvpDeadline" | "plusOnesAllowed" | "questions" | "cost">;

/** The non-material facts of an event (saved or submitted), in a form that compares by value. */
function detailsOf(source: DetailSource): EventDetails {
  return {
    title: source.title,
    outingType: source.outingType,
    description: source.description,
    rsvpDeadline: source.rsvpDeadline?.toISOString() ?? null,
    plusOnesAllowed: source.plusOnesAllowed,
    questions: source.questions.map(({ prompt, kind, options, required }) => ({ prompt, kind, options, required })),
    cost: source.cost,
  };
}


function quotasOfInput(input: EventInput, [initiatorId, partnerId]: [string, string]) {
  return [
    { organizationId: initiatorId, seats: input.initiatorSeats },
    { organizationId: partnerId, seats: input.partnerSeats },
  ];
}

function scalarFields(input: EventInput) {
  return {
    outingType: input.outingType,
    title: input.title,
    description: input.description,
    venueName: input.venueName,
    venueAddress: input.venueAddress,
    onlineUrl: input.onlineUrl,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    timeZone: input.timeZone,
    rsvpDeadline: input.rsvpDeadline,
    capacity: input.capacity,
    plusOnesAllowed: input.plusOnesAllowed,
    costEstimateMinor: input.cost?.estimateMinor ?? null,
    costCurrency: input.cost?.currency ?? null,
    initiatorCostPercent: input.cost?.initiatorPercent ?? null,
    reminderDaysBefore: input.reminderDaysBefore,
    nudgeDaysBefore: input.nudgeDaysBefore,
  };
}

const questionData = (question: EventInput["questions"][number], position: number) => ({
  position,
  prompt: question.prompt,
  kind: question.kind,
  options: question.options,
  required: question.required,
});

const shiftData = (shift: EventInput["shifts"][number]) => ({
  role: shift.role,
  startsAt: shift.startsAt,
  endsAt: shift.endsAt,
  capacity: shift.capacity,
  notes: shift.notes,
  waiverText: shift.waiverText,
});

async function actorName(tx: Tx, scope: TenantScope): Promise<string> {
  const user = await tx.user.findUniqueOrThrow({ where: { id: scope.userId }, select: { name: true } });
  return user.name ?? `A manager at ${scope.organizationName}`;
}

/** The people who plan events for a company (managers and up), minus whoever caused the email. */
async function plannersOf(tx: Tx, organizationId: string, exceptUserId: string) {
  const memberships = await tx.membership.findMany({
    where: { organizationId, role: { in: PLANNING_ROLES }, userId: { not: exceptUserId } },
    select: { user: { select: { email: true } } },
  });
  return memberships.map((membership) => membership.user.email);
}

function eventUrl(organizationSlug: string, eventId: string) {
  return new URL(`/o/${organizationSlug}/events/${eventId}`, env().APP_URL).toString();
}

function venueLine(event: { venueName: string; venueAddress: string; onlineUrl: string | null }) {
  return [event.venueName, event.venueAddress, event.onlineUrl].filter(Boolean).join(", ");
}

type ReviewedEvent = { id: string; title: string; startsAt: Date; endsAt: Date; timeZone: string; venueName: string; venueAddress: string; onlineUrl: string | null };

/** Asks the other company's planners to review a first proposal (no changes) or a changed plan. */
async function askPartnerToReview(tx: Tx, scope: TenantScope, access: PartnershipAccess, event: ReviewedEvent, changes: FieldChange[] | null) {
  if (!access.otherOrganization) return;
  const name = await actorName(tx, scope);
  for (const to of await plannersOf(tx, access.otherOrganization.id, scope.userId)) {
    await queueEmail(tx, {
      kind: "event-proposed",
      to,
      subject: eventProposedSubject(scope.organizationName, event.title, changes !== null),
      react: EventProposedEmail({
        eventTitle: event.title,
        proposerCompany: scope.organizationName,
        recipientCompany: access.otherOrganization.name,
        actorName: name,
        when: formatEventRange(event.startsAt, event.endsAt, event.timeZone),
        venue: venueLine(event),
        eventUrl: eventUrl(access.otherOrganization.slug, event.id),
        changes,
      }),
    });
  }
}

export async function createEvent(scope: TenantScope, partnershipId: string, input: EventInput): Promise<{ id: string }> {
  assertCan(scope, "events:plan");
  const access = await requirePartnership(scope, partnershipId);
  assertPartnershipActive(access);
  const organizationIds = partnershipOrganizationIds(access);
  return db.$transaction(async (tx) => {
    const event = await tx.event.create({
      data: {
        partnershipId: access.partnershipId,
        createdByOrgId: scope.organizationId,
        kind: input.kind,
        ...scalarFields(input),
        quotas: { create: quotasOfInput(input, organizationIds) },
        questions: { create: input.questions.map(questionData) },
        shifts: { create: input.shifts.map(shiftData) },
      },
      select: { id: true },
    });
    await recordActivity(tx, scope, {
      partnershipId: access.partnershipId,
      eventId: event.id,
      kind: "event.created",
      summary: `Drafted the ${eventKindLabels[input.kind].toLowerCase()} “${input.title}”.`,
    });
    return event;
  });
}

export type UpdateOutcome = { changed: boolean; needsApprovalAgain: boolean; status: EventStatus; version: number };

/**
 * Saves an edit from either company's planners. Changing a material fact (when, where, seats,
 * shifts) of a proposed or confirmed event starts a new version that both companies approve again;
 * other edits keep the version and status.
 */
export async function updateEvent(
  scope: TenantScope,
  eventId: string,
  edit: EventInput | ((current: LoadedEvent) => EventInput),
): Promise<UpdateOutcome> {
  assertCan(scope, "events:plan");
  const access = await requireEvent(scope, eventId);
  assertPartnershipActive(access);
  const organizationIds = partnershipOrganizationIds(access);
  const context = { organizations: organizationsOf(access, scope) };
  return db.$transaction(async (tx) => {
    await lockSeatCounters(tx, eventId);
    await lockEvent(tx, eventId);
    const event = await loadEvent(tx, eventId);
    // An edit derived from the event (a new date that moves the shifts with it) is computed from
    // the locked row, so it cannot overwrite a change saved a moment earlier.
    const input = typeof edit === "function" ? edit(event) : edit;
    const status = assertChangeable(event);
    if (input.kind !== event.kind) throw new EventRuleError("The kind of event can't change. Duplicate it as a new draft instead.");

    const after = materialSnapshot({ ...input, quotas: quotasOfInput(input, organizationIds) });
    const material = materialChanges(materialSnapshot(event), after, context);
    const details = [
      ...detailChanges(detailsOf({ ...event, cost: costOf(event) }), detailsOf(input), { before: event.timeZone, after: input.timeZone }, context),
      ...noticeSettingChanges(event, input),
    ];
    if (material.length === 0 && details.length === 0) return { changed: false, needsApprovalAgain: false, status, version: event.version };

    const needsApprovalAgain = material.length > 0 && (status === "proposed" || status === "confirmed");
    const version = needsApprovalAgain ? event.version + 1 : event.version;
    const newStatus: EventStatus = needsApprovalAgain ? "proposed" : event.status;
    await assertSeatsStillFit(tx, eventId, capacityPlan(input, organizationIds, context.organizations));
    await tx.event.update({ where: { id: eventId }, data: { ...scalarFields(input), version, status: newStatus } });
    for (const quota of quotasOfInput(input, organizationIds)) {
      await tx.eventQuota.upsert({
        where: { eventId_organizationId: { eventId, organizationId: quota.organizationId } },
        create: { eventId, ...quota },
        update: { seats: quota.seats },
      });
    }
    await syncQuestions(tx, event, input.questions);
    await syncShifts(tx, event, input.shifts);
    await promoteAfterCapacityChange(tx, eventId, organizationIds);

    const changed = [...material, ...details];
    const changes: EventChangeRecord = { version, material: material.length > 0, fields: changed };
    await recordActivity(tx, scope, {
      partnershipId: access.partnershipId,
      eventId,
      kind: "event.updated",
      summary: `Changed ${listLabels(changed)} of “${input.title}”.${needsApprovalAgain ? ` It is now version ${version} and needs both companies' approval again.` : ""}`,
      changes,
    });
    if (needsApprovalAgain) await askPartnerToReview(tx, scope, access, { id: eventId, ...input }, material);
    return { changed: true, needsApprovalAgain, status: newStatus, version };
  });
}

const changeNouns: Record<string, string> = {
  when: "date and time",
  venueName: "venue",
  venueAddress: "address",
  onlineUrl: "online link",
  capacity: "total seats",
  shift: "shifts",
  title: "title",
  outingType: "kind of outing",
  description: "description",
  rsvpDeadline: "RSVP deadline",
  plusOnesAllowed: "plus-ones",
  questions: "questions",
  cost: "cost",
  reminders: "reminders",
  nudge: "nudge",
};

/** "the date and time, seats per company and shifts". */
function listLabels(changes: FieldChange[]): string {
  const nouns = [...new Set(changes.map((change) => (change.field.startsWith("quota:") ? "seats per company" : (changeNouns[change.field] ?? change.label.toLowerCase()))))];
  if (nouns.length <= 1) return `the ${nouns[0] ?? "details"}`;
  return `the ${nouns.slice(0, -1).join(", ")} and ${nouns.at(-1)}`;
}

/** Rows keep their ids across edits, so later answers and sign-ups stay attached to them. */
async function syncQuestions(tx: Tx, event: LoadedEvent, questions: EventInput["questions"]) {
  const existing = new Set(event.questions.map((question) => question.id));
  const kept = new Set<string>();
  for (const [position, question] of questions.entries()) {
    if (question.id && existing.has(question.id) && !kept.has(question.id)) {
      kept.add(question.id);
      await tx.eventQuestion.update({ where: { id: question.id }, data: questionData(question, position) });
    } else {
      await tx.eventQuestion.create({ data: { eventId: event.id, ...questionData(question, position) } });
    }
  }
  await tx.eventQuestion.deleteMany({ where: { id: { in: [...existing].filter((id) => !kept.has(id)) } } });
}

async function syncShifts(tx: Tx, event: LoadedEvent, shifts: EventInput["shifts"]) {
  const existing = new Set(event.shifts.map((shift) => shift.id));
  const kept = new Set<string>();
  for (const shift of shifts) {
    if (shift.id && existing.has(shift.id) && !kept.has(shift.id)) {
      kept.add(shift.id);
      await tx.eventShift.update({ where: { id: shift.id }, data: shiftData(shift) });
    } else {
      await tx.eventShift.create({ data: { eventId: event.id, ...shiftData(shift) } });
    }
  }
  await tx.eventShift.deleteMany({ where: { id: { in: [...existing].filter((id) => !kept.has(id)) } } });
}

/** Draft → proposed: the other company's planners are asked to review it. */
export async function proposeEvent(scope: TenantScope, eventId: string): Promise<void> {
  assertCan(scope, "events:plan");
  const access = await requireEvent(scope, eventId);
  assertPartnershipActive(access);
  await db.$transaction(async (tx) => {
    await lockEvent(tx, eventId);
    const event = await loadEvent(tx, eventId);
    const status = assertChangeable(event);
    if (status !== "draft") throw new EventRuleError("This event has already been proposed. Both companies can approve it now.");
    if (event.startsAt.getTime() <= Date.now()) throw new EventRuleError("This event's start has passed. Edit its date before proposing it.");
    await tx.event.update({ where: { id: eventId }, data: { status: "proposed" } });
    await recordActivity(tx, scope, {
      partnershipId: access.partnershipId,
      eventId,
      kind: "event.proposed",
      summary: `Proposed “${event.title}” to ${access.otherOrganization?.name ?? "the partner"} for approval.`,
    });
    await askPartnerToReview(tx, scope, access, event, null);
  });
}

export type ApprovalOutcome = { alreadyApproved: boolean; confirmed: boolean; version: number };

/**
 * Approves `version` of the event for the planner's own company only. The version is the one the
 * planner reviewed: if the event has moved on since, nothing is approved and they review again.
 * When both companies have approved the current version, the event is confirmed.
 */
export async function approveEvent(scope: TenantScope, eventId: string, version: number): Promise<ApprovalOutcome> {
  assertCan(scope, "events:plan");
  const access = await requireEvent(scope, eventId);
  assertPartnershipActive(access);
  const organizationIds = partnershipOrganizationIds(access);
  return db.$transaction(async (tx) => {
    await lockEvent(tx, eventId);
    const event = await loadEvent(tx, eventId);
    const status = assertChangeable(event);
    if (version !== event.version) {
      throw new EventRuleError(`The plan changed while you were reviewing it: it is now version ${event.version}. Look over the changes and approve again.`);
    }
    const own = { eventId_organizationId_version: { eventId, organizationId: scope.organizationId, version } };
    if (await tx.eventApproval.findUnique({ where: own, select: { version: true } })) {
      return { alreadyApproved: true, confirmed: status === "confirmed", version };
    }
    if (status === "draft") throw new EventRuleError("Propose the event first; then both companies can approve it.");

    await tx.eventApproval.create({
      data: { eventId, organizationId: scope.organizationId, version, approvedById: scope.userId, snapshot: materialSnapshot(event) },
    });
    await recordActivity(tx, scope, {
      partnershipId: access.partnershipId,
      eventId,
      kind: "event.approved",
      summary: `Approved version ${version} of “${event.title}” for ${scope.organizationName}.`,
      changes: { version },
    });
    const approvals = await tx.eventApproval.count({ where: { eventId, version, organizationId: { in: organizationIds } } });
    const confirmed = approvals === organizationIds.length;
    const name = await actorName(tx, scope);
    const when = formatEventRange(event.startsAt, event.endsAt, event.timeZone);
    if (confirmed) {
      await tx.event.update({ where: { id: eventId }, data: { status: "confirmed" } });
      await queueChangeNotices(tx, eventId, version);
      await recordActivity(tx, scope, {
        partnershipId: access.partnershipId,
        eventId,
        kind: "event.confirmed",
        summary: `“${event.title}” is confirmed: both companies approved version ${version}.`,
        changes: { version },
      });
      const companies = organizationsOf(access, scope).map((organization) => organization.name) as [string, string];
      const sides = [
        { id: scope.organizationId, name: scope.organizationName, slug: scope.organizationSlug },
        ...(access.otherOrganization ? [access.otherOrganization] : []),
      ];
      for (const side of sides) {
        for (const to of await plannersOf(tx, side.id, scope.userId)) {
          await queueEmail(tx, {
            kind: "event-confirmed",
            to,
            subject: eventConfirmedSubject(event.title),
            react: EventConfirmedEmail({
              eventTitle: event.title,
              recipientCompany: side.name,
              companies,
              when,
              venue: venueLine(event),
              eventUrl: eventUrl(side.slug, eventId),
            }),
          });
        }
      }
    } else if (access.otherOrganization) {
      for (const to of await plannersOf(tx, access.otherOrganization.id, scope.userId)) {
        await queueEmail(tx, {
          kind: "event-approved",
          to,
          subject: eventApprovedSubject(scope.organizationName, event.title),
          react: EventApprovedEmail({
            eventTitle: event.title,
            approverCompany: scope.organizationName,
            recipientCompany: access.otherOrganization.name,
            actorName: name,
            when,
            eventUrl: eventUrl(access.otherOrganization.slug, eventId),
          }),
        });
      }
    }
    return { alreadyApproved: false, confirmed, version };
  });
}

/** Either company may call an event off, with a reason both sides see. An ended partnership's events can still be cancelled. */
export async function cancelEvent(scope: TenantScope, eventId: string, reason: string): Promise<void> {
  assertCan(scope, "events:plan");
  const access = await requireEvent(scope, eventId);
  await db.$transaction(async (tx) => {
    await lockEvent(tx, eventId);
    const event = await loadEvent(tx, eventId);
    assertChangeable(event);
    await tx.event.update({ where: { id: eventId }, data: { status: "cancelled", cancelReason: reason } });
    await recordActivity(tx, scope, {
      partnershipId: access.partnershipId,
      eventId,
      kind: "event.cancelled",
      summary: `Cancelled “${event.title}”. Reason: ${reason}`,
      changes: { reason, statusBefore: event.status },
    });
    await queueCancellationNotices(tx, eventId);
    if (!access.otherOrganization) return;
    const name = await actorName(tx, scope);
    for (const to of await plannersOf(tx, access.otherOrganization.id, scope.userId)) {
      await queueEmail(tx, {
        kind: "event-cancelled",
        to,
        subject: eventCancelledSubject(scope.organizationName, event.title),
        react: EventCancelledEmail({
          eventTitle: event.title,
          cancellerCompany: scope.organizationName,
          recipientCompany: access.otherOrganization.name,
          actorName: name,
          when: formatEventRange(event.startsAt, event.endsAt, event.timeZone),
          reason,
          eventUrl: eventUrl(access.otherOrganization.slug, eventId),
        }),
      });
    }
  });
}

/**
 * Copies an event as a new draft on another day: its details, seats, questions and shifts, at the
 * same local times of day, but not its approvals, tasks or comments.
 */
export async function duplicateEvent(scope: TenantScope, eventId: string, startDate: string, now = new Date()): Promise<{ id: string }> {
  assertCan(scope, "events:plan");
  const access = await requireEvent(scope, eventId);
  assertPartnershipActive(access);
  const organizationIds = partnershipOrganizationIds(access);
  const source = await loadEvent(db, eventId);
  const { timeZone } = source;
  const dayShift = daysBetweenLocalDates(localDatePart(utcToZonedLocal(source.startsAt, timeZone)), startDate);
  const moved = (instant: Date) => {
    const local = utcToZonedLocal(instant, timeZone);
    return zonedLocalToUtc(`${addDaysToLocalDate(localDatePart(local), dayShift)}T${localTimePart(local)}`, timeZone);
  };
  const startsAt = moved(source.startsAt);
  if (startsAt.getTime() <= now.getTime()) {
    throw new EventRuleError(`The copy would start on ${formatDayInZone(startsAt, timeZone)}, which has passed. Choose a day in the future.`);
  }
  return db.$transaction(async (tx) => {
    const copy = await tx.event.create({
      data: {
        partnershipId: access.partnershipId,
        createdByOrgId: scope.organizationId,
        kind: source.kind,
        outingType: source.outingType,
        title: source.title,
        description: source.description,
        venueName: source.venueName,
        venueAddress: source.venueAddress,
        onlineUrl: source.onlineUrl,
        startsAt,
        endsAt: moved(source.endsAt),
        timeZone,
        rsvpDeadline: source.rsvpDeadline ? moved(source.rsvpDeadline) : null,
        capacity: source.capacity,
        plusOnesAllowed: source.plusOnesAllowed,
        costEstimateMinor: source.costEstimateMinor,
        costCurrency: source.costCurrency,
        initiatorCostPercent: source.initiatorCostPercent,
        reminderDaysBefore: source.reminderDaysBefore,
        nudgeDaysBefore: source.nudgeDaysBefore,
        quotas: {
          create: organizationIds.map((organizationId) => ({
            organizationId,
            seats: source.quotas.find((quota) => quota.organizationId === organizationId)?.seats ?? 0,
          })),
        },
        questions: { create: source.questions.map(({ prompt, kind, options, required }, position) => ({ position, prompt, kind, options, required })) },
        shifts: {
          create: source.shifts.map((shift) => ({ ...shiftData(shift), startsAt: moved(shift.startsAt), endsAt: moved(shift.endsAt) })),
        },
      },
      select: { id: true },
    });
    await recordActivity(tx, scope, {
      partnershipId: access.partnershipId,
      eventId: copy.id,
      kind: "event.created",
      summary: `Drafted “${source.title}” for ${formatDayInZone(startsAt, timeZone)} as a copy of the event on ${formatDayInZone(source.startsAt, timeZone)}.`,
      changes: { duplicatedFrom: source.id },
    });
    return copy;
  });
}
