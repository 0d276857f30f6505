import { randomBytes } from "node:crypto";
import { Prisma } from "~/generated/prisma/client";
import type { RsvpStatus } from "~/generated/prisma/enums";
import { formatTimeInZone } from "~/events/time";
import { db } from "~/platform/db.server";
import { assertCan, type TenantScope } from "~/platform/tenancy.server";
import { countResponses } from "./counts.server";
import { assertCheckInOpen, checkInClosedReason, loadAttendanceEvent, type AttendanceEvent } from "./event.server";
import { rsvpLabels } from "~/invitations/labels";
import { AttendanceRuleError } from "./rules";
import type { CheckInQuery, CheckInView, WalkInInput } from "./schemas";
import { shownEmail, walkInPlaceholderEmail } from "./walk-ins";

/** More than fits on a phone anyway: past this, the page asks for a search. */
export const CHECK_IN_LIST_LIMIT = 100;

const entrySelect = {
  id: true,
  name: true,
  email: true,
  team: true,
  status: true,
  source: true,
  bringsPlusOne: true,
  plusOneName: true,
  checkedInAt: true,
  checkedInById: true,
  shift: { select: { id: true } },
} satisfies Prisma.EventInvitationSelect;

type EntryRow = Prisma.EventInvitationGetPayload<{ select: typeof entrySelect }>;

/** One of the company's own invitees as the door sees them. */
export type CheckInEntry = {
  id: string;
  name: string;
  email: string;
  team: string;
  status: RsvpStatus;
  statusLabel: string;
  statusTone: (typeof rsvpLabels)[RsvpStatus]["tone"];
  walkIn: boolean;
  /** "Sam Lee", or "a guest" when no name was given; null without a plus-one. */
  plusOne: string | null;
  /** "Sorting, 09:00–12:00" on a volunteer day. */
  shift: string | null;
  checkedIn: { time: string; iso: string; by: string } | null;
};

const viewWhere = {
  expected: { status: "attending" },
  unconfirmed: { status: { in: ["waitlisted", "maybe"] } },
  all: {},
} as const satisfies Record<CheckInView, Prisma.EventInvitationWhereInput>;

function searchWhere(q: string): Prisma.EventInvitationWhereInput {
  const contains = { contains: q, mode: "insensitive" } as const;
  return { OR: [{ name: contains }, { email: contains }, { team: contains }, { plusOneName: contains }] };
}

/** A name to show: the invitee's own, else their address, so nobody appears as a blank row. */
function displayName(row: { name: string; email: string }): string {
  return row.name || shownEmail(row.email) || "Someone without a name";
}

/** Organisers by name only: the partner's door staff may have checked someone in (ADR 009). */
async function checkedInByNames(rows: EntryRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.map((row) => row.checkedInById).filter((id): id is string => Boolean(id)))];
  if (ids.length === 0) return new Map();
  const users = await db.user.findMany({ where: { id: { in: ids }, name: { not: null } }, select: { id: true, name: true } });
  return new Map(users.map((user) => [user.id, user.name!]));
}

function toEntries(event: AttendanceEvent, rows: EntryRow[], names: Map<string, string>): CheckInEntry[] {
  return rows.map((row) => {
    const shift = row.shift ? event.shifts.find((candidate) => candidate.id === row.shift!.id) : undefined;
    return {
      id: row.id,
      name: displayName(row),
      email: shownEmail(row.email),
      team: row.team,
      status: row.status,
      statusLabel: rsvpLabels[row.status].label,
      statusTone: rsvpLabels[row.status].tone,
      walkIn: row.source === "walk_in",
      plusOne: row.bringsPlusOne ? row.plusOneName || "a guest" : null,
      shift: shift ? `${shift.role}, ${shift.hours}` : null,
      checkedIn: row.checkedInAt
        ? {
            time: formatTimeInZone(row.checkedInAt, event.timeZone),
            iso: row.checkedInAt.toISOString(),
            by: (row.checkedInById && names.get(row.checkedInById)) || "an organiser",
          }
        : null,
    };
  });
}

/**
 * The company's own check-in list: its attendees (or the waitlist and maybes, or everyone), a
 * search across the whole list, and counts. The partner's people are only counted (ADR 009).
 */
export async function getCheckInPage(scope: TenantScope, eventId: string, query: CheckInQuery) {
  assertCan(scope, "events:plan");
  const event = await loadAttendanceEvent(scope, eventId);
  const own = { eventId: event.id, organizationId: scope.organizationId, revokedAt: null };
  // A search looks at everyone on the list: someone who never answered may still turn up.
  const where: Prisma.EventInvitationWhereInput = query.q ? { ...own, ...searchWhere(query.q) } : { ...own, ...viewWhere[query.view] };
  const [counts, rows, matching, focusRow] = await Promise.all([
    countResponses(event.id, [event.own.id, event.partner.id]),
    db.eventInvitation.findMany({ where, orderBy: [{ name: "asc" }, { email: "asc" }], take: CHECK_IN_LIST_LIMIT, select: entrySelect }),
    db.eventInvitation.count({ where }),
    query.entry ? db.eventInvitation.findFirst({ where: { ...own, id: query.entry }, select: entrySelect }) : null,
  ]);
  const names = await checkedInByNames(focusRow ? [...rows, focusRow] : rows);
  const ownCounts = counts.get(event.own.id)!;
  const partnerCounts = counts.get(event.partner.id)!;
  return {
    eventTitle: event.title,
    companyName: event.own.name,
    isVolunteerDay: event.kind === "volunteer_day",
    closedReason: checkInClosedReason(event.status),
    query,
    counts: {
      expected: ownCounts.attending,
      plusOnes: ownCounts.plusOnes,
      checkedIn: ownCounts.checkedIn,
      walkIns: ownCounts.walkIns,
      unconfirmed: ownCounts.waitlisted + ownCounts.maybe,
      everyone: ownCounts.invited,
    },
    partner: { name: event.partner.name, expected: partnerCounts.attending, checkedIn: partnerCounts.checkedIn },
    entries: toEntries(event, rows, names),
    matching,
    focus: query.entry ? (focusRow ? toEntries(event, [focusRow], names)[0]! : ("missing" as const)) : null,
    // A fresh key on every load: a second submission of one form is the same walk-in, not a new one.
    walkInKey: randomBytes(12).toString("hex"),
  };
}

export type AttendanceChange = { name: string; attended: boolean; changed: boolean; time: string | null };

/**
 * Checks someone in, or undoes it. Both are idempotent: marking someone already checked in keeps
 * the first time and organiser, so a double tap at the door changes nothing. `reach` says whose
 * invitees the organiser may mark: the check-in list only holds their own company's, while the
 * QR entry page lets either company's door staff check in anyone on the event.
 */
export async function setAttended(
  scope: TenantScope,
  eventId: string,
  invitationId: string,
  attended: boolean,
  reach: "own-list" | "either-company" = "own-list",
): Promise<AttendanceChange> {
  assertCan(scope, "events:plan");
  const event = await loadAttendanceEvent(scope, eventId);
  assertCheckInOpen(event.status);
  const invitation = await db.eventInvitation.findFirst({
    where: { id: invitationId, eventId: event.id, revokedAt: null, ...(reach === "own-list" ? { organizationId: scope.organizationId } : {}) },
    select: { id: true, name: true, email: true },
  });
  if (!invitation) throw new AttendanceRuleError(`We couldn't find that person on ${event.own.name}'s list for this event. Search for them, or add them as a walk-in.`, 404);
  const { count } = attended
    ? await db.eventInvitation.updateMany({ where: { id: invitation.id, checkedInAt: null }, data: { checkedInAt: new Date(), checkedInById: scope.userId } })
    : await db.eventInvitation.updateMany({ where: { id: invitation.id, checkedInAt: { not: null } }, data: { checkedInAt: null, checkedInById: null } });
  const { checkedInAt } = await db.eventInvitation.findUniqueOrThrow({ where: { id: invitation.id }, select: { checkedInAt: true } });
  return {
    name: displayName(invitation),
    attended,
    changed: count === 1,
    time: checkedInAt ? formatTimeInZone(checkedInAt, event.timeZone) : null,
  };
}

export type WalkInOutcome = { name: string; added: boolean; checkedIn: AttendanceChange };

/**
 * Adds someone who turned up without being on the list, checked in at once. Walk-ins hold no
 * seat: they are already in the room, so the quota and capacity that decide who gets a seat
 * beforehand no longer apply to them. Someone already on the company's list is checked in
 * instead of added twice; an address on the partner's list is refused.
 */
export async function addWalkIn(scope: TenantScope, eventId: string, input: WalkInInput): Promise<WalkInOutcome> {
  assertCan(scope, "events:plan");
  const event = await loadAttendanceEvent(scope, eventId);
  assertCheckInOpen(event.status);
  const email = input.email ?? walkInPlaceholderEmail(input.walkInKey);
  const existing = await db.eventInvitation.findUnique({ where: { eventId_email: { eventId: event.id, email } }, select: { id: true, organizationId: true, name: true, email: true, revokedAt: true } });
  if (existing) {
    if (existing.organizationId !== scope.organizationId) {
      throw new AttendanceRuleError(`${email} is on ${event.partner.name}'s list for this event. Their organisers can check them in.`, 409, "email");
    }
    if (existing.revokedAt) {
      throw new AttendanceRuleError(`${displayName(existing)} was taken off ${event.own.name}'s list. Add them back on the Invitations tab, then check them in here.`, 409, "email");
    }
    return { name: displayName(existing), added: false, checkedIn: await setAttended(scope, event.id, existing.id, true) };
  }
  const now = new Date();
  try {
    const created = await db.eventInvitation.create({
      data: {
        eventId: event.id,
        organizationId: scope.organizationId,
        email,
        name: input.name,
        team: input.team ?? "",
        source: "walk_in",
        addedById: scope.userId,
        status: "attending",
        respondedAt: now,
        seatsHeld: 0,
        checkedInAt: now,
        checkedInById: scope.userId,
      },
      select: { name: true },
    });
    return { name: created.name, added: true, checkedIn: { name: created.name, attended: true, changed: true, time: formatTimeInZone(now, event.timeZone) } };
  } catch (error) {
    // The same form submitted twice at once: the other request added them, so this is that row.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return addWalkIn(scope, eventId, input);
    throw error;
  }
}
