import { requireEvent } from "~/events/access.server";
import { db } from "~/platform/db.server";
import { env } from "~/platform/env.server";
import { assertCan, type TenantScope } from "~/platform/tenancy.server";
import { buildInvitationMessage, findInvitationEvent, invitationPersonaliser, type SlotValues } from "./invitation-email.server";

/** The select offers this many invitees; any other one can still be previewed by id. */
const PREVIEW_CHOICES = 100;

export type InvitationPreview = {
  choices: { value: string; label: string }[];
  inviteeId: string;
  inviteeLabel: string;
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
};

/**
 * Stand-ins for the answer links. A preview is for reading: real links would carry the invitee's
 * signed token, and anyone with the preview could answer in their name.
 */
function previewSlots(invitee: { name: string }, eventId: string): SlotValues {
  const invitationUrl = `${env().APP_URL}/rsvp/${eventId}/preview`;
  return {
    greeting: invitee.name.trim() ? `Hi ${invitee.name.trim()},` : "Hello,",
    yesUrl: `${invitationUrl}?answer=yes`,
    noUrl: `${invitationUrl}?answer=no`,
    maybeUrl: `${invitationUrl}?answer=maybe`,
    invitationUrl,
    calendarFileUrl: `${invitationUrl}/calendar.ics`,
  };
}

function inviteeLabel(invitee: { name: string; email: string }) {
  return invitee.name ? `${invitee.name} (${invitee.email})` : invitee.email;
}

/**
 * The invitation exactly as the scope's company's invitee would get it today (but for the answer
 * links), rendered by the same code as the real send. Reads only. Null when the list is empty.
 */
export async function previewInvitation(scope: TenantScope, eventId: string, inviteeId: string | null): Promise<InvitationPreview | null> {
  assertCan(scope, "events:plan");
  await requireEvent(scope, eventId);
  const own = { eventId, organizationId: scope.organizationId, revokedAt: null };
  const select = { id: true, name: true, email: true } as const;
  const invitees = await db.eventInvitation.findMany({ where: own, orderBy: [{ name: "asc" }, { email: "asc" }], take: PREVIEW_CHOICES, select });
  const first = invitees[0];
  if (!first) return null;
  const chosen = inviteeId ? (invitees.find((invitee) => invitee.id === inviteeId) ?? (await db.eventInvitation.findFirst({ where: { ...own, id: inviteeId }, select }))) : null;
  const invitee = chosen ?? first;
  const event = await findInvitationEvent(eventId);
  if (!event) return null;
  const message = await buildInvitationMessage(event, scope.organizationId);
  const email = invitationPersonaliser(message)(previewSlots(invitee, eventId));
  const choices = invitees.map((candidate) => ({ value: candidate.id, label: inviteeLabel(candidate) }));
  if (!invitees.includes(invitee)) choices.unshift({ value: invitee.id, label: inviteeLabel(invitee) });
  return { choices, inviteeId: invitee.id, inviteeLabel: inviteeLabel(invitee), to: invitee.email, ...email };
}
