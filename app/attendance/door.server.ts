import { data } from "@remix-run/node";
import { formatEventRange, formatTimeInZone } from "~/events/time";
import { effectiveEventStatus } from "~/events/status";
import { roleCan } from "~/organizations/permissions";
import type { SessionUser } from "~/platform/auth.server";
import { db } from "~/platform/db.server";
import type { TenantScope } from "~/platform/tenancy.server";
import { setAttended, type AttendanceChange } from "./check-in.server";
import { checkInClosedReason } from "./event.server";
import { checkInListPath } from "./paths";

const notFound = () =>
  data(
    { error: "not_found", message: "We couldn't find that check-in entry, or you aren't an organiser of this event. Sign in with the account you use for your company." },
    { status: 404 },
  );

/**
 * Who may open an attendee's QR code, and as which company: a manager (or above) of the
 * invitee's own company first, else one of the partner company's, since either side may staff
 * the door. Anyone else, and any unknown id, is a 404.
 */
async function resolveDoorAccess(user: SessionUser, invitationId: string) {
  // Someone taken off the list is no longer anyone's to check in.
  const invitation = await db.eventInvitation.findFirst({
    where: { id: invitationId, revokedAt: null },
    select: {
      id: true,
      eventId: true,
      organizationId: true,
      name: true,
      checkedInAt: true,
      checkedInById: true,
      event: { select: { title: true, status: true, startsAt: true, endsAt: true, timeZone: true, partnership: { select: { initiatorId: true, partnerId: true } } } },
    },
  });
  if (!invitation) throw notFound();
  const { initiatorId, partnerId } = invitation.event.partnership;
  const memberships = await db.membership.findMany({
    where: { userId: user.id, organizationId: { in: [initiatorId, ...(partnerId ? [partnerId] : [])] } },
    select: { role: true, organization: { select: { id: true, slug: true, name: true } } },
  });
  const organisers = memberships.filter((membership) => roleCan(membership.role, "events:plan"));
  const membership =
    organisers.find((candidate) => candidate.organization.id === invitation.organizationId) ??
    organisers.find((candidate) => candidate.organization.id !== invitation.organizationId);
  if (!membership) throw notFound();
  const scope: TenantScope = {
    organizationId: membership.organization.id,
    organizationSlug: membership.organization.slug,
    organizationName: membership.organization.name,
    userId: user.id,
    role: membership.role,
  };
  return { invitation, scope, side: membership.organization.id === invitation.organizationId ? ("own" as const) : ("partner" as const) };
}

export type DoorEntry =
  | { side: "own"; listPath: string }
  | {
      side: "partner";
      eventTitle: string;
      eventWhen: string;
      /** Name and company only: the partner's door staff never see the address (ADR 009). */
      name: string;
      companyName: string;
      checkedIn: { time: string; by: string } | null;
      closedReason: string | null;
      viewerCompanyName: string;
      listPath: string;
    };

/**
 * What opening an attendee's QR code shows. Nothing changes here: the invitee's own organisers are
 * sent to the entry in their check-in list, the partner's see the name and a check-in button.
 */
export async function openDoorEntry(user: SessionUser, invitationId: string): Promise<DoorEntry> {
  const { invitation, scope, side } = await resolveDoorAccess(user, invitationId);
  if (side === "own") return { side, listPath: checkInListPath(scope.organizationSlug, invitation.eventId, invitation.id) };
  const { event } = invitation;
  const [company, checkedInBy] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: invitation.organizationId }, select: { name: true } }),
    invitation.checkedInById ? db.user.findUnique({ where: { id: invitation.checkedInById }, select: { name: true } }) : null,
  ]);
  return {
    side,
    eventTitle: event.title,
    eventWhen: formatEventRange(event.startsAt, event.endsAt, event.timeZone),
    name: invitation.name || `Someone at ${company.name}`,
    companyName: company.name,
    checkedIn: invitation.checkedInAt
      ? { time: formatTimeInZone(invitation.checkedInAt, event.timeZone), by: checkedInBy?.name ?? "an organiser" }
      : null,
    closedReason: checkInClosedReason(effectiveEventStatus(event)),
    viewerCompanyName: scope.organizationName,
    listPath: checkInListPath(scope.organizationSlug, invitation.eventId),
  };
}

/** The entry page's button: checks the attendee in (or undoes it) as the organiser's company. */
export async function setAttendedAtDoor(user: SessionUser, invitationId: string, attended: boolean): Promise<AttendanceChange> {
  const { invitation, scope, side } = await resolveDoorAccess(user, invitationId);
  const change = await setAttended(scope, invitation.eventId, invitation.id, attended, "either-company");
  // The partner's door staff learn no more than the entry page showed them.
  if (side === "partner" && !invitation.name) return { ...change, name: "This person" };
  return change;
}
