import { Link } from "@remix-run/react";
import { ButtonLink } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { describeEventKind } from "~/events/status";
import type { WorkspaceEvent } from "../workspace.server";
import { EventStatusBadge } from "./badges";

export function JointEvents({
  organizationSlug,
  partnershipId,
  events,
  canPlan,
  inactiveReason,
}: {
  organizationSlug: string;
  partnershipId: string;
  events: { upcoming: WorkspaceEvent[]; past: WorkspaceEvent[] };
  canPlan: boolean;
  /** Why nothing can be planned, when the partnership isn't active. */
  inactiveReason: string | null;
}) {
  const base = `/o/${organizationSlug}/partners/${partnershipId}`;
  return (
    <Card>
      <CardHeader
        title="Joint events"
        description="Outings and volunteer days your two companies plan together. Times are shown where each event happens."
        actions={
          canPlan ? (
            <>
              <ButtonLink to={`${base}/events/new`} size="sm">
                Plan a joint event
              </ButtonLink>
              <ButtonLink to={`${base}/polls/new`} size="sm" variant="secondary">
                Ask what they'd enjoy
              </ButtonLink>
            </>
          ) : undefined
        }
      />
      <CardBody className="space-y-6">
        {inactiveReason ? <p className="text-sm text-slate-700">{inactiveReason}</p> : null}
        <EventGroup title="Upcoming" organizationSlug={organizationSlug} events={events.upcoming} emptyText={canPlan ? "Nothing planned yet. Plan a ball game, a dinner or a volunteer day, or ask both teams what they'd enjoy first." : "Nothing planned yet."} />
        <EventGroup title="Past" organizationSlug={organizationSlug} events={events.past} emptyText="No past joint events yet." />
      </CardBody>
    </Card>
  );
}

function EventGroup({ title, organizationSlug, events, emptyText }: { title: string; organizationSlug: string; events: WorkspaceEvent[]; emptyText: string }) {
  return (
    <section aria-labelledby={`events-${title.toLowerCase()}`}>
      <h3 id={`events-${title.toLowerCase()}`} className="text-sm font-semibold tracking-wide text-slate-700 uppercase">
        {title}
      </h3>
      {events.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{emptyText}</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-200">
          {events.map((event) => (
            <li key={event.id} className="flex flex-col gap-1 py-3 sm:flex-row sm:items-start sm:justify-between sm:gap-4">
              <div className="min-w-0">
                <Link to={`/o/${organizationSlug}/events/${event.id}`} className="font-medium break-words text-brand-700 underline-offset-4 hover:underline">
                  {event.title}
                </Link>
                <p className="text-sm text-slate-700">{event.when}</p>
                <p className="text-sm text-slate-600">{describeEventKind(event.kind, event.outingType)}</p>
              </div>
              <div className="shrink-0"><EventStatusBadge status={event.status} /></div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
