import { describe, expect, test } from "vitest";
import { updateEvent } from "~/events/events.server";
import { EventRuleError } from "~/events/rules";
import { eventInput } from "~/events/test-world.test-support";
import { db } from "~/platform/db.server";
import * as editPage from "~/routes/o.$slug.events.$eventId.edit";
import { createSessionCookie } from "#tests/factories";
import { addInvitees, confirmedEventWorld, type ConfirmedEventWorld } from "#tests/invitations/world";
import { callRoute } from "#tests/partnerships/route-calls";
import { workRsvpNoticeJobs } from "./notices.test-support";
import { recordRsvp } from "./rsvp.server";
import { createRsvpToken } from "./tokens.server";

const yes = { answer: "yes", bringsPlusOne: false, plusOneName: "", shiftId: null, waiverAccepted: false, answers: {} } as const;

async function answerYes(world: ConfirmedEventWorld, invitees: { id: string; eventId: string; tokenVersion: number }[], shiftId: string | null = null) {
  for (const invitee of invitees) await recordRsvp(world.eventId, createRsvpToken(invitee, new Date(Date.now() + 86_400_000)), { ...yes, shiftId, waiverAccepted: true });
}

const dinnerForm = {
  kind: "outing",
  outingType: "dinner",
  title: "Team dinner",
  venueName: "Luigi's",
  venueAddress: "1 Main St",
  timeZone: "America/New_York",
  startsAt: "2031-03-14T18:00",
  endsAt: "2031-03-14T21:00",
};

describe("editing seats when people are already going", () => {
  test("a quota or total below the seats taken is refused beside the field, and nothing is saved", async () => {
    const world = await confirmedEventWorld({ capacity: 10, quotas: { initiator: 6, partner: 4 } });
    await answerYes(world, await addInvitees(world, "acme", 3));
    const slug = world.acme.organization.slug;

    const refused = await callRoute(editPage.action, {
      path: `/o/${slug}/events/${world.eventId}/edit`,
      params: { slug, eventId: world.eventId },
      cookie: await createSessionCookie(world.acme.manager),
      form: { ...dinnerForm, capacity: "2", "quotas.initiator": "1", "quotas.partner": "1" },
    });

    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      error: {
        "": ["Some places are already taken, so nothing was saved."],
        capacity: ["3 people already going; the total can't go below 3."],
        "quotas.initiator": [`${world.acme.organization.name} already has 3 people going; its seats can't go below 3.`],
      },
    });
    expect(await db.event.findUniqueOrThrow({ where: { id: world.eventId }, select: { capacity: true, version: true } })).toEqual({ capacity: 10, version: 1 });
  });

  test("raising a quota promotes that company's waitlist at once and tells them", async () => {
    const world = await confirmedEventWorld({ capacity: 10, quotas: { initiator: 1, partner: 9 } });
    const [first, second, third] = await addInvitees(world, "acme", 3);
    await answerYes(world, [first!, second!, third!]);

    await updateEvent(world.scopes.acmeManager, world.eventId, eventInput(world, { capacity: 10, quotas: { initiator: 2, partner: 8 } }));

    const statuses = await db.eventInvitation.findMany({ where: { id: { in: [first!.id, second!.id, third!.id] } }, select: { id: true, status: true } });
    expect(Object.fromEntries(statuses.map((row) => [row.id, row.status]))).toEqual({ [first!.id]: "attending", [second!.id]: "attending", [third!.id]: "waitlisted" });
    await workRsvpNoticeJobs();
    expect(await db.outboundEmail.count({ where: { to: second!.email, kind: "waitlist-promoted" } })).toBe(1);
  });

  test("a shift with volunteers can't be removed or shrunk below them", async () => {
    const world = await confirmedEventWorld({ capacity: 20 }, "volunteer_day");
    const [sorting, packing] = await db.eventShift.findMany({ where: { eventId: world.eventId }, orderBy: { startsAt: "asc" } });
    await answerYes(world, await addInvitees(world, "acme", 2), sorting!.id);
    const shiftRow = (shift: typeof sorting, capacity: number) => ({ id: shift!.id, role: shift!.role, day: 1, startTime: shift === sorting ? "09:00" : "13:00", endTime: shift === sorting ? "12:00" : "17:00", capacity });

    const removing = updateEvent(world.scopes.acmeManager, world.eventId, eventInput(world, { shifts: [shiftRow(packing, 10)] }, "volunteer_day"));
    await expect(removing).rejects.toThrow(new EventRuleError("Some places are already taken, so nothing was saved. 2 people signed up for “Sorting”, so it can't be removed. Keep it, or ask them to choose another shift first."));
    const shrinking = updateEvent(world.scopes.acmeManager, world.eventId, eventInput(world, { shifts: [shiftRow(sorting, 1), shiftRow(packing, 10)] }, "volunteer_day"));
    await expect(shrinking).rejects.toThrow("2 people signed up for “Sorting”; its places can't go below 2.");
  });
});
