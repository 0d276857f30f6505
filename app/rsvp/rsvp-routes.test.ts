import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { describe, expect, test, vi } from "vitest";
import * as entry from "~/entry.server";
import { db } from "~/platform/db.server";
import * as root from "~/root";
import * as calendarRoute from "~/routes/rsvp.$eventId.$token.calendar[.]ics";
import * as pageRoute from "~/routes/rsvp.$eventId.$token";
import { addInvitees, confirmedEventWorld, type ConfirmedEventWorld } from "#tests/invitations/world";
import { createRsvpToken } from "./tokens.server";

type ServerRouteModule = ServerBuild["routes"][string]["module"];

function routeAssets(id: string, parentId: string | undefined, path: string, hasAction: boolean) {
  return { id, parentId, path, module: `/assets/${id}.js`, hasAction, hasLoader: true, hasClientAction: false, hasClientLoader: false, hasErrorBoundary: false };
}

/** The app's real root, entry and RSVP routes behind Remix's own request handler, as the server runs them. */
const build: ServerBuild = {
  mode: "production",
  entry: { module: entry },
  routes: {
    root: { id: "root", path: "", module: root as unknown as ServerRouteModule },
    "routes/rsvp": { id: "routes/rsvp", parentId: "root", path: "rsvp/:eventId/:token", module: pageRoute as unknown as ServerRouteModule },
    "routes/rsvp-calendar": { id: "routes/rsvp-calendar", parentId: "routes/rsvp", path: "calendar.ics", module: calendarRoute as unknown as ServerRouteModule },
  },
  assets: {
    entry: { imports: [], module: "/assets/entry.client.js" },
    routes: {
      root: routeAssets("root", undefined, "", false),
      "routes/rsvp": routeAssets("routes/rsvp", "root", "rsvp/:eventId/:token", true),
      "routes/rsvp-calendar": routeAssets("routes/rsvp-calendar", "routes/rsvp", "calendar.ics", false),
    },
    url: "/assets/manifest.js",
    version: "test",
  },
  publicPath: "/",
  assetsBuildDirectory: "build/client",
  future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_lazyRouteDiscovery: false, v3_singleFetch: true },
  isSpaMode: false,
};

const handle = createRequestHandler(build, "production");

function request(path: string, init: RequestInit = {}) {
  return handle(new Request(`http://localhost:3000${path}`, { redirect: "manual", ...init }), { cspNonce: "test-nonce", clientAddress: "127.0.0.1" });
}

function post(path: string, form: Record<string, string>) {
  return request(path, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(form) });
}

function tokenFor(invitee: { id: string; eventId: string; tokenVersion: number }) {
  return createRsvpToken(invitee, new Date(Date.now() + 30 * 86_400_000));
}

/** Everything an answer could change: invitations, seat counts, queued emails and notices. */
async function snapshot(world: ConfirmedEventWorld) {
  return {
    invitations: await db.eventInvitation.findMany({ where: { eventId: world.eventId }, orderBy: { id: "asc" } }),
    event: await db.event.findUniqueOrThrow({ where: { id: world.eventId }, select: { seatsTaken: true, updatedAt: true } }),
    quotas: await db.eventQuota.findMany({ where: { eventId: world.eventId }, orderBy: { organizationId: "asc" } }),
    shifts: await db.eventShift.findMany({ where: { eventId: world.eventId }, orderBy: { id: "asc" } }),
    notices: await db.invitationNotice.count({ where: { invitation: { eventId: world.eventId } } }),
    emails: await db.outboundEmail.count(),
  };
}

function expectTokenPageHeaders(response: Response) {
  expect(response.headers.get("referrer-policy")).toBe("no-referrer");
  expect(response.headers.get("cache-control")).toBe("no-store");
  expect(response.headers.get("x-robots-tag")).toBe("noindex");
}

describe("the RSVP page", () => {
  test("GET and HEAD of the page and of the calendar file change nothing, and the page ships no JavaScript", async () => {
    const world = await confirmedEventWorld({ capacity: 10, plusOnesAllowed: true });
    const [ada] = await addInvitees(world, "acme", 1);
    const path = `/rsvp/${world.eventId}/${tokenFor(ada!)}`;
    const before = await snapshot(world);

    const page = await request(`${path}?answer=yes`);
    const head = await request(`${path}?answer=no`, { method: "HEAD" });
    const ics = await request(`${path}/calendar.ics`);
    const icsHead = await request(`${path}/calendar.ics`, { method: "HEAD" });

    expect([page.status, head.status, ics.status, icsHead.status]).toEqual([200, 200, 200, 200]);
    expect(await snapshot(world)).toEqual(before);
    for (const response of [page, head, ics]) expectTokenPageHeaders(response);
    const html = await page.text();
    expect(html).toContain("Team dinner");
    expect(html).toContain(ada!.name);
    expect(html).toContain("(America/New_York)");
    const answerInputs = html.match(/<input type="radio" name="answer"[^>]*>/g) ?? [];
    expect(answerInputs.filter((input) => input.includes('checked=""')).map((input) => /value="(\w+)"/.exec(input)?.[1])).toEqual(["yes"]);
    expect(html).toContain("<legend");
    expect(html).not.toContain("<script");
    expect(html).not.toContain("modulepreload");
  });

  test("posting the form records the answer and redirects to the result; a bad form comes back with its values and per-field errors", async () => {
    const world = await confirmedEventWorld({ capacity: 10, plusOnesAllowed: true, questions: [{ prompt: "Any dietary needs?", kind: "short_text", required: true }] });
    const [ada] = await addInvitees(world, "acme", 1);
    const path = `/rsvp/${world.eventId}/${tokenFor(ada!)}`;

    const refused = await post(path, { answer: "yes", bringsPlusOne: "on", plusOneName: "Sam O'Neil" });
    expect(refused.status).toBe(400);
    const refusedHtml = await refused.text();
    expect(refusedHtml).toContain("Please answer this question.");
    expect(refusedHtml).toContain('value="Sam O&#x27;Neil"');
    expect((await db.eventInvitation.findUniqueOrThrow({ where: { id: ada!.id } })).status).toBe("no_answer");

    const question = await db.eventQuestion.findFirstOrThrow({ where: { eventId: world.eventId } });
    const saved = await post(path, { answer: "yes", [`answers.${question.id}`]: "Vegan" });
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe(`${path}?saved=1`);
    expectTokenPageHeaders(saved);

    const result = await (await request(`${path}?saved=1`)).text();
    expect(result).toContain("You&#x27;re going");
    expect(result).toContain("Any dietary needs? Vegan");
    expect(result).toContain("Update my answer");
  });

  test("refused links say expired (410) or not valid (404) and nothing else", async () => {
    const world = await confirmedEventWorld({ capacity: 10 });
    const [ada] = await addInvitees(world, "acme", 1);
    const expired = createRsvpToken(ada!, new Date(Date.now() - 1000));
    const forged = `${ada!.id}.zzzzzz.1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;

    const expiredPage = await request(`/rsvp/${world.eventId}/${expired}`);
    const forgedPage = await request(`/rsvp/${world.eventId}/${forged}`);
    const forgedPost = await post(`/rsvp/${world.eventId}/${forged}`, { answer: "yes" });
    const forgedCalendar = await request(`/rsvp/${world.eventId}/${forged}/calendar.ics`);

    expect([expiredPage.status, forgedPage.status, forgedPost.status, forgedCalendar.status]).toEqual([410, 404, 404, 404]);
    expect(await expiredPage.text()).toContain("This link has expired");
    const forgedHtml = await forgedPage.text();
    expect(forgedHtml).toContain("This link isn&#x27;t valid anymore");
    expect(forgedHtml).toContain("ask the organiser");
    expect(forgedHtml).not.toContain("Team dinner");
    expectTokenPageHeaders(forgedPage);
    expect((await db.eventInvitation.findUniqueOrThrow({ where: { id: ada!.id } })).status).toBe("no_answer");
  });

  test("after the deadline the page shows the answer read-only, without a form", async () => {
    const world = await confirmedEventWorld({ capacity: 10 });
    const [ada] = await addInvitees(world, "acme", 1);
    const path = `/rsvp/${world.eventId}/${tokenFor(ada!)}`;
    await post(path, { answer: "maybe" });
    await db.event.update({ where: { id: world.eventId }, data: { rsvpDeadline: new Date(Date.now() - 60_000) } });

    const html = await (await request(path)).text();
    expect(html).toContain("Answers are closed");
    expect(html).toContain("You said maybe");
    expect(html).not.toContain('name="answer"');
    const late = await post(path, { answer: "yes" });
    expect(late.status).toBe(303);
    expect((await db.eventInvitation.findUniqueOrThrow({ where: { id: ada!.id } })).status).toBe("maybe");
  });
});

describe("the calendar file", () => {
  test("is the invitee's entry, a REQUEST with their answer while the event is on and a CANCEL once it's cancelled; it can't be posted to", async () => {
    const world = await confirmedEventWorld({ capacity: 10 });
    const [ada] = await addInvitees(world, "acme", 1, { status: "attending" });
    const path = `/rsvp/${world.eventId}/${tokenFor(ada!)}/calendar.ics`;

    const file = await request(path);
    expect(file.headers.get("content-type")).toBe("text/calendar; charset=utf-8; method=REQUEST");
    expect(file.headers.get("content-disposition")).toBe('attachment; filename="invite.ics"');
    const ics = await file.text();
    expect(ics).toContain(`UID:${world.eventId}.${ada!.id}@rapport`);
    expect(ics).toContain("PARTSTAT=ACCEPTED");

    // Remix logs a POST to a route without an action before answering 405.
    vi.mocked(console.error).mockImplementationOnce(() => {});
    expect((await post(path, {})).status).toBe(405);

    await db.event.update({ where: { id: world.eventId }, data: { status: "cancelled" } });
    const cancelled = await request(path);
    expect(cancelled.headers.get("content-type")).toBe("text/calendar; charset=utf-8; method=CANCEL");
    expect(await cancelled.text()).toContain("METHOD:CANCEL");
  });
});
