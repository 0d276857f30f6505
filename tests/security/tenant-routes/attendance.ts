import { db } from "~/platform/db.server";
import type { TenantRouteGroup } from "./types";

const eventParams = ({ slug, eventId }: { slug: string; eventId: string }) => ({ slug, eventId });

/** Check-in at the door, the responses view and its CSV export: managers and above only. */
export const attendanceRoutes: TenantRouteGroup = {
  routes: {
    "o.$slug.events.$eventId.check-in.tsx": {
      loader: "manager",
      params: eventParams,
      actions: {
        "mark-attended": { minimumRole: "manager", form: ({ extra }) => ({ intent: "mark-attended", invitationId: extra.attendeeId! }) },
        "undo-attended": { minimumRole: "manager", form: ({ extra }) => ({ intent: "undo-attended", invitationId: extra.checkedInAttendeeId! }) },
        "add-walk-in": { minimumRole: "manager", form: () => ({ intent: "add-walk-in", name: "Probe walk-in", email: "probe-walk-in@example.com", walkInKey: "0123456789abcdef01234567" }) },
      },
    },
    "o.$slug.events.$eventId.responses.tsx": { loader: "manager", params: eventParams, actions: {} },
    "o.$slug.events.$eventId.responses[.]csv.tsx": { loader: "manager", params: eventParams, actions: {} },
  },
  async prepare(targets, victim) {
    const attendee = await db.eventInvitation.create({
      data: { eventId: targets.eventId, organizationId: victim.organizationId, email: `attendee-${targets.eventId}@example.com`, name: "Probe attendee", source: "pasted", status: "attending" },
    });
    const checkedIn = await db.eventInvitation.create({
      data: {
        eventId: targets.eventId,
        organizationId: victim.organizationId,
        email: `checked-in-${targets.eventId}@example.com`,
        name: "Probe arrival",
        source: "pasted",
        status: "attending",
        checkedInAt: new Date(),
        checkedInById: victim.ownerId,
      },
    });
    Object.assign(targets.extra, { attendeeId: attendee.id, checkedInAttendeeId: checkedIn.id });
  },
};
