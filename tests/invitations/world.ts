import type { EventKind, InvitationSource, RsvpStatus } from "~/generated/prisma/enums";
import { createEvent } from "~/events/events.server";
import { eventInput, jointWorld, type JointWorld } from "~/events/test-world.test-support";
import { db } from "~/platform/db.server";
import { uniqueSuffix } from "#tests/factories";

/**
 * A confirmed joint event between Acme (the initiator) and Globex, ready for invite lists and
 * RSVPs. Overrides are raw event-form values (capacity, quotas: { initiator, partner },
 * plusOnesAllowed, questions, shifts…), parsed by the real event form schema.
 */
export async function confirmedEventWorld(overrides: Record<string, unknown> = {}, kind: EventKind = "outing") {
  const world = await jointWorld();
  const { id: eventId } = await createEvent(world.scopes.acmeManager, world.partnershipId, eventInput(world, overrides, kind));
  // Confirmation is issue 3's flow and tested there; here it is only the starting point.
  await db.event.update({ where: { id: eventId }, data: { status: "confirmed" } });
  return { ...world, eventId };
}

export type ConfirmedEventWorld = Awaited<ReturnType<typeof confirmedEventWorld>>;

/** Puts people straight on a company's invite list, as if imported and sent. */
export async function addInvitees(
  world: JointWorld & { eventId: string },
  company: "acme" | "globex",
  count: number,
  options: { status?: RsvpStatus; source?: InvitationSource; delivery?: "not_sent" | "sent" } = {},
) {
  const organizationId = world[company].organization.id;
  const suffix = uniqueSuffix();
  const rows = Array.from({ length: count }, (_, index) => ({
    eventId: world.eventId,
    organizationId,
    email: `invitee-${suffix}-${index}@${company}.example`,
    name: `Invitee ${index + 1} ${suffix}`,
    source: options.source ?? "pasted",
    status: options.status ?? "no_answer",
    delivery: options.delivery ?? "sent",
    sentAt: options.delivery === "not_sent" ? null : new Date(),
  }));
  await db.eventInvitation.createMany({ data: rows });
  return db.eventInvitation.findMany({
    where: { eventId: world.eventId, email: { in: rows.map((row) => row.email) } },
    orderBy: { email: "asc" },
    select: { id: true, eventId: true, organizationId: true, email: true, name: true, tokenVersion: true },
  });
}
