import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { requirePartnership } from "~/partnerships/access.server";
import { PartnershipBreadcrumb } from "~/partnerships/components/partnership-breadcrumb";
import { partnershipWorkspacePath } from "~/partnerships/paths";
import { requireTenant } from "~/platform/tenancy.server";

/** Frames every page of one partnership (its workspace, and planning pages under it) with a way back. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireTenant(request, params.slug, "partnerships:view");
  const access = await requirePartnership(scope, params.partnershipId!);
  return {
    organizationSlug: scope.organizationSlug,
    workspacePath: partnershipWorkspacePath(scope.organizationSlug, access.partnershipId),
    label: access.otherOrganization?.name ?? "Invitation",
  };
}

export default function PartnershipFrame() {
  const { organizationSlug, workspacePath, label } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <PartnershipBreadcrumb organizationSlug={organizationSlug} workspacePath={workspacePath} label={label} />
      <Outlet />
    </div>
  );
}
