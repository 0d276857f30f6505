import { describe, expect, test } from "vitest";
import { cancelEvent } from "~/events/events.server";
import { db } from "~/platform/db.server";
import { addInvitees } from "#tests/invitations/world";
import { eventCancelledNoticesJob, sendCancellationNotices } from "./cancellation-notices.server";
import { NOTICE_CHUNK_SIZE } from "./send-notices.server";
import { attachmentsOf, noticeWorld, outboxTo, queuedJobs } from "./test-world.test-support";

const emailsOf = (invitees: { email: string }[]) => invitees.map((invitee) => invitee.email);

async function jobsFor(eventId: string) {
  return (await queuedJobs(eventCancelledNoticesJob.name)).filter((job) => job.data.eventId === eventId);
}

describe("cancellation notices", () => {
  test("cancelling queues one job in the same transaction; it tells everyone who was sent an invitation once, with the reason and a calendar cancellation", async () => {
    const world = await noticeWorld();
    const told = [
      ...(await addInvitees(world, "acme", 1, { status: "attending" })),
      ...(await addInvitees(world, "acme", 1, { status: "waitlisted" })),
      ...(await addInvitees(world, "globex", 1, { status: "maybe" })),
      ...(await addInvitees(world, "globex", 1, { status: "no_answer" })),
      ...(await addInvitees(world, "acme", 1, { status: "declined" })),
    ];
    const [notSent] = await addInvitees(world, "globex", 1, { delivery: "not_sent" });
    const [revoked, bounced] = await addInvitees(world, "acme", 2, { status: "attending" });
    await db.eventInvitation.update({ where: { id: revoked!.id }, data: { revokedAt: new Date() } });
    await db.eventInvitation.update({ where: { id: bounced!.id }, data: { delivery: "bounced" } });
    const everyone = emailsOf([...told, notSent!, revoked!, bounced!]);

    await cancelEvent(world.scopes.globexManager, world.eventId, "The venue flooded.");
    expect(await jobsFor(world.eventId)).toEqual([{ data: { eventId: world.eventId }, singleton_key: world.eventId }]);
    // The cancelling request only queued the job: nobody is emailed until it runs.
    expect(await outboxTo("event-cancelled-notice", everyone)).toEqual([]);

    await sendCancellationNotices(world.eventId);
    await Promise.all([sendCancellationNotices(world.eventId), sendCancellationNotices(world.eventId)]);

    const notices = await outboxTo("event-cancelled-notice", everyone);
    expect(notices.map((email) => email.to).sort()).toEqual(emailsOf(told).sort());
    const notice = notices.find((email) => email.to === told[0]!.email)!;
    expect(notice.subject).toBe("Cancelled: “Team dinner”");
    expect(notice.text).toContain("planned for Fri 14 Mar 2031, 18:00–21:00 (America/New_York), won't take place");
    expect(notice.text).toContain("The organisers' reason: The venue flooded.");
    const [calendar, ...moreFiles] = attachmentsOf(notice);
    expect(moreFiles).toEqual([]);
    expect(calendar!.filename).toBe("cancel.ics");
    expect(calendar!.contentType).toBe("text/calendar; charset=utf-8; method=CANCEL");
    expect(calendar!.text).toContain("METHOD:CANCEL");
    expect(calendar!.text).toContain("STATUS:CANCELLED");
    // Version 1, cancelled: one more than the last update, so calendars apply it.
    expect(calendar!.text).toContain("SEQUENCE:2");
    expect(calendar!.text).toContain(`UID:${world.eventId}.${told[0]!.id}@rapport`);
    const keys = await db.invitationNotice.findMany({ where: { invitationId: { in: told.map((invitee) => invitee.id) } }, select: { kind: true, emailId: true } });
    expect(keys.map((key) => key.kind)).toEqual(told.map(() => "cancel"));
    expect(keys.map((key) => key.emailId).sort()).toEqual(notices.map((email) => email.id).sort());
  });

  test("a big list is told in chunks, all of it", async () => {
    const world = await noticeWorld();
    const invitees = await addInvitees(world, "acme", NOTICE_CHUNK_SIZE * 2 + 1, { status: "attending" });

    await cancelEvent(world.scopes.acmeManager, world.eventId, "Budget cut.");
    expect(await sendCancellationNotices(world.eventId)).toBe(invitees.length);

    expect(await outboxTo("event-cancelled-notice", emailsOf(invitees))).toHaveLength(invitees.length);
  });

  test("an event nobody was invited to queues no job, and the job does nothing for an event that isn't cancelled", async () => {
    const quiet = await noticeWorld();
    await addInvitees(quiet, "acme", 1, { delivery: "not_sent" });
    await cancelEvent(quiet.scopes.acmeManager, quiet.eventId, "Nobody could come.");
    expect(await jobsFor(quiet.eventId)).toEqual([]);

    const onTrack = await noticeWorld();
    const [invitee] = await addInvitees(onTrack, "acme", 1, { status: "attending" });
    expect(await sendCancellationNotices(onTrack.eventId)).toBe(0);
    expect(await outboxTo("event-cancelled-notice", [invitee!.email])).toEqual([]);
  });
});
