import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, NavLink, Outlet, useLoaderData, useLocation } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { listOrganizationsOf } from "~/organizations/organizations.server";
import { roleCan, roleLabels } from "~/organizations/permissions";
import { requireTenant } from "~/platform/tenancy.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireTenant(request, params.slug);
  const memberships = await listOrganizationsOf(user.id);
  return {
    organization: { slug: scope.organizationSlug, name: scope.organizationName },
    role: scope.role,
    canSeeMembers: roleCan(scope.role, "members:view"),
    otherOrganizations: memberships.map((m) => m.organization).filter((o) => o.slug !== scope.organizationSlug),
  };
}

const navLinkClass = ({ isActive }: { isActive: boolean }) =>
  `rounded-md px-3 py-2 text-sm font-medium ${isActive ? "bg-brand-50 text-brand-800" : "text-slate-700 hover:bg-slate-100"}`;

export default function TenantLayout() {
  const { organization, role, canSeeMembers, otherOrganizations } = useLoaderData<typeof loader>();
  // The partnerships list lives on the overview; the link is current on every partnership page.
  const inPartnerships = useLocation().pathname.startsWith(`/o/${organization.slug}/partners/`);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 pb-4">
        <div>
          <p className="text-sm text-slate-600">
            Your role: <span className="font-medium text-slate-800">{roleLabels[role]}</span>
          </p>
          <p className="text-xl font-semibold">{organization.name}</p>
        </div>
        {otherOrganizations.length > 0 ? (
          <Form method="get" action="/switch" className="flex items-end gap-2">
            <div>
              <label htmlFor="switch-company" className="block text-sm font-medium text-slate-700">
                Switch company
              </label>
              <select id="switch-company" name="slug" className="mt-1 rounded-md border border-slate-500 bg-white px-3 py-2 text-sm" defaultValue="">
                <option value="" disabled>
                  Choose…
                </option>
                {otherOrganizations.map((other) => (
                  <option key={other.slug} value={other.slug}>
                    {other.name}
                  </option>
                ))}
              </select>
            </div>
            <Button type="submit" variant="secondary" size="sm">
              Go
            </Button>
          </Form>
        ) : null}
      </div>
      <nav aria-label={`${organization.name} sections`} className="flex flex-wrap gap-1">
        <NavLink to={`/o/${organization.slug}`} end className={navLinkClass}>
          Overview
        </NavLink>
        <Link to={`/o/${organization.slug}#partnerships`} aria-current={inPartnerships ? "page" : undefined} className={navLinkClass({ isActive: inPartnerships })}>
          Partners
        </Link>
        {canSeeMembers ? (
          <NavLink to={`/o/${organization.slug}/members`} className={navLinkClass}>
            Members
          </NavLink>
        ) : null}
      </nav>
      <Outlet />
    </div>
  );
}
