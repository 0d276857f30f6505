import { describe, expect, test } from "vitest";
import type { Role } from "~/generated/prisma/enums";
import { ROLES } from "~/organizations/permissions";
import { db } from "~/platform/db.server";
import { createCompanyWithEveryRole, createOrganization, createSessionCookie, createUser } from "#tests/factories";
import { browserRequest, routeContext } from "#tests/requests";
import { tenantRouteGroups } from "./tenant-routes";
import type { TenantRouteExpectation, VictimTargets } from "./tenant-routes/types";

type RouteModule = { loader?: (args: never) => unknown; action?: (args: never) => unknown };

const tenantRoutes = import.meta.glob<RouteModule>("../../app/routes/o.$slug*.tsx", { eager: true });

const expectations: Record<string, TenantRouteExpectation> = Object.assign({}, ...tenantRouteGroups.map((group) => group.routes));

const rank = { member: 0, manager: 1, admin: 2, owner: 3 } as const satisfies Record<Role, number>;

function routeFile(modulePath: string) {
  return modulePath.split("/").pop()!;
}

function statusOf(thrown: unknown): number | undefined {
  if (thrown instanceof Response) return thrown.status;
  if (thrown && typeof thrown === "object" && "init" in thrown) return (thrown as { init?: { status?: number } }).init?.status;
  return undefined;
}

async function outcomeStatus(run: () => unknown): Promise<number> {
  try {
    const result = await run();
    return statusOf(result) ?? 200;
  } catch (thrown) {
    const status = statusOf(thrown);
    if (status === undefined) throw thrown;
    return status;
  }
}

/**
 * Every row a tenant action could change, in the victim's company and its partnership, as one
 * string, so "nothing changed" is one comparison.
 */
async function snapshot(organizationId: string, partnershipId: string) {
  const eventIds = (await db.event.findMany({ where: { partnershipId }, select: { id: true } })).map((event) => event.id);
  const byEvent = { where: { eventId: { in: eventIds } } };
  const rows = await Promise.all([
    db.organization.findUnique({ where: { id: organizationId } }),
    db.membership.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    db.teammateInvitation.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    db.partnership.findMany({ where: { OR: [{ initiatorId: organizationId }, { partnerId: organizationId }] }, orderBy: { id: "asc" } }),
    db.partnershipNote.findMany({ where: { partnershipId }, orderBy: { id: "asc" } }),
    db.partnershipActivity.count({ where: { partnershipId } }),
    db.interestPoll.findMany({ where: { partnershipId }, include: { responses: true }, orderBy: { id: "asc" } }),
    db.event.findMany({ where: { partnershipId }, orderBy: { id: "asc" } }),
    db.eventQuota.findMany({ ...byEvent, orderBy: { organizationId: "asc" } }),
    db.eventApproval.findMany({ ...byEvent, orderBy: { organizationId: "asc" } }),
    db.eventQuestion.findMany({ ...byEvent, orderBy: { id: "asc" } }),
    db.eventShift.findMany({ ...byEvent, orderBy: { id: "asc" } }),
    db.eventTask.findMany({ ...byEvent, orderBy: { id: "asc" } }),
    db.eventComment.findMany({ ...byEvent, orderBy: { id: "asc" } }),
    db.eventDateOption.findMany({ ...byEvent, include: { votes: true }, orderBy: { id: "asc" } }),
    db.eventInvitation.findMany({ ...byEvent, include: { notices: true }, orderBy: { id: "asc" } }),
    db.invitationImport.findMany({ ...byEvent, orderBy: { id: "asc" } }),
    db.invitationSend.findMany({ ...byEvent, include: { batches: true }, orderBy: { id: "asc" } }),
    db.outboundEmail.count(),
  ]);
  return JSON.stringify(rows);
}

/** A company with one person of every role, a pending teammate invitation, a partner and a draft event. */
async function victimWorld() {
  const company = await createCompanyWithEveryRole();
  const organizationId = company.organization.id;
  const invitation = await db.teammateInvitation.create({
    data: { organizationId, email: `pending-${Date.now()}@example.com`, role: "member", invitedById: company.owner.id, expiresAt: new Date(Date.now() + 86_400_000) },
  });
  const memberMembership = await db.membership.findFirstOrThrow({ where: { organizationId, userId: company.member.id } });
  const partnerOwner = await createUser();
  const partner = await createOrganization(partnerOwner);
  const partnership = await db.partnership.create({
    data: { initiatorId: organizationId, partnerId: partner.id, status: "active", contactEmail: partnerOwner.email, invitedById: company.owner.id, respondedAt: new Date() },
  });
  const startsAt = new Date(Date.now() + 30 * 86_400_000);
  const event = await db.event.create({
    data: {
      partnershipId: partnership.id,
      createdByOrgId: organizationId,
      kind: "outing",
      outingType: "dinner",
      title: "Probe dinner",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3 * 3_600_000),
      timeZone: "America/New_York",
      capacity: 20,
      quotas: { create: [{ organizationId, seats: 10 }, { organizationId: partner.id, seats: 10 }] },
    },
  });
  const targets: VictimTargets = {
    slug: company.organization.slug,
    membershipId: memberMembership.id,
    invitationId: invitation.id,
    partnershipId: partnership.id,
    eventId: event.id,
    extra: {},
  };
  for (const group of tenantRouteGroups) {
    await group.prepare?.(targets, { ownerId: company.owner.id, organizationId, partnerOrganizationId: partner.id });
  }
  return { ...company, partnershipId: partnership.id, targets };
}

function callLoader(module: RouteModule, expectation: TenantRouteExpectation, targets: VictimTargets, cookie: string) {
  return outcomeStatus(() => module.loader!({ request: browserRequest(`/o/${targets.slug}/probe`, cookie), params: expectation.params(targets), context: routeContext } as never));
}

function callAction(module: RouteModule, expectation: TenantRouteExpectation, targets: VictimTargets, cookie: string, form: Record<string, string>) {
  return outcomeStatus(() => module.action!({ request: browserRequest(`/o/${targets.slug}/probe`, cookie, form), params: expectation.params(targets), context: routeContext } as never));
}

describe("tenant isolation", () => {
  test("every tenant route is described by this suite", () => {
    expect(Object.keys(tenantRoutes).map(routeFile).sort()).toEqual(Object.keys(expectations).sort());
    for (const [path, module] of Object.entries(tenantRoutes)) {
      const described = expectations[routeFile(path)]!;
      expect(Boolean(module.action), `${routeFile(path)}: its action and the suite's probes disagree`).toBe(Object.keys(described.actions).length > 0);
    }
  });

  for (const [path, module] of Object.entries(tenantRoutes)) {
    const file = routeFile(path);
    const described = expectations[file];
    if (!described) continue;

    test(`${file}: a member of another company gets 404 from the loader and every action, and nothing changes`, async () => {
      const victim = await victimWorld();
      const outsider = await createUser();
      await createOrganization(outsider);
      const cookie = await createSessionCookie(outsider);
      const before = await snapshot(victim.organization.id, victim.partnershipId);
      if (module.loader) expect(await callLoader(module, described, victim.targets, cookie)).toBe(404);
      for (const [intent, probe] of Object.entries(described.actions)) {
        expect(await callAction(module, described, victim.targets, cookie, probe.form(victim.targets)), `${file} action ${intent}`).toBe(404);
      }
      expect(await snapshot(victim.organization.id, victim.partnershipId)).toBe(before);
    });

    test(`${file}: a signed-out visitor is sent to sign in`, async () => {
      const victim = await victimWorld();
      if (module.loader) expect(await callLoader(module, described, victim.targets, "")).toBe(302);
    });

    for (const [intent, probe] of Object.entries(described.actions)) {
      for (const role of ROLES.filter((candidate) => rank[candidate] < rank[probe.minimumRole])) {
        test(`${file}: ${intent} as ${role} is refused with 403 and changes nothing`, async () => {
          const victim = await victimWorld();
          const cookie = await createSessionCookie(victim[role]);
          const before = await snapshot(victim.organization.id, victim.partnershipId);
          expect(await callAction(module, described, victim.targets, cookie, probe.form(victim.targets))).toBe(403);
          expect(await snapshot(victim.organization.id, victim.partnershipId)).toBe(before);
        });
      }
    }

    for (const role of ROLES.filter((candidate) => rank[candidate] < rank[described.loader])) {
      test(`${file}: loader as ${role} is refused with 403`, async () => {
        const victim = await victimWorld();
        expect(await callLoader(module, described, victim.targets, await createSessionCookie(victim[role]))).toBe(403);
      });
    }
  }
});
