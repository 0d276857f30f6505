import { EventRuleError } from "~/events/rules";
import type { EventInput } from "~/events/schemas";
import type { Tx } from "~/platform/db.server";
import { promoteWaitlisted } from "./seats.server";

/**
 * Capacity edits meet the seats already taken. Lowering a total, a quota or a shift below what
 * attendees hold is refused with a message per field (instead of the CHECK constraint's error);
 * raising one gives the new seats to the waitlists straight away. An edit locks the seat
 * counters (`lockSeatCounters`) before the event row, in the order answers take them.
 */
export { lockSeatCounters } from "./seats.server";

export type PlannedCapacity = {
  capacity: number;
  /** Seats per company, by organization id. */
  quotas: { organizationId: string; name: string; seats: number; field: string }[];
  /** Shifts that stay, by id; shifts not listed are removed. */
  shifts: { id?: string; role: string; capacity: number }[];
};

const people = (count: number) => `${count} ${count === 1 ? "person" : "people"}`;

/** Throws an EventRuleError with field errors when the plan leaves fewer seats than are taken. */
export async function assertSeatsStillFit(tx: Tx, eventId: string, plan: PlannedCapacity): Promise<void> {
  const event = await tx.event.findUniqueOrThrow({
    where: { id: eventId },
    select: { seatsTaken: true, quotas: { select: { organizationId: true, seatsTaken: true } }, shifts: { select: { id: true, role: true, seatsTaken: true } } },
  });
  const fieldErrors: Record<string, string[]> = {};
  const formErrors: string[] = [];
  if (plan.capacity < event.seatsTaken) {
    fieldErrors.capacity = [`${people(event.seatsTaken)} already going; the total can't go below ${event.seatsTaken}.`];
  }
  for (const quota of plan.quotas) {
    const taken = event.quotas.find((saved) => saved.organizationId === quota.organizationId)?.seatsTaken ?? 0;
    if (quota.seats < taken) fieldErrors[quota.field] = [`${quota.name} already has ${people(taken)} going; its seats can't go below ${taken}.`];
  }
  for (const shift of event.shifts) {
    if (shift.seatsTaken === 0) continue;
    const planned = plan.shifts.find((candidate) => candidate.id === shift.id);
    if (!planned) formErrors.push(`${people(shift.seatsTaken)} signed up for “${shift.role}”, so it can't be removed. Keep it, or ask them to choose another shift first.`);
    else if (planned.capacity < shift.seatsTaken) formErrors.push(`${people(shift.seatsTaken)} signed up for “${planned.role}”; its places can't go below ${shift.seatsTaken}.`);
  }
  if (formErrors.length === 0 && Object.keys(fieldErrors).length === 0) return;
  throw new EventRuleError(["Some places are already taken, so nothing was saved.", ...formErrors].join(" "), fieldErrors);
}

/** After an edit: seats that appeared go to each company's waitlist, earliest first. */
export async function promoteAfterCapacityChange(tx: Tx, eventId: string, organizationIds: readonly string[]): Promise<void> {
  for (const organizationId of organizationIds) await promoteWaitlisted(tx, eventId, organizationId);
}

/** The seats an event form asks for, with the form fields they came from. */
export function capacityPlan(
  input: Pick<EventInput, "capacity" | "initiatorSeats" | "partnerSeats" | "shifts">,
  [initiatorId, partnerId]: readonly [string, string],
  organizations: readonly { id: string; name: string }[],
): PlannedCapacity {
  const nameOf = (id: string) => organizations.find((organization) => organization.id === id)?.name ?? "That company";
  return {
    capacity: input.capacity,
    quotas: [
      { organizationId: initiatorId, name: nameOf(initiatorId), seats: input.initiatorSeats, field: "quotas.initiator" },
      { organizationId: partnerId, name: nameOf(partnerId), seats: input.partnerSeats, field: "quotas.partner" },
    ],
    shifts: input.shifts.map((shift) => ({ id: shift.id, role: shift.role, capacity: shift.capacity })),
  };
}
