import type { Prisma } from "~/generated/prisma/client";
import type { RsvpStatus } from "~/generated/prisma/enums";
import { formatTimeInZone, formatDayInZone } from "~/events/time";
import type { Tx } from "~/platform/db.server";
import type { RsvpEvent, RsvpShift } from "./event.server";

export const rsvpInvitationSelect = {
  id: true,
  eventId: true,
  organizationId: true,
  email: true,
  name: true,
  tokenVersion: true,
  revokedAt: true,
  status: true,
  respondedAt: true,
  seatsHeld: true,
  bringsPlusOne: true,
  plusOneName: true,
  shiftId: true,
  waiverAcceptedAt: true,
  answers: true,
  waitlistedAt: true,
  promotedAt: true,
} satisfies Prisma.EventInvitationSelect;

export type RsvpInvitation = Prisma.EventInvitationGetPayload<{ select: typeof rsvpInvitationSelect }>;

/**
 * Locks an invitation row for the rest of the transaction and reads it, in one statement: a
 * second answer sent at the same moment waits here, then reads what the first one wrote.
 */
export async function lockInvitation(tx: Tx, invitationId: string): Promise<RsvpInvitation | null> {
  const [row] = await tx.$queryRaw<RsvpInvitation[]>`
    SELECT id, event_id AS "eventId", organization_id AS "organizationId", email, name, token_version AS "tokenVersion",
      revoked_at AS "revokedAt", status::text AS status, responded_at AS "respondedAt", seats_held AS "seatsHeld",
      brings_plus_one AS "bringsPlusOne", plus_one_name AS "plusOneName", shift_id AS "shiftId",
      waiver_accepted_at AS "waiverAcceptedAt", answers, waitlisted_at AS "waitlistedAt", promoted_at AS "promotedAt"
    FROM event_invitations WHERE id = ${invitationId}
    FOR UPDATE`;
  return row ?? null;
}

/** { [questionId]: "text" | "option" | ["option", …] } */
export type QuestionAnswers = Record<string, string | string[]>;

export function answersOf(invitation: Pick<RsvpInvitation, "answers">): QuestionAnswers {
  const stored = invitation.answers;
  if (!stored || typeof stored !== "object" || Array.isArray(stored)) return {};
  const answers: QuestionAnswers = {};
  for (const [questionId, value] of Object.entries(stored)) {
    if (typeof value === "string") answers[questionId] = value;
    else if (Array.isArray(value)) answers[questionId] = value.filter((item): item is string => typeof item === "string");
  }
  return answers;
}

/** Statuses the invitee chose, as the page's Yes / No / Maybe: a waitlisted person said yes. */
export function answerOfStatus(status: RsvpStatus): "yes" | "no" | "maybe" | null {
  if (status === "attending" || status === "waitlisted") return "yes";
  if (status === "declined") return "no";
  if (status === "maybe") return "maybe";
  return null;
}

/** "Sat 14 Mar 2027, 09:00–12:00" in the event's zone, which the page names once. */
export function shiftTimes(shift: Pick<RsvpShift, "startsAt" | "endsAt">, timeZone: string): string {
  return `${formatDayInZone(shift.startsAt, timeZone)}, ${formatTimeInZone(shift.startsAt, timeZone)}–${formatTimeInZone(shift.endsAt, timeZone)}`;
}

/** Plus-one, shift and question answers as "Label: value" lines for emails and the page. */
export function answerDetailLines(event: RsvpEvent, invitation: RsvpInvitation): string[] {
  const lines: string[] = [];
  if (invitation.bringsPlusOne) lines.push(`Plus-one: ${invitation.plusOneName}`);
  const shift = event.shifts.find((candidate) => candidate.id === invitation.shiftId);
  if (shift) lines.push(`Shift: ${shift.role}, ${shiftTimes(shift, event.timeZone)} (${event.timeZone})`);
  const answers = answersOf(invitation);
  for (const question of event.questions) {
    const answer = answers[question.id];
    const text = Array.isArray(answer) ? answer.join(", ") : answer;
    // "Any dietary needs? Vegan", "Main course: Pasta".
    if (text) lines.push(/[?:]$/.test(question.prompt) ? `${question.prompt} ${text}` : `${question.prompt}: ${text}`);
  }
  return lines;
}

/** 1 for the first person on the company's waitlist; ties on the instant go by id, like promotion. */
export async function waitlistPosition(client: Pick<Tx, "eventInvitation">, invitation: Pick<RsvpInvitation, "id" | "eventId" | "organizationId" | "waitlistedAt">): Promise<number> {
  if (!invitation.waitlistedAt) return 0;
  const ahead = await client.eventInvitation.count({
    where: {
      eventId: invitation.eventId,
      organizationId: invitation.organizationId,
      status: "waitlisted",
      OR: [{ waitlistedAt: { lt: invitation.waitlistedAt } }, { waitlistedAt: invitation.waitlistedAt, id: { lt: invitation.id } }],
    },
  });
  return ahead + 1;
}
