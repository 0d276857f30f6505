import { db } from "~/platform/db.server";
import type { TenantRouteGroup } from "./types";

const eventParams = ({ slug, eventId }: { slug: string; eventId: string }) => ({ slug, eventId });

/** Invite lists: the Invitations tab and an import's progress and result. */
export const invitationRoutes: TenantRouteGroup = {
  routes: {
    "o.$slug.events.$eventId.invitations._index.tsx": {
      loader: "manager",
      params: eventParams,
      actions: {
        "add-members": { minimumRole: "manager", form: ({ extra }) => ({ intent: "add-members", userId: extra.pickableUserId! }) },
        paste: { minimumRole: "manager", form: () => ({ intent: "paste", text: "Probe Person <probe@example.com>" }) },
        "import-csv": { minimumRole: "manager", form: () => ({ intent: "import-csv" }) },
        remove: { minimumRole: "manager", form: ({ extra }) => ({ intent: "remove", invitationId: extra.eventInvitationId! }) },
      },
    },
    "o.$slug.events.$eventId.invitations.imports.$importId.tsx": {
      loader: "manager",
      params: ({ slug, eventId, extra }) => ({ slug, eventId, importId: extra.invitationImportId! }),
      actions: {},
    },
  },
  async prepare(targets, victim) {
    const invitation = await db.eventInvitation.create({
      data: { eventId: targets.eventId, organizationId: victim.organizationId, email: `listed-${targets.eventId}@example.com`, name: "Listed Person", source: "pasted" },
    });
    const finished = await db.invitationImport.create({
      data: { eventId: targets.eventId, organizationId: victim.organizationId, createdById: victim.ownerId, source: "csv", status: "done", content: "" },
    });
    Object.assign(targets.extra, { eventInvitationId: invitation.id, invitationImportId: finished.id, pickableUserId: victim.ownerId });
  },
};
