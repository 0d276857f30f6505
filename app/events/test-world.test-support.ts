import type { EventKind } from "~/generated/prisma/enums";
import { db } from "~/platform/db.server";
import { scopeFor, uniqueSuffix } from "#tests/factories";
import { createPartnershipWorld } from "#tests/partnerships/world";
import { eventFormSchema, type EventInput } from "./schemas";

/** Two companies with one person of every role each, in an active partnership started by the first. */
export async function jointWorld() {
  const suffix = uniqueSuffix();
  const { initiator, partner, partnershipId } = await createPartnershipWorld("active");
  await db.organization.update({ where: { id: initiator.organization.id }, data: { name: `Acme ${suffix}` } });
  await db.organization.update({ where: { id: partner.organization.id }, data: { name: `Globex ${suffix}` } });
  initiator.organization.name = `Acme ${suffix}`;
  partner.organization.name = `Globex ${suffix}`;
  const scopes = {
    acmeManager: scopeFor(initiator.organization, initiator.manager, "manager"),
    acmeMember: scopeFor(initiator.organization, initiator.member, "member"),
    acmeOwner: scopeFor(initiator.organization, initiator.owner, "owner"),
    globexManager: scopeFor(partner.organization, partner.manager, "manager"),
    globexMember: scopeFor(partner.organization, partner.member, "member"),
    globexAdmin: scopeFor(partner.organization, partner.admin, "admin"),
  };
  return { acme: initiator, globex: partner, partnershipId, scopes };
}

export type JointWorld = Awaited<ReturnType<typeof jointWorld>>;

/** An event as the form would submit it, parsed by the real schema; overrides are raw form values. */
export function eventInput(world: JointWorld, overrides: Record<string, unknown> = {}, kind: EventKind = "outing"): EventInput {
  const schema = eventFormSchema({ kind, initiatorName: world.acme.organization.name, partnerName: world.globex.organization.name, now: new Date() });
  const base: Record<string, unknown> =
    kind === "outing"
      ? { outingType: "dinner", title: "Team dinner", venueName: "Luigi's", venueAddress: "1 Main St", timeZone: "America/New_York", startsAt: "2031-03-14T18:00", endsAt: "2031-03-14T21:00", capacity: 20 }
      : {
          title: "Food bank day",
          venueName: "Riverside Food Bank",
          timeZone: "Europe/Berlin",
          startsAt: "2031-06-14T09:00",
          endsAt: "2031-06-14T17:00",
          capacity: 20,
          shifts: [
            { role: "Sorting", day: 1, startTime: "09:00", endTime: "12:00", capacity: 10 },
            { role: "Packing", day: 1, startTime: "13:00", endTime: "17:00", capacity: 10, notes: "Wear closed shoes", waiverText: "I accept the risks." },
          ],
        };
  return schema.parse({ kind, ...base, ...overrides });
}
