import { describe, expect, test } from "vitest";
import { db } from "~/platform/db.server";
import { jobDefinitions } from "~/platform/job-definitions.server";
import { addInvitees } from "#tests/invitations/world";
import { dueNoticesJob, sendDueNudges, sendDueReminders } from "./due-notices.server";
import { NOTICE_CHUNK_SIZE } from "./send-notices.server";
import { attachmentsOf, noticeWorld, outboxTo } from "./test-world.test-support";

// The notice world's dinner starts Fri 14 Mar 2031, 18:00 in New York (EDT since Sun 9 Mar).
const SEVEN_DAYS_BEFORE = new Date("2031-03-07T23:00:00Z"); // Fri 7 Mar, 18:00 EST
const ONE_DAY_BEFORE = new Date("2031-03-13T22:00:00Z"); // Thu 13 Mar, 18:00 EDT
const minutesAfter = (instant: Date, minutes: number) => new Date(instant.getTime() + minutes * 60_000);

const emailsOf = (invitees: { email: string }[]) => invitees.map((invitee) => invitee.email);

async function subjectsTo(kind: string, invitee: { email: string }) {
  return (await outboxTo(kind, [invitee.email])).map((email) => email.subject);
}

describe("reminders to attendees", () => {
  test("each attendee gets each reminder once, however often the job runs, with the details, their link and the calendar part", async () => {
    const world = await noticeWorld({ plusOnesAllowed: true });
    const attendees = [...(await addInvitees(world, "acme", 2, { status: "attending" })), ...(await addInvitees(world, "globex", 1, { status: "attending" }))];
    const others = [
      ...(await addInvitees(world, "acme", 1, { status: "declined" })),
      ...(await addInvitees(world, "acme", 1, { status: "maybe" })),
      ...(await addInvitees(world, "globex", 1, { status: "waitlisted" })),
      ...(await addInvitees(world, "globex", 1, { status: "no_answer" })),
    ];
    const withGuest = attendees[0]!;
    await db.eventInvitation.update({ where: { id: withGuest.id }, data: { bringsPlusOne: true, plusOneName: "Sam Lee", seatsHeld: 2 } });

    await sendDueReminders(minutesAfter(SEVEN_DAYS_BEFORE, 5));
    await sendDueReminders(minutesAfter(SEVEN_DAYS_BEFORE, 20));

    const weekBefore = await outboxTo("event-reminder", emailsOf([...attendees, ...others]));
    expect(weekBefore.map((email) => email.to).sort()).toEqual(emailsOf(attendees).sort());
    const reminder = weekBefore.find((email) => email.to === withGuest.email)!;
    expect(reminder.subject).toBe("Reminder: “Team dinner” is in 7 days");
    expect(reminder.text).toContain("When: Fri 14 Mar 2031, 18:00–21:00 (America/New_York)");
    expect(reminder.text).toContain("Where: Luigi's, 1 Main St");
    expect(reminder.text).toContain("Plus-one: Sam Lee");
    expect(reminder.text).toContain(`http://localhost:3000/rsvp/${world.eventId}/${withGuest.id}.`);
    expect(reminder.html).toContain(`http://localhost:3000/check-in/${withGuest.id}/qr.png`);
    const [calendar, ...moreFiles] = attachmentsOf(reminder);
    expect(moreFiles).toEqual([]);
    expect(calendar!.contentType).toBe("text/calendar; charset=utf-8; method=REQUEST");
    expect(calendar!.text).toContain("METHOD:REQUEST");
    expect(calendar!.text).toContain(`UID:${world.eventId}.${withGuest.id}@rapport`);
    expect(calendar!.text).toContain("SEQUENCE:1");
    expect(calendar!.text).toContain("PARTSTAT=ACCEPTED");

    const notices = await db.invitationNotice.findMany({ where: { invitationId: { in: attendees.map((invitee) => invitee.id) } }, select: { kind: true, key: true, emailId: true } });
    expect(notices.map(({ kind, key }) => `${kind}/${key}`)).toEqual(["reminder/7d", "reminder/7d", "reminder/7d"]);
    expect(notices.map((notice) => notice.emailId).sort()).toEqual(weekBefore.map((email) => email.id).sort());

    // Two workers running the day-before reminders at the same moment still send one each.
    await Promise.all([sendDueReminders(minutesAfter(ONE_DAY_BEFORE, 1)), sendDueReminders(minutesAfter(ONE_DAY_BEFORE, 1))]);
    for (const attendee of attendees) {
      expect(await subjectsTo("event-reminder", attendee)).toEqual(["Reminder: “Team dinner” is in 7 days", "Reminder: “Team dinner” is tomorrow"]);
    }
  });

  test("“7 days before” is 18:00 on the event's clocks a week earlier, even across a clock change", async () => {
    const world = await noticeWorld();
    const [attendee] = await addInvitees(world, "acme", 1, { status: "attending" });

    // Exactly 168 hours before the start is only 17:00 in New York: the clocks went forward in between.
    await sendDueReminders(new Date("2031-03-07T22:00:00Z"));
    expect(await subjectsTo("event-reminder", attendee!)).toEqual([]);

    await sendDueReminders(SEVEN_DAYS_BEFORE);
    expect(await subjectsTo("event-reminder", attendee!)).toEqual(["Reminder: “Team dinner” is in 7 days"]);
  });

  test("someone invited, saying yes or promoted from the waitlist after the 7-day moment skips that reminder but gets the day-before one", async () => {
    const world = await noticeWorld();
    const [early] = await addInvitees(world, "acme", 1, { status: "attending" });
    const [late, promoted] = await addInvitees(world, "globex", 2, { status: "attending" });
    await db.eventInvitation.update({ where: { id: early!.id }, data: { respondedAt: new Date("2031-03-01T12:00:00Z") } });
    await db.eventInvitation.update({ where: { id: late!.id }, data: { sentAt: new Date("2031-03-09T12:00:00Z"), respondedAt: new Date("2031-03-09T13:00:00Z") } });
    await db.eventInvitation.update({ where: { id: promoted!.id }, data: { respondedAt: new Date("2031-03-01T12:00:00Z"), promotedAt: new Date("2031-03-09T14:00:00Z") } });

    await sendDueReminders(new Date("2031-03-10T12:00:00Z"));
    expect(await subjectsTo("event-reminder", early!)).toEqual(["Reminder: “Team dinner” is in 7 days"]);
    expect(await subjectsTo("event-reminder", late!)).toEqual([]);
    expect(await subjectsTo("event-reminder", promoted!)).toEqual([]);

    await sendDueReminders(minutesAfter(ONE_DAY_BEFORE, 10));
    expect(await subjectsTo("event-reminder", early!)).toEqual(["Reminder: “Team dinner” is in 7 days", "Reminder: “Team dinner” is tomorrow"]);
    expect(await subjectsTo("event-reminder", late!)).toEqual(["Reminder: “Team dinner” is tomorrow"]);
    expect(await subjectsTo("event-reminder", promoted!)).toEqual(["Reminder: “Team dinner” is tomorrow"]);
  });

  test("a reminder overtaken by the next one is dropped, and nothing goes once the event has started", async () => {
    const world = await noticeWorld();
    const [attendee] = await addInvitees(world, "acme", 1, { status: "attending" });

    // The worker was down for the whole week: only the day-before reminder is still worth sending.
    await sendDueReminders(minutesAfter(ONE_DAY_BEFORE, 60));
    await sendDueReminders(new Date("2031-03-14T22:00:00Z"));
    expect(await subjectsTo("event-reminder", attendee!)).toEqual(["Reminder: “Team dinner” is tomorrow"]);
  });

  test("revoked, bounced, suppressed and walk-in attendees, events without reminders, cancelled ones and ones awaiting re-approval get none", async () => {
    const world = await noticeWorld();
    const [reminded, revoked, bounced, suppressed] = await addInvitees(world, "acme", 4, { status: "attending" });
    const [walkIn] = await addInvitees(world, "globex", 1, { status: "attending", source: "walk_in", delivery: "not_sent" });
    await db.eventInvitation.update({ where: { id: revoked!.id }, data: { revokedAt: new Date() } });
    await db.eventInvitation.update({ where: { id: bounced!.id }, data: { delivery: "bounced" } });
    await db.emailSuppression.create({ data: { email: suppressed!.email, reason: "complained" } });

    const withoutReminders = await noticeWorld({ reminderDays: "" });
    const cancelled = await noticeWorld();
    const awaitingApproval = await noticeWorld();
    await db.event.update({ where: { id: cancelled.eventId }, data: { status: "cancelled", cancelReason: "Rain." } });
    await db.event.update({ where: { id: awaitingApproval.eventId }, data: { status: "proposed", version: 2 } });
    const elsewhere = [
      ...(await addInvitees(withoutReminders, "acme", 1, { status: "attending" })),
      ...(await addInvitees(cancelled, "acme", 1, { status: "attending" })),
      ...(await addInvitees(awaitingApproval, "acme", 1, { status: "attending" })),
    ];

    await sendDueReminders(minutesAfter(SEVEN_DAYS_BEFORE, 1));

    expect((await outboxTo("event-reminder", emailsOf([reminded!, revoked!, bounced!, suppressed!, walkIn!, ...elsewhere]))).map((email) => email.to)).toEqual([reminded!.email]);
  });

  test("a list longer than one chunk is reminded in full", async () => {
    const world = await noticeWorld();
    const attendees = await addInvitees(world, "acme", NOTICE_CHUNK_SIZE * 2 + 3, { status: "attending" });

    expect(await sendDueReminders(minutesAfter(SEVEN_DAYS_BEFORE, 1))).toBeGreaterThanOrEqual(attendees.length);

    const reminders = await outboxTo("event-reminder", emailsOf(attendees));
    expect(new Set(reminders.map((email) => email.to)).size).toBe(attendees.length);
    expect(reminders).toHaveLength(attendees.length);
  });

  test("the job runs every quarter hour on every worker", () => {
    expect(jobDefinitions).toContain(dueNoticesJob);
    expect(dueNoticesJob.cron).toBe("*/15 * * * *");
  });
});

describe("nudges to people who haven't answered", () => {
  // Answers close Mon 10 Mar 2031, 17:00 in New York (21:00 UTC); the nudge is due two days
  // earlier at the same time on the clocks there, Sat 8 Mar 17:00 EST (22:00 UTC).
  const NUDGE_MOMENT = new Date("2031-03-08T22:00:00Z");

  test("people who haven't answered are nudged once, with Yes / No / Maybe links; everyone else is left alone", async () => {
    const world = await noticeWorld({ rsvpDeadline: "2031-03-10T17:00" });
    const waiting = [...(await addInvitees(world, "acme", 2)), ...(await addInvitees(world, "globex", 1))];
    const leftAlone = [
      ...(await addInvitees(world, "acme", 1, { status: "attending" })),
      ...(await addInvitees(world, "acme", 1, { status: "declined" })),
      ...(await addInvitees(world, "globex", 1, { status: "maybe" })),
      ...(await addInvitees(world, "globex", 1, { status: "waitlisted" })),
      ...(await addInvitees(world, "globex", 1, { delivery: "not_sent" })),
    ];
    const [revoked] = await addInvitees(world, "acme", 1);
    await db.eventInvitation.update({ where: { id: revoked!.id }, data: { revokedAt: new Date() } });
    leftAlone.push(revoked!);

    await sendDueNudges(minutesAfter(NUDGE_MOMENT, -5));
    expect(await outboxTo("rsvp-nudge", emailsOf([...waiting, ...leftAlone]))).toEqual([]);

    await sendDueNudges(NUDGE_MOMENT);
    await Promise.all([sendDueNudges(minutesAfter(NUDGE_MOMENT, 15)), sendDueNudges(minutesAfter(NUDGE_MOMENT, 15))]);

    const nudges = await outboxTo("rsvp-nudge", emailsOf([...waiting, ...leftAlone]));
    expect(nudges.map((email) => email.to).sort()).toEqual(emailsOf(waiting).sort());
    const nudge = nudges.find((email) => email.to === waiting[0]!.email)!;
    expect(nudge.subject).toBe("Can you come to “Team dinner”? Please answer");
    expect(nudge.text).toContain("Please answer by Mon 10 Mar 2031, 17:00 (America/New_York)");
    for (const answer of ["yes", "no", "maybe"]) {
      expect(nudge.text).toMatch(new RegExp(`http://localhost:3000/rsvp/${world.eventId}/${waiting[0]!.id}\\.[^\\s?]+\\?answer=${answer}`));
    }
    expect(nudge.attachments).toBeNull();
    const notices = await db.invitationNotice.findMany({ where: { invitationId: { in: waiting.map((invitee) => invitee.id) } }, select: { kind: true, key: true } });
    expect(notices).toEqual(waiting.map(() => ({ kind: "nudge", key: "" })));
  });

  test("no nudge once answers have closed, nor to someone invited after the nudge's moment; without a deadline it counts from the start", async () => {
    const closed = await noticeWorld({ rsvpDeadline: "2031-03-10T17:00" });
    const [tooLate] = await addInvitees(closed, "acme", 1);
    await sendDueNudges(new Date("2031-03-10T21:00:00Z"));
    expect(await outboxTo("rsvp-nudge", [tooLate!.email])).toEqual([]);

    // No deadline: answers close at the start, Fri 14 Mar 18:00 EDT; 3 days before is Tue 11 Mar 18:00 EDT.
    const noDeadline = await noticeWorld({ nudgeDaysBefore: 3 });
    const [invitedEarly] = await addInvitees(noDeadline, "acme", 1);
    const [invitedLate] = await addInvitees(noDeadline, "globex", 1);
    await db.eventInvitation.update({ where: { id: invitedLate!.id }, data: { sentAt: new Date("2031-03-12T09:00:00Z") } });
    await sendDueNudges(new Date("2031-03-11T21:59:00Z"));
    expect(await outboxTo("rsvp-nudge", [invitedEarly!.email])).toEqual([]);
    await sendDueNudges(new Date("2031-03-12T12:00:00Z"));
    expect(await subjectsTo("rsvp-nudge", invitedEarly!)).toEqual(["Can you come to “Team dinner”? Please answer"]);
    expect(await outboxTo("rsvp-nudge", [invitedLate!.email])).toEqual([]);

    const off = await noticeWorld({ nudgeDaysBefore: 0 });
    const [neverNudged] = await addInvitees(off, "acme", 1);
    await sendDueNudges(new Date("2031-03-14T12:00:00Z"));
    expect(await outboxTo("rsvp-nudge", [neverNudged!.email])).toEqual([]);
  });
});
