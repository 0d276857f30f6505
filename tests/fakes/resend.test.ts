import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { Resend } from "resend";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startFakeResend, type FakeResend, type FakeResendOptions } from "./resend.ts";

const FROM = "Rapport <hello@rapport.localhost>";

let fake: FakeResend;
let originalBaseUrl: string | undefined;

async function useFake(options?: FakeResendOptions): Promise<FakeResend> {
  await fake.close();
  fake = await startFakeResend(options);
  return fake;
}

// The SDK reads RESEND_BASE_URL in its constructor, so a client must be created after the env var is set.
function sdkClient(): Resend {
  process.env.RESEND_BASE_URL = fake.url;
  return new Resend("re_test");
}

function post(path: string, body: unknown, headers: Record<string, string> = {}, signal?: AbortSignal): Promise<Response> {
  return fetch(`${fake.url}${path}`, {
    method: "POST",
    headers: { authorization: "Bearer re_test", "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
    signal,
  });
}

function email(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { from: FROM, to: "ada@example.com", subject: "Hello", html: "<p>Hi</p>", text: "Hi", ...overrides };
}

beforeEach(async () => {
  originalBaseUrl = process.env.RESEND_BASE_URL;
  fake = await startFakeResend();
});

afterEach(async () => {
  await fake.close();
  if (originalBaseUrl === undefined) delete process.env.RESEND_BASE_URL;
  else process.env.RESEND_BASE_URL = originalBaseUrl;
});

describe("with the official resend SDK", () => {
  it("records a single email sent with an idempotency key", async () => {
    const resend = sdkClient();

    const result = await resend.emails.send(
      {
        from: FROM,
        to: "ada@example.com",
        subject: "Your sign-in link",
        html: "<p>Click</p>",
        text: "Click",
        headers: { "X-Entity-Ref-ID": "abc" },
        tags: [{ name: "category", value: "sign_in" }],
      },
      { idempotencyKey: "k1" },
    );

    expect(result.error).toBeNull();
    expect(fake.emails).toHaveLength(1);
    expect(fake.emails[0]).toMatchObject({
      id: result.data?.id,
      from: FROM,
      to: ["ada@example.com"],
      subject: "Your sign-in link",
      html: "<p>Click</p>",
      text: "Click",
      headers: { "X-Entity-Ref-ID": "abc" },
      tags: [{ name: "category", value: "sign_in" }],
      idempotencyKey: "k1",
    });
    expect(fake.emails[0]?.receivedAt).toBeInstanceOf(Date);
    expect(fake.requests[0]).toMatchObject({ method: "POST", path: "/emails", responseStatus: 200 });
    expect(fake.requests[0]?.headers.authorization).toBe("Bearer re_test");
  });

  it("records every email of a batch", async () => {
    const resend = sdkClient();

    const result = await resend.batch.send([
      { from: FROM, to: ["ada@example.com", "grace@example.com"], subject: "One", text: "1" },
      { from: FROM, to: "linus@example.com", subject: "Two", text: "2" },
    ]);

    expect(result.error).toBeNull();
    expect(result.data?.data.map((entry) => entry.id)).toEqual(fake.emails.map((received) => received.id));
    expect(fake.emails.map((received) => received.to)).toEqual([["ada@example.com", "grace@example.com"], ["linus@example.com"]]);
  });

  it("answers a repeated idempotency key with the original response and rejects it with a different body", async () => {
    const resend = sdkClient();
    const payload = { from: FROM, to: "ada@example.com", subject: "Once", text: "only once" };

    const first = await resend.emails.send(payload, { idempotencyKey: "same-key" });
    const repeat = await resend.emails.send(payload, { idempotencyKey: "same-key" });
    const conflicting = await resend.emails.send({ ...payload, subject: "Changed" }, { idempotencyKey: "same-key" });

    expect(repeat.data?.id).toBe(first.data?.id);
    expect(fake.emails).toHaveLength(1);
    expect(fake.deduplicated).toBe(1);
    expect(conflicting.data).toBeNull();
    expect(conflicting.error).toMatchObject({ statusCode: 409, name: "invalid_idempotent_request" });
  });

  it("returns rate limit errors with retry-after in the response headers", async () => {
    await useFake({ retryAfterSeconds: 7 });
    const resend = sdkClient();
    fake.failNext("rate_limit");

    const limited = await resend.emails.send({ from: FROM, to: "ada@example.com", subject: "Hi", text: "Hi" });
    const next = await resend.emails.send({ from: FROM, to: "ada@example.com", subject: "Hi", text: "Hi" });

    expect(limited.data).toBeNull();
    expect(limited.error).toMatchObject({ statusCode: 429, name: "rate_limit_exceeded" });
    expect(limited.headers?.["retry-after"]).toBe("7");
    expect(next.error).toBeNull();
    expect(fake.emails).toHaveLength(1);
  });

  it("returns server errors until the mode is reset", async () => {
    const resend = sdkClient();
    fake.setMode("server_error");

    const first = await resend.emails.send({ from: FROM, to: "ada@example.com", subject: "Hi", text: "Hi" });
    const second = await resend.batch.send([{ from: FROM, to: "ada@example.com", subject: "Hi", text: "Hi" }]);
    fake.setMode("ok");
    const recovered = await resend.emails.send({ from: FROM, to: "ada@example.com", subject: "Hi", text: "Hi" });

    expect(first.error).toMatchObject({ statusCode: 500, name: "internal_server_error" });
    expect(second.error).toMatchObject({ statusCode: 500, name: "internal_server_error" });
    expect(recovered.error).toBeNull();
    expect(fake.emails).toHaveLength(1);
  });

  it("lets a request that failed be retried with the same idempotency key", async () => {
    const resend = sdkClient();
    const payload = { from: FROM, to: "ada@example.com", subject: "Retry me", text: "Hi" };
    fake.failNext("server_error");

    const failed = await resend.emails.send(payload, { idempotencyKey: "retry-key" });
    const retried = await resend.emails.send(payload, { idempotencyKey: "retry-key" });

    expect(failed.error?.statusCode).toBe(500);
    expect(retried.error).toBeNull();
    expect(fake.emails).toHaveLength(1);
    expect(fake.deduplicated).toBe(0);
  });

  it("rejects a batch of more than 100 emails without recording any", async () => {
    const resend = sdkClient();
    const emails = Array.from({ length: 101 }, (_, i) => ({ from: FROM, to: `user${i}@example.com`, subject: "Hi", text: "Hi" }));

    const result = await resend.batch.send(emails);

    expect(result.error).toMatchObject({ statusCode: 422, name: "validation_error" });
    expect(fake.emails).toHaveLength(0);
  });

  it("reports an aborted request as an application_error with a null statusCode instead of throwing", async () => {
    const resend = sdkClient();
    fake.failNext("hang");

    const result = await resend.emails.send(
      { from: FROM, to: "ada@example.com", subject: "Hi", text: "Hi" },
      { signal: AbortSignal.timeout(200) },
    );

    expect(result.error).toMatchObject({ statusCode: null, name: "application_error" });
  });
});

describe("Resend API behaviour", () => {
  it("requires a bearer API key", async () => {
    const missing = await fetch(`${fake.url}/emails`, { method: "POST", body: JSON.stringify(email()) });
    const empty = await post("/emails", email(), { authorization: "Bearer " });

    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ statusCode: 401, name: "missing_api_key" });
    expect(empty.status).toBe(401);
    expect(fake.emails).toHaveLength(0);
  });

  it.each([
    ["from", { from: undefined }],
    ["to", { to: [] }],
    ["subject", { subject: "" }],
  ])("rejects an email without %s", async (field, overrides) => {
    const response = await post("/emails", email(overrides));

    expect(response.status).toBe(422);
    const body = (await response.json()) as { name: string; message: string };
    expect(body).toMatchObject({ statusCode: 422, name: "validation_error" });
    expect(body.message).toContain(field);
    expect(fake.emails).toHaveLength(0);
  });

  it("rejects a body that is not JSON", async () => {
    const response = await post("/emails", "not json");

    expect(response.status).toBe(422);
    expect(fake.requests[0]?.body).toBe("not json");
  });

  it("rejects a strict batch with one invalid email but keeps the valid ones in a permissive batch", async () => {
    const batch = [email(), email({ subject: undefined }), email({ to: "grace@example.com" })];

    const strict = await post("/emails/batch", batch);
    expect(strict.status).toBe(422);
    expect(await strict.json()).toMatchObject({ name: "validation_error", message: expect.stringContaining("emails[1]") });
    expect(fake.emails).toHaveLength(0);

    const permissive = await post("/emails/batch", batch, { "x-batch-validation": "permissive" });
    expect(permissive.status).toBe(200);
    const body = (await permissive.json()) as { data: { id: string }[]; errors: { index: number }[] };
    expect(body.data).toHaveLength(2);
    expect(body.errors).toEqual([{ index: 1, message: "Missing `subject` field." }]);
    expect(fake.emails.map((received) => received.to)).toEqual([["ada@example.com"], ["grace@example.com"]]);
  });

  it("rejects attachments in a batch, as the real API does", async () => {
    const response = await post("/emails/batch", [email({ attachments: [{ filename: "a.txt", content: "YQ==" }] })]);

    expect(response.status).toBe(422);
  });

  it("answers unknown endpoints with not_found", async () => {
    const response = await post("/domains", {});

    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ statusCode: 404, name: "not_found" });
  });

  it("applies queued failures in order before the standing mode", async () => {
    fake.setMode("server_error");
    fake.failNext("rate_limit", 2);
    fake.failNext("ok");

    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await post("/emails", email())).status);

    expect(statuses).toEqual([429, 429, 200, 500]);
    expect(fake.requests.map((request) => request.responseStatus)).toEqual(statuses);
  });

  it("holds requests in hang mode and releases them on close", async () => {
    fake.failNext("hang");

    await expect(post("/emails", email(), {}, AbortSignal.timeout(200))).rejects.toMatchObject({ name: "TimeoutError" });
    expect(fake.requests[0]?.responseStatus).toBeNull();
    expect((await post("/emails", email())).status).toBe(200);

    fake.setMode("hang");
    const held = post("/emails", email());
    await expect.poll(() => fake.requests.length).toBe(3);
    await fake.close();
    await expect(held).rejects.toThrow();
  });

  it("enforces requestsPerSecond over a sliding one-second window", async () => {
    await useFake({ requestsPerSecond: 2 });

    const first = await post("/emails", email());
    const second = await post("/emails", email());
    const third = await post("/emails", email());

    expect([first.status, second.status, third.status]).toEqual([200, 200, 429]);
    expect(third.headers.get("retry-after")).toBe("1");
    expect(await third.json()).toMatchObject({ statusCode: 429, name: "rate_limit_exceeded" });
    expect(fake.rateLimited).toBe(1);
    expect(fake.emails).toHaveLength(2);

    await new Promise((resolve) => setTimeout(resolve, 1_050));
    expect((await post("/emails", email())).status).toBe(200);
  });

  it("forgets emails, requests, keys and modes on clear()", async () => {
    await post("/emails", email(), { "idempotency-key": "k" });
    await post("/emails", email(), { "idempotency-key": "k" });
    fake.setMode("server_error");

    fake.clear();

    expect([fake.emails.length, fake.requests.length, fake.deduplicated]).toEqual([0, 0, 0]);
    expect((await post("/emails", email({ subject: "Other" }), { "idempotency-key": "k" })).status).toBe(200);
  });
});

describe("control endpoints", () => {
  it("lists, clears and sets failure modes over HTTP without auth", async () => {
    await post("/emails", email());

    const listed = (await (await fetch(`${fake.url}/_fake/emails`)).json()) as { subject: string; receivedAt: string }[];
    expect(listed).toMatchObject([{ subject: "Hello", to: ["ada@example.com"] }]);
    expect(typeof listed[0]?.receivedAt).toBe("string");

    const setMode = (body: unknown) => fetch(`${fake.url}/_fake/mode`, { method: "POST", body: JSON.stringify(body) });
    expect((await setMode({ mode: "server_error", count: 1 })).status).toBe(204);
    expect((await post("/emails", email())).status).toBe(500);
    expect((await post("/emails", email())).status).toBe(200);

    await setMode({ mode: "rate_limit" });
    expect((await fetch(`${fake.url}/_fake/emails`)).status).toBe(200);
    expect((await post("/emails", email())).status).toBe(429);
    await setMode({ mode: "ok" });
    expect((await post("/emails", email())).status).toBe(200);

    expect((await setMode({ mode: "explode" })).status).toBe(400);

    expect((await fetch(`${fake.url}/_fake/emails`, { method: "DELETE" })).status).toBe(204);
    expect(fake.emails).toHaveLength(0);
  });
});

describe("standalone dev server", () => {
  it("starts when the file is executed directly and prints how to use it", async () => {
    const script = fileURLToPath(new URL("./resend.ts", import.meta.url));
    const tsx = fileURLToPath(new URL("../../node_modules/.bin/tsx", import.meta.url));
    const child = spawn(tsx, [script], { env: { ...process.env, FAKE_RESEND_PORT: "0" } });
    try {
      let output = "";
      child.stdout.setEncoding("utf8");
      child.stdout.on("data", (chunk: string) => (output += chunk));
      await expect.poll(() => output, { timeout: 15_000 }).toContain("RESEND_API_KEY=re_test_fake");

      const url = /RESEND_BASE_URL=(\S+)/.exec(output)?.[1];
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await fetch(`${url}/_fake/emails`)).status).toBe(200);
    } finally {
      child.kill("SIGTERM");
      await once(child, "exit");
    }
  });
});
