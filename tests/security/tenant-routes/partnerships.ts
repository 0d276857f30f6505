import { db } from "~/platform/db.server";
import type { TenantRouteGroup } from "./types";

const workspaceParams = ({ slug, partnershipId }: { slug: string; partnershipId: string }) => ({ slug, partnershipId });

export const partnershipRoutes: TenantRouteGroup = {
  routes: {
    "o.$slug.partners.new.tsx": {
      loader: "manager",
      params: ({ slug }) => ({ slug }),
      actions: {
        invite: { minimumRole: "manager", form: () => ({ email: `probe-partner-${Date.now()}@example.com`, message: "Shall we plan something?" }) },
      },
    },
    "o.$slug.partners.$partnershipId.tsx": { loader: "member", params: workspaceParams, actions: {} },
    "o.$slug.partners.$partnershipId._index.tsx": {
      loader: "member",
      params: workspaceParams,
      actions: {
        "add-note": { minimumRole: "manager", form: () => ({ intent: "add-note", body: "Probe note" }) },
        "delete-note": { minimumRole: "manager", form: ({ extra }) => ({ intent: "delete-note", noteId: extra.partnershipNoteId! }) },
        end: { minimumRole: "manager", form: () => ({ intent: "end", confirm: "yes" }) },
        withdraw: { minimumRole: "manager", form: () => ({ intent: "withdraw" }) },
      },
    },
  },
  async prepare(targets, victim) {
    const note = await db.partnershipNote.create({
      data: { partnershipId: targets.partnershipId, organizationId: victim.organizationId, authorId: victim.ownerId, body: "Their team loves baseball." },
    });
    targets.extra.partnershipNoteId = note.id;
  },
};
