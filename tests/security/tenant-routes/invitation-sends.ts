import { db } from "~/platform/db.server";
import type { TenantRouteGroup } from "./types";

const eventParams = ({ slug, eventId }: { slug: string; eventId: string }) => ({ slug, eventId });

/** Sending invitations: the send page (preview, send now or later), its HTML preview, and each send's progress. */
export const invitationSendRoutes: TenantRouteGroup = {
  routes: {
    "o.$slug.events.$eventId.invitations.send.tsx": {
      loader: "manager",
      params: eventParams,
      actions: { send: { minimumRole: "manager", form: () => ({ when: "now" }) } },
    },
    "o.$slug.events.$eventId.invitations.preview.tsx": {
      loader: "manager",
      params: eventParams,
      actions: {},
    },
    "o.$slug.events.$eventId.invitations.sends.$sendId.tsx": {
      loader: "manager",
      params: ({ slug, eventId, extra }) => ({ slug, eventId, sendId: extra.sendId! }),
      actions: { cancel: { minimumRole: "manager", form: () => ({ intent: "cancel" }) } },
    },
  },
  async prepare(targets, victim) {
    const send = await db.invitationSend.create({
      data: { eventId: targets.eventId, organizationId: victim.organizationId, createdById: victim.ownerId, scheduledFor: new Date(Date.now() + 86_400_000), total: 0 },
    });
    targets.extra.sendId = send.id;
  },
};
