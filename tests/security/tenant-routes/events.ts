import type { TenantRouteGroup } from "./types";

const eventParams = ({ slug, eventId }: { slug: string; eventId: string }) => ({ slug, eventId });

const eventForm = () => ({ kind: "outing", outingType: "dinner", title: "Probe", venueName: "Probe hall", timeZone: "Europe/Berlin", startsAt: "2031-05-01T18:00", endsAt: "2031-05-01T21:00", capacity: "10" });

export const eventRoutes: TenantRouteGroup = {
  routes: {
    "o.$slug.partners.$partnershipId.events.new.tsx": {
      loader: "manager",
      params: ({ slug, partnershipId }) => ({ slug, partnershipId }),
      actions: { create: { minimumRole: "manager", form: eventForm } },
    },
    "o.$slug.events.$eventId.tsx": { loader: "member", params: eventParams, actions: {} },
    "o.$slug.events.$eventId._index.tsx": {
      loader: "member",
      params: eventParams,
      actions: {
        propose: { minimumRole: "manager", form: () => ({ intent: "propose" }) },
        approve: { minimumRole: "manager", form: () => ({ intent: "approve", version: "1" }) },
        cancel: { minimumRole: "manager", form: () => ({ intent: "cancel", reason: "Probe" }) },
        duplicate: { minimumRole: "manager", form: () => ({ intent: "duplicate", startDate: "2031-05-01" }) },
      },
    },
    "o.$slug.events.$eventId.edit.tsx": {
      loader: "manager",
      params: eventParams,
      actions: { save: { minimumRole: "manager", form: eventForm } },
    },
    "o.$slug.events.$eventId.history.tsx": { loader: "member", params: eventParams, actions: {} },
  },
};
