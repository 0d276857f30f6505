import type { EventKind, EventStatus, QuestionKind } from "~/generated/prisma/enums";
import { requireEvent } from "~/events/access.server";
import { effectiveEventStatus } from "~/events/status";
import { formatEventRange, formatTimeInZone } from "~/events/time";
import { partnershipOrganizationIds } from "~/partnerships/access.server";
import { db } from "~/platform/db.server";
import type { TenantScope } from "~/platform/tenancy.server";
import { AttendanceRuleError } from "./rules";

export type AttendanceCompany = { id: string; name: string; isYou: boolean; quotaSeats: number; quotaSeatsTaken: number };
export type AttendanceQuestion = { id: string; prompt: string; kind: QuestionKind; options: string[] };
export type AttendanceShift = {
  id: string;
  role: string;
  /** With the day and the zone, for the responses view. */
  when: string;
  /** "09:00–12:00", for the door, where the day is today. */
  hours: string;
  capacity: number;
  seatsTaken: number;
};

/** An event as check-in and the responses view need it, seen from the scope's company. */
export type AttendanceEvent = {
  id: string;
  title: string;
  kind: EventKind;
  status: EventStatus;
  timeZone: string;
  capacity: number;
  seatsTaken: number;
  plusOnesAllowed: boolean;
  /** Initiator first. */
  companies: [AttendanceCompany, AttendanceCompany];
  own: AttendanceCompany;
  partner: AttendanceCompany;
  questions: AttendanceQuestion[];
  shifts: AttendanceShift[];
};

/** 404 unless the scope's company is one of the event's two. */
export async function loadAttendanceEvent(scope: TenantScope, eventId: string): Promise<AttendanceEvent> {
  const access = await requireEvent(scope, eventId);
  const organizationIds = partnershipOrganizationIds(access);
  const [event, organizations] = await Promise.all([
    db.event.findUniqueOrThrow({
      where: { id: access.eventId },
      select: {
        id: true,
        title: true,
        kind: true,
        status: true,
        endsAt: true,
        timeZone: true,
        capacity: true,
        seatsTaken: true,
        plusOnesAllowed: true,
        quotas: { select: { organizationId: true, seats: true, seatsTaken: true } },
        questions: { orderBy: { position: "asc" }, select: { id: true, prompt: true, kind: true, options: true } },
        shifts: {
          orderBy: [{ startsAt: "asc" }, { role: "asc" }],
          select: { id: true, role: true, startsAt: true, endsAt: true, capacity: true, seatsTaken: true },
        },
      },
    }),
    db.organization.findMany({ where: { id: { in: organizationIds } }, select: { id: true, name: true } }),
  ]);
  const [initiator, partner] = organizationIds.map((id): AttendanceCompany => {
    const quota = event.quotas.find((candidate) => candidate.organizationId === id);
    return {
      id,
      name: organizations.find((organization) => organization.id === id)!.name,
      isYou: id === scope.organizationId,
      quotaSeats: quota?.seats ?? 0,
      quotaSeatsTaken: quota?.seatsTaken ?? 0,
    };
  }) as [AttendanceCompany, AttendanceCompany];
  return {
    id: event.id,
    title: event.title,
    kind: event.kind,
    status: effectiveEventStatus(event),
    timeZone: event.timeZone,
    capacity: event.capacity,
    seatsTaken: event.seatsTaken,
    plusOnesAllowed: event.plusOnesAllowed,
    companies: [initiator, partner],
    own: initiator.isYou ? initiator : partner,
    partner: initiator.isYou ? partner : initiator,
    questions: event.questions,
    shifts: event.shifts.map((shift) => ({
      id: shift.id,
      role: shift.role,
      when: formatEventRange(shift.startsAt, shift.endsAt, event.timeZone),
      hours: `${formatTimeInZone(shift.startsAt, event.timeZone)}–${formatTimeInZone(shift.endsAt, event.timeZone)}`,
      capacity: shift.capacity,
      seatsTaken: shift.seatsTaken,
    })),
  };
}

/** Why nobody can be checked in (or out) right now, or null when the door is open. */
export function checkInClosedReason(status: EventStatus): string | null {
  if (status === "cancelled") return "This event was cancelled, so nobody can be checked in.";
  if (status === "draft" || status === "proposed") return "Check-in opens once both companies have confirmed the event.";
  return null;
}

export function assertCheckInOpen(status: EventStatus) {
  const reason = checkInClosedReason(status);
  if (reason) throw new AttendanceRuleError(reason, 409);
}
