import { attendanceRoutes } from "./attendance";
import { eventRoutes } from "./events";
import { invitationSendRoutes } from "./invitation-sends";
import { invitationRoutes } from "./invitations";
import { organizationRoutes } from "./organization";
import { partnershipRoutes } from "./partnerships";
import { planningRoutes } from "./planning";
import type { TenantRouteGroup } from "./types";

/** Each capability describes its own /o/:slug routes in a file of its own here. */
export const tenantRouteGroups: TenantRouteGroup[] = [organizationRoutes, partnershipRoutes, eventRoutes, planningRoutes, invitationRoutes, invitationSendRoutes, attendanceRoutes];
