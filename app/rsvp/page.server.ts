import { parseWithZod } from "@conform-to/zod/v4";
import type { SubmissionResult } from "@conform-to/react";
import type { RsvpStatus } from "~/generated/prisma/enums";
import { db } from "~/platform/db.server";
import { isRsvpAnswer, type RsvpAnswer } from "./answers";
import { companiesOf, companyName, formatDeadline, rsvpClosedReason, whenOf, whereOf, type AnswerEvent, type RsvpClosedReason, type RsvpEvent } from "./event.server";
import { answerDetailLines, answerOfStatus, answersOf, shiftTimes, waitlistPosition, type RsvpInvitation } from "./invitation.server";
import { answerContext, openRsvpLink, recordAnswer, refusalOf, type RsvpLinkRefusal } from "./rsvp.server";
import { rsvpFormSchema, type RsvpFormShape } from "./schemas";

export type RsvpShiftView = { id: string; role: string; times: string; notes: string; placesLeft: number; waiverText: string | null };

export type RsvpPage =
  | { state: "refused"; refusal: RsvpLinkRefusal }
  | {
      state: "open" | "closed";
      closedReason: RsvpClosedReason | null;
      title: string;
      description: string;
      companies: [string, string];
      inviteeName: string;
      company: string;
      when: string;
      where: string;
      deadline: string;
      plusOnesAllowed: boolean;
      questions: RsvpEvent["questions"];
      shifts: RsvpShiftView[];
      current: {
        status: RsvpStatus;
        answer: RsvpAnswer | null;
        waitlistPosition: number;
        bringsPlusOne: boolean;
        plusOneName: string;
        shiftId: string | null;
        waiverAccepted: boolean;
        answers: Record<string, string | string[]>;
        /** Plus-one, shift and answers as "Label: value" lines. */
        details: string[];
      };
      /** What the email button asked for, preselected; the saved answer otherwise. */
      preselected: RsvpAnswer | null;
      calendarPath: string;
    };

/** The RSVP page for a link. Reading it changes nothing: a link scanner opening it is harmless. */
export async function getRsvpPage(eventId: string, token: string, requestedAnswer: string | null, now = new Date()): Promise<RsvpPage> {
  const link = await openRsvpLink(eventId, token, now);
  if (!link.ok) return { state: "refused", refusal: link.refusal };
  return pageOf(link.event, link.invitation, { requestedAnswer, calendarPath: `/rsvp/${eventId}/${token}/calendar.ics` }, now);
}

async function pageOf(event: RsvpEvent, invitation: RsvpInvitation, link: { requestedAnswer: string | null; calendarPath: string }, now: Date): Promise<RsvpPage> {
  const closedReason = rsvpClosedReason(event, now);
  const answer = answerOfStatus(invitation.status);
  return {
    state: closedReason ? "closed" : "open",
    closedReason,
    title: event.title,
    description: event.description,
    companies: companiesOf(event),
    inviteeName: invitation.name,
    company: companyName(event, invitation.organizationId),
    when: whenOf(event),
    where: whereOf(event),
    deadline: formatDeadline(event),
    plusOnesAllowed: event.plusOnesAllowed,
    questions: event.questions,
    shifts: event.shifts.map((shift) => ({
      id: shift.id,
      role: shift.role,
      times: shiftTimes(shift, event.timeZone),
      notes: shift.notes,
      placesLeft: Math.max(0, shift.capacity - shift.seatsTaken),
      waiverText: shift.waiverText,
    })),
    current: {
      status: invitation.status,
      answer,
      waitlistPosition: invitation.status === "waitlisted" ? await waitlistPosition(db, invitation) : 0,
      bringsPlusOne: invitation.bringsPlusOne,
      plusOneName: invitation.plusOneName,
      shiftId: invitation.shiftId,
      waiverAccepted: invitation.waiverAcceptedAt !== null,
      answers: answersOf(invitation),
      details: answerDetailLines(event, invitation),
    },
    preselected: isRsvpAnswer(link.requestedAnswer) ? link.requestedAnswer : answer,
    calendarPath: link.calendarPath,
  };
}

function formShapeOf(event: AnswerEvent): RsvpFormShape {
  return { plusOnesAllowed: event.plusOnesAllowed, questions: event.questions, shifts: event.shifts };
}

export type RsvpSubmitResult =
  | { kind: "refused"; refusal: RsvpLinkRefusal }
  | { kind: "closed" }
  | { kind: "rejected"; result: SubmissionResult<string[]> }
  | { kind: "saved" };

/** The page's POST: checks the form against the event's questions, then records the answer. */
export async function submitRsvp(eventId: string, token: string, formData: FormData, now = new Date()): Promise<RsvpSubmitResult> {
  const context = await answerContext(eventId, token);
  if (!context) return { kind: "refused", refusal: "invalid" };
  const submission = parseWithZod(formData, { schema: rsvpFormSchema(formShapeOf(context.event)) });
  if (submission.status !== "success") {
    // Form errors are for the invitee; a stranger's link learns only that it isn't valid.
    const refusal = await refusalOf(context, now);
    return refusal ? { kind: "refused", refusal } : { kind: "rejected", result: submission.reply() };
  }
  const outcome = await recordAnswer(context, submission.value, now);
  switch (outcome.kind) {
    case "refused":
      return { kind: "refused", refusal: outcome.refusal };
    case "closed":
      return { kind: "closed" };
    case "no_room_for_change":
      return {
        kind: "rejected",
        result: submission.reply({
          formErrors: [
            outcome.refused === "plus_one"
              ? "There's no room for a plus-one right now, so nothing changed: you're still going on your own."
              : outcome.refused === "shift"
                ? "That shift is full, so nothing changed: you keep your place in the shift you had. Choose another shift or keep yours."
                : "There's no room for that change right now, so nothing changed: you keep your current place.",
          ],
        }),
      };
    case "saved":
      return { kind: "saved" };
  }
}
