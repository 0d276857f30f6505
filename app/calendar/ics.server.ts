import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import type { RsvpStatus } from "~/generated/prisma/enums";
import type { EmailAttachment } from "~/platform/email.server";

/**
 * iCalendar invitations (RFC 5546). One UID per event and invitee, so every update lands on the
 * entry already in the invitee's calendar; SEQUENCE is the event's version, which rises on every
 * material change, and one more on cancellation, so calendars apply the newest message and ignore
 * stale ones.
 */

export type CalendarEventDetails = {
  id: string;
  title: string;
  description: string;
  location: string;
  startsAt: Date;
  endsAt: Date;
  version: number;
  cancelled: boolean;
  /** Shown in the entry so the invitee can get back to their RSVP page. */
  url?: string;
};

export type CalendarInvitee = { invitationId: string; email: string; name: string; status: RsvpStatus };

export type CalendarMethod = "REQUEST" | "CANCEL";

const participation: Record<RsvpStatus, ICalAttendeeStatus> = {
  no_answer: ICalAttendeeStatus.NEEDSACTION,
  attending: ICalAttendeeStatus.ACCEPTED,
  waitlisted: ICalAttendeeStatus.TENTATIVE,
  maybe: ICalAttendeeStatus.TENTATIVE,
  declined: ICalAttendeeStatus.DECLINED,
};

export function calendarUid(eventId: string, invitationId: string): string {
  return `${eventId}.${invitationId}@rapport`;
}

export function calendarSequence(event: Pick<CalendarEventDetails, "version" | "cancelled">): number {
  return event.cancelled ? event.version + 1 : event.version;
}

export function calendarMethodFor(event: Pick<CalendarEventDetails, "cancelled">): CalendarMethod {
  return event.cancelled ? "CANCEL" : "REQUEST";
}

/** The .ics text for one invitee. `organizer` is the address invitations come from. */
export function invitationCalendar(event: CalendarEventDetails, invitee: CalendarInvitee, organizer: { name: string; email: string }): string {
  const method = calendarMethodFor(event);
  const calendar = ical({
    prodId: { company: "Rapport", product: "Rapport", language: "EN" },
    method: method === "CANCEL" ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  calendar.createEvent({
    id: calendarUid(event.id, invitee.invitationId),
    sequence: calendarSequence(event),
    start: event.startsAt,
    end: event.endsAt,
    stamp: new Date(),
    summary: event.title,
    description: event.description || null,
    location: event.location || null,
    url: event.url ?? null,
    status: event.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer,
    attendees: [
      {
        email: invitee.email,
        name: invitee.name || null,
        role: ICalAttendeeRole.REQ,
        // Answers are given on the RSVP page, not by calendar replies to a no-reply address.
        rsvp: false,
        status: event.cancelled ? ICalAttendeeStatus.DECLINED : participation[invitee.status],
      },
    ],
  });
  return calendar.toString();
}

/** The calendar part of an email, with the MIME method calendar clients look for. */
export function calendarAttachment(ics: string, method: CalendarMethod): EmailAttachment {
  return {
    filename: method === "CANCEL" ? "cancel.ics" : "invite.ics",
    contentType: `text/calendar; charset=utf-8; method=${method}`,
    content: Buffer.from(ics, "utf8").toString("base64"),
  };
}

/** "Rapport <hello@example.com>" → { name, email }. */
export function organizerFrom(address: string): { name: string; email: string } {
  const match = /^(.*)<([^>]+)>$/.exec(address.trim());
  if (!match) return { name: "Rapport", email: address.trim() };
  return { name: match[1]!.trim() || "Rapport", email: match[2]!.trim() };
}
