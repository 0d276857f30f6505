import { randomBytes } from "node:crypto";
import { createElement } from "react";
import { z } from "zod";
import EventInvitationEmail, { eventInvitationSubject, type EventInvitationEmailProps } from "#emails/event-invitation";
import { googleCalendarUrl, outlookCalendarUrl } from "~/calendar/links";
import { formatEventRange, formatInZone } from "~/events/time";
import { db } from "~/platform/db.server";
import { renderEmail } from "~/platform/email.server";
import { env } from "~/platform/env.server";
import { rsvpUrl, type RsvpTokenSubject } from "~/rsvp/tokens.server";

/**
 * The invitation email, rendered once per send and personalised per invitee by filling slots.
 *
 * Rendering react-email for each of 10,000 invitees would cost seconds of CPU per thousand; the
 * template is rendered once with a unique marker in each slot (the greeting, the answer links, the
 * calendar file link), and each invitee's email is the template with the markers replaced, HTML-
 * escaped in the HTML part. The stored template also freezes what every batch of the send says, so
 * a retried batch is byte-identical to the first attempt.
 */

const SLOTS = ["greeting", "yesUrl", "noUrl", "maybeUrl", "invitationUrl", "calendarFileUrl"] as const;
type Slot = (typeof SLOTS)[number];
export type SlotValues = Record<Slot, string>;

const invitationMessageSchema = z.object({
  from: z.string(),
  subject: z.string(),
  html: z.string(),
  text: z.string(),
  markers: z.object(Object.fromEntries(SLOTS.map((slot) => [slot, z.string()])) as Record<Slot, z.ZodString>),
  /** RSVP links expire relative to the event's end as it was when the send started. */
  eventEndsAt: z.iso.datetime(),
});

export type InvitationMessage = z.infer<typeof invitationMessageSchema>;

export function parseInvitationMessage(stored: unknown): InvitationMessage {
  return invitationMessageSchema.parse(stored);
}

const invitationEventSelect = {
  id: true,
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
  status: true,
  quotas: { select: { organizationId: true, seats: true, seatsTaken: true } },
  partnership: { select: { initiator: { select: { id: true, name: true } }, partner: { select: { id: true, name: true } } } },
} as const;

export type InvitationEvent = NonNullable<Awaited<ReturnType<typeof findInvitationEvent>>>;

export function findInvitationEvent(eventId: string) {
  return db.event.findUnique({ where: { id: eventId }, select: invitationEventSelect });
}

/** The inviting company first, then its partner. */
export function companiesFor(event: InvitationEvent, organizationId: string): [own: string, partner: string] {
  const { initiator, partner } = event.partnership;
  const partnerName = partner?.name ?? "its partner";
  return organizationId === initiator.id ? [initiator.name, partnerName] : [partnerName, initiator.name];
}

function seatsLeft(seats: number, taken: number) {
  const left = Math.max(0, seats - taken);
  return `${left} ${left === 1 ? "is" : "are"} left`;
}

function seatCount(seats: number) {
  return `${seats} ${seats === 1 ? "seat" : "seats"}`;
}

/**
 * The invitee's quota situation: their company's seats when it has a quota, else the event's.
 * When none are left, a yes joins the waitlist, and the email says so before they answer.
 */
export function seatsSituation(event: InvitationEvent, organizationId: string, company: string): string {
  const quota = event.quotas.find((candidate) => candidate.organizationId === organizationId);
  if (quota) {
    if (quota.seatsTaken >= quota.seats) return `${company}'s ${seatCount(quota.seats)} are all taken: answering Yes puts you on ${company}'s waitlist.`;
    return `${company} has ${seatCount(quota.seats)} for its people; ${seatsLeft(quota.seats, quota.seatsTaken)}.`;
  }
  if (event.seatsTaken >= event.capacity) return `All ${seatCount(event.capacity)} are taken: answering Yes puts you on the waitlist.`;
  return `The event has ${seatCount(event.capacity)}; ${seatsLeft(event.capacity, event.seatsTaken)}.`;
}

function whereOf(event: InvitationEvent): string {
  return [event.venueName, event.venueAddress, event.onlineUrl].filter(Boolean).join(", ") || "To be announced";
}

/** What the email says for this company's invitees, with `slots` in the invitee's own places. */
export function invitationEmailProps(event: InvitationEvent, organizationId: string, slots: SlotValues): EventInvitationEmailProps {
  const companies = companiesFor(event, organizationId);
  const where = whereOf(event);
  const calendarEvent = { title: event.title, description: event.description, location: where, startsAt: event.startsAt, endsAt: event.endsAt };
  return {
    greeting: slots.greeting,
    companies,
    eventTitle: event.title,
    description: event.description,
    when: formatEventRange(event.startsAt, event.endsAt, event.timeZone),
    where,
    deadline: event.rsvpDeadline ? formatInZone(event.rsvpDeadline, event.timeZone) : null,
    seats: seatsSituation(event, organizationId, companies[0]),
    answerUrls: { yes: slots.yesUrl, no: slots.noUrl, maybe: slots.maybeUrl },
    invitationUrl: slots.invitationUrl,
    calendar: { google: googleCalendarUrl(calendarEvent), outlook: outlookCalendarUrl(calendarEvent), ics: slots.calendarFileUrl },
  };
}

/** Renders the send's template: everything but the invitee's own details, which stay as markers. */
export async function buildInvitationMessage(event: InvitationEvent, organizationId: string): Promise<InvitationMessage> {
  const nonce = randomBytes(6).toString("hex");
  // Lowercase letters and digits only: React, the HTML-to-text conversion and URL attributes all
  // leave them untouched, and the nonce keeps them from matching anything a person typed.
  const markers = Object.fromEntries(SLOTS.map((slot, index) => [slot, `rapport${nonce}slot${index}x`])) as SlotValues;
  const { html, text } = await renderEmail(createElement(EventInvitationEmail, invitationEmailProps(event, organizationId, markers)));
  for (const slot of SLOTS) {
    if (!html.includes(markers[slot]) || !text.includes(markers[slot])) {
      throw new Error(`The invitation template lost its ${slot} slot while rendering; the invitation cannot be personalised.`);
    }
  }
  return {
    from: env().EMAIL_FROM,
    subject: eventInvitationSubject(event.title, companiesFor(event, organizationId)[1]),
    html,
    text,
    markers,
    eventEndsAt: event.endsAt.toISOString(),
  };
}

export type InvitationRecipient = RsvpTokenSubject & { name: string };

/** The links that answer for this invitee: each carries their signed RSVP token. */
export function recipientSlots(invitee: InvitationRecipient, eventEndsAt: Date): SlotValues {
  const invitationUrl = rsvpUrl(invitee, eventEndsAt);
  return {
    greeting: invitee.name.trim() ? `Hi ${invitee.name.trim()},` : "Hello,",
    yesUrl: rsvpUrl(invitee, eventEndsAt, "yes"),
    noUrl: rsvpUrl(invitee, eventEndsAt, "no"),
    maybeUrl: rsvpUrl(invitee, eventEndsAt, "maybe"),
    invitationUrl,
    calendarFileUrl: `${invitationUrl}/calendar.ics`,
  };
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]!);
}

type CompiledPart = string | { slot: Slot };

function compile(template: string, markers: SlotValues): CompiledPart[] {
  const slotByMarker = new Map(SLOTS.map((slot) => [markers[slot], slot]));
  const pattern = new RegExp(`(${SLOTS.map((slot) => markers[slot]).join("|")})`);
  return template.split(pattern).map((part, index) => (index % 2 === 1 ? { slot: slotByMarker.get(part)! } : part));
}

function fill(parts: CompiledPart[], values: SlotValues, encode: (value: string) => string): string {
  let result = "";
  for (const part of parts) result += typeof part === "string" ? part : encode(values[part.slot]);
  return result;
}

export type PersonalisedInvitation = { from: string; subject: string; html: string; text: string };

/** Splits the template at its markers once, so each invitee costs a string join. */
export function invitationPersonaliser(message: InvitationMessage): (values: SlotValues) => PersonalisedInvitation {
  const html = compile(message.html, message.markers);
  const text = compile(message.text, message.markers);
  return (values) => ({
    from: message.from,
    subject: message.subject,
    html: fill(html, values, escapeHtml),
    text: fill(text, values, (value) => value),
  });
}
