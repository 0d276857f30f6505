import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { zonedLocalToUtc } from "~/events/time";
import { db } from "~/platform/db.server";
import { addInvitees, confirmedEventWorld, type ConfirmedEventWorld } from "#tests/invitations/world";
import { startFakeResend, type FakeResend } from "#tests/fakes/resend";
import { dispatchSend, dispatchSendJob } from "./batch-send.server";
import { fakeResendTransport, queuedJobs, runSend } from "./sending.test-support";
import { cancelSend, SendRuleError, sendInvitations } from "./send.server";
import { suppressAddress } from "./suppressions.server";

let fake: FakeResend;

beforeAll(async () => {
  fake = await startFakeResend();
});

afterAll(async () => {
  await fake.close();
});

beforeEach(() => {
  fake.clear();
});

function deliveries(world: ConfirmedEventWorld) {
  return db.eventInvitation.findMany({ where: { eventId: world.eventId }, orderBy: { email: "asc" }, select: { email: true, delivery: true, sendId: true, batchId: true } });
}

describe("sending invitations", () => {
  test("only a confirmed event's invitations go out, and the manager is told why not", async () => {
    const world = await confirmedEventWorld();
    await addInvitees(world, "acme", 2, { delivery: "not_sent" });
    for (const [status, reason] of [
      ["proposed", "waiting for approval"],
      ["draft", "still a draft"],
      ["cancelled", "was cancelled"],
    ] as const) {
      await db.event.update({ where: { id: world.eventId }, data: { status } });
      const refusal = await sendInvitations(world.scopes.acmeManager, world.eventId, { when: "now" }).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(SendRuleError);
      expect((refusal as Error).message).toContain("Invitations go out only for a confirmed event.");
      expect((refusal as Error).message).toContain(reason);
    }
    expect(await db.invitationSend.count({ where: { eventId: world.eventId } })).toBe(0);
  });

  test("walk-ins added at the door are never sent an invitation", async () => {
    const world = await confirmedEventWorld();
    const [walkIn] = await addInvitees(world, "acme", 1, { delivery: "not_sent", source: "walk_in", status: "attending" });
    await addInvitees(world, "acme", 1, { delivery: "not_sent" });

    const outcome = await sendInvitations(world.scopes.acmeManager, world.eventId, { when: "now" });

    expect(outcome).toMatchObject({ sent: true, total: 1 });
    expect(await db.eventInvitation.findUniqueOrThrow({ where: { id: walkIn!.id }, select: { delivery: true, sendId: true } })).toEqual({ delivery: "not_sent", sendId: null });
  });

  test("sending now claims the company's unsent invitees in one send with one start job, skipping removed and suppressed people and the partner's list", async () => {
    const world = await confirmedEventWorld();
    const acme = await addInvitees(world, "acme", 4, { delivery: "not_sent" });
    const [alreadySent] = await addInvitees(world, "acme", 1, { delivery: "sent" });
    await addInvitees(world, "globex", 2, { delivery: "not_sent" });
    await db.eventInvitation.update({ where: { id: acme[0]!.id }, data: { revokedAt: new Date() } });
    await db.$transaction((tx) => suppressAddress(tx, acme[1]!.email.toUpperCase(), "bounced", "mailbox does not exist"));

    const outcome = await sendInvitations(world.scopes.acmeManager, world.eventId, { when: "now" });

    expect(outcome).toMatchObject({ sent: true, total: 2, suppressed: 1, startsNow: true });
    const sendId = outcome.sent ? outcome.sendId : "";
    expect(await db.invitationSend.findUniqueOrThrow({ where: { id: sendId } })).toMatchObject({ status: "scheduled", total: 2, organizationId: world.acme.organization.id });
    const rows = await db.eventInvitation.findMany({ where: { eventId: world.eventId }, select: { id: true, delivery: true, sendId: true, deliveryError: true } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(acme[0]!.id)).toMatchObject({ delivery: "not_sent", sendId: null });
    expect(byId.get(acme[1]!.id)).toMatchObject({ delivery: "suppressed", sendId: null, deliveryError: "Not sent: an earlier email to this address bounced." });
    expect(byId.get(acme[2]!.id)).toMatchObject({ delivery: "queued", sendId });
    expect(byId.get(acme[3]!.id)).toMatchObject({ delivery: "queued", sendId });
    expect(byId.get(alreadySent!.id)).toMatchObject({ delivery: "sent", sendId: null });
    expect(rows.filter((row) => row.sendId === sendId)).toHaveLength(2);
    const jobs = await queuedJobs(dispatchSendJob.name, "sendId", sendId);
    expect(jobs).toHaveLength(1);
  });

  test("a second click finds nothing left to send and says so, without a second send", async () => {
    const world = await confirmedEventWorld();
    await addInvitees(world, "acme", 3, { delivery: "not_sent" });

    const [first, second] = await Promise.all([
      sendInvitations(world.scopes.acmeManager, world.eventId, { when: "now" }),
      sendInvitations(world.scopes.acmeManager, world.eventId, { when: "now" }),
    ]);

    expect([first.sent, second.sent].sort()).toEqual([false, true]);
    expect(await db.invitationSend.count({ where: { eventId: world.eventId } })).toBe(1);
    const again = await sendInvitations(world.scopes.acmeManager, world.eventId, { when: "now" });
    expect(again).toEqual({ sent: false, suppressed: 0 });
  });

  test("a scheduled send starts at its time: its start job waits until then, in the event's time zone", async () => {
    const world = await confirmedEventWorld();
    await addInvitees(world, "acme", 2, { delivery: "not_sent" });

    const outcome = await sendInvitations(world.scopes.acmeManager, world.eventId, { when: "later", scheduledFor: "2031-03-01T09:30" });

    const expected = zonedLocalToUtc("2031-03-01T09:30", "America/New_York");
    expect(expected.toISOString()).toBe("2031-03-01T14:30:00.000Z");
    expect(outcome).toMatchObject({ sent: true, startsNow: false, scheduledFor: "Sat 1 Mar 2031, 09:30 (America/New_York)" });
    const sendId = outcome.sent ? outcome.sendId : "";
    expect((await db.invitationSend.findUniqueOrThrow({ where: { id: sendId } })).scheduledFor).toEqual(expected);
    const [job] = await queuedJobs(dispatchSendJob.name, "sendId", sendId);
    expect(job!.start_after).toEqual(expected);
    expect((await deliveries(world)).map((row) => row.delivery)).toEqual(["scheduled", "scheduled"]);
  });

  test("a time in the past, after the event starts, or skipped by the clocks is refused on the field", async () => {
    const world = await confirmedEventWorld();
    await addInvitees(world, "acme", 1, { delivery: "not_sent" });
    for (const [scheduledFor, message] of [
      ["2020-01-01T09:00", "That time has passed"],
      ["2031-03-14T18:00", "Pick a time before the event starts (Fri 14 Mar 2031, 18:00 (America/New_York))."],
      ["2030-03-10T02:30", "That time doesn't exist in America/New_York"],
    ] as const) {
      const refusal = await sendInvitations(world.scopes.acmeManager, world.eventId, { when: "later", scheduledFor }).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(SendRuleError);
      expect(refusal).toMatchObject({ field: "scheduledFor", status: 400 });
      expect((refusal as Error).message).toContain(message);
    }
    expect(await db.invitationSend.count({ where: { eventId: world.eventId } })).toBe(0);
  });

  test("a scheduled send can be cancelled before it starts: its people go back to not sent and its job does nothing", async () => {
    const world = await confirmedEventWorld();
    await addInvitees(world, "acme", 3, { delivery: "not_sent" });
    const outcome = await sendInvitations(world.scopes.acmeManager, world.eventId, { when: "later", scheduledFor: "2031-03-01T09:30" });
    const sendId = outcome.sent ? outcome.sendId : "";

    expect(await cancelSend(world.scopes.acmeManager, world.eventId, sendId)).toEqual({ released: 3 });
    await dispatchSend(sendId);

    expect(await db.invitationSend.findUniqueOrThrow({ where: { id: sendId } })).toMatchObject({ status: "cancelled" });
    expect(await deliveries(world)).toEqual(expect.arrayContaining([expect.objectContaining({ delivery: "not_sent", sendId: null, batchId: null })]));
    expect((await deliveries(world)).every((row) => row.delivery === "not_sent")).toBe(true);
    expect(await db.invitationBatch.count({ where: { sendId } })).toBe(0);
    const again = await cancelSend(world.scopes.acmeManager, world.eventId, sendId).catch((error: unknown) => error);
    expect((again as Error).message).toBe("This send has already started or finished, so it can't be cancelled any more.");
  });

  test("a send that has started cannot be cancelled, and the partner company cannot touch it", async () => {
    const world = await confirmedEventWorld();
    await addInvitees(world, "acme", 2, { delivery: "not_sent" });
    const outcome = await sendInvitations(world.scopes.acmeManager, world.eventId, { when: "now" });
    const sendId = outcome.sent ? outcome.sendId : "";

    const fromPartner = await cancelSend(world.scopes.globexManager, world.eventId, sendId).catch((error: unknown) => error);
    expect(fromPartner).toMatchObject({ init: { status: 404 } });
    await dispatchSend(sendId);
    const refusal = await cancelSend(world.scopes.acmeManager, world.eventId, sendId).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(SendRuleError);
    expect(await db.invitationSend.findUniqueOrThrow({ where: { id: sendId } })).toMatchObject({ status: "sending" });
  });

  test("a scheduled send whose event was cancelled meanwhile sends nothing", async () => {
    const world = await confirmedEventWorld();
    await addInvitees(world, "acme", 2, { delivery: "not_sent" });
    const outcome = await sendInvitations(world.scopes.acmeManager, world.eventId, { when: "later", scheduledFor: "2031-03-01T09:30" });
    const sendId = outcome.sent ? outcome.sendId : "";
    await db.event.update({ where: { id: world.eventId }, data: { status: "cancelled" } });

    await runSend(sendId, fakeResendTransport(fake));

    expect(fake.requests).toHaveLength(0);
    expect(await db.invitationSend.findUniqueOrThrow({ where: { id: sendId } })).toMatchObject({ status: "cancelled" });
    expect((await deliveries(world)).every((row) => row.delivery === "not_sent")).toBe(true);
  });

  test("suppressed addresses are skipped on the next send, and failed ones are retried only when asked", async () => {
    const world = await confirmedEventWorld();
    const [bounced, failed, fresh] = await addInvitees(world, "acme", 3, { delivery: "not_sent" });
    await db.$transaction((tx) => suppressAddress(tx, bounced!.email, "complained", ""));
    await db.eventInvitation.update({ where: { id: failed!.id }, data: { delivery: "failed", deliveryError: "422 validation_error" } });

    const first = await sendInvitations(world.scopes.acmeManager, world.eventId, { when: "now" });
    expect(first).toMatchObject({ sent: true, total: 1, suppressed: 1 });
    await runSend(first.sent ? first.sendId : "", fakeResendTransport(fake));
    expect(fake.emails.map((email) => email.to[0])).toEqual([fresh!.email]);

    const retry = await sendInvitations(world.scopes.acmeManager, world.eventId, { when: "now", includeFailed: true });
    expect(retry).toMatchObject({ sent: true, total: 1, suppressed: 0 });
    await runSend(retry.sent ? retry.sendId : "", fakeResendTransport(fake));
    expect(fake.emails.map((email) => email.to[0])).toEqual([fresh!.email, failed!.email]);
    expect(await db.eventInvitation.findUniqueOrThrow({ where: { id: failed!.id } })).toMatchObject({ delivery: "sent", deliveryError: null });
    expect(await db.eventInvitation.findUniqueOrThrow({ where: { id: bounced!.id } })).toMatchObject({ delivery: "suppressed" });
  });
});
