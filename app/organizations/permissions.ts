import type { Role } from "~/generated/prisma/enums";

export const ROLES = ["owner", "admin", "manager", "member"] as const satisfies readonly Role[];

export const roleLabels = {
  owner: "Owner",
  admin: "Admin",
  manager: "Manager",
  member: "Member",
} as const satisfies Record<Role, string>;

export const roleDescriptions = {
  owner: "Everything, including billing and handing over ownership.",
  admin: "Manages members, settings and every partnership.",
  manager: "Plans joint events and runs partnerships.",
  member: "Sees the company's events and takes part.",
} as const satisfies Record<Role, string>;

export type Capability =
  | "organization:view"
  | "organization:edit"
  | "members:view"
  | "members:invite"
  | "members:manage"
  | "partnerships:view"
  | "partnerships:manage"
  | "events:view"
  | "events:plan"
  | "billing:manage";

/** What each role may do: the one place every permission check reads. */
export const capabilitiesByRole = {
  owner: [
    "organization:view",
    "organization:edit",
    "members:view",
    "members:invite",
    "members:manage",
    "partnerships:view",
    "partnerships:manage",
    "events:view",
    "events:plan",
    "billing:manage",
  ],
  admin: [
    "organization:view",
    "organization:edit",
    "members:view",
    "members:invite",
    "members:manage",
    "partnerships:view",
    "partnerships:manage",
    "events:view",
    "events:plan",
  ],
  manager: ["organization:view", "members:view", "members:invite", "partnerships:view", "partnerships:manage", "events:view", "events:plan"],
  member: ["organization:view", "members:view", "partnerships:view", "events:view"],
} as const satisfies Record<Role, readonly Capability[]>;

export function roleCan(role: Role, capability: Capability): boolean {
  return (capabilitiesByRole[role] as readonly Capability[]).includes(capability);
}

const rank = { owner: 3, admin: 2, manager: 1, member: 0 } as const satisfies Record<Role, number>;

/** Nobody can hand out, or take away, more power than they hold. */
export function canAssignRole(actor: Role, target: Role): boolean {
  return rank[actor] >= rank[target];
}

export function rolesAssignableBy(actor: Role): Role[] {
  return ROLES.filter((role) => canAssignRole(actor, role));
}
