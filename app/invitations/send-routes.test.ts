import { describe, expect, test } from "vitest";
import { db } from "~/platform/db.server";
import { action as sendAction, loader as sendLoader } from "~/routes/o.$slug.events.$eventId.invitations.send";
import { loader as previewLoader } from "~/routes/o.$slug.events.$eventId.invitations.preview";
import { action as progressAction, loader as progressLoader, meta as progressMeta } from "~/routes/o.$slug.events.$eventId.invitations.sends.$sendId";
import { createSessionCookie } from "#tests/factories";
import { startFakeResend } from "#tests/fakes/resend";
import { addInvitees, confirmedEventWorld, type ConfirmedEventWorld } from "#tests/invitations/world";
import { browserRequest, routeContext } from "#tests/requests";
import { dispatchSend, handleSendBatchJob } from "./batch-send.server";
import { batchesOf, fakeResendTransport } from "./sending.test-support";

type Loaded<T extends (...args: never[]) => unknown> = Exclude<Awaited<ReturnType<T>>, Response>;

async function managerOf(world: ConfirmedEventWorld) {
  return createSessionCookie(world.acme.manager);
}

function paths(world: ConfirmedEventWorld) {
  const list = `/o/${world.acme.organization.slug}/events/${world.eventId}/invitations`;
  return { list, send: `${list}/send`, preview: `${list}/preview`, params: { slug: world.acme.organization.slug, eventId: world.eventId } };
}

/** Everything sending could change, as one string. */
async function sendingState(eventId: string) {
  const rows = await Promise.all([
    db.eventInvitation.findMany({ where: { eventId }, orderBy: { id: "asc" } }),
    db.invitationSend.findMany({ where: { eventId }, orderBy: { id: "asc" } }),
    db.invitationBatch.count(),
    db.outboundEmail.count(),
    db.emailSuppression.count(),
    db.$queryRaw`SELECT count(*)::int AS jobs FROM pgboss.job WHERE name LIKE 'invitations.%'`,
  ]);
  return JSON.stringify(rows);
}

async function callSendLoader(world: ConfirmedEventWorld, cookie: string, search = "") {
  const { send, params } = paths(world);
  return (await sendLoader({ request: browserRequest(`${send}${search}`, cookie), params, context: routeContext })) as Loaded<typeof sendLoader>;
}

describe("the send page", () => {
  test("preview GETs (the page and its HTML) render a real invitee's invitation and change nothing", async () => {
    const world = await confirmedEventWorld();
    const invitees = await addInvitees(world, "acme", 3, { delivery: "not_sent" });
    const cookie = await managerOf(world);
    const before = await sendingState(world.eventId);

    const page = await callSendLoader(world, cookie);
    const chosen = await callSendLoader(world, cookie, `?invitee=${invitees[2]!.id}`);
    const { preview, params } = paths(world);
    const html = (await previewLoader({ request: browserRequest(`${preview}?invitee=${invitees[1]!.id}`, cookie), params, context: routeContext })) as Response;
    const head = (await previewLoader({
      request: new Request(`http://localhost:3000${preview}`, { method: "HEAD", headers: { cookie } }),
      params,
      context: routeContext,
    })) as Response;

    expect(await sendingState(world.eventId)).toBe(before);
    expect(page.preview).toMatchObject({ inviteeId: invitees[0]!.id, to: invitees[0]!.email, subject: `You're invited: Team dinner with ${world.globex.organization.name}` });
    expect(page.preview!.text).toContain(`Hi ${invitees[0]!.name},`);
    expect(page.preview!.choices.map((choice) => choice.value).sort()).toEqual(invitees.map((invitee) => invitee.id).sort());
    expect(page.counts).toMatchObject({ ready: 3, blocked: 0, failed: 0 });
    expect(chosen.preview).toMatchObject({ inviteeId: invitees[2]!.id, to: invitees[2]!.email });
    // The preview's answer links are stand-ins: a real token would let the reader answer for the invitee.
    expect(page.preview!.text).toContain(`/rsvp/${world.eventId}/preview?answer=yes`);

    expect(html.status).toBe(200);
    expect(html.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(html.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(html.headers.get("content-security-policy")).toContain("sandbox");
    expect(await html.text()).toContain(`Hi ${invitees[1]!.name},`);
    expect(head.status).toBe(200);
  });

  test("an empty list shows no preview, and a member gets 403", async () => {
    const world = await confirmedEventWorld();
    const page = await callSendLoader(world, await managerOf(world));
    expect(page.preview).toBeNull();

    const member = await createSessionCookie(world.acme.member);
    const refusal = await Promise.resolve(callSendLoader(world, member)).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ init: { status: 403 } });
  });

  test("sending redirects to the send's progress; a second submit says there is no one left", async () => {
    const world = await confirmedEventWorld();
    await addInvitees(world, "acme", 2, { delivery: "not_sent" });
    const cookie = await managerOf(world);
    const { send, list, params } = paths(world);

    const response = (await sendAction({ request: browserRequest(send, cookie, { when: "now" }), params, context: routeContext })) as Response;
    const again = await sendAction({ request: browserRequest(send, cookie, { when: "now" }), params, context: routeContext });

    const created = await db.invitationSend.findFirstOrThrow({ where: { eventId: world.eventId } });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`${list}/sends/${created.id}`);
    expect(again).toMatchObject({ init: { status: 409 } });
    expect(JSON.stringify(again)).toContain("There's no one left to send the invitation to");
  });

  test("a schedule without a time, or in the past, is refused on the field", async () => {
    const world = await confirmedEventWorld();
    await addInvitees(world, "acme", 1, { delivery: "not_sent" });
    const cookie = await managerOf(world);
    const { send, params } = paths(world);

    const missing = await sendAction({ request: browserRequest(send, cookie, { when: "later", scheduledFor: "" }), params, context: routeContext });
    const past = await sendAction({ request: browserRequest(send, cookie, { when: "later", scheduledFor: "2020-01-01T10:00" }), params, context: routeContext });

    expect(missing).toMatchObject({ init: { status: 400 }, data: { result: { error: { scheduledFor: ["Pick the date and time to send the invitations at."] } } } });
    expect(past).toMatchObject({ init: { status: 400 } });
    expect(JSON.stringify(past)).toContain("That time has passed");
    expect(await db.invitationSend.count({ where: { eventId: world.eventId } })).toBe(0);
  });
});

describe("the send's progress page", () => {
  test("shows progress while sending (refreshing itself) and each person's delivery afterwards, filtered by status", async () => {
    const world = await confirmedEventWorld();
    await addInvitees(world, "acme", 150, { delivery: "not_sent" });
    const cookie = await managerOf(world);
    const { send, params } = paths(world);
    await sendAction({ request: browserRequest(send, cookie, { when: "now" }), params, context: routeContext });
    const sendId = (await db.invitationSend.findFirstOrThrow({ where: { eventId: world.eventId } })).id;
    const path = `${paths(world).list}/sends/${sendId}`;
    const load = async (search = "") =>
      (await progressLoader({ request: browserRequest(`${path}${search}`, cookie), params: { ...params, sendId }, context: routeContext })) as Loaded<typeof progressLoader>;

    await dispatchSend(sendId);
    const fake = await startFakeResend();
    try {
      const [first] = await batchesOf(sendId);
      await handleSendBatchJob({ batchId: first!.id }, { retryCount: 0 }, fakeResendTransport(fake));
      const sending = await load();
      expect(sending.send).toMatchObject({ status: "sending", total: 150, done: 100, cancellable: false });
      expect(sending.refresh).toBe(true);
      expect(progressMeta({ data: sending } as never)).toContainEqual({ httpEquiv: "refresh", content: "2" });

      const [, second] = await batchesOf(sendId);
      await handleSendBatchJob({ batchId: second!.id }, { retryCount: 0 }, fakeResendTransport(fake));
    } finally {
      await fake.close();
    }
    const done = await load();
    expect(done.send).toMatchObject({ status: "sent", done: 150 });
    expect(done.refresh).toBe(false);
    expect(progressMeta({ data: done } as never)).not.toContainEqual(expect.objectContaining({ httpEquiv: "refresh" }));
    expect(done.counts).toEqual({ sent: 150 });
    expect(done.rows).toHaveLength(100);
    expect(done.pageCount).toBe(2);

    const someone = await db.eventInvitation.findFirstOrThrow({ where: { sendId } });
    await db.eventInvitation.update({ where: { id: someone.id }, data: { delivery: "bounced", deliveryError: "Bounced: No such user" } });
    const bounced = await load("?status=bounced");
    expect(bounced.rows).toEqual([expect.objectContaining({ email: someone.email, delivery: "bounced", deliveryError: "Bounced: No such user" })]);
  });

  test("a scheduled send can be cancelled from its page; the partner company cannot see it", async () => {
    const world = await confirmedEventWorld();
    await addInvitees(world, "acme", 2, { delivery: "not_sent" });
    const cookie = await managerOf(world);
    const { send, list, params } = paths(world);
    await sendAction({ request: browserRequest(send, cookie, { when: "later", scheduledFor: "2031-03-01T09:00" }), params, context: routeContext });
    const { id: sendId } = await db.invitationSend.findFirstOrThrow({ where: { eventId: world.eventId } });
    const path = `${list}/sends/${sendId}`;

    const partner = await createSessionCookie(world.globex.manager);
    const partnerView = await Promise.resolve(
      progressLoader({ request: browserRequest(`/o/${world.globex.organization.slug}/events/${world.eventId}/invitations/sends/${sendId}`, partner), params: { slug: world.globex.organization.slug, eventId: world.eventId, sendId }, context: routeContext }),
    ).catch((error: unknown) => error);
    expect(partnerView).toMatchObject({ init: { status: 404 } });

    const outcome = await progressAction({ request: browserRequest(path, cookie, { intent: "cancel" }), params: { ...params, sendId }, context: routeContext });
    expect(outcome).toEqual({ ok: true, message: "Cancelled. 2 invitations are back to “Not sent”; send them again whenever you like." });
    expect(await db.eventInvitation.count({ where: { eventId: world.eventId, delivery: "not_sent" } })).toBe(2);
    expect((await progressLoader({ request: browserRequest(path, cookie), params: { ...params, sendId }, context: routeContext })) as Loaded<typeof progressLoader>).toMatchObject({
      send: { status: "cancelled", cancellable: false },
    });
  });
});
