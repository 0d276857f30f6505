/**
 * `npm run bench:invites`: 10,000 invitations through the real send pipeline (the send action's
 * function, pg-boss workers, the dispatch and batch jobs, the database pacer, Resend's SDK) into
 * a fake Resend that enforces Resend's default limit: 2 requests per second, 100 emails per batch.
 *
 * Prints how long the send took, the emails per second achieved against the 200/s ceiling, the
 * 429s received, and how many invitees got the email more than once (duplicates) or never (losses).
 * Also how fast invitations render, the template-per-send way and the react-email-per-invitee way.
 *
 * The fake runs in a process of its own, as Resend runs on machines of its own: it stamps each
 * request's arrival on its own clock and event loop, whatever this process is busy with.
 *
 * DATABASE_URL unset: an in-memory embedded PostgreSQL (PGlite). Set: a fresh database on that
 * server, dropped at the end. BENCH_INVITEES changes the number of invitees (default 10000).
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createServer, type AddressInfo } from "node:net";
import path from "node:path";
import { createElement } from "react";
import { provisionTestDatabase, testEnvironment } from "../tests/setup/test-database";

const INVITEES = Number(process.env.BENCH_INVITEES ?? 10_000);
const REQUESTS_PER_SECOND = 2;
const EMAILS_PER_REQUEST = 100;
const CEILING = REQUESTS_PER_SECOND * EMAILS_PER_REQUEST;
const GIVE_UP_AFTER_MS = 10 * 60_000;

type ReceivedRequest = { path: string; receivedAt: string; responseStatus: number | null };

async function freePort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  server.close();
  return port;
}

/** tests/fakes/resend.ts as a server of its own, quiet and limited to `requestsPerSecond`. */
async function startFakeResendProcess(requestsPerSecond: number) {
  const port = await freePort();
  const root = path.resolve(import.meta.dirname, "..");
  const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["tests/fakes/resend.ts"], {
    cwd: root,
    env: { ...process.env, FAKE_RESEND_PORT: String(port), FAKE_RESEND_REQUESTS_PER_SECOND: String(requestsPerSecond), FAKE_RESEND_QUIET: "true" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the fake Resend exited with code ${code}`)));
    child.stdout.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("listening on")) resolve();
    });
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    async clear() {
      await fetch(`${url}/_fake/emails`, { method: "DELETE" });
    },
    async emails() {
      return (await (await fetch(`${url}/_fake/emails`)).json()) as { to: string[] }[];
    },
    async requests() {
      return (await (await fetch(`${url}/_fake/requests`)).json()) as { requests: ReceivedRequest[]; deduplicated: number; rateLimited: number };
    },
    async close() {
      child.kill("SIGTERM");
      if (child.exitCode === null) await once(child, "exit");
    },
  };
}

const database = await provisionTestDatabase(process.env.DATABASE_URL);
const fake = await startFakeResendProcess(REQUESTS_PER_SECOND).catch(async (error: unknown) => {
  await database.drop();
  throw error;
});
// Before any app module reads its configuration: the app sends through Resend, aimed at the fake.
Object.assign(process.env, testEnvironment(database.url), {
  EMAIL_DELIVERY: "resend",
  RESEND_API_KEY: "re_bench",
  RESEND_BASE_URL: fake.url,
  RESEND_REQUESTS_PER_SECOND: String(REQUESTS_PER_SECOND),
  LOG_LEVEL: "warn",
});

const { db, disconnectDb } = await import("~/platform/db.server");
const { jobDefinitions } = await import("~/platform/job-definitions.server");
const { startJobs, stopJobs } = await import("~/platform/jobs.server");
const { renderEmail } = await import("~/platform/email.server");
const { sendInvitations } = await import("~/invitations/send.server");
const { buildInvitationMessage, findInvitationEvent, invitationEmailProps, invitationPersonaliser, recipientSlots } = await import("~/invitations/invitation-email.server");
const { default: EventInvitationEmail } = await import("#emails/event-invitation");
const { confirmedEventWorld } = await import("#tests/invitations/world");

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const perSecond = (count: number, ms: number) => (count / (ms / 1000)).toFixed(0);

try {
  console.log(`bench:invites on ${database.kind === "embedded" ? "the embedded PostgreSQL (PGlite)" : "a PostgreSQL server"}: ${INVITEES} invitees, fake Resend at ${REQUESTS_PER_SECOND} requests/s × ${EMAILS_PER_REQUEST} per batch`);
  const world = await confirmedEventWorld({ capacity: 10_000, quotas: { initiator: 5_000, partner: 5_000 } });
  const organizationId = world.acme.organization.id;
  await db.eventInvitation.createMany({
    data: Array.from({ length: INVITEES }, (_, index) => ({
      eventId: world.eventId,
      organizationId,
      email: `bench-${index}@invitees.example`,
      name: `Invitee ${index}`,
      source: "pasted" as const,
    })),
  });
  const invitees = await db.eventInvitation.findMany({ where: { eventId: world.eventId }, select: { id: true, eventId: true, email: true, name: true, tokenVersion: true } });

  // Rendering, on its own: once per send and filled in per invitee, against react-email per invitee.
  const event = (await findInvitationEvent(world.eventId))!;
  let started = performance.now();
  const message = await buildInvitationMessage(event, organizationId);
  const personalise = invitationPersonaliser(message);
  const endsAt = new Date(message.eventEndsAt);
  for (const invitee of invitees) personalise(recipientSlots(invitee, endsAt));
  const templateMs = performance.now() - started;
  const sample = invitees.slice(0, 100);
  started = performance.now();
  for (const invitee of sample) {
    await renderEmail(createElement(EventInvitationEmail, invitationEmailProps(event, organizationId, recipientSlots(invitee, endsAt))));
  }
  const reactEmailMs = performance.now() - started;

  // The send, as a manager's click starts it, worked by this process's pg-boss workers.
  await startJobs(jobDefinitions, { runWorkers: true });
  await fake.clear();
  const sendStarted = Date.now();
  const outcome = await sendInvitations(world.scopes.acmeManager, world.eventId, { when: "now" });
  if (!outcome.sent) throw new Error("the send found no one to invite");
  for (;;) {
    const send = await db.invitationSend.findUniqueOrThrow({ where: { id: outcome.sendId }, select: { status: true } });
    if (send.status === "sent") break;
    if (Date.now() - sendStarted > GIVE_UP_AFTER_MS) throw new Error(`the send did not finish within ${GIVE_UP_AFTER_MS / 60_000} minutes`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const sendMs = Date.now() - sendStarted;

  const received = new Map<string, number>();
  for (const email of await fake.emails()) for (const to of email.to) received.set(to, (received.get(to) ?? 0) + 1);
  const duplicates = [...received.values()].reduce((sum, count) => sum + Math.max(0, count - 1), 0);
  const losses = invitees.filter((invitee) => !received.has(invitee.email)).length;
  const { requests, deduplicated } = await fake.requests();
  const accepted = requests.filter((request) => request.responseStatus === 200).map((request) => Date.parse(request.receivedAt));
  const tooMany = requests.filter((request) => request.responseStatus === 429).length;
  const providerMs = accepted.length > 1 ? accepted.at(-1)! - accepted[0]! : 0;
  const notSent = await db.eventInvitation.count({ where: { eventId: world.eventId, delivery: { not: "sent" } } });
  const achieved = INVITEES / (sendMs / 1000);

  console.log("");
  console.log(`rendering          template once + fill per invitee: ${INVITEES} in ${templateMs.toFixed(0)} ms = ${perSecond(INVITEES, templateMs)} emails/s`);
  console.log(`                   react-email per invitee (sample of ${sample.length}): ${perSecond(sample.length, reactEmailMs)} emails/s`);
  console.log(`send               ${INVITEES} invitations in ${seconds(sendMs)} (click to the last one recorded as sent)`);
  console.log(`throughput         ${achieved.toFixed(1)} emails/s against the ${CEILING}/s limit: ratio ${(achieved / CEILING).toFixed(3)}`);
  console.log(`                   provider side, first to last accepted batch: ${accepted.length} batches in ${seconds(providerMs)}`);
  console.log(`429s received      ${tooMany}`);
  console.log(`duplicates         ${duplicates} (emails received more than once per invitee)`);
  console.log(`losses             ${losses} (invitees who never received it); ${notSent} not recorded as sent`);
  console.log(`idempotent replays ${deduplicated}`);
  process.exitCode = duplicates === 0 && losses === 0 && notSent === 0 ? 0 : 1;
} finally {
  await stopJobs();
  await disconnectDb();
  await fake.close();
  await database.drop();
}
