import { randomUUID } from "node:crypto";
import { realpathSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { Webhook } from "standardwebhooks";

export const FAKE_RESEND_MODES = ["ok", "rate_limit", "server_error", "hang", "validation_error"] as const;
export type FakeResendMode = (typeof FAKE_RESEND_MODES)[number];

export interface FakeResendOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Value of the `retry-after` header sent in "rate_limit" mode. */
  retryAfterSeconds?: number;
  /** When set, requests beyond this many in any sliding one-second window get a 429, like the real API. */
  requestsPerSecond?: number;
  /** Called for each email as it is accepted; the standalone server uses it to log deliveries. */
  onEmail?: (email: ReceivedEmail) => void;
  /**
   * false: forget each email's html and text, and each request's body, once handled. A benchmark
   * sending 10,000 emails then keeps a small heap, and garbage collection does not stall the clock
   * the rate limit reads. Default true.
   */
  keepContent?: boolean;
}

export interface EmailTag {
  name: string;
  value: string;
}

export interface ReceivedEmail {
  id: string;
  from: string;
  to: string[];
  subject: string;
  html: string | null;
  text: string | null;
  headers: Record<string, string>;
  tags: EmailTag[];
  attachments: Record<string, unknown>[];
  idempotencyKey: string | null;
  receivedAt: Date;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body; the raw text when it is not valid JSON; undefined when empty. */
  body: unknown;
  /** When the request arrived (its headers), before its body was read: the time the rate limit counts. */
  receivedAt: Date;
  /** null until answered, so a request held by "hang" mode stays null. */
  responseStatus: number | null;
}

export interface FakeResend {
  readonly url: string;
  readonly port: number;
  readonly emails: ReceivedEmail[];
  /** Requests to the Resend API endpoints; the /_fake control endpoints are not recorded. */
  readonly requests: RecordedRequest[];
  /** Requests answered from the idempotency store instead of sending again. */
  readonly deduplicated: number;
  /** Requests rejected by the `requestsPerSecond` limit (not those simulated with "rate_limit" mode). */
  readonly rateLimited: number;
  /** Applies `mode` to the next `count` API requests, ahead of the mode set with setMode. */
  failNext(mode: FakeResendMode, count?: number): void;
  /** Applies `mode` to every API request until setMode("ok"). */
  setMode(mode: FakeResendMode): void;
  /** Forgets emails, requests, idempotency keys and counters, and goes back to "ok" mode. */
  clear(): void;
  close(): Promise<void>;
}

type ResendErrorName =
  | "missing_api_key"
  | "validation_error"
  | "invalid_idempotency_key"
  | "invalid_idempotent_request"
  | "not_found"
  | "method_not_allowed"
  | "rate_limit_exceeded"
  | "internal_server_error";

interface ApiResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

interface StoredIdempotentRequest {
  path: string;
  rawBody: string;
  response: ApiResponse;
}

type ParsedEmail = Omit<ReceivedEmail, "id" | "idempotencyKey" | "receivedAt">;
type EmailParseResult = { email: ParsedEmail } | { error: string };

const MAX_BATCH_SIZE = 100;
const MAX_RECIPIENTS = 50;
const MAX_IDEMPOTENCY_KEY_LENGTH = 256;
const RATE_WINDOW_MS = 1000;

export async function startFakeResend(options: FakeResendOptions = {}): Promise<FakeResend> {
  const retryAfterSeconds = options.retryAfterSeconds ?? 1;
  const keepContent = options.keepContent ?? true;
  const emails: ReceivedEmail[] = [];
  const requests: RecordedRequest[] = [];
  const idempotencyStore = new Map<string, StoredIdempotentRequest>();
  const admittedAt: number[] = [];
  let queuedModes: FakeResendMode[] = [];
  let standingMode: FakeResendMode = "ok";
  let deduplicated = 0;
  let rateLimited = 0;

  function failNext(mode: FakeResendMode, count = 1): void {
    if (!Number.isInteger(count) || count < 1) throw new RangeError(`failNext count must be a positive integer, got ${count}`);
    for (let i = 0; i < count; i++) queuedModes.push(mode);
  }

  function setMode(mode: FakeResendMode): void {
    standingMode = mode;
  }

  function clear(): void {
    // Emptied in place so arrays the caller already holds stay live.
    emails.length = 0;
    requests.length = 0;
    admittedAt.length = 0;
    idempotencyStore.clear();
    queuedModes = [];
    standingMode = "ok";
    deduplicated = 0;
    rateLimited = 0;
  }

  /**
   * Counts requests by when they arrived, as an API gateway does, not by when their body was read:
   * a large batch still uploading must not look later than it is.
   */
  function admitWithinRateLimit(limit: number, arrivedAt: number): boolean {
    const windowStart = arrivedAt - RATE_WINDOW_MS;
    const inWindow = admittedAt.filter((admitted) => admitted > windowStart && admitted <= arrivedAt).length;
    if (inWindow >= limit) return false;
    admittedAt.push(arrivedAt);
    if (admittedAt.length > limit * 4) admittedAt.splice(0, admittedAt.length - limit * 4);
    return true;
  }

  function storeEmail(parsed: ParsedEmail, idempotencyKey: string | null): ReceivedEmail {
    const content = keepContent ? {} : { html: null, text: null };
    const email: ReceivedEmail = { id: randomUUID(), ...parsed, ...content, idempotencyKey, receivedAt: new Date() };
    emails.push(email);
    options.onEmail?.(email);
    return email;
  }

  function sendSingle(body: unknown, idempotencyKey: string | null): ApiResponse {
    const result = parseEmail(body, { allowAttachments: true });
    if ("error" in result) return validationError(result.error);
    return { status: 200, body: { id: storeEmail(result.email, idempotencyKey).id } };
  }

  function sendBatch(body: unknown, idempotencyKey: string | null, permissive: boolean): ApiResponse {
    if (!Array.isArray(body)) return validationError("The request body must be an array of emails.");
    if (body.length === 0) return validationError("The batch must contain at least one email.");
    if (body.length > MAX_BATCH_SIZE) {
      return validationError(`Too many emails in the batch: ${body.length}. The maximum is ${MAX_BATCH_SIZE}.`);
    }
    const results = body.map((item) => parseEmail(item, { allowAttachments: false }));
    const errors = results.flatMap((result, index) => ("error" in result ? [{ index, message: result.error }] : []));
    const firstError = errors[0];
    if (firstError && !permissive) return validationError(`emails[${firstError.index}]: ${firstError.message}`);
    const data = results.flatMap((result) => ("email" in result ? [{ id: storeEmail(result.email, idempotencyKey).id }] : []));
    return { status: 200, body: permissive ? { data, errors } : { data } };
  }

  function handleApiRequest(request: RecordedRequest, rawBody: string, json: unknown): ApiResponse | "hang" {
    const mode = queuedModes.shift() ?? standingMode;
    if (mode === "hang") return "hang";
    if (mode === "rate_limit") return rateLimitError(retryAfterSeconds, "Too many requests (simulated by the fake Resend server).");
    if (mode === "server_error") return errorResponse(500, "internal_server_error", "An unexpected error occurred (simulated by the fake Resend server).");
    if (mode === "validation_error") return validationError("The `to` field is invalid (simulated by the fake Resend server).");

    if (!hasBearerToken(request.headers.authorization)) {
      return errorResponse(401, "missing_api_key", "Missing API key in the authorization header.");
    }
    if (request.path !== "/emails" && request.path !== "/emails/batch") {
      return errorResponse(404, "not_found", "The requested endpoint does not exist.");
    }
    if (request.method !== "POST") {
      return errorResponse(405, "method_not_allowed", "Method is not allowed for the requested path.");
    }
    if (options.requestsPerSecond !== undefined && !admitWithinRateLimit(options.requestsPerSecond, request.receivedAt.getTime())) {
      rateLimited++;
      // The window is one second long, so a slot always frees up within a second.
      return rateLimitError(
        1,
        `Too many requests. You can only make ${options.requestsPerSecond} requests per second. See rate limit response headers for more information.`,
      );
    }

    const idempotencyKey = singleHeader(request.headers["idempotency-key"]);
    if (idempotencyKey !== null) {
      if (idempotencyKey.length === 0 || idempotencyKey.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
        return errorResponse(400, "invalid_idempotency_key", `The key must be between 1-${MAX_IDEMPOTENCY_KEY_LENGTH} chars.`);
      }
      const stored = idempotencyStore.get(idempotencyKey);
      if (stored) {
        if (stored.path !== request.path || stored.rawBody !== rawBody) {
          return errorResponse(409, "invalid_idempotent_request", "Same idempotency key used with a different request payload.");
        }
        deduplicated++;
        return stored.response;
      }
    }

    if (json === undefined) return validationError("The request body must be valid JSON.");
    const response =
      request.path === "/emails/batch"
        ? sendBatch(json, idempotencyKey, singleHeader(request.headers["x-batch-validation"]) === "permissive")
        : sendSingle(json, idempotencyKey);
    // Only successes are remembered, so a client can retry a failed request with the same key.
    if (idempotencyKey !== null && response.status === 200) {
      idempotencyStore.set(idempotencyKey, { path: request.path, rawBody, response });
    }
    return response;
  }

  function handleControlRequest(method: string, path: string, rawBody: string): ApiResponse {
    if (path === "/_fake/emails" && method === "GET") return { status: 200, body: emails };
    if (path === "/_fake/requests" && method === "GET") {
      const summaries = requests.map(({ method: requestMethod, path: requestPath, headers, receivedAt, responseStatus }) => ({
        method: requestMethod,
        path: requestPath,
        idempotencyKey: singleHeader(headers["idempotency-key"]),
        receivedAt,
        responseStatus,
      }));
      return { status: 200, body: { requests: summaries, deduplicated, rateLimited } };
    }
    if (path === "/_fake/emails" && method === "DELETE") {
      clear();
      return { status: 204, body: null };
    }
    if (path === "/_fake/mode" && method === "POST") {
      const body = parseJson(rawBody);
      if (!isRecord(body) || !isMode(body.mode)) {
        return { status: 400, body: { message: `Expected JSON { mode, count? } with mode one of: ${FAKE_RESEND_MODES.join(", ")}` } };
      }
      if (body.count === undefined) {
        setMode(body.mode);
      } else if (typeof body.count === "number" && Number.isInteger(body.count) && body.count >= 1) {
        failNext(body.mode, body.count);
      } else {
        return { status: 400, body: { message: "count must be a positive integer" } };
      }
      return { status: 204, body: null };
    }
    return { status: 404, body: { message: `No fake control endpoint ${method} ${path}` } };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? "GET";
    const path = new URL(req.url ?? "/", "http://fake-resend.invalid").pathname;
    const arrivedAt = new Date();
    const rawBody = await readBody(req);

    if (path.startsWith("/_fake/")) {
      writeResponse(res, handleControlRequest(method, path, rawBody));
      return;
    }

    const json = parseJson(rawBody);
    const request: RecordedRequest = {
      method,
      path,
      headers: req.headers,
      body: json !== undefined || rawBody === "" ? json : rawBody,
      receivedAt: arrivedAt,
      responseStatus: null,
    };
    requests.push(request);
    const response = handleApiRequest(request, rawBody, json);
    if (!keepContent) request.body = undefined;
    if (response === "hang") return;
    request.responseStatus = response.status;
    writeResponse(res, response);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) writeResponse(res, errorResponse(500, "internal_server_error", String(error)));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | undefined;
  function close(): Promise<void> {
    closing ??= new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      // Drops keep-alive sockets and requests held by "hang" mode, which would otherwise keep close() waiting forever.
      server.closeAllConnections();
    });
    return closing;
  }

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    emails,
    requests,
    get deduplicated() {
      return deduplicated;
    },
    get rateLimited() {
      return rateLimited;
    },
    failNext,
    setMode,
    clear,
    close,
  };
}

/**
 * The headers Resend (through Svix) signs a webhook delivery with, for `payload` exactly as it
 * will be posted. `secret` is the endpoint's signing secret, `whsec_…`.
 */
export function signResendWebhook(secret: string, payload: string, options: { id: string; timestamp?: Date }): Record<string, string> {
  const timestamp = options.timestamp ?? new Date();
  return {
    "content-type": "application/json",
    "svix-id": options.id,
    "svix-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
    "svix-signature": new Webhook(secret).sign(options.id, timestamp, payload),
  };
}

function parseEmail(input: unknown, { allowAttachments }: { allowAttachments: boolean }): EmailParseResult {
  if (!isRecord(input)) return { error: "Each email must be a JSON object." };
  const { from, to, subject, html, text, headers, tags, attachments } = input;
  if (!isNonEmptyString(from)) return { error: "Missing `from` field." };
  const recipients: unknown = typeof to === "string" ? [to] : to;
  if (!Array.isArray(recipients) || recipients.length === 0 || !recipients.every(isNonEmptyString)) {
    return { error: "Missing `to` field." };
  }
  if (recipients.length > MAX_RECIPIENTS) return { error: `The \`to\` field accepts at most ${MAX_RECIPIENTS} recipients.` };
  if (!isNonEmptyString(subject)) return { error: "Missing `subject` field." };
  if (html !== undefined && typeof html !== "string") return { error: "The `html` field must be a string." };
  if (text !== undefined && typeof text !== "string") return { error: "The `text` field must be a string." };
  if (headers !== undefined && !isStringRecord(headers)) return { error: "The `headers` field must map names to string values." };
  if (tags !== undefined && !(Array.isArray(tags) && tags.every(isTag))) {
    return { error: "The `tags` field must be an array of { name, value } strings." };
  }
  if (attachments !== undefined) {
    // The real batch endpoint rejects attachments; accepting them here would hide emails that lose them in production.
    if (!allowAttachments) return { error: "Attachments are not supported in batch sends." };
    if (!(Array.isArray(attachments) && attachments.every(isRecord))) return { error: "The `attachments` field must be an array of objects." };
  }
  return {
    email: {
      from,
      to: recipients,
      subject,
      html: html ?? null,
      text: text ?? null,
      headers: headers ?? {},
      tags: tags ?? [],
      attachments: attachments ?? [],
    },
  };
}

function errorResponse(status: number, name: ResendErrorName, message: string, headers?: Record<string, string>): ApiResponse {
  return { status, body: { statusCode: status, name, message }, headers };
}

function validationError(message: string): ApiResponse {
  return errorResponse(422, "validation_error", message);
}

function rateLimitError(retryAfterSeconds: number, message: string): ApiResponse {
  return errorResponse(429, "rate_limit_exceeded", message, { "retry-after": String(retryAfterSeconds) });
}

function writeResponse(res: ServerResponse, response: ApiResponse): void {
  if (response.body === null) {
    res.writeHead(response.status, response.headers).end();
    return;
  }
  res
    .writeHead(response.status, { "content-type": "application/json; charset=utf-8", ...response.headers })
    .end(JSON.stringify(response.body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function hasBearerToken(authorization: string | undefined): boolean {
  return /^Bearer\s+\S+/i.test(authorization ?? "");
}

function singleHeader(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? (value[0] ?? null) : value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === "string" && value.trim().length > 0;
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return isRecord(value) && Object.values(value).every((entry) => typeof entry === "string");
}

function isTag(value: unknown): value is EmailTag {
  return isRecord(value) && typeof value.name === "string" && typeof value.value === "string";
}

function isMode(value: unknown): value is FakeResendMode {
  return FAKE_RESEND_MODES.some((mode) => mode === value);
}

function isExecutedDirectly(): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  // realpath on both sides so a symlinked checkout or entry path still matches.
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

async function runStandalone(): Promise<void> {
  const port = Number(process.env.FAKE_RESEND_PORT ?? 3025);
  const requestsPerSecond = process.env.FAKE_RESEND_REQUESTS_PER_SECOND ? Number(process.env.FAKE_RESEND_REQUESTS_PER_SECOND) : undefined;
  // A benchmark's 10,000 emails are counted, not read: no log line or stored body for each.
  const quiet = process.env.FAKE_RESEND_QUIET === "true";
  const fake = await startFakeResend({
    port,
    requestsPerSecond,
    keepContent: !quiet,
    onEmail: quiet ? undefined : (email) => console.log(`[fake-resend] ${email.id} "${email.subject}" from ${email.from} to ${email.to.join(", ")}`),
  });
  console.log(`[fake-resend] listening on ${fake.url}`);
  console.log(`[fake-resend] point the app at it with: RESEND_BASE_URL=${fake.url} RESEND_API_KEY=re_test_fake`);
  console.log(`[fake-resend] inspect:  curl ${fake.url}/_fake/emails  (and /_fake/requests)`);
  console.log(`[fake-resend] clear:    curl -X DELETE ${fake.url}/_fake/emails`);
  console.log(`[fake-resend] failures: curl -X POST ${fake.url}/_fake/mode -d '{"mode":"rate_limit","count":2}'`);
  const stop = () => {
    fake.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

if (isExecutedDirectly()) {
  runStandalone().catch((error: unknown) => {
    console.error("[fake-resend] could not start:", error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
