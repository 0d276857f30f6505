import type { Prisma } from "~/generated/prisma/client";
import type { CalendarEventDetails } from "~/calendar/ics.server";
import { effectiveEventStatus } from "~/events/status";
import { formatEventRange, formatInZone } from "~/events/time";
import { db } from "~/platform/db.server";

/** What the RSVP page, its emails and its calendar parts need to know about the event. */
export const rsvpEventSelect = {
  id: true,
  kind: true,
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
  seatsTaken: true,
  plusOnesAllowed: true,
  status: true,
  version: true,
  partnership: { select: { initiator: { select: { id: true, name: true } }, partner: { select: { id: true, name: true } } } },
  questions: { orderBy: { position: "asc" }, select: { id: true, prompt: true, kind: true, options: true, required: true } },
  shifts: {
    orderBy: [{ startsAt: "asc" }, { role: "asc" }],
    select: { id: true, role: true, startsAt: true, endsAt: true, capacity: true, seatsTaken: true, notes: true, waiverText: true },
  },
} satisfies Prisma.EventSelect;

export type RsvpEvent = Prisma.EventGetPayload<{ select: typeof rsvpEventSelect }>;

/** What recording an answer needs: whether answers are open, and what the form asks. */
export const answerEventSelect = {
  id: true,
  status: true,
  startsAt: true,
  endsAt: true,
  rsvpDeadline: true,
  plusOnesAllowed: true,
  questions: { orderBy: { position: "asc" }, select: { id: true, prompt: true, kind: true, options: true, required: true } },
  shifts: { select: { id: true, waiverText: true } },
} satisfies Prisma.EventSelect;

export type AnswerEvent = Prisma.EventGetPayload<{ select: typeof answerEventSelect }>;

/**
 * `answerEventSelect` in one statement. Every answer reads it, so on a burst of answers the
 * three queries and the query planning Prisma spends on the nested select add up.
 */
export async function loadAnswerEvent(eventId: string): Promise<AnswerEvent | null> {
  const [event] = await db.$queryRaw<AnswerEvent[]>`
    SELECT e.id, e.status::text AS status, e.starts_at AS "startsAt", e.ends_at AS "endsAt", e.rsvp_deadline AS "rsvpDeadline",
      e.plus_ones_allowed AS "plusOnesAllowed",
      COALESCE((SELECT json_agg(json_build_object('id', q.id, 'prompt', q.prompt, 'kind', q.kind, 'options', q.options, 'required', q.required) ORDER BY q.position)
        FROM event_questions q WHERE q.event_id = e.id), '[]') AS questions,
      COALESCE((SELECT json_agg(json_build_object('id', s.id, 'waiverText', s.waiver_text)) FROM event_shifts s WHERE s.event_id = e.id), '[]') AS shifts
    FROM events e WHERE e.id = ${eventId}`;
  return event ?? null;
}
export type RsvpQuestion = RsvpEvent["questions"][number];
export type RsvpShift = RsvpEvent["shifts"][number];

export function companiesOf(event: RsvpEvent): [string, string] {
  return [event.partnership.initiator.name, event.partnership.partner?.name ?? "their partner"];
}

export function companyName(event: RsvpEvent, organizationId: string): string {
  return organizationId === event.partnership.initiator.id ? event.partnership.initiator.name : (event.partnership.partner?.name ?? "your company");
}

export function whenOf(event: RsvpEvent): string {
  return formatEventRange(event.startsAt, event.endsAt, event.timeZone);
}

export function whereOf(event: Pick<RsvpEvent, "venueName" | "venueAddress" | "onlineUrl">): string {
  return [event.venueName, event.venueAddress, event.onlineUrl].filter(Boolean).join(", ") || "To be announced";
}

/** Answers can change until the RSVP deadline, or until the event starts when it has none. */
export function answerDeadline(event: Pick<RsvpEvent, "rsvpDeadline" | "startsAt">): Date {
  return event.rsvpDeadline ?? event.startsAt;
}

export function formatDeadline(event: Pick<RsvpEvent, "rsvpDeadline" | "startsAt" | "timeZone">): string {
  return formatInZone(answerDeadline(event), event.timeZone);
}

export type RsvpClosedReason = "cancelled" | "completed" | "deadline_passed" | "not_confirmed";

/** Why answers can no longer change, or null while they can. */
export function rsvpClosedReason(event: Pick<RsvpEvent, "status" | "endsAt" | "rsvpDeadline" | "startsAt">, now = new Date()): RsvpClosedReason | null {
  const status = effectiveEventStatus(event, now);
  if (status === "cancelled") return "cancelled";
  if (status === "completed") return "completed";
  // A confirmed event whose changes wait for approval again is "proposed" and stays open: the
  // invitations are out and people keep answering; a draft never had any.
  if (status === "draft") return "not_confirmed";
  if (answerDeadline(event).getTime() <= now.getTime()) return "deadline_passed";
  return null;
}

export function calendarDetailsOf(event: RsvpEvent, rsvpUrl: string): CalendarEventDetails {
  return {
    id: event.id,
    title: event.title,
    description: event.description,
    location: whereOf(event) === "To be announced" ? "" : whereOf(event),
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    version: event.version,
    cancelled: event.status === "cancelled",
    url: rsvpUrl,
  };
}
