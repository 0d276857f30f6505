import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { db } from "~/platform/db.server";
import { devMailboxTransport, EmailDeliveryError, type EmailTransport } from "~/platform/email.server";
import { uniqueSuffix } from "#tests/factories";
import { startFakeResend, type FakeResend } from "#tests/fakes/resend";
import { addInvitees, confirmedEventWorld } from "#tests/invitations/world";
import { batchIdempotencyKey, dispatchSend, handleSendBatchJob, INVITATION_TAG, sendBatchJob } from "./batch-send.server";
import { batchesOf, fakeResendTransport, queuedJobs, runSend } from "./sending.test-support";
import { sendInvitations } from "./send.server";

const RETRY_AFTER_SECONDS = 7;

let fake: FakeResend;

beforeAll(async () => {
  fake = await startFakeResend({ retryAfterSeconds: RETRY_AFTER_SECONDS });
});

afterAll(async () => {
  await fake.close();
});

beforeEach(() => {
  fake.clear();
});

/** A confirmed event with `count` of Acme's people on the list and a send of them started (dispatched). */
async function dispatchedSend(count: number) {
  const world = await confirmedEventWorld();
  const invitees = await addInvitees(world, "acme", count, { delivery: "not_sent" });
  const outcome = await sendInvitations(world.scopes.acmeManager, world.eventId, { when: "now" });
  if (!outcome.sent) throw new Error("nothing was sent");
  await dispatchSend(outcome.sendId);
  return { world, invitees, sendId: outcome.sendId, batches: await batchesOf(outcome.sendId) };
}

function invitationsOf(sendId: string) {
  return db.eventInvitation.findMany({ where: { sendId }, orderBy: { id: "asc" } });
}

function batchRequests() {
  return fake.requests.filter((request) => request.path === "/emails/batch");
}

const attempt = { retryCount: 0 };

describe("sending a send's batches", () => {
  test("250 invitees go out as 3 batch requests of at most 100, each email tagged with its invitation and recorded with the provider's id", async () => {
    const { world, invitees, sendId, batches } = await dispatchedSend(250);
    expect(batches.map((batch) => batch.size).sort()).toEqual([100, 100, 50].sort());
    for (const batch of batches) expect(await db.eventInvitation.count({ where: { batchId: batch.id } })).toBe(batch.size);
    const resend = fakeResendTransport(fake);

    for (const batch of batches) await handleSendBatchJob({ batchId: batch.id }, attempt, resend);

    const requests = batchRequests();
    expect(requests).toHaveLength(3);
    expect(requests.map((request) => request.headers["idempotency-key"])).toEqual(batches.map((batch) => batchIdempotencyKey(batch.id)));
    expect(requests.map((request) => (request.body as unknown[]).length)).toEqual(batches.map((batch) => batch.size));
    expect(fake.emails).toHaveLength(250);
    expect(new Set(fake.emails.map((email) => email.to[0]))).toEqual(new Set(invitees.map((invitee) => invitee.email)));
    for (const email of fake.emails) {
      expect(email.attachments).toEqual([]);
      expect(email.subject).toBe(`You're invited: Team dinner with ${world.globex.organization.name}`);
    }
    const providerIdByInvitation = new Map(fake.emails.map((email) => [email.tags.find((tag) => tag.name === INVITATION_TAG)!.value, email.id]));
    const invitations = await invitationsOf(sendId);
    expect(invitations).toHaveLength(250);
    for (const invitation of invitations) {
      expect(invitation).toMatchObject({ delivery: "sent", providerMessageId: providerIdByInvitation.get(invitation.id) });
      expect(invitation.sentAt).toBeInstanceOf(Date);
      expect(fake.emails.find((email) => email.id === invitation.providerMessageId)!.to).toEqual([invitation.email]);
    }
    expect(await db.invitationSend.findUniqueOrThrow({ where: { id: sendId } })).toMatchObject({ status: "sent", total: 250 });
  });

  test("starting a send twice batches its invitations once and enqueues one job per batch", async () => {
    const { sendId, batches } = await dispatchedSend(120);

    await dispatchSend(sendId);

    expect(await batchesOf(sendId)).toEqual(batches);
    for (const batch of batches) expect(await queuedJobs(sendBatchJob.name, "batchId", batch.id)).toHaveLength(1);
  });

  test("a worker killed after the provider accepted a batch but before recording it: the retry sends nothing twice and loses nothing", async () => {
    const { invitees, sendId, batches } = await dispatchedSend(150);
    const resend = fakeResendTransport(fake);
    const killedAfterSending: EmailTransport = {
      ...resend,
      async sendBatch(batch, idempotencyKey) {
        await resend.sendBatch(batch, idempotencyKey);
        throw new Error("the worker was killed before it recorded the batch");
      },
    };

    await expect(handleSendBatchJob({ batchId: batches[0]!.id }, attempt, killedAfterSending)).rejects.toThrow("the worker was killed");
    expect((await invitationsOf(sendId)).filter((invitation) => invitation.delivery === "queued")).toHaveLength(150);
    for (const batch of batches) await handleSendBatchJob({ batchId: batch.id }, { retryCount: 1 }, resend);

    expect(fake.emails).toHaveLength(150);
    expect(fake.deduplicated).toBe(1);
    expect(batchRequests()).toHaveLength(3);
    const received = fake.emails.map((email) => email.to[0]);
    expect(new Set(received).size).toBe(150);
    expect(new Set(received)).toEqual(new Set(invitees.map((invitee) => invitee.email)));
    expect((await invitationsOf(sendId)).every((invitation) => invitation.delivery === "sent" && invitation.providerMessageId)).toBe(true);
    expect((await db.invitationBatch.findUniqueOrThrow({ where: { id: batches[0]!.id } })).attempts).toBe(2);
  });

  test("a 429 ends the attempt and starts a fresh job after the provider's retry-after", async () => {
    const { sendId, batches } = await dispatchedSend(10);
    const batchId = batches[0]!.id;
    fake.failNext("rate_limit");

    await handleSendBatchJob({ batchId }, attempt, fakeResendTransport(fake));

    const [retry] = await queuedJobs(sendBatchJob.name, "batchId", batchId).then((jobs) => jobs.filter((job) => job.start_after.getTime() > Date.now()));
    const [{ now }] = await db.$queryRaw<[{ now: Date }]>`SELECT now() AS now`;
    expect(retry!.start_after.getTime() - now.getTime()).toBeGreaterThan((RETRY_AFTER_SECONDS - 1) * 1000);
    expect(retry!.start_after.getTime() - now.getTime()).toBeLessThanOrEqual(RETRY_AFTER_SECONDS * 1000);
    expect((await db.invitationBatch.findUniqueOrThrow({ where: { id: batchId } })).lastError).toContain("429");
    expect((await invitationsOf(sendId)).every((invitation) => invitation.delivery === "queued")).toBe(true);

    await handleSendBatchJob({ batchId }, attempt, fakeResendTransport(fake));
    expect(fake.emails).toHaveLength(10);
    expect((await invitationsOf(sendId)).every((invitation) => invitation.delivery === "sent")).toBe(true);
  });

  test("a 500 and a provider that hangs are retried with the same key, and the batch goes out once", async () => {
    const { sendId, batches } = await dispatchedSend(30);
    const batchId = batches[0]!.id;
    const resend = fakeResendTransport(fake, { timeoutMs: 300 });
    fake.failNext("server_error");
    fake.failNext("hang");

    const serverError = await handleSendBatchJob({ batchId }, attempt, resend).catch((error: unknown) => error);
    expect(serverError).toBeInstanceOf(EmailDeliveryError);
    expect((await db.invitationBatch.findUniqueOrThrow({ where: { id: batchId } })).lastError).toContain("500");
    const timeout = await handleSendBatchJob({ batchId }, { retryCount: 1 }, resend).catch((error: unknown) => error);
    expect((timeout as Error).message).toBe("Resend did not answer within 0.3s");
    await handleSendBatchJob({ batchId }, { retryCount: 2 }, resend);

    expect(batchRequests().map((request) => request.headers["idempotency-key"])).toEqual(Array(3).fill(batchIdempotencyKey(batchId)));
    expect(fake.emails).toHaveLength(30);
    expect(await db.invitationBatch.findUniqueOrThrow({ where: { id: batchId } })).toMatchObject({ attempts: 3, lastError: null });
    expect((await invitationsOf(sendId)).every((invitation) => invitation.delivery === "sent")).toBe(true);
  });

  test("a batch that keeps failing is marked failed with the reason on its last attempt, and the send finishes", async () => {
    const { sendId, batches } = await dispatchedSend(5);
    fake.failNext("server_error");

    await expect(handleSendBatchJob({ batchId: batches[0]!.id }, { retryCount: sendBatchJob.queue.retryLimit! }, fakeResendTransport(fake))).rejects.toThrow(EmailDeliveryError);

    const invitations = await invitationsOf(sendId);
    expect(invitations.every((invitation) => invitation.delivery === "failed" && invitation.deliveryError?.includes("500"))).toBe(true);
    expect(await db.invitationSend.findUniqueOrThrow({ where: { id: sendId } })).toMatchObject({ status: "sent" });
  });

  test("a batch the provider refuses (a 4xx validation error) marks its invitations failed without retrying", async () => {
    const { sendId, batches } = await dispatchedSend(3);
    fake.failNext("validation_error");

    await handleSendBatchJob({ batchId: batches[0]!.id }, attempt, fakeResendTransport(fake));

    expect((await invitationsOf(sendId)).map((invitation) => invitation.deliveryError)).toEqual(Array(3).fill(expect.stringContaining("422 validation_error")));
    expect((await invitationsOf(sendId)).every((invitation) => invitation.delivery === "failed")).toBe(true);
    expect(await queuedJobs(sendBatchJob.name, "batchId", batches[0]!.id)).toHaveLength(1);
  });

  test("when the provider already holds a different body under the key, the batch counts as sent and webhooks find it by tag", async () => {
    const { sendId, batches } = await dispatchedSend(2);
    const batchId = batches[0]!.id;
    await fetch(`${fake.url}/emails/batch`, {
      method: "POST",
      headers: { authorization: "Bearer re_test", "content-type": "application/json", "idempotency-key": batchIdempotencyKey(batchId) },
      body: JSON.stringify([{ from: "a@example.com", to: "b@example.com", subject: "An older rendering", html: "<p>Hi</p>" }]),
    });

    await handleSendBatchJob({ batchId }, attempt, fakeResendTransport(fake));

    const invitations = await invitationsOf(sendId);
    expect(invitations.every((invitation) => invitation.delivery === "sent" && invitation.providerMessageId === null)).toBe(true);
    expect(invitations[0]!.deliveryError).toBe("Sent by an earlier attempt; the provider's id was not recorded.");
  });

  test("the pacer keeps batches from every worker within the provider's rate: no 429s, no three requests within a second", async () => {
    // Small batches: the test is about the spacing of requests, not the time a large body takes to upload.
    const batches = (await Promise.all(Array.from({ length: 6 }, () => dispatchedSend(5)))).flatMap((send) => send.batches);
    await fake.close();
    fake = await startFakeResend({ retryAfterSeconds: RETRY_AFTER_SECONDS, requestsPerSecond: 2 });
    const pacerName = `test-${uniqueSuffix()}`;
    // Two "instances", each a worker with a transport of its own, share the pacer's row in the database.
    const instances = [fakeResendTransport(fake, { requestsPerSecond: 2, pacerName }), fakeResendTransport(fake, { requestsPerSecond: 2, pacerName })];

    await Promise.all(
      instances.map(async (instance, worker) => {
        for (const batch of batches.filter((_, index) => index % 2 === worker)) await handleSendBatchJob({ batchId: batch.id }, attempt, instance);
      }),
    );

    expect(fake.rateLimited).toBe(0);
    expect(fake.emails).toHaveLength(30);
    const times = batchRequests().map((request) => request.receivedAt.getTime());
    expect(times).toHaveLength(6);
    for (let index = 2; index < times.length; index++) expect(times[index]! - times[index - 2]!).toBeGreaterThanOrEqual(1000);
  });

  test("in the dev mailbox every invitation becomes a readable email, once even when a batch is retried", async () => {
    const { invitees, sendId, batches } = await dispatchedSend(3);

    await handleSendBatchJob({ batchId: batches[0]!.id }, attempt, devMailboxTransport);
    await db.eventInvitation.updateMany({ where: { sendId }, data: { delivery: "queued" } });
    await handleSendBatchJob({ batchId: batches[0]!.id }, attempt, devMailboxTransport);

    const mailbox = await db.outboundEmail.findMany({ where: { to: { in: invitees.map((invitee) => invitee.email) } } });
    expect(mailbox).toHaveLength(3);
    for (const email of mailbox) {
      expect(email).toMatchObject({ kind: "event-invitation", status: "sent", transport: "dev-mailbox" });
      expect(email.text).toContain("?answer=yes");
    }
    expect((await invitationsOf(sendId)).every((invitation) => invitation.delivery === "sent")).toBe(true);
  });

  test("a whole send through the pipeline: dispatch, then each batch once", async () => {
    const world = await confirmedEventWorld();
    await addInvitees(world, "globex", 101, { delivery: "not_sent" });
    const outcome = await sendInvitations(world.scopes.globexManager, world.eventId, { when: "now" });

    await runSend(outcome.sent ? outcome.sendId : "", fakeResendTransport(fake));

    expect(batchRequests()).toHaveLength(2);
    expect(fake.emails[0]!.subject).toBe(`You're invited: Team dinner with ${world.acme.organization.name}`);
    expect(fake.emails[0]!.text).toContain(`${world.globex.organization.name} and ${world.acme.organization.name} invite you to Team dinner.`);
  });
});
