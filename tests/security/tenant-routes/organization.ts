import type { TenantRouteGroup } from "./types";

export const organizationRoutes: TenantRouteGroup = {
  routes: {
    "o.$slug.tsx": { loader: "member", params: ({ slug }) => ({ slug }), actions: {} },
    "o.$slug._index.tsx": { loader: "member", params: ({ slug }) => ({ slug }), actions: {} },
    "o.$slug.members.tsx": {
      loader: "member",
      params: ({ slug }) => ({ slug }),
      actions: {
        invite: { minimumRole: "manager", form: () => ({ intent: "invite", email: `probe-${Date.now()}@example.com`, role: "member" }) },
        "change-role": { minimumRole: "admin", form: ({ membershipId }) => ({ intent: "change-role", membershipId, role: "manager" }) },
        remove: { minimumRole: "admin", form: ({ membershipId }) => ({ intent: "remove", membershipId }) },
        "resend-invitation": { minimumRole: "manager", form: ({ invitationId }) => ({ intent: "resend-invitation", invitationId }) },
        "revoke-invitation": { minimumRole: "manager", form: ({ invitationId }) => ({ intent: "revoke-invitation", invitationId }) },
        leave: { minimumRole: "member", form: () => ({ intent: "leave" }) },
      },
    },
  },
};
