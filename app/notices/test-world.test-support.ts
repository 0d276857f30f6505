import type { EventKind } from "~/generated/prisma/enums";
import { approveEvent, createEvent, proposeEvent } from "~/events/events.server";
import { eventInput, jointWorld, type JointWorld } from "~/events/test-world.test-support";
import type { EmailAttachment } from "~/platform/email.server";
import { db } from "~/platform/db.server";
import { confirmedEventWorld } from "#tests/invitations/world";

/** The form's defaults: reminders 7 days and 1 day before, a nudge 2 days before the deadline. */
export const defaultNoticeSettings = { reminderDays: "7, 1", nudgeDaysBefore: 2 };

/** Raw event-form values with the form's notice defaults (the bare test input has none). */
export function noticeEventInput(world: JointWorld, overrides: Record<string, unknown> = {}, kind: EventKind = "outing") {
  return eventInput(world, { ...defaultNoticeSettings, ...overrides }, kind);
}

/**
 * A confirmed dinner on Fri 14 Mar 2031, 18:00–21:00 in New York (22:00–01:00 UTC), the Friday
 * after the clocks go forward (Sun 9 Mar), with the form's notice defaults.
 */
export function noticeWorld(overrides: Record<string, unknown> = {}) {
  return confirmedEventWorld({ ...defaultNoticeSettings, ...overrides });
}

/** The same event, confirmed the real way: proposed by Acme, approved by both companies. */
export async function approvedNoticeWorld(overrides: Record<string, unknown> = {}, kind: EventKind = "outing") {
  const world = await jointWorld();
  const { id: eventId } = await createEvent(world.scopes.acmeManager, world.partnershipId, noticeEventInput(world, overrides, kind));
  await proposeEvent(world.scopes.acmeManager, eventId);
  await approveEvent(world.scopes.acmeManager, eventId, 1);
  await approveEvent(world.scopes.globexManager, eventId, 1);
  return { ...world, eventId };
}

/** Emails of a kind queued to these addresses, through the outbox. */
export function outboxTo(kind: string, addresses: string[]) {
  return db.outboundEmail.findMany({
    where: { kind, to: { in: addresses } },
    orderBy: { createdAt: "asc" },
    select: { id: true, to: true, subject: true, text: true, html: true, status: true, attachments: true },
  });
}

export function attachmentsOf(email: { attachments: unknown }): (EmailAttachment & { text: string })[] {
  return ((email.attachments as EmailAttachment[] | null) ?? []).map((file) => ({ ...file, text: Buffer.from(file.content, "base64").toString("utf8") }));
}

/** pg-boss jobs of a queue waiting to run, with their data. */
export function queuedJobs(name: string) {
  return db.$queryRaw<{ data: Record<string, unknown>; singleton_key: string | null }[]>`
    SELECT data, singleton_key FROM pgboss.job WHERE name = ${name} AND state = 'created'`;
}
