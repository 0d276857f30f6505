/**
 * `npm run bench:rsvp`: RSVPs through the production server at 200 concurrent clients, against a
 * PostgreSQL server, beside a bare POST to the same server in the same run.
 *
 * Seeds a confirmed event with BENCH_RSVP_INVITEES invitees (default 3000, half per company) and
 * BENCH_RSVP_SEATS seats (default 1000, half per company), starts the production build
 * (`server/production.ts`, built first if `build/` is missing) on its own port with the job worker
 * off (a separate `npm run worker` renders the confirmation emails in production), and then with
 * autocannon:
 *   (a) a bare POST: `POST /sign-out` without a session, which passes the same middleware (CSRF
 *       check, security headers, compression, logging) and Remix's action handling but touches no
 *       database, so it is the ceiling of the stack itself;
 *   (b) RSVP POSTs: each request a different invitee's link, answering Yes.
 * Prints commits per second and p50/p95/p99 latency of both, their ratio, and the overbooked count
 * (seats taken beyond the event's capacity or a company's quota; must be 0). Also prints what the
 * RSVP page weighs on the wire without JavaScript (HTML + CSS, gzip).
 *
 * DATABASE_URL: the PostgreSQL server (default postgresql://postgres@127.0.0.1:5432/postgres); a
 * fresh database is created on it and dropped at the end.
 */
import autocannon from "autocannon";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { provisionTestDatabase, testEnvironment } from "../tests/setup/test-database";

const SERVER_URL = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const INVITEES = Number(process.env.BENCH_RSVP_INVITEES ?? 3000);
const SEATS = Number(process.env.BENCH_RSVP_SEATS ?? 1000);
const CONNECTIONS = 200;
const BARE_SECONDS = 10;
const PORT = Number(process.env.BENCH_RSVP_PORT ?? 3190);
const APP_URL = `http://127.0.0.1:${PORT}`;

if (!existsSync("build/server/index.js")) {
  console.log("No production build in build/: running `npx remix vite:build` first.");
  const built = spawnSync("npx", ["remix", "vite:build"], { stdio: "inherit" });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const database = await provisionTestDatabase(SERVER_URL);
Object.assign(process.env, testEnvironment(database.url, APP_URL), { LOG_LEVEL: "warn" });

const { db, disconnectDb } = await import("~/platform/db.server");
const { createRsvpToken } = await import("~/rsvp/tokens.server");
const { confirmedEventWorld } = await import("#tests/invitations/world");

type Measured = { label: string; expectedStatus: number; completed: number; unexpected: Record<string, number>; seconds: number; latencies: number[] };

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

function describe({ label, completed, seconds, latencies, unexpected }: Measured): string {
  const sorted = [...latencies].sort((a, b) => a - b);
  const problems = Object.entries(unexpected).map(([status, count]) => `${count}× ${status}`);
  return [
    `${label}: ${(completed / seconds).toFixed(0)} commits/s (${completed} in ${seconds.toFixed(1)} s)`,
    `latency p50 ${percentile(sorted, 0.5).toFixed(1)} ms, p95 ${percentile(sorted, 0.95).toFixed(1)} ms, p99 ${percentile(sorted, 0.99).toFixed(1)} ms`,
    problems.length ? `other answers: ${problems.join(", ")}` : "no other answers",
  ].join("\n  ");
}

/** Runs autocannon and records every response's status and time. */
async function measure(label: string, expectedStatus: number, options: autocannon.Options): Promise<Measured> {
  const measured: Measured = { label, expectedStatus, completed: 0, unexpected: {}, seconds: 0, latencies: [] };
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const instance = autocannon({ connections: CONNECTIONS, timeout: 60, ...options }, (error) => (error ? reject(error) : resolve()));
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      measured.latencies.push(responseTime);
      if (statusCode === expectedStatus) measured.completed += 1;
      else measured.unexpected[statusCode] = (measured.unexpected[statusCode] ?? 0) + 1;
    });
    instance.on("reqError", (error) => {
      measured.unexpected[error.message] = (measured.unexpected[error.message] ?? 0) + 1;
    });
  });
  measured.seconds = (performance.now() - started) / 1000;
  return measured;
}

/** Bytes on the wire (headers and gzip body) of one GET, as a browser asking for gzip receives it. */
function transferSize(path: string): Promise<{ status: number; headerBytes: number; bodyBytes: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${APP_URL}${path}`, { headers: { "accept-encoding": "gzip" } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const headerBytes = response.rawHeaders.reduce((sum, part) => sum + Buffer.byteLength(part) + 2, 0) + 20;
        const body = Buffer.concat(chunks);
        resolve({ status: response.statusCode ?? 0, headerBytes, bodyBytes: body.length, body });
      });
      response.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

async function waitForServer(server: ChildProcess) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The server exited with code ${server.exitCode} before it answered.`);
    try {
      if ((await fetch(`${APP_URL}/healthz`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("The server did not answer /healthz within 2 minutes.");
}

let server: ChildProcess | undefined;
try {
  console.log(`bench:rsvp on a PostgreSQL server: ${INVITEES} invitees for ${SEATS} seats, ${CONNECTIONS} concurrent clients`);
  const world = await confirmedEventWorld({ capacity: SEATS, quotas: { initiator: Math.ceil(SEATS / 2), partner: Math.floor(SEATS / 2) } });
  const companies = [world.acme.organization.id, world.globex.organization.id];
  await db.eventInvitation.createMany({
    data: Array.from({ length: INVITEES }, (_, index) => ({
      eventId: world.eventId,
      organizationId: companies[index % 2]!,
      email: `bench-${index}@invitees.example`,
      name: `Invitee ${index}`,
      source: "pasted" as const,
      delivery: "sent" as const,
    })),
  });
  const invitees = await db.eventInvitation.findMany({ where: { eventId: world.eventId }, select: { id: true, eventId: true, tokenVersion: true, email: true }, orderBy: { email: "asc" } });
  const expiry = new Date(Date.now() + 30 * 86_400_000);
  const paths = invitees.map((invitee) => `/rsvp/${world.eventId}/${createRsvpToken(invitee, expiry)}`);

  server = spawn("npx", ["tsx", "server/production.ts"], {
    env: { ...process.env, NODE_ENV: "production", PORT: String(PORT), RUN_WORKER_IN_PROCESS: "false", LOG_LEVEL: "warn" },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  await waitForServer(server);

  const page = await transferSize(`${paths[0]}?answer=yes`);
  const html = (await import("node:zlib")).gunzipSync(page.body).toString();
  const stylesheet = /<link rel="stylesheet" href="([^"]+)"/.exec(html)?.[1];
  const css = stylesheet ? await transferSize(stylesheet) : undefined;
  const icon = await transferSize("/favicon.svg");
  const scripts = (html.match(/<script/g) ?? []).length + (html.match(/modulepreload/g) ?? []).length;
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const files = [page, css, icon].filter((file) => file !== undefined);
  const pageBytes = files.reduce((sum, file) => sum + file.headerBytes + file.bodyBytes, 0);
  console.log(
    `RSVP page without JavaScript: ${kb(pageBytes)} transferred — HTML ${kb(page.bodyBytes)} gzip (${kb(html.length)} raw), ` +
      `CSS ${css ? kb(css.bodyBytes) : "?"} gzip, logo ${kb(icon.bodyBytes)}, headers ${kb(files.reduce((sum, file) => sum + file.headerBytes, 0))}; scripts on the page: ${scripts}`,
  );

  const browserPost = { "content-type": "application/x-www-form-urlencoded", origin: APP_URL, "sec-fetch-site": "same-origin" };
  // Warm the server's JIT and connection pool before anything is measured.
  await measure("warm-up", 302, { url: `${APP_URL}/sign-out`, method: "POST", headers: browserPost, duration: 3 });
  const bare = await measure("bare POST /sign-out", 302, { url: `${APP_URL}/sign-out`, method: "POST", headers: browserPost, duration: BARE_SECONDS });
  let next = 0;
  const rsvp = await measure("RSVP POST (Yes)", 303, {
    url: APP_URL,
    amount: paths.length,
    requests: [{ method: "POST", headers: browserPost, body: "answer=yes", setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }) }],
  });

  console.log(describe(bare));
  console.log(describe(rsvp));
  console.log(`ratio RSVP / bare POST: ${(rsvp.completed / rsvp.seconds / (bare.completed / bare.seconds)).toFixed(2)} (aim ≥ 0.5)`);

  const event = await db.event.findUniqueOrThrow({ where: { id: world.eventId }, select: { capacity: true, seatsTaken: true, quotas: true } });
  const held = await db.eventInvitation.groupBy({ by: ["organizationId", "status"], where: { eventId: world.eventId }, _count: true, _sum: { seatsHeld: true } });
  const attendingSeats = (organizationId?: string) =>
    held.filter((row) => row.status === "attending" && (!organizationId || row.organizationId === organizationId)).reduce((sum, row) => sum + (row._sum.seatsHeld ?? 0), 0);
  const overbooked =
    Math.max(0, attendingSeats() - event.capacity) +
    Math.max(0, event.seatsTaken - event.capacity) +
    event.quotas.reduce((sum, quota) => sum + Math.max(0, attendingSeats(quota.organizationId) - quota.seats) + Math.max(0, quota.seatsTaken - quota.seats), 0);
  const count = (status: string) => held.filter((row) => row.status === status).reduce((sum, row) => sum + row._count, 0);
  const consistent = event.seatsTaken === attendingSeats() && event.quotas.every((quota) => quota.seatsTaken === attendingSeats(quota.organizationId));
  console.log(
    `seats: ${event.seatsTaken} of ${event.capacity} taken (${event.quotas.map((quota) => `${quota.seatsTaken}/${quota.seats}`).join(" and ")} per company); ` +
      `${count("attending")} attending, ${count("waitlisted")} waitlisted, ${count("no_answer")} without an answer`,
  );
  console.log(`overbooked: ${overbooked}; counters match the seats held: ${consistent ? "yes" : "NO"}`);
  console.log(`confirmation emails queued for the worker: ${await db.invitationNotice.count({ where: { kind: "confirmation" } })}`);
  if (overbooked > 0 || !consistent) process.exitCode = 1;
} finally {
  if (server?.pid) {
    // The server runs in a process group of its own (npx → node): end the whole group.
    process.kill(-server.pid, "SIGTERM");
    await new Promise((resolve) => server!.once("exit", resolve));
  }
  await disconnectDb();
  await database.drop();
}
