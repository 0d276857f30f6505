import { calendarMethodFor, invitationCalendar, organizerFrom, type CalendarMethod } from "~/calendar/ics.server";
import { env } from "~/platform/env.server";
import { calendarDetailsOf } from "./event.server";
import { openRsvpLink, type RsvpLinkRefusal } from "./rsvp.server";
import { rsvpUrl } from "./tokens.server";

export type CalendarFile = { ok: true; ics: string; method: CalendarMethod; filename: string } | { ok: false; refusal: RsvpLinkRefusal };

/** The .ics an invitee downloads from their RSVP page: CANCEL once the event is cancelled. */
export async function invitationCalendarFile(eventId: string, token: string): Promise<CalendarFile> {
  const link = await openRsvpLink(eventId, token);
  if (!link.ok) return link;
  const { event, invitation } = link;
  const details = calendarDetailsOf(event, rsvpUrl(invitation, event.endsAt));
  const ics = invitationCalendar(
    details,
    { invitationId: invitation.id, email: invitation.email, name: invitation.name, status: invitation.status },
    organizerFrom(env().EMAIL_FROM),
  );
  const method = calendarMethodFor(details);
  return { ok: true, ics, method, filename: method === "CANCEL" ? "cancel.ics" : "invite.ics" };
}
