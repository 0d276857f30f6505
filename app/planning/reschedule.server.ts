import { updateEvent, type LoadedEvent, type UpdateOutcome } from "~/events/events.server";
import { costOf } from "~/events/money";
import type { EventInput } from "~/events/schemas";
import type { TenantScope } from "~/platform/tenancy.server";
import type { PlanningEvent } from "./event.server";

export type EventSchedule = { startsAt: Date; endsAt: Date };

/**
 * The event as the events form would submit it unchanged, except that it starts and ends at the
 * new times. Shifts and the RSVP deadline move by the same amount, so they keep their place
 * relative to the event.
 */
export function rescheduledInput(event: LoadedEvent, [initiatorId, partnerId]: [string, string], schedule: EventSchedule): EventInput {
  const moveMs = schedule.startsAt.getTime() - event.startsAt.getTime();
  const moved = (date: Date) => new Date(date.getTime() + moveMs);
  const seatsOf = (organizationId: string) => event.quotas.find((quota) => quota.organizationId === organizationId)?.seats ?? 0;
  return {
    kind: event.kind,
    outingType: event.outingType,
    title: event.title,
    description: event.description,
    venueName: event.venueName,
    venueAddress: event.venueAddress,
    onlineUrl: event.onlineUrl,
    timeZone: event.timeZone,
    startsAt: schedule.startsAt,
    endsAt: schedule.endsAt,
    rsvpDeadline: event.rsvpDeadline ? moved(event.rsvpDeadline) : null,
    capacity: event.capacity,
    initiatorSeats: seatsOf(initiatorId),
    partnerSeats: seatsOf(partnerId),
    plusOnesAllowed: event.plusOnesAllowed,
    questions: event.questions.map(({ id, prompt, kind, options, required }) => ({ id, prompt, kind, options, required })),
    shifts: event.shifts.map((shift) => ({ ...shift, startsAt: moved(shift.startsAt), endsAt: moved(shift.endsAt) })),
    cost: costOf(event),
    reminderDaysBefore: event.reminderDaysBefore,
    nudgeDaysBefore: event.nudgeDaysBefore,
  };
}

/**
 * Moves the event through the events module's own edit, so a new date is treated like any other
 * date change: recorded in the history with a diff, a proposed or confirmed event needs both
 * companies' approval again, and the other company is told.
 */
export async function rescheduleEvent(scope: TenantScope, event: PlanningEvent, schedule: EventSchedule): Promise<UpdateOutcome> {
  return updateEvent(scope, event.id, (current) => rescheduledInput(current, [event.companies[0].id, event.companies[1].id], schedule));
}
