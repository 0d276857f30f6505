import type { Role } from "~/generated/prisma/enums";

/** Ids inside the victim company's world that a probe may aim at. */
export type VictimTargets = {
  slug: string;
  membershipId: string;
  invitationId: string;
  partnershipId: string;
  eventId: string;
  extra: Record<string, string>;
};

export type ActionProbe = {
  minimumRole: Role;
  form: (targets: VictimTargets) => Record<string, string>;
};

export type TenantRouteExpectation = {
  /** The least role that may load the page. */
  loader: Role;
  params: (targets: VictimTargets) => Record<string, string>;
  /** Every intent the route's action accepts, keyed by intent. */
  actions: Record<string, ActionProbe>;
};

/**
 * One capability's routes. `prepare` may add ids to `targets.extra` (a task, a note…) inside the
 * victim's world before probing.
 */
export type TenantRouteGroup = {
  routes: Record<string, TenantRouteExpectation>;
  prepare?: (targets: VictimTargets, victim: { ownerId: string; organizationId: string; partnerOrganizationId: string }) => Promise<void>;
};
