import { describe, expect, test } from "vitest";
import { db } from "~/platform/db.server";
import * as eventPage from "~/routes/o.$slug.events.$eventId._index";
import * as editPage from "~/routes/o.$slug.events.$eventId.edit";
import * as newEventPage from "~/routes/o.$slug.partners.$partnershipId.events.new";
import { createSessionCookie } from "#tests/factories";
import { callRoute } from "#tests/partnerships/route-calls";
import { createEvent, proposeEvent, updateEvent } from "./events.server";
import { eventInput, jointWorld } from "./test-world.test-support";

type Outcome = { status: number; body: unknown; location: string | null };

/** Runs a route's action as the server would for a browser's form post, and reads what came back. */
async function post(route: { action: (args: never) => unknown }, params: Record<string, string>, cookie: string, form: Record<string, string>): Promise<Outcome> {
  const outcome = await callRoute(route.action, { path: `/o/${params.slug}/probe`, params, cookie, form });
  return { status: outcome.status, body: outcome.body, location: outcome.headers.get("location") };
}

const dinnerForm = {
  kind: "outing",
  outingType: "dinner",
  title: "Harbour dinner",
  venueName: "The Oyster Bar",
  timeZone: "Europe/Berlin",
  startsAt: "2031-05-02T19:00",
  endsAt: "2031-05-02T22:00",
  capacity: "20",
};

describe("planning pages", () => {
  test("creating from the form saves a draft and opens it; bad input saves nothing and names each field", async () => {
    const world = await jointWorld();
    const cookie = await createSessionCookie(world.acme.manager);
    const params = { slug: world.acme.organization.slug, partnershipId: world.partnershipId };

    const refused = await post(newEventPage, params, cookie, { ...dinnerForm, title: "", "quotas.initiator": "15", "quotas.partner": "10" });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      error: {
        title: ["Give the event a title."],
        quotas: [
          `${world.acme.organization.name}'s 15 seats and ${world.globex.organization.name}'s 10 seats add up to 25, more than the 20 seats in total. Lower a quota or raise the capacity.`,
        ],
      },
    });
    expect(await db.event.count({ where: { partnershipId: world.partnershipId } })).toBe(0);

    const created = await post(newEventPage, params, cookie, dinnerForm);
    expect(created.status).toBe(302);
    const event = await db.event.findFirstOrThrow({ where: { partnershipId: world.partnershipId }, select: { id: true, startsAt: true, status: true } });
    expect(created.location).toBe(`/o/${world.acme.organization.slug}/events/${event.id}?saved=created`);
    expect(event).toMatchObject({ status: "draft", startsAt: new Date("2031-05-02T17:00:00.000Z") });
  });

  test("adding a question row without JavaScript keeps what was typed and saves nothing", async () => {
    const world = await jointWorld();
    const cookie = await createSessionCookie(world.acme.manager);
    const outcome = await post(newEventPage, { slug: world.acme.organization.slug, partnershipId: world.partnershipId }, cookie, {
      ...dinnerForm,
      "questions[0].prompt": "Allergies?",
      "questions[0].kind": "short_text",
      __intent__: JSON.stringify({ type: "insert", payload: { name: "questions", defaultValue: { kind: "short_text" } } }),
    });
    expect(outcome.status).toBe(200);
    expect(outcome.body).toMatchObject({ initialValue: { title: "Harbour dinner", questions: [{ prompt: "Allergies?" }, { kind: "short_text" }] } });
    expect(await db.event.count({ where: { partnershipId: world.partnershipId } })).toBe(0);
  });

  test("an approval of a version that changed meanwhile is refused with the reason, and an edit reports a new version", async () => {
    const world = await jointWorld();
    const { id } = await createEvent(world.scopes.acmeManager, world.partnershipId, eventInput(world));
    await proposeEvent(world.scopes.acmeManager, id);
    await updateEvent(world.scopes.acmeManager, id, eventInput(world, { capacity: 24 }));

    const globexCookie = await createSessionCookie(world.globex.manager);
    const stale = await post(eventPage, { slug: world.globex.organization.slug, eventId: id }, globexCookie, { intent: "approve", version: "1" });
    expect(stale).toMatchObject({
      status: 409,
      body: { form: "page", ok: false, message: "The plan changed while you were reviewing it: it is now version 2. Look over the changes and approve again." },
    });
    expect(await db.eventApproval.count({ where: { eventId: id } })).toBe(0);

    const edited = await post(editPage, { slug: world.globex.organization.slug, eventId: id }, globexCookie, {
      kind: "outing",
      outingType: "dinner",
      title: "Team dinner",
      venueName: "Luigi's",
      venueAddress: "1 Main St",
      timeZone: "America/New_York",
      startsAt: "2031-03-14T19:00",
      endsAt: "2031-03-14T21:00",
      capacity: "24",
      "quotas.initiator": "12",
      "quotas.partner": "12",
    });
    expect(edited).toMatchObject({ status: 302, location: `/o/${world.globex.organization.slug}/events/${id}?saved=reapproval` });
    expect(await db.event.findUniqueOrThrow({ where: { id }, select: { version: true } })).toEqual({ version: 3 });
  });

  test("cancelling needs a reason; duplicating opens the copy for editing", async () => {
    const world = await jointWorld();
    const { id } = await createEvent(world.scopes.acmeManager, world.partnershipId, eventInput(world));
    const cookie = await createSessionCookie(world.acme.owner);
    const params = { slug: world.acme.organization.slug, eventId: id };

    const noReason = await post(eventPage, params, cookie, { intent: "cancel", reason: "  " });
    expect(noReason).toMatchObject({ status: 400, body: { form: "cancel", result: { error: { reason: ["Tell both companies why the event is cancelled."] } } } });
    expect(await db.event.findUniqueOrThrow({ where: { id }, select: { status: true } })).toEqual({ status: "draft" });

    const duplicated = await post(eventPage, params, cookie, { intent: "duplicate", startDate: "2031-04-18" });
    expect(duplicated.status).toBe(302);
    const copy = await db.event.findFirstOrThrow({ where: { partnershipId: world.partnershipId, id: { not: id } }, select: { id: true, startsAt: true } });
    expect(duplicated.location).toBe(`/o/${world.acme.organization.slug}/events/${copy.id}/edit?duplicated=1`);
    expect(copy.startsAt.toISOString()).toBe("2031-04-18T22:00:00.000Z");
  });
});
