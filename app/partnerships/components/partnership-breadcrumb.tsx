import { Link, NavLink } from "@remix-run/react";

/** "Partners / <the other company>": the way back from any page about one partnership. */
export function PartnershipBreadcrumb({ organizationSlug, workspacePath, label }: { organizationSlug: string; workspacePath: string; label: string }) {
  return (
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
  );
}
