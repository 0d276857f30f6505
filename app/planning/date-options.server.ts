import { formatEventRange, localTimeExists, zonedLocalToUtc } from "~/events/time";
import { recordActivity } from "~/partnerships/activity.server";
import { db } from "~/platform/db.server";
import { assertCan, type TenantScope } from "~/platform/tenancy.server";
import { assertDateOpen, loadPlanningEvent, type PlanningEvent } from "./event.server";
import { otherSideName } from "~/partnerships/people.server";
import { rescheduleEvent } from "./reschedule.server";
import { PlanningRuleError } from "./rules";

export const MAX_DATE_OPTIONS = 10;

export type DateOptionInput = { startsAt: string; endsAt: string };

export async function listDateOptions(event: PlanningEvent, viewerId: string) {
  const options = await db.eventDateOption.findMany({
    where: { eventId: event.id },
    orderBy: [{ startsAt: "asc" }, { endsAt: "asc" }],
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      votes: { orderBy: { createdAt: "asc" }, select: { userId: true, organizationId: true, user: { select: { name: true } } } },
    },
  });
  return options.map((option) => ({
    id: option.id,
    label: formatEventRange(option.startsAt, option.endsAt, event.timeZone),
    isCurrent: option.startsAt.getTime() === event.startsAt.getTime() && option.endsAt.getTime() === event.endsAt.getTime(),
    votedByYou: option.votes.some((vote) => vote.userId === viewerId),
    voteCount: option.votes.length,
    votesByCompany: event.companies.map((company) => ({
      companyId: company.id,
      companyName: company.name,
      voters: option.votes.filter((vote) => vote.organizationId === company.id).map((vote) => otherSideName(vote.user.name, company.name)),
    })),
  }));
}

function toInstant(local: string, timeZone: string, which: "start" | "end"): Date {
  if (!localTimeExists(local, timeZone)) {
    throw new PlanningRuleError(
      `That ${which} time doesn't exist in ${timeZone}: the clocks skip it when they change. Pick a time an hour later or earlier.`,
    );
  }
  return zonedLocalToUtc(local, timeZone);
}

/** Suggests a date while the date is still open for discussion: a draft or proposed event. */
export async function addDateOption(scope: TenantScope, eventId: string, input: DateOptionInput) {
  assertCan(scope, "events:plan");
  const event = await loadPlanningEvent(scope, eventId);
  assertDateOpen(event);
  if (event.status !== "draft" && event.status !== "proposed") {
    throw new PlanningRuleError("Both companies have already agreed on this event's date. To move it, edit the event instead.", 409);
  }
  const startsAt = toInstant(input.startsAt, event.timeZone, "start");
  const endsAt = toInstant(input.endsAt, event.timeZone, "end");
  if (endsAt <= startsAt) throw new PlanningRuleError("The end must be after the start.");
  if (startsAt <= new Date()) throw new PlanningRuleError("That start is in the past. Suggest a date that's still to come.");
  const existing = await db.eventDateOption.findMany({ where: { eventId: event.id }, select: { startsAt: true, endsAt: true } });
  if (existing.length >= MAX_DATE_OPTIONS) {
    throw new PlanningRuleError(`An event can have up to ${MAX_DATE_OPTIONS} date options. Remove one nobody voted for first.`);
  }
  if (existing.some((option) => option.startsAt.getTime() === startsAt.getTime() && option.endsAt.getTime() === endsAt.getTime())) {
    throw new PlanningRuleError("That date is already an option. Vote for it instead.");
  }
  const label = formatEventRange(startsAt, endsAt, event.timeZone);
  return db.$transaction(async (tx) => {
    const option = await tx.eventDateOption.create({ data: { eventId: event.id, startsAt, endsAt }, select: { id: true } });
    await recordActivity(tx, scope, {
      partnershipId: event.partnershipId,
      eventId: event.id,
      kind: "date-option.added",
      summary: `Suggested ${label} as a date.`,
      changes: { optionId: option.id, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() },
    });
    return { id: option.id, label };
  });
}

async function findOption(event: PlanningEvent, optionId: string) {
  const option = await db.eventDateOption.findFirst({ where: { id: optionId, eventId: event.id }, select: { id: true, startsAt: true, endsAt: true } });
  if (!option) throw new PlanningRuleError("That date option was removed. Reload the page to see the current options.");
  return { ...option, label: formatEventRange(option.startsAt, option.endsAt, event.timeZone) };
}

/** A vote is a manager's "this date works for us"; voting again takes it back. */
export async function toggleDateVote(scope: TenantScope, eventId: string, optionId: string): Promise<{ voted: boolean; label: string }> {
  assertCan(scope, "events:plan");
  const event = await loadPlanningEvent(scope, eventId);
  assertDateOpen(event);
  const option = await findOption(event, optionId);
  const removed = await db.eventDateVote.deleteMany({ where: { optionId: option.id, userId: scope.userId } });
  if (removed.count > 0) return { voted: false, label: option.label };
  // A double click sends two toggles; the second finds the first's vote and takes it back, as a
  // second click would, instead of failing on the primary key.
  await db.eventDateVote.createMany({ data: [{ optionId: option.id, userId: scope.userId, organizationId: scope.organizationId }], skipDuplicates: true });
  return { voted: true, label: option.label };
}

export async function removeDateOption(scope: TenantScope, eventId: string, optionId: string) {
  assertCan(scope, "events:plan");
  const event = await loadPlanningEvent(scope, eventId);
  assertDateOpen(event);
  const option = await findOption(event, optionId);
  await db.$transaction(async (tx) => {
    await tx.eventDateOption.delete({ where: { id: option.id } });
    await recordActivity(tx, scope, {
      partnershipId: event.partnershipId,
      eventId: event.id,
      kind: "date-option.removed",
      summary: `Removed ${option.label} from the date options.`,
      changes: { optionId: option.id },
    });
  });
  return { label: option.label };
}

/** "Use this date": the event moves to the option's start and end. */
export async function applyDateOption(scope: TenantScope, eventId: string, optionId: string) {
  assertCan(scope, "events:plan");
  const event = await loadPlanningEvent(scope, eventId);
  assertDateOpen(event);
  const option = await findOption(event, optionId);
  if (option.startsAt.getTime() === event.startsAt.getTime() && option.endsAt.getTime() === event.endsAt.getTime()) {
    throw new PlanningRuleError(`The event is already set for ${option.label}.`);
  }
  if (option.startsAt <= new Date()) throw new PlanningRuleError(`${option.label} has passed. Suggest a date that's still to come.`);
  const outcome = await rescheduleEvent(scope, event, { startsAt: option.startsAt, endsAt: option.endsAt });
  return { ...outcome, label: option.label };
}
