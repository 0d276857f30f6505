import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { Badge } from "~/components/ui/badge";
import { EventRouteError } from "~/events/components/event-error";
import { getEventHeader } from "~/events/queries.server";
import { PartnershipBreadcrumb } from "~/partnerships/components/partnership-breadcrumb";
import { partnershipWorkspacePath } from "~/partnerships/paths";
import { roleCan } from "~/organizations/permissions";
import { requireTenant } from "~/platform/tenancy.server";

/** Frames every tab of one event with its title, status, when and where. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireTenant(request, params.slug, "events:view");
  const header = await getEventHeader(scope, params.eventId!);
  return { ...header, organizationSlug: scope.organizationSlug, canPlan: roleCan(scope.role, "events:plan") };
}

const tabClass = ({ isActive }: { isActive: boolean }) =>
  `inline-flex min-h-10 items-center border-b-2 px-3 text-sm font-medium whitespace-nowrap ${
    isActive ? "border-brand-600 text-brand-800" : "border-transparent text-slate-700 hover:border-slate-300 hover:text-slate-900"
  }`;

export default function EventLayout() {
  const event = useLoaderData<typeof loader>();
  const base = `/o/${event.organizationSlug}/events/${event.id}`;
  const tabs = [
    { to: base, label: "Overview", end: true },
    { to: `${base}/planning`, label: "Planning", end: false },
    { to: `${base}/discussion`, label: "Discussion", end: false },
    { to: `${base}/history`, label: "History", end: false },
    ...(event.canPlan
      ? [
          { to: `${base}/invitations`, label: "Invitations", end: false },
          { to: `${base}/responses`, label: "Responses", end: false },
          { to: `${base}/check-in`, label: "Check-in", end: false },
        ]
      : []),
  ];
  return (
    <div className="space-y-6">
      <PartnershipBreadcrumb
        organizationSlug={event.organizationSlug}
        workspacePath={partnershipWorkspacePath(event.organizationSlug, event.partnershipId)}
        label={event.partnerName}
      />
      <header className="space-y-3">
        <div className="flex flex-wrap items-center gap-2">
          <Badge tone="neutral">{event.kindLabel}</Badge>
          <Badge tone={event.statusTone}>{event.statusLabel}</Badge>
        </div>
        <h1 className="text-2xl font-semibold tracking-tight break-words text-slate-900 sm:text-3xl">{event.title}</h1>
        <dl className="grid gap-1 text-sm text-slate-700 sm:grid-cols-[auto_1fr] sm:gap-x-3">
          <dt className="font-medium text-slate-900">When</dt>
          <dd>
            <time dateTime={event.startsAtIso}>{event.when}</time>
            <span className="block text-slate-600">Times are local to the event, in the {event.timeZone} time zone.</span>
          </dd>
          <dt className="font-medium text-slate-900">Where</dt>
          <dd className="break-words">{event.venue || "To be decided"}</dd>
          <dt className="font-medium text-slate-900">With</dt>
          <dd>{event.partnerName}</dd>
        </dl>
      </header>
      <nav aria-label="Event sections" className="-mx-4 overflow-x-auto border-b border-slate-200 px-4 sm:mx-0 sm:px-0">
        <ul className="flex gap-1">
          {tabs.map((tab) => (
            <li key={tab.label}>
              <NavLink to={tab.to} end={tab.end} className={tabClass}>
                {tab.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}

export function ErrorBoundary() {
  return <EventRouteError heading="Joint event" />;
}
