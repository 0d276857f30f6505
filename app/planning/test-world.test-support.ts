import type { EventStatus } from "~/generated/prisma/enums";
import { db } from "~/platform/db.server";
import { createOrganization, createUser, scopeFor } from "#tests/factories";
import { createPartnershipWorld } from "#tests/partnerships/world";

const DAY_MS = 86_400_000;

/**
 * For tests: two companies (one person of every role each) in an active partnership with a draft
 * dinner a month from now in New York, and an outsider company.
 */
export async function createPlanningWorld(options: { status?: EventStatus; kind?: "outing" | "volunteer_day" } = {}) {
  const { initiator: a, partner: b, partnershipId } = await createPartnershipWorld("active");
  const startsAt = new Date(Math.ceil((Date.now() + 30 * DAY_MS) / 3_600_000) * 3_600_000);
  const event = await db.event.create({
    data: {
      partnershipId,
      createdByOrgId: a.organization.id,
      kind: options.kind ?? "outing",
      outingType: options.kind === "volunteer_day" ? null : "dinner",
      title: "Team dinner",
      venueName: "The Long Table",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3 * 3_600_000),
      timeZone: "America/New_York",
      capacity: 20,
      status: options.status ?? "draft",
      quotas: { create: [{ organizationId: a.organization.id, seats: 10 }, { organizationId: b.organization.id, seats: 10 }] },
    },
    select: { id: true, startsAt: true, endsAt: true },
  });
  const outsiderOwner = await createUser();
  const outsider = await createOrganization(outsiderOwner);
  return {
    a,
    b,
    partnershipId,
    event,
    scopes: {
      aOwner: scopeFor(a.organization, a.owner, "owner"),
      aManager: scopeFor(a.organization, a.manager, "manager"),
      aMember: scopeFor(a.organization, a.member, "member"),
      bOwner: scopeFor(b.organization, b.owner, "owner"),
      bManager: scopeFor(b.organization, b.manager, "manager"),
      bMember: scopeFor(b.organization, b.member, "member"),
      outsider: scopeFor(outsider, outsiderOwner, "owner"),
    },
  };
}

export type PlanningWorld = Awaited<ReturnType<typeof createPlanningWorld>>;

/** A date `days` from now, as a date input sends it. */
export function dateDaysAhead(days: number): string {
  return new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);
}
