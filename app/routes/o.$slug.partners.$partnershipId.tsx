import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { requirePartnership } from "~/partnerships/access.server";
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
      <nav aria-label="Breadcrumb">
        <ol className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <li>
            <Link to={`/o/${organizationSlug}#partnerships`} className="text-brand-700 underline-offset-4 hover:underline">
              Partners
            </Link>
          </li>
          <li aria-hidden="true">/</li>
          <li>
            <NavLink to={workspacePath} end className="text-brand-700 underline-offset-4 hover:underline aria-[current=page]:text-slate-700">
              {label}
            </NavLink>
          </li>
        </ol>
      </nav>
      <Outlet />
    </div>
  );
}
