import { shownEmail } from "~/attendance/walk-ins";
import type { InvitationDelivery, InvitationSource, RsvpStatus, SuppressionReason } from "~/generated/prisma/enums";
import { requireEvent } from "~/events/access.server";
import { effectiveEventStatus } from "~/events/status";
import { db, type Tx } from "~/platform/db.server";
import { assertCan, type TenantScope } from "~/platform/tenancy.server";
import { releaseSeatsAndPromote } from "~/rsvp/seats.server";
import type { RejectedRow } from "./csv";
import { assertInviteListOpen, InviteListError, inviteListClosedReason, sendingClosedReason } from "./list-rules";
import { INVITEES_PER_PAGE, normalizeEmail } from "./schemas";
import { readyToSendCondition } from "./suppressions.server";

export type InviteListCompany = { id: string; name: string };

/** An event as the invite list needs it, seen from the scope's company. */
export type InviteListEvent = {
  id: string;
  title: string;
  status: ReturnType<typeof effectiveEventStatus>;
  partnershipActive: boolean;
  own: InviteListCompany;
  partner: InviteListCompany;
};

/** 404 unless the scope's company is one of the event's two; 403 unless the scope may plan events. */
export async function loadInviteListEvent(scope: TenantScope, eventId: string): Promise<InviteListEvent> {
  const access = await requireEvent(scope, eventId);
  assertCan(scope, "events:plan");
  return describeInviteListEvent(access.eventId, scope.organizationId);
}

/** The event as seen by one of its two companies, for work that runs without a request (imports). */
export async function describeInviteListEvent(eventId: string, organizationId: string): Promise<InviteListEvent> {
  const event = await db.event.findUniqueOrThrow({
    where: { id: eventId },
    select: {
      id: true,
      title: true,
      status: true,
      endsAt: true,
      partnership: { select: { status: true, initiator: { select: { id: true, name: true } }, partner: { select: { id: true, name: true } } } },
    },
  });
  const { initiator, partner } = event.partnership;
  if (!partner) throw new Error(`Event ${eventId} belongs to a partnership without a partner company.`);
  return {
    id: event.id,
    title: event.title,
    status: effectiveEventStatus(event),
    partnershipActive: event.partnership.status === "active",
    own: initiator.id === organizationId ? initiator : partner,
    partner: initiator.id === organizationId ? partner : initiator,
  };
}

// ---- Writing to a list ------------------------------------------------------------------------------

/**
 * Everything that adds to or removes from an event's invite lists takes this lock first, so an
 * import, a member pick and a removal on the same event never interleave: each sees the lists as
 * the one before it left them. Other events are not held up.
 */
export async function lockInviteLists(tx: Tx, eventId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`invite-lists:${eventId}`}))`;
}

export type IncomingInvitee = { line: number; email: string; name: string; team: string; userId?: string };

/** An address kept on the list that bounced or complained before: later sends skip it. */
export type FlaggedRow = { line: number; email: string; reason: SuppressionReason };

export type ListTarget = { event: InviteListEvent; addedById: string; source: InvitationSource };

export type ListWriteOutcome = { added: number; merged: number; rejected: RejectedRow[]; flagged: FlaggedRow[] };

const WRITE_CHUNK_SIZE = 1000;

/** A removed invitee added again starts afresh: no answer, no seat, a new invitation to send. */
const FRESH_INVITATION = {
  revokedAt: null,
  delivery: "not_sent",
  sendId: null,
  batchId: null,
  providerMessageId: null,
  sentAt: null,
  deliveryUpdatedAt: null,
  deliveryError: null,
  status: "no_answer",
  respondedAt: null,
  bringsPlusOne: false,
  plusOneName: "",
  shiftId: null,
  waiverAcceptedAt: null,
  answers: {},
  waitlistedAt: null,
  promotedAt: null,
  checkedInAt: null,
  checkedInById: null,
} as const;

/**
 * Adds invitees (one per address, already validated) to the scope's company's list inside the
 * caller's transaction. An address already on the list is merged: a given name or team replaces
 * the stored one. An address on the partner company's list is refused, since an address is
 * invited once per event. `onProgress` hears how many invitees are done after each chunk.
 */
export async function writeInvitees(
  tx: Tx,
  target: ListTarget,
  invitees: readonly IncomingInvitee[],
  onProgress?: (done: number) => void,
): Promise<ListWriteOutcome> {
  const { event } = target;
  await lockInviteLists(tx, event.id);
  const outcome: ListWriteOutcome = { added: 0, merged: 0, rejected: [], flagged: [] };
  for (let start = 0; start < invitees.length; start += WRITE_CHUNK_SIZE) {
    const chunk = invitees.slice(start, start + WRITE_CHUNK_SIZE);
    const emails = chunk.map((invitee) => invitee.email);
    const existing = await tx.eventInvitation.findMany({
      where: { eventId: event.id, email: { in: emails } },
      select: { id: true, email: true, organizationId: true, revokedAt: true },
    });
    const existingByEmail = new Map(existing.map((row) => [row.email, row]));
    const fresh: IncomingInvitee[] = [];
    const updates: (IncomingInvitee & { id: string })[] = [];
    const restoredIds: string[] = [];
    const refused = new Set<string>();
    for (const invitee of chunk) {
      const row = existingByEmail.get(invitee.email);
      if (!row) {
        fresh.push(invitee);
      } else if (row.organizationId !== event.own.id) {
        refused.add(invitee.email);
        outcome.rejected.push({ line: invitee.line, value: invitee.email, reason: `already invited by ${event.partner.name}` });
      } else {
        updates.push({ ...invitee, id: row.id });
        if (row.revokedAt) restoredIds.push(row.id);
      }
    }
    if (fresh.length > 0) await insertInvitees(tx, target, fresh);
    if (restoredIds.length > 0) {
      await tx.eventInvitation.updateMany({ where: { id: { in: restoredIds } }, data: { ...FRESH_INVITATION, source: target.source, addedById: target.addedById } });
    }
    if (updates.length > 0) await mergeDetails(tx, updates);
    outcome.added += fresh.length + restoredIds.length;
    outcome.merged += updates.length - restoredIds.length;

    const kept = new Map(chunk.filter((invitee) => !refused.has(invitee.email)).map((invitee) => [invitee.email, invitee]));
    const suppressed = await tx.emailSuppression.findMany({ where: { email: { in: [...kept.keys()] } }, select: { email: true, reason: true } });
    for (const suppression of suppressed) outcome.flagged.push({ line: kept.get(suppression.email)!.line, email: suppression.email, reason: suppression.reason });
    onProgress?.(start + chunk.length);
  }
  outcome.rejected.sort((a, b) => a.line - b.line);
  outcome.flagged.sort((a, b) => a.line - b.line);
  return outcome;
}

/**
 * One statement for the whole chunk: Prisma's createMany takes twenty times as long for a thousand
 * rows, all inside the transaction that holds the list lock. The database gives these rows their
 * ids: UUIDs without hyphens, where Prisma would have made cuids. Both are opaque lowercase
 * strings, which is what RSVP tokens expect of an invitation id.
 */
async function insertInvitees(tx: Tx, target: ListTarget, invitees: IncomingInvitee[]) {
  await tx.$executeRaw`
    INSERT INTO event_invitations (id, event_id, organization_id, email, name, team, user_id, source, added_by_id, created_at)
    SELECT replace(gen_random_uuid()::text, '-', ''), ${target.event.id}, ${target.event.own.id}, incoming.email, incoming.name, incoming.team, incoming.user_id,
      ${target.source}::"InvitationSource", ${target.addedById}, now() AT TIME ZONE 'UTC'
    FROM unnest(
      ${invitees.map((invitee) => invitee.email)}::text[],
      ${invitees.map((invitee) => invitee.name)}::text[],
      ${invitees.map((invitee) => invitee.team)}::text[],
      ${invitees.map((invitee) => invitee.userId ?? null)}::text[]
    ) AS incoming(email, name, team, user_id)`;
}

/** Likewise one statement: thousands of single-row updates would hold the lock for seconds. */
async function mergeDetails(tx: Tx, rows: (IncomingInvitee & { id: string })[]) {
  await tx.$executeRaw`
    UPDATE event_invitations AS invitation SET
      name = CASE WHEN incoming.name <> '' THEN incoming.name ELSE invitation.name END,
      team = CASE WHEN incoming.team <> '' THEN incoming.team ELSE invitation.team END,
      user_id = COALESCE(incoming.user_id, invitation.user_id)
    FROM unnest(
      ${rows.map((row) => row.id)}::text[],
      ${rows.map((row) => row.name)}::text[],
      ${rows.map((row) => row.team)}::text[],
      ${rows.map((row) => row.userId ?? null)}::text[]
    ) AS incoming(id, name, team, user_id)
    WHERE invitation.id = incoming.id`;
}

// ---- Picking members ---------------------------------------------------------------------------------

export type PickableMember = { userId: string; name: string; email: string };

/** The company's members who are on neither company's list for this event yet. */
export async function listPickableMembers(event: InviteListEvent): Promise<PickableMember[]> {
  const memberships = await db.membership.findMany({
    where: { organizationId: event.own.id },
    select: { user: { select: { id: true, name: true, email: true } } },
  });
  const people = memberships.map(({ user }) => ({ userId: user.id, name: user.name ?? "", email: normalizeEmail(user.email) }));
  const taken = await db.eventInvitation.findMany({
    where: {
      eventId: event.id,
      OR: [{ userId: { in: people.map((person) => person.userId) } }, { email: { in: people.map((person) => person.email) } }],
      // Someone removed from this company's list can be picked again.
      NOT: { organizationId: event.own.id, revokedAt: { not: null } },
    },
    select: { userId: true, email: true },
  });
  const takenUsers = new Set(taken.map((row) => row.userId));
  const takenEmails = new Set(taken.map((row) => row.email));
  return people
    .filter((person) => !takenUsers.has(person.userId) && !takenEmails.has(person.email))
    .sort((a, b) => (a.name || a.email).localeCompare(b.name || b.email));
}

export type MemberChoice = { everyone: true } | { userIds: string[] };

export type MembersAdded = { added: number; merged: number; refused: { name: string; reason: string }[] };

/** Adds members of the scope's company: the ones ticked, or everyone not on a list yet. */
export async function addMembersToList(scope: TenantScope, eventId: string, choice: MemberChoice): Promise<MembersAdded> {
  const event = await loadInviteListEvent(scope, eventId);
  assertInviteListOpen(event);
  const pickable = await listPickableMembers(event);
  const chosen = "everyone" in choice ? pickable : pickable.filter((person) => choice.userIds.includes(person.userId));
  if (chosen.length === 0) {
    throw new InviteListError(
      "everyone" in choice
        ? `Everyone at ${event.own.name} is already on a list for this event.`
        : `Those people are already on a list for this event, or are no longer members of ${event.own.name}. Reload the page to see who's left to add.`,
      409,
    );
  }
  const invitees = chosen.map((person, index) => ({ line: index + 1, email: person.email, name: person.name, team: "", userId: person.userId }));
  const outcome = await db.$transaction((tx) => writeInvitees(tx, { event, addedById: scope.userId, source: "member" }, invitees));
  const nameByEmail = new Map(chosen.map((person) => [person.email, person.name || person.email]));
  return {
    added: outcome.added,
    merged: outcome.merged,
    refused: outcome.rejected.map((row) => ({ name: nameByEmail.get(row.value) ?? row.value, reason: row.reason })),
  };
}

// ---- Removing ------------------------------------------------------------------------------------------

const UNSENT: readonly InvitationDelivery[] = ["not_sent", "scheduled"];

export type RemovedInvitee = { label: string; revoked: boolean };

/**
 * Takes someone off the scope's company's list. Never sent: the row goes. Sent: it stays, revoked,
 * with a new token version, so the links already emailed stop working. A seat they held (or
 * their place on the waitlist) goes to the next person waiting at the same company.
 */
export async function removeInvitee(scope: TenantScope, eventId: string, invitationId: string): Promise<RemovedInvitee> {
  const event = await loadInviteListEvent(scope, eventId);
  assertInviteListOpen(event);
  return db.$transaction(async (tx) => {
    await lockInviteLists(tx, event.id);
    // The row lock keeps an RSVP from landing between reading the seats held and releasing them.
    await tx.$queryRaw`SELECT id FROM event_invitations WHERE id = ${invitationId} FOR UPDATE`;
    const invitee = await tx.eventInvitation.findFirst({
      where: { id: invitationId, eventId: event.id, organizationId: event.own.id, revokedAt: null },
      select: { id: true, name: true, email: true, delivery: true, sentAt: true, seatsHeld: true, status: true },
    });
    if (!invitee) throw new InviteListError("That person isn't on your list any more. Reload the page to see the current list.", 404);
    if (invitee.seatsHeld > 0 || invitee.status === "waitlisted") await releaseSeatsAndPromote(tx, invitee.id);
    const neverSent = UNSENT.includes(invitee.delivery) && invitee.sentAt === null;
    if (neverSent) {
      await tx.eventInvitation.delete({ where: { id: invitee.id } });
    } else {
      await tx.eventInvitation.update({ where: { id: invitee.id }, data: { revokedAt: new Date(), tokenVersion: { increment: 1 } } });
    }
    return { label: invitee.name || invitee.email, revoked: !neverSent };
  });
}

// ---- The Invitations tab ----------------------------------------------------------------------------------

export type InviteeView = {
  id: string;
  name: string;
  email: string;
  team: string;
  source: InvitationSource;
  delivery: InvitationDelivery;
  status: RsvpStatus;
  flag: SuppressionReason | null;
  sent: boolean;
};

export type ListCounts = {
  onList: number;
  readyToSend: number;
  sent: number;
  flagged: number;
  attending: number;
  waitlisted: number;
  maybe: number;
  declined: number;
  noAnswer: number;
};

export type StatusCounts = Pick<ListCounts, "onList" | "attending" | "waitlisted" | "maybe" | "declined" | "noAnswer">;

async function countOwnList(event: InviteListEvent): Promise<ListCounts> {
  const [counts] = await db.$queryRaw<ListCounts[]>`
    SELECT
      count(*)::int AS "onList",
      count(*) FILTER (WHERE ${readyToSendCondition})::int AS "readyToSend",
      count(*) FILTER (WHERE invitation.sent_at IS NOT NULL)::int AS "sent",
      count(*) FILTER (WHERE suppression.email IS NOT NULL)::int AS "flagged",
      count(*) FILTER (WHERE invitation.status = 'attending')::int AS "attending",
      count(*) FILTER (WHERE invitation.status = 'waitlisted')::int AS "waitlisted",
      count(*) FILTER (WHERE invitation.status = 'maybe')::int AS "maybe",
      count(*) FILTER (WHERE invitation.status = 'declined')::int AS "declined",
      count(*) FILTER (WHERE invitation.status = 'no_answer')::int AS "noAnswer"
    FROM event_invitations AS invitation
    LEFT JOIN email_suppressions AS suppression ON suppression.email = invitation.email
    WHERE invitation.event_id = ${event.id} AND invitation.organization_id = ${event.own.id} AND invitation.revoked_at IS NULL`;
  return counts!;
}

async function countStatuses(eventId: string, organizationId: string): Promise<StatusCounts> {
  const groups = await db.eventInvitation.groupBy({ by: ["status"], where: { eventId, organizationId, revokedAt: null }, _count: { _all: true } });
  const count = (status: RsvpStatus) => groups.find((group) => group.status === status)?._count._all ?? 0;
  return {
    onList: groups.reduce((sum, group) => sum + group._count._all, 0),
    attending: count("attending"),
    waitlisted: count("waitlisted"),
    maybe: count("maybe"),
    declined: count("declined"),
    noAnswer: count("no_answer"),
  };
}

export type Pagination = { page: number; pageCount: number; total: number };

function paginate(requested: number, total: number, perPage: number): Pagination & { skip: number } {
  const pageCount = Math.max(1, Math.ceil(total / perPage));
  const page = Math.min(Math.max(1, Math.trunc(requested) || 1), pageCount);
  return { page, pageCount, total, skip: (page - 1) * perPage };
}

export const PARTNER_NAMES_PER_PAGE = 100;

/**
 * The partner company's list as this company may see it (docs/decisions/009): names and counts,
 * never addresses, teams or anyone's answer.
 */
export async function getPartnerListSummary(event: InviteListEvent, requestedPage: number) {
  const where = { eventId: event.id, organizationId: event.partner.id, revokedAt: null };
  const counts = await countStatuses(event.id, event.partner.id);
  const pagination = paginate(requestedPage, counts.onList, PARTNER_NAMES_PER_PAGE);
  const rows = await db.eventInvitation.findMany({
    where,
    select: { name: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    skip: pagination.skip,
    take: PARTNER_NAMES_PER_PAGE,
  });
  return {
    companyName: event.partner.name,
    counts,
    names: rows.map((row) => row.name || `Someone at ${event.partner.name}`),
    pagination: { page: pagination.page, pageCount: pagination.pageCount, total: pagination.total },
  };
}

export type InvitationsPageOptions = { query: string; page: number; partnerPage: number };

const RECENT_IMPORTS = 5;

/** Everything the Invitations tab shows: the company's own list, ways to add to it, and the partner's names. */
export async function getInvitationsPage(scope: TenantScope, eventId: string, options: InvitationsPageOptions) {
  const event = await loadInviteListEvent(scope, eventId);
  const query = options.query.trim();
  const own = { eventId: event.id, organizationId: event.own.id, revokedAt: null };
  const where = query
    ? { ...own, OR: [{ name: { contains: query, mode: "insensitive" as const } }, { email: { contains: query.toLowerCase() } }, { team: { contains: query, mode: "insensitive" as const } }] }
    : own;
  const closedReason = inviteListClosedReason(event);
  const [counts, matching, members, partner, imports] = await Promise.all([
    countOwnList(event),
    db.eventInvitation.count({ where }),
    closedReason ? Promise.resolve([]) : listPickableMembers(event),
    getPartnerListSummary(event, options.partnerPage),
    db.invitationImport.findMany({
      where: { eventId: event.id, organizationId: event.own.id },
      orderBy: { createdAt: "desc" },
      take: RECENT_IMPORTS,
      select: { id: true, source: true, status: true, createdAt: true, totalRows: true, addedCount: true, mergedCount: true },
    }),
  ]);
  const pagination = paginate(options.page, matching, INVITEES_PER_PAGE);
  const rows = await db.eventInvitation.findMany({
    where,
    select: { id: true, name: true, email: true, team: true, source: true, delivery: true, status: true, sentAt: true },
    orderBy: [{ name: "asc" }, { email: "asc" }],
    skip: pagination.skip,
    take: INVITEES_PER_PAGE,
  });
  const suppressions = await db.emailSuppression.findMany({ where: { email: { in: rows.map((row) => row.email) } }, select: { email: true, reason: true } });
  const flags = new Map(suppressions.map((suppression) => [suppression.email, suppression.reason]));
  const invitees: InviteeView[] = rows.map(({ sentAt, ...row }) => ({
    ...row,
    email: shownEmail(row.email),
    flag: flags.get(row.email) ?? null,
    sent: sentAt !== null,
  }));
  return {
    eventTitle: event.title,
    companyName: event.own.name,
    closedReason,
    sendingClosedReason: sendingClosedReason(event),
    counts,
    query,
    invitees,
    pagination: { page: pagination.page, pageCount: pagination.pageCount, total: pagination.total },
    members,
    partner,
    imports: imports.map((entry) => ({ ...entry, createdAt: entry.createdAt.toISOString() })),
  };
}
