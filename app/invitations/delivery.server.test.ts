import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/platform/db.server";
import { env } from "~/platform/env.server";
import { action as resendWebhook } from "~/routes/webhooks.resend";
import { uniqueSuffix } from "#tests/factories";
import { signResendWebhook } from "#tests/fakes/resend";
import { addInvitees, confirmedEventWorld } from "#tests/invitations/world";
import { routeContext } from "#tests/requests";
import { INVITATION_TAG } from "./batch-send.server";
import { pruneProcessedWebhooks } from "./delivery.server";
import { sendInvitations } from "./send.server";

const SECRET = `whsec_${randomBytes(24).toString("base64")}`;
let configuredSecret: string | undefined;

beforeAll(() => {
  configuredSecret = env().RESEND_WEBHOOK_SECRET;
  env().RESEND_WEBHOOK_SECRET = SECRET;
});

afterAll(() => {
  env().RESEND_WEBHOOK_SECRET = configuredSecret;
});

type Delivery = { type: string; emailId: string; to: string; tags?: Record<string, string> | { name: string; value: string }[]; bounce?: { message: string; type: string } };

function eventPayload({ type, emailId, to, tags, bounce }: Delivery): string {
  return JSON.stringify({
    type,
    created_at: new Date().toISOString(),
    data: { email_id: emailId, created_at: new Date().toISOString(), from: "Rapport <hello@rapport.localhost>", to: [to], subject: "You're invited", tags, bounce },
  });
}

async function deliverWebhook(payload: string, options: { id?: string; timestamp?: Date; secret?: string; headers?: Record<string, string> } = {}) {
  const headers = options.headers ?? signResendWebhook(options.secret ?? SECRET, payload, { id: options.id ?? `msg_${uniqueSuffix()}`, timestamp: options.timestamp });
  const request = new Request("http://localhost:3000/webhooks/resend", { method: "POST", headers, body: payload });
  const response = await resendWebhook({ request, params: {}, context: routeContext });
  return { status: response.status, body: (await response.json()) as { message: string } };
}

/** An invitation as the batch job leaves it: sent, with the provider's id recorded. */
async function sentInvitation() {
  const world = await confirmedEventWorld();
  const [invitee] = await addInvitees(world, "acme", 1, { delivery: "sent" });
  const providerMessageId = `email-${uniqueSuffix()}`;
  await db.eventInvitation.update({ where: { id: invitee!.id }, data: { providerMessageId } });
  return { world, invitee: invitee!, providerMessageId };
}

function invitation(id: string) {
  return db.eventInvitation.findUniqueOrThrow({ where: { id }, select: { delivery: true, deliveryError: true, deliveryUpdatedAt: true } });
}

function suppression(email: string) {
  return db.emailSuppression.findUnique({ where: { email } });
}

describe("Resend's delivery webhooks", () => {
  test("a signed delivered event marks the invitation delivered", async () => {
    const { invitee, providerMessageId } = await sentInvitation();

    const response = await deliverWebhook(eventPayload({ type: "email.delivered", emailId: providerMessageId, to: invitee.email }));

    expect(response).toEqual({ status: 200, body: { message: "Applied." } });
    expect(await invitation(invitee.id)).toMatchObject({ delivery: "delivered", deliveryError: null, deliveryUpdatedAt: expect.any(Date) });
  });

  test("a bounce marks the invitation bounced and suppresses the address, so the next send skips it", async () => {
    const { world, invitee, providerMessageId } = await sentInvitation();

    await deliverWebhook(eventPayload({ type: "email.bounced", emailId: providerMessageId, to: invitee.email, bounce: { message: "Mailbox does not exist", type: "Permanent" } }));

    expect(await invitation(invitee.id)).toMatchObject({ delivery: "bounced", deliveryError: "Bounced: Mailbox does not exist" });
    expect(await suppression(invitee.email)).toMatchObject({ reason: "bounced", detail: "Bounced: Mailbox does not exist" });
    await db.eventInvitation.update({ where: { id: invitee.id }, data: { delivery: "failed" } });
    const retry = await sendInvitations(world.scopes.acmeManager, world.eventId, { when: "now", includeFailed: true });
    expect(retry).toEqual({ sent: false, suppressed: 1 });
    expect(await invitation(invitee.id)).toMatchObject({ delivery: "suppressed" });
  });

  test("a complaint marks the invitation and suppresses the address as a complaint, even after a bounce", async () => {
    const { invitee, providerMessageId } = await sentInvitation();

    await deliverWebhook(eventPayload({ type: "email.bounced", emailId: providerMessageId, to: invitee.email, bounce: { message: "Mailbox full", type: "Transient" } }));
    await deliverWebhook(eventPayload({ type: "email.complained", emailId: providerMessageId, to: invitee.email }));

    expect(await invitation(invitee.id)).toMatchObject({ delivery: "complained", deliveryError: "The recipient marked the email as spam." });
    expect(await suppression(invitee.email)).toMatchObject({ reason: "complained" });
  });

  test("a failed event marks the invitation failed", async () => {
    const { invitee, providerMessageId } = await sentInvitation();
    const payload = JSON.parse(eventPayload({ type: "email.failed", emailId: providerMessageId, to: invitee.email })) as { data: Record<string, unknown> };
    payload.data.failed = { reason: "reached_daily_quota" };

    await deliverWebhook(JSON.stringify(payload));

    expect(await invitation(invitee.id)).toMatchObject({ delivery: "failed", deliveryError: "The provider could not send it: reached_daily_quota" });
    expect(await suppression(invitee.email)).toBeNull();
  });

  test("a status never moves backwards: delivered after bounced stays bounced", async () => {
    const { invitee, providerMessageId } = await sentInvitation();

    await deliverWebhook(eventPayload({ type: "email.bounced", emailId: providerMessageId, to: invitee.email, bounce: { message: "No such user", type: "Permanent" } }));
    const late = await deliverWebhook(eventPayload({ type: "email.delivered", emailId: providerMessageId, to: invitee.email }));

    expect(late.status).toBe(200);
    expect(await invitation(invitee.id)).toMatchObject({ delivery: "bounced", deliveryError: "Bounced: No such user" });
  });

  test("an event that beats the batch's bookkeeping finds its invitation by tag, in either tag format", async () => {
    const world = await confirmedEventWorld();
    const [first, second] = await addInvitees(world, "acme", 2, { delivery: "not_sent" });
    await db.eventInvitation.updateMany({ where: { id: { in: [first!.id, second!.id] } }, data: { delivery: "queued" } });

    await deliverWebhook(eventPayload({ type: "email.delivered", emailId: `email-${uniqueSuffix()}`, to: first!.email, tags: { [INVITATION_TAG]: first!.id } }));
    await deliverWebhook(eventPayload({ type: "email.delivered", emailId: `email-${uniqueSuffix()}`, to: second!.email, tags: [{ name: INVITATION_TAG, value: second!.id }] }));

    expect(await invitation(first!.id)).toMatchObject({ delivery: "delivered" });
    expect(await invitation(second!.id)).toMatchObject({ delivery: "delivered" });
  });

  test("a bounce of any other email the app sent suppresses its address too", async () => {
    const providerMessageId = `email-${uniqueSuffix()}`;
    const to = `teammate-${uniqueSuffix()}@example.com`;
    const email = await db.outboundEmail.create({
      data: { kind: "teammate-invitation", to, from: "Rapport <hello@rapport.localhost>", subject: "Join", html: "<p>Join</p>", text: "Join", status: "sent", providerMessageId },
    });

    await deliverWebhook(eventPayload({ type: "email.bounced", emailId: providerMessageId, to, bounce: { message: "Unknown user", type: "Permanent" } }));

    expect(await suppression(to)).toMatchObject({ reason: "bounced" });
    expect(await db.outboundEmail.findUniqueOrThrow({ where: { id: email.id } })).toMatchObject({ status: "sent", lastError: "Bounced: Unknown user" });
  });

  test("a bad signature is rejected and changes nothing", async () => {
    const { invitee, providerMessageId } = await sentInvitation();
    const payload = eventPayload({ type: "email.bounced", emailId: providerMessageId, to: invitee.email });
    const id = `msg_${uniqueSuffix()}`;

    const forged = await deliverWebhook(payload, { id, secret: `whsec_${randomBytes(24).toString("base64")}` });
    const tampered = await deliverWebhook(payload.replace("email.bounced", "email.complained"), { id, headers: signResendWebhook(SECRET, payload, { id }) });
    const unsigned = await deliverWebhook(payload, { headers: { "content-type": "application/json" } });

    expect(forged).toEqual({ status: 401, body: { message: "The webhook's signature does not match." } });
    expect(tampered.status).toBe(401);
    expect(unsigned.status).toBe(400);
    expect(await invitation(invitee.id)).toMatchObject({ delivery: "sent" });
    expect(await suppression(invitee.email)).toBeNull();
    expect(await db.processedWebhook.findUnique({ where: { id } })).toBeNull();
  });

  test("a correctly signed delivery older than five minutes is rejected", async () => {
    const { invitee, providerMessageId } = await sentInvitation();

    const stale = await deliverWebhook(eventPayload({ type: "email.bounced", emailId: providerMessageId, to: invitee.email }), { timestamp: new Date(Date.now() - 6 * 60_000) });

    expect(stale.status).toBe(400);
    expect(stale.body.message).toContain("more than five minutes");
    expect(await invitation(invitee.id)).toMatchObject({ delivery: "sent" });
  });

  test("a replayed delivery (same svix-id) is acknowledged and ignored", async () => {
    const { invitee, providerMessageId } = await sentInvitation();
    const payload = eventPayload({ type: "email.bounced", emailId: providerMessageId, to: invitee.email, bounce: { message: "No such user", type: "Permanent" } });
    const id = `msg_${uniqueSuffix()}`;
    await deliverWebhook(payload, { id });
    await db.eventInvitation.update({ where: { id: invitee.id }, data: { delivery: "sent" } });

    const replay = await deliverWebhook(payload, { id });

    expect(replay).toEqual({ status: 200, body: { message: "Already processed: ignored." } });
    expect(await invitation(invitee.id)).toMatchObject({ delivery: "sent" });
  });

  test("events that change nothing here are acknowledged; a signed payload of the wrong shape is refused", async () => {
    const opened = await deliverWebhook(JSON.stringify({ type: "email.opened", data: { email_id: "x" } }));
    const malformed = await deliverWebhook(JSON.stringify({ type: "email.delivered", data: { to: ["a@example.com"] } }));

    expect(opened).toEqual({ status: 200, body: { message: "Ignored: email.opened events change nothing here." } });
    expect(malformed.status).toBe(400);
  });

  test("without a signing secret configured, the webhook answers 503", async () => {
    env().RESEND_WEBHOOK_SECRET = undefined;
    try {
      const response = await deliverWebhook(JSON.stringify({ type: "email.delivered", data: { email_id: "x" } }));
      expect(response).toEqual({ status: 503, body: { message: "Webhooks are not configured on this instance." } });
    } finally {
      env().RESEND_WEBHOOK_SECRET = SECRET;
    }
  });

  test("processed webhook ids are kept for a week, then pruned", async () => {
    const old = `msg_${uniqueSuffix()}`;
    const recent = `msg_${uniqueSuffix()}`;
    await db.processedWebhook.createMany({ data: [{ id: old, receivedAt: new Date(Date.now() - 8 * 86_400_000) }, { id: recent, receivedAt: new Date(Date.now() - 6 * 86_400_000) }] });

    expect(await pruneProcessedWebhooks()).toBeGreaterThanOrEqual(1);

    expect(await db.processedWebhook.findUnique({ where: { id: old } })).toBeNull();
    expect(await db.processedWebhook.findUnique({ where: { id: recent } })).not.toBeNull();
  });
});
