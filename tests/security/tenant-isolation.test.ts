import { describe, expect, test } from "vitest";
import type { Role } from "~/generated/prisma/enums";
import { ROLES } from "~/organizations/permissions";
import { db } from "~/platform/db.server";
import { createCompanyWithEveryRole, createOrganization, createSessionCookie, createUser } from "#tests/factories";

type RouteModule = { loader?: (args: never) => unknown; action?: (args: never) => unknown };

const tenantRoutes = import.meta.glob<RouteModule>("../../app/routes/o.$slug*.tsx", { eager: true });

type Probe = { form?: (ids: TargetIds) => Record<string, string> };
type TargetIds = { membershipId: string; invitationId: string };

/**
 * Every tenant route, what it needs, and how to probe its action. A route added under
 * /o/:slug fails this suite until it is described here.
 */
const expectations: Record<string, { loader: Role; actions: Record<string, { minimumRole: Role } & Probe> }> = {
  "o.$slug.tsx": { loader: "member", actions: {} },
  "o.$slug._index.tsx": { loader: "member", actions: {} },
  "o.$slug.members.tsx": {
    loader: "member",
    actions: {
      invite: { minimumRole: "manager", form: () => ({ intent: "invite", email: `probe-${Date.now()}@example.com`, role: "member" }) },
      "change-role": { minimumRole: "admin", form: ({ membershipId }) => ({ intent: "change-role", membershipId, role: "manager" }) },
      remove: { minimumRole: "admin", form: ({ membershipId }) => ({ intent: "remove", membershipId }) },
      "resend-invitation": { minimumRole: "manager", form: ({ invitationId }) => ({ intent: "resend-invitation", invitationId }) },
      "revoke-invitation": { minimumRole: "manager", form: ({ invitationId }) => ({ intent: "revoke-invitation", invitationId }) },
      leave: { minimumRole: "member", form: () => ({ intent: "leave" }) },
    },
  },
};

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

/** Everything a tenant action could change, fingerprinted so "nothing changed" is one comparison. */
async function snapshot(organizationId: string) {
  const [organization, memberships, invitations, emails] = await Promise.all([
    db.organization.findUnique({ where: { id: organizationId } }),
    db.membership.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    db.teammateInvitation.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    db.outboundEmail.count(),
  ]);
  return JSON.stringify({ organization, memberships, invitations, emails });
}

async function victimCompany() {
  const company = await createCompanyWithEveryRole();
  const invitation = await db.teammateInvitation.create({
    data: {
      organizationId: company.organization.id,
      email: `pending-${Date.now()}@example.com`,
      role: "member",
      invitedById: company.owner.id,
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  const memberMembership = await db.membership.findFirstOrThrow({ where: { organizationId: company.organization.id, userId: company.member.id } });
  return { ...company, targets: { membershipId: memberMembership.id, invitationId: invitation.id } };
}

function requestFor(slug: string, cookie: string, form?: Record<string, string>) {
  const url = `http://localhost:3000/o/${slug}/probe`;
  return form
    ? new Request(url, { method: "POST", headers: { cookie, "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(form) })
    : new Request(url, { headers: { cookie } });
}

const context = { clientAddress: "127.0.0.1" };

describe("tenant isolation", () => {
  test("every tenant route is described by this suite", () => {
    expect(Object.keys(tenantRoutes).map(routeFile).sort()).toEqual(Object.keys(expectations).sort());
    for (const [path, module] of Object.entries(tenantRoutes)) {
      const described = expectations[routeFile(path)]!;
      expect(Boolean(module.action), `${routeFile(path)} has an action the suite does not probe`).toBe(Object.keys(described.actions).length > 0);
    }
  });

  for (const [path, module] of Object.entries(tenantRoutes)) {
    const file = routeFile(path);
    const described = expectations[file]!;

    test(`${file}: a member of another company gets 404 from the loader and every action, and nothing changes`, async () => {
      const victim = await victimCompany();
      const outsider = await createUser();
      await createOrganization(outsider);
      const cookie = await createSessionCookie(outsider);
      const before = await snapshot(victim.organization.id);
      if (module.loader) {
        const status = await outcomeStatus(() => module.loader!({ request: requestFor(victim.organization.slug, cookie), params: { slug: victim.organization.slug }, context } as never));
        expect(status).toBe(404);
      }
      for (const [intent, probe] of Object.entries(described.actions)) {
        const form = probe.form?.(victim.targets) ?? { intent };
        const status = await outcomeStatus(() => module.action!({ request: requestFor(victim.organization.slug, cookie, form), params: { slug: victim.organization.slug }, context } as never));
        expect(status, `${file} action ${intent}`).toBe(404);
      }
      expect(await snapshot(victim.organization.id)).toBe(before);
    });

    test(`${file}: a signed-out visitor is sent to sign in`, async () => {
      const victim = await victimCompany();
      if (!module.loader) return;
      const status = await outcomeStatus(() => module.loader!({ request: requestFor(victim.organization.slug, ""), params: { slug: victim.organization.slug }, context } as never));
      expect(status).toBe(302);
    });

    for (const [intent, probe] of Object.entries(described.actions)) {
      const tooSmall = ROLES.filter((role) => rank[role] < rank[probe.minimumRole]);
      for (const role of tooSmall) {
        test(`${file}: ${intent} as ${role} is refused with 403 and changes nothing`, async () => {
          const victim = await victimCompany();
          const actor = victim[role === "owner" ? "owner" : role];
          const cookie = await createSessionCookie(actor);
          const before = await snapshot(victim.organization.id);
          const form = probe.form?.(victim.targets) ?? { intent };
          const status = await outcomeStatus(() => module.action!({ request: requestFor(victim.organization.slug, cookie, form), params: { slug: victim.organization.slug }, context } as never));
          expect(status).toBe(403);
          expect(await snapshot(victim.organization.id)).toBe(before);
        });
      }
    }

    const loaderTooSmall = ROLES.filter((role) => rank[role] < rank[described.loader]);
    for (const role of loaderTooSmall) {
      test(`${file}: loader as ${role} is refused with 403`, async () => {
        const victim = await victimCompany();
        const cookie = await createSessionCookie(victim[role === "owner" ? "owner" : role]);
        const status = await outcomeStatus(() => module.loader!({ request: requestFor(victim.organization.slug, cookie), params: { slug: victim.organization.slug }, context } as never));
        expect(status).toBe(403);
      });
    }
  }
});
