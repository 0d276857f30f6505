import { describe, expect, test } from "vitest";
import { approveEvent, updateEvent } from "~/events/events.server";
import { db } from "~/platform/db.server";
import { addInvitees } from "#tests/invitations/world";
import { eventChangedNoticesJob, sendChangeNotices } from "./change-notices.server";
import { approvedNoticeWorld, attachmentsOf, noticeEventInput, outboxTo, queuedJobs } from "./test-world.test-support";

type World = Awaited<ReturnType<typeof approvedNoticeWorld>>;

const DINNER_WHEN = "Fri 14 Mar 2031, 18:00–21:00 (America/New_York)";
const MOVED_WHEN = "Sat 15 Mar 2031, 19:00–22:00 (America/New_York)";
const moved = { startsAt: "2031-03-15T19:00", endsAt: "2031-03-15T22:00" };

/** Acme edits the event; both companies approve the new version, which confirms it. */
async function changeAndConfirm(world: World, overrides: Record<string, unknown>) {
  const { version } = await updateEvent(world.scopes.acmeManager, world.eventId, noticeEventInput(world, overrides));
  await approveEvent(world.scopes.acmeManager, world.eventId, version);
  await approveEvent(world.scopes.globexManager, world.eventId, version);
  return version;
}

async function jobsFor(eventId: string) {
  return (await queuedJobs(eventChangedNoticesJob.name)).filter((job) => job.data.eventId === eventId);
}

const emailsOf = (invitees: { email: string }[]) => invitees.map((invitee) => invitee.email);

describe("change notices", () => {
  test("when both companies confirm a moved event, everyone invited who hasn't declined is told once, with before → after and the updated calendar part", async () => {
    const world = await approvedNoticeWorld();
    const told = [
      ...(await addInvitees(world, "acme", 1, { status: "attending" })),
      ...(await addInvitees(world, "acme", 1, { status: "no_answer" })),
      ...(await addInvitees(world, "globex", 1, { status: "maybe" })),
      ...(await addInvitees(world, "globex", 1, { status: "waitlisted" })),
    ];
    const notTold = [...(await addInvitees(world, "acme", 1, { status: "declined" })), ...(await addInvitees(world, "globex", 1, { delivery: "not_sent" }))];
    const everyone = emailsOf([...told, ...notTold]);

    const { version } = await updateEvent(world.scopes.acmeManager, world.eventId, noticeEventInput(world, { ...moved, venueName: "Chez Marie" }));
    await approveEvent(world.scopes.acmeManager, world.eventId, version);
    // Proposed, not agreed: invitees hear nothing yet.
    expect(await jobsFor(world.eventId)).toEqual([]);
    await sendChangeNotices(world.eventId);
    expect(await outboxTo("event-changed-notice", everyone)).toEqual([]);

    await approveEvent(world.scopes.globexManager, world.eventId, version);
    expect(await jobsFor(world.eventId)).toEqual([{ data: { eventId: world.eventId, version: 2 }, singleton_key: `${world.eventId}:v2` }]);

    await sendChangeNotices(world.eventId);
    await Promise.all([sendChangeNotices(world.eventId), sendChangeNotices(world.eventId)]);

    const notices = await outboxTo("event-changed-notice", everyone);
    expect(notices.map((email) => email.to).sort()).toEqual(emailsOf(told).sort());
    const notice = notices.find((email) => email.to === told[0]!.email)!;
    expect(notice.subject).toBe("Changed: “Team dinner” has a new time and place");
    expect(notice.text).toContain(`When: ${DINNER_WHEN} → ${MOVED_WHEN}`);
    expect(notice.text).toContain("Venue: Luigi's → Chez Marie");
    expect(notice.text).toContain(`When: ${MOVED_WHEN}`);
    expect(notice.text).toContain("Where: Chez Marie, 1 Main St");
    expect(notice.text).toContain(`http://localhost:3000/rsvp/${world.eventId}/${told[0]!.id}.`);
    const [calendar] = attachmentsOf(notice);
    expect(calendar!.contentType).toBe("text/calendar; charset=utf-8; method=REQUEST");
    expect(calendar!.text).toContain("METHOD:REQUEST");
    expect(calendar!.text).toContain("SEQUENCE:2");
    expect(calendar!.text).toContain("DTSTART:20310315T230000Z");
    expect(calendar!.text).toContain("LOCATION:Chez Marie\\, 1 Main St");
    const keys = await db.invitationNotice.findMany({ where: { invitationId: { in: told.map((invitee) => invitee.id) }, kind: "change" }, select: { kind: true, key: true } });
    expect(keys).toEqual(told.map(() => ({ kind: "change", key: "v2" })));
  });

  test("each version is told once and only when it matters to invitees; each invitee hears what differs from what they were told", async () => {
    const world = await approvedNoticeWorld();
    const [early] = await addInvitees(world, "acme", 1, { status: "attending" });
    await changeAndConfirm(world, moved);
    await sendChangeNotices(world.eventId);
    // Invited after version 2 was agreed: their invitation already showed it.
    const [late] = await addInvitees(world, "globex", 1, { status: "attending" });
    await sendChangeNotices(world.eventId);
    expect((await outboxTo("event-changed-notice", [early!.email])).map((email) => email.subject)).toEqual(["Changed: “Team dinner” has a new date or time"]);
    expect(await outboxTo("event-changed-notice", [late!.email])).toEqual([]);

    // More seats are the planners' business, not the invitees'.
    await changeAndConfirm(world, { ...moved, capacity: 30 });
    await sendChangeNotices(world.eventId);
    expect(await outboxTo("event-changed-notice", [early!.email])).toHaveLength(1);

    const version = await changeAndConfirm(world, { ...moved, capacity: 30, venueName: "Chez Marie" });
    await sendChangeNotices(world.eventId);
    for (const invitee of [early!, late!]) {
      const latest = (await outboxTo("event-changed-notice", [invitee.email])).at(-1)!;
      expect(latest.subject).toBe("Changed: “Team dinner” has a new place");
      expect(latest.text).toContain("Venue: Luigi's → Chez Marie");
      expect(latest.text).not.toContain(`When: ${DINNER_WHEN} →`);
      expect(attachmentsOf(latest)[0]!.text).toContain(`SEQUENCE:${version}`);
    }
    expect(version).toBe(4);
    expect(await outboxTo("event-changed-notice", [early!.email, late!.email])).toHaveLength(3);
  });

  test("changes made while the event awaited approval reach invitees as one notice when it is confirmed; a move and a move back as none", async () => {
    const world = await approvedNoticeWorld();
    const [invitee] = await addInvitees(world, "acme", 1, { status: "attending" });

    await changeAndConfirm(world, moved);
    // Changed again before the notices went out: the job finds a proposal and leaves it to the next confirmation.
    await updateEvent(world.scopes.globexManager, world.eventId, noticeEventInput(world, { ...moved, venueName: "Chez Marie" }));
    expect(await sendChangeNotices(world.eventId)).toBe(0);
    await approveEvent(world.scopes.acmeManager, world.eventId, 3);
    await approveEvent(world.scopes.globexManager, world.eventId, 3);
    await sendChangeNotices(world.eventId);

    const [notice, ...more] = await outboxTo("event-changed-notice", [invitee!.email]);
    expect(more).toEqual([]);
    expect(notice!.text).toContain(`When: ${DINNER_WHEN} → ${MOVED_WHEN}`);
    expect(notice!.text).toContain("Venue: Luigi's → Chez Marie");
    expect(attachmentsOf(notice!)[0]!.text).toContain("SEQUENCE:3");

    const other = await approvedNoticeWorld();
    const [unbothered] = await addInvitees(other, "acme", 1, { status: "attending" });
    await updateEvent(other.scopes.acmeManager, other.eventId, noticeEventInput(other, moved));
    await changeAndConfirm(other, {});
    await sendChangeNotices(other.eventId);
    expect(await outboxTo("event-changed-notice", [unbothered!.email])).toEqual([]);
  });

  test("on a volunteer day, a moved shift is news only to the people in it", async () => {
    const world = await approvedNoticeWorld({}, "volunteer_day");
    const shifts = await db.eventShift.findMany({ where: { eventId: world.eventId }, orderBy: { startsAt: "asc" }, select: { id: true, role: true } });
    const [sorter, packer] = await addInvitees(world, "acme", 2, { status: "attending" });
    const [undecided] = await addInvitees(world, "globex", 1);
    await db.eventInvitation.update({ where: { id: sorter!.id }, data: { shiftId: shifts[0]!.id } });
    await db.eventInvitation.update({ where: { id: packer!.id }, data: { shiftId: shifts[1]!.id } });

    const shiftRows = [
      { id: shifts[0]!.id, role: "Sorting", day: 1, startTime: "10:00", endTime: "12:00", capacity: 10 },
      { id: shifts[1]!.id, role: "Packing", day: 1, startTime: "13:00", endTime: "17:00", capacity: 10, notes: "Wear closed shoes", waiverText: "I accept the risks." },
    ];
    const { version } = await updateEvent(world.scopes.acmeManager, world.eventId, noticeEventInput(world, { shifts: shiftRows }, "volunteer_day"));
    await approveEvent(world.scopes.acmeManager, world.eventId, version);
    await approveEvent(world.scopes.globexManager, world.eventId, version);
    await sendChangeNotices(world.eventId);

    const [notice, ...more] = await outboxTo("event-changed-notice", emailsOf([sorter!, packer!, undecided!]));
    expect(more).toEqual([]);
    expect(notice!.to).toBe(sorter!.email);
    expect(notice!.subject).toBe("Changed: “Food bank day” has an updated plan");
    expect(notice!.text).toContain("Shift: Sorting: Sat 14 Jun 2031, 09:00–12:00 (Europe/Berlin) · 10 people → Sat 14 Jun 2031, 10:00–12:00 (Europe/Berlin) · 10 people");
    expect(notice!.text).toContain("Shift: Sorting, Sat 14 Jun 2031, 10:00–12:00 (Europe/Berlin)");
  });
});
