import RsvpConfirmationEmail, { rsvpConfirmationSubject, type RsvpConfirmationOutcome } from "#emails/rsvp-confirmation";
import WaitlistPromotedEmail, { waitlistPromotedSubject } from "#emails/waitlist-promoted";
import { checkInQrImagePath } from "~/attendance/paths";
import { calendarAttachment, invitationCalendar, organizerFrom } from "~/calendar/ics.server";
import { db, type Tx } from "~/platform/db.server";
import { queueEmail } from "~/platform/email.server";
import { env } from "~/platform/env.server";
import { enqueueJob, type JobDefinition } from "~/platform/jobs.server";
import { calendarDetailsOf, companiesOf, companyName, formatDeadline, rsvpEventSelect, whenOf, whereOf, type RsvpEvent } from "./event.server";
import { answerDetailLines, rsvpInvitationSelect, waitlistPosition, type RsvpInvitation } from "./invitation.server";
import { rsvpUrl } from "./tokens.server";

/**
 * The emails that follow an answer ("You're going", "You're #3 on the waitlist") and a promotion
 * ("You're in"). The answer's transaction records an InvitationNotice and enqueues a job, so the
 * email is certain to follow if and only if the answer commits; the job renders and queues it.
 * Rendering (≈15 ms of CPU per email) thus stays off the answer's path: a burst of answers
 * commits at the speed of its SQL, and the worker renders at its own pace.
 */

export type RsvpNoticeKind = "confirmation" | "promotion";

type RsvpNoticeJob = { invitationId: string; kind: RsvpNoticeKind; key: string };

export const rsvpNoticeJob: JobDefinition<RsvpNoticeJob> = {
  name: "rsvp.notice",
  queue: { retryLimit: 10, retryDelay: 2, retryBackoff: true, retryDelayMax: 300, expireInSeconds: 120 },
  concurrency: 2,
  handle: (data) => sendRsvpNotice(data),
};

/**
 * Each answer that changed something is stamped with its instant (respondedAt), which keys its
 * confirmation: a re-post changes nothing, so it owes none.
 */
function confirmationKey(respondedAt: Date | null): string {
  return respondedAt?.toISOString() ?? "";
}

function promotionKey(invitation: Pick<RsvpInvitation, "promotedAt">): string {
  return invitation.promotedAt?.toISOString() ?? "";
}

/**
 * Records that a notice is owed and enqueues the job that sends it. The (invitation, kind, key)
 * primary key lets one notice through per answer, however often it is requested.
 */
async function requestNotice(tx: Tx, invitationId: string, kind: RsvpNoticeKind, key: string): Promise<void> {
  const inserted = await tx.$executeRaw`INSERT INTO invitation_notices (invitation_id, kind, key) VALUES (${invitationId}, ${kind}, ${key}) ON CONFLICT DO NOTHING`;
  if (inserted === 1) await enqueueJob(tx, rsvpNoticeJob, { invitationId, kind, key }, { singletonKey: `${invitationId}/${kind}/${key}` });
}

/** After an answer that changed something (stamped `respondedAt`): the confirmation, with the calendar part. */
export async function requestRsvpConfirmation(tx: Tx, invitationId: string, respondedAt: Date): Promise<void> {
  await requestNotice(tx, invitationId, "confirmation", confirmationKey(respondedAt));
}

/** After a promotion from the waitlist: "You're in". */
export async function requestPromotionNotice(tx: Tx, invitation: Pick<RsvpInvitation, "id" | "promotedAt">): Promise<void> {
  await requestNotice(tx, invitation.id, "promotion", promotionKey(invitation));
}

/** A confirmation is overtaken by a newer answer, and by a promotion, whose "You're in" says it all. */
function isCurrentNotice(invitation: RsvpInvitation, kind: RsvpNoticeKind, key: string): boolean {
  if (kind === "promotion") return invitation.status === "attending" && promotionKey(invitation) === key;
  const promotedSince = invitation.promotedAt !== null && invitation.respondedAt !== null && invitation.promotedAt > invitation.respondedAt;
  return invitation.status !== "no_answer" && confirmationKey(invitation.respondedAt) === key && !promotedSince;
}

/**
 * The job: renders the notice from the invitation as it is now and queues the email, once. A
 * notice overtaken by a newer answer is skipped (the newer one has its own notice), so someone
 * who changes their mind twice in a minute gets the email for their final answer only.
 */
export async function sendRsvpNotice({ invitationId, kind, key }: RsvpNoticeJob): Promise<void> {
  await db.$transaction(async (tx) => {
    const [notice] = await tx.$queryRaw<{ email_id: string | null }[]>`
      SELECT email_id FROM invitation_notices WHERE invitation_id = ${invitationId} AND kind = ${kind} AND key = ${key} FOR UPDATE`;
    if (!notice || notice.email_id) return;
    const invitation = await tx.eventInvitation.findUniqueOrThrow({ where: { id: invitationId }, select: rsvpInvitationSelect });
    if (!isCurrentNotice(invitation, kind, key)) return;
    const event = await tx.event.findUniqueOrThrow({ where: { id: invitation.eventId }, select: rsvpEventSelect });
    const emailId = kind === "confirmation" ? await queueConfirmationEmail(tx, event, invitation) : await queuePromotionEmail(tx, event, invitation);
    await tx.invitationNotice.update({ where: { invitationId_kind_key: { invitationId, kind, key } }, data: { emailId } });
  });
}

/** The calendar part goes out as REQUEST while the event is on, declines too: PARTSTAT carries the answer. */
function calendarPart(event: RsvpEvent, invitation: RsvpInvitation, link: string) {
  const ics = invitationCalendar(
    calendarDetailsOf(event, link),
    { invitationId: invitation.id, email: invitation.email, name: invitation.name, status: invitation.status },
    organizerFrom(env().EMAIL_FROM),
  );
  return calendarAttachment(ics, event.status === "cancelled" ? "CANCEL" : "REQUEST");
}

function checkInQrUrl(invitationId: string): string {
  return `${env().APP_URL}${checkInQrImagePath(invitationId)}`;
}

async function queueConfirmationEmail(tx: Tx, event: RsvpEvent, invitation: RsvpInvitation): Promise<string> {
  const outcome: RsvpConfirmationOutcome =
    invitation.status === "attending"
      ? { status: "attending", checkInQrUrl: checkInQrUrl(invitation.id) }
      : invitation.status === "waitlisted"
        ? { status: "waitlisted", company: companyName(event, invitation.organizationId), position: await waitlistPosition(tx, invitation) }
        : { status: invitation.status === "declined" ? "declined" : "maybe" };
  const link = rsvpUrl(invitation, event.endsAt);
  return queueEmail(tx, {
    kind: "rsvp-confirmation",
    to: invitation.email,
    subject: rsvpConfirmationSubject(event.title, outcome),
    react: RsvpConfirmationEmail({
      inviteeName: invitation.name,
      eventTitle: event.title,
      companies: companiesOf(event),
      when: whenOf(event),
      where: whereOf(event),
      outcome,
      details: answerDetailLines(event, invitation),
      rsvpUrl: link,
      deadline: formatDeadline(event),
    }),
    attachments: [calendarPart(event, invitation, link)],
  });
}

async function queuePromotionEmail(tx: Tx, event: RsvpEvent, invitation: RsvpInvitation): Promise<string> {
  const link = rsvpUrl(invitation, event.endsAt);
  return queueEmail(tx, {
    kind: "waitlist-promoted",
    to: invitation.email,
    subject: waitlistPromotedSubject(event.title),
    react: WaitlistPromotedEmail({
      inviteeName: invitation.name,
      eventTitle: event.title,
      companies: companiesOf(event),
      company: companyName(event, invitation.organizationId),
      when: whenOf(event),
      where: whereOf(event),
      details: answerDetailLines(event, invitation),
      rsvpUrl: link,
      checkInQrUrl: checkInQrUrl(invitation.id),
      deadline: formatDeadline(event),
    }),
    attachments: [calendarPart(event, invitation, link)],
  });
}
