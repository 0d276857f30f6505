import { organizationRoutes } from "./organization";
import type { TenantRouteGroup } from "./types";

/** Each capability describes its own /o/:slug routes in a file of its own here. */
export const tenantRouteGroups: TenantRouteGroup[] = [organizationRoutes];
