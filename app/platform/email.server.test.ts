import { createElement } from "react";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { uniqueSuffix } from "#tests/factories";
import { startFakeResend, type FakeResend } from "#tests/fakes/resend";
import { db } from "./db.server";
import {
  createResendTransport,
  deliverEmail,
  EmailDeliveryError,
  handleSendEmailJob,
  queueEmail,
  sendEmailJob,
  type EmailTransport,
} from "./email.server";
import { jobDefinitions } from "./job-definitions.server";
import { startJobs, stopJobs } from "./jobs.server";
import { databasePacer } from "./pacer.server";

const RETRY_AFTER_SECONDS = 42;
const PROVIDER_TIMEOUT_MS = 1000;

let fake: FakeResend;
let resend: EmailTransport;

beforeAll(async () => {
  fake = await startFakeResend({ retryAfterSeconds: RETRY_AFTER_SECONDS });
  resend = createResendTransport("re_test", { baseUrl: fake.url, timeoutMs: PROVIDER_TIMEOUT_MS });
});

afterAll(async () => {
  await fake.close();
});

beforeEach(() => {
  fake.clear();
});

function testEmail(overrides: { subject?: string } = {}) {
  return {
    kind: "test",
    to: `person-${uniqueSuffix()}@example.com`,
    subject: overrides.subject ?? "Hello from the tests",
    react: createElement("p", null, "Hello"),
  };
}

async function queueTestEmail(overrides: { subject?: string } = {}): Promise<string> {
  return db.$transaction((tx) => queueEmail(tx, testEmail(overrides)));
}

function findEmail(emailId: string) {
  return db.outboundEmail.findUniqueOrThrow({ where: { id: emailId } });
}

type JobRow = { id: string; state: string; data: { emailId: string }; start_after: Date; retry_limit: number };

function findEmailJobs(emailId: string): Promise<JobRow[]> {
  return db.$queryRaw<JobRow[]>`
    SELECT id::text, state::text, data, start_after, retry_limit FROM pgboss.job
    WHERE name = ${sendEmailJob.name} AND data->>'emailId' = ${emailId}
    ORDER BY created_on`;
}

function providerCopies(emailId: string) {
  return fake.emails.filter((email) => email.idempotencyKey === `outbound-email/${emailId}`);
}

async function databaseNow(): Promise<Date> {
  const [row] = await db.$queryRaw<{ now: Date }[]>`SELECT now() AS now`;
  return row!.now;
}

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`the condition did not hold within ${timeoutMs / 1000}s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("queueEmail", () => {
  it("writes nothing, neither the email nor its job, when the change that caused it rolls back", async () => {
    const email = testEmail();
    let emailId: string | undefined;
    await expect(
      db.$transaction(async (tx) => {
        emailId = await queueEmail(tx, email);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");

    expect(emailId).toBeDefined();
    expect(await db.outboundEmail.count({ where: { to: email.to } })).toBe(0);
    expect(await findEmailJobs(emailId!)).toEqual([]);
  });

  it("commits the email with exactly one delivery job", async () => {
    const emailId = await queueTestEmail();

    expect((await findEmail(emailId)).status).toBe("queued");
    const jobs = await findEmailJobs(emailId);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.data).toEqual({ emailId });
    expect(jobs[0]!.retry_limit).toBe(sendEmailJob.queue.retryLimit);
  });
});

describe("deliverEmail through Resend", () => {
  it("sends once with the email's idempotency key and records the provider's id", async () => {
    const emailId = await queueTestEmail();

    await deliverEmail(emailId, resend);
    await deliverEmail(emailId, resend);

    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]!.headers["idempotency-key"]).toBe(`outbound-email/${emailId}`);
    const email = await findEmail(emailId);
    expect(email).toMatchObject({ status: "sent", transport: "resend", providerMessageId: fake.emails[0]!.id, attempts: 1, lastError: null });
    expect(email.sentAt).toBeInstanceOf(Date);
  });

  it("does not send twice when the process died after Resend accepted the email but before it was recorded", async () => {
    const emailId = await queueTestEmail();
    const diesAfterSending: EmailTransport = {
      ...resend,
      async send(email, idempotencyKey) {
        await resend.send(email, idempotencyKey);
        throw new Error("the process died before recording the delivery");
      },
    };

    await expect(deliverEmail(emailId, diesAfterSending)).rejects.toThrow("the process died");
    expect((await findEmail(emailId)).status).toBe("queued");
    await deliverEmail(emailId, resend);

    expect(fake.requests).toHaveLength(2);
    expect(fake.emails).toHaveLength(1);
    expect(fake.deduplicated).toBe(1);
    expect(await findEmail(emailId)).toMatchObject({ status: "sent", providerMessageId: fake.emails[0]!.id, lastError: null });
  });

  it("keeps the email queued after a server error, records why, and a later attempt sends it", async () => {
    const emailId = await queueTestEmail();
    fake.failNext("server_error");

    const failure = await deliverEmail(emailId, resend).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(EmailDeliveryError);
    expect((failure as EmailDeliveryError).retryAfterSeconds).toBeUndefined();
    expect(await findEmail(emailId)).toMatchObject({ status: "queued", attempts: 1, lastError: expect.stringContaining("500") });

    await deliverEmail(emailId, resend);
    expect(await findEmail(emailId)).toMatchObject({ status: "sent", attempts: 2, lastError: null });
    expect(providerCopies(emailId)).toHaveLength(1);
  });

  it("gives up on a provider that does not answer, and a later attempt sends the email", async () => {
    const emailId = await queueTestEmail();
    fake.failNext("hang");

    const startedAt = Date.now();
    const failure = await deliverEmail(emailId, resend).catch((error: unknown) => error);
    expect(Date.now() - startedAt).toBeLessThan(PROVIDER_TIMEOUT_MS + 2000);
    expect(failure).toBeInstanceOf(EmailDeliveryError);
    expect(await findEmail(emailId)).toMatchObject({ status: "queued", lastError: expect.stringContaining("did not answer") });

    await deliverEmail(emailId, resend);
    expect((await findEmail(emailId)).status).toBe("sent");
    expect(providerCopies(emailId)).toHaveLength(1);
  });

  it("carries the wait Resend asks for when it rate limits", async () => {
    const emailId = await queueTestEmail();
    fake.failNext("rate_limit");

    const failure = await deliverEmail(emailId, resend).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(EmailDeliveryError);
    expect((failure as EmailDeliveryError).retryAfterSeconds).toBe(RETRY_AFTER_SECONDS);
    expect(await findEmail(emailId)).toMatchObject({ status: "queued", lastError: expect.stringContaining("429") });
  });

  it("marks an email Resend refuses as failed, without throwing, so the job is not retried", async () => {
    // The fake, like Resend, answers 422 to an email without a subject.
    const emailId = await queueTestEmail({ subject: "" });

    await handleSendEmailJob({ emailId }, { retryCount: 0 }, resend);

    expect(fake.requests.map((request) => request.responseStatus)).toEqual([422]);
    expect(fake.emails).toHaveLength(0);
    expect(await findEmail(emailId)).toMatchObject({ status: "failed", attempts: 1, lastError: expect.stringContaining("422 validation_error") });

    await deliverEmail(emailId, resend);
    expect(fake.requests).toHaveLength(1);
  });
});

describe("the email.send job", () => {
  it("comes back no sooner than Resend's retry-after, as a fresh job, when rate limited", async () => {
    const emailId = await queueTestEmail();
    const [original] = await findEmailJobs(emailId);
    fake.failNext("rate_limit");
    const before = await databaseNow();

    await handleSendEmailJob({ emailId }, { retryCount: 0 }, resend);

    const rescheduled = (await findEmailJobs(emailId)).filter((job) => job.id !== original!.id);
    expect(rescheduled).toHaveLength(1);
    expect(rescheduled[0]!.state).toBe("created");
    expect(rescheduled[0]!.start_after.getTime()).toBeGreaterThanOrEqual(before.getTime() + RETRY_AFTER_SECONDS * 1000);
    expect(rescheduled[0]!.start_after.getTime()).toBeLessThan(before.getTime() + (RETRY_AFTER_SECONDS + 30) * 1000);
    expect((await findEmail(emailId)).status).toBe("queued");
  });

  it("marks the email failed when its last retry fails, and not before", async () => {
    const emailId = await queueTestEmail();
    const retryLimit = sendEmailJob.queue.retryLimit!;
    fake.failNext("server_error", 2);

    await expect(handleSendEmailJob({ emailId }, { retryCount: retryLimit - 1 }, resend)).rejects.toBeInstanceOf(EmailDeliveryError);
    expect((await findEmail(emailId)).status).toBe("queued");

    await expect(handleSendEmailJob({ emailId }, { retryCount: retryLimit }, resend)).rejects.toBeInstanceOf(EmailDeliveryError);
    expect(await findEmail(emailId)).toMatchObject({ status: "failed", attempts: 2, lastError: expect.stringContaining("500") });
    expect(fake.emails).toHaveLength(0);
  });

  it("delivers queued emails through the pg-boss workers, each exactly once", async () => {
    // Workers are started once per process, so this test restarts the queue with its own.
    await stopJobs();
    try {
      const sendingToFake: typeof sendEmailJob = { ...sendEmailJob, handle: (data, job) => handleSendEmailJob(data, job, resend) };
      await startJobs([sendingToFake], { runWorkers: true });
      const emailIds = await Promise.all(Array.from({ length: 5 }, () => queueTestEmail()));

      await waitUntil(async () => {
        const jobs = await Promise.all(emailIds.map(findEmailJobs));
        return jobs.flat().every((job) => job.state === "completed");
      });

      expect(await db.outboundEmail.count({ where: { id: { in: emailIds }, status: "sent" } })).toBe(emailIds.length);
      for (const emailId of emailIds) {
        expect(providerCopies(emailId)).toHaveLength(1);
        expect(fake.requests.filter((request) => request.headers["idempotency-key"] === `outbound-email/${emailId}`)).toHaveLength(1);
      }
    } finally {
      await stopJobs();
      await startJobs(jobDefinitions, { runWorkers: false });
    }
  });
});

describe("pacing", () => {
  it("single emails and batches share one pacer, so together they stay within the provider's rate", async () => {
    const limited = await startFakeResend({ requestsPerSecond: 2 });
    try {
      const pacerName = `test-${uniqueSuffix()}`;
      const single = createResendTransport("re_test", { baseUrl: limited.url, pacer: databasePacer(pacerName, 2) });
      const batch = createResendTransport("re_test", { baseUrl: limited.url, pacer: databasePacer(pacerName, 2) });
      const message = { from: "Rapport <hello@rapport.localhost>", subject: "Hello", html: "<p>Hello</p>", text: "Hello" };

      await Promise.all([
        ...Array.from({ length: 3 }, (_, index) => single.send({ ...message, to: `single-${index}@example.com` }, `single-${uniqueSuffix()}`)),
        ...Array.from({ length: 3 }, (_, index) =>
          batch.sendBatch({ kind: "test", emails: [{ ...message, to: `batch-${index}@example.com`, tags: [{ name: "test", value: String(index) }] }] }, `batch-${uniqueSuffix()}`),
        ),
      ]);

      expect(limited.rateLimited).toBe(0);
      expect(limited.requests.map((request) => request.path).sort()).toEqual(["/emails", "/emails", "/emails", "/emails/batch", "/emails/batch", "/emails/batch"]);
      const times = limited.requests.map((request) => request.receivedAt.getTime());
      for (let index = 2; index < times.length; index++) expect(times[index]! - times[index - 2]!).toBeGreaterThanOrEqual(1000);
    } finally {
      await limited.close();
    }
  });

  it("a 429 holds every sender back for the provider's retry-after", async () => {
    const pacerName = `test-${uniqueSuffix()}`;
    const paced = createResendTransport("re_test", { baseUrl: fake.url, pacer: databasePacer(pacerName, 100) });
    const message = { from: "Rapport <hello@rapport.localhost>", to: "someone@example.com", subject: "Hello", html: "<p>Hello</p>", text: "Hello" };
    fake.failNext("rate_limit");

    await expect(paced.send(message, `held-${uniqueSuffix()}`)).rejects.toMatchObject({ retryAfterSeconds: RETRY_AFTER_SECONDS });
    const [pacer] = await db.$queryRaw<{ seconds: number }[]>`
      SELECT extract(epoch FROM (next_slot_at - (now() AT TIME ZONE 'UTC')))::float8 AS seconds FROM request_pacers WHERE name = ${pacerName}`;
    expect(pacer!.seconds).toBeGreaterThan(RETRY_AFTER_SECONDS - 2);
  });
});

