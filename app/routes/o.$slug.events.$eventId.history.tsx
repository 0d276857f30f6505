import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { ChangesTable } from "~/events/components/changes-table";
import { EventRouteError } from "~/events/components/event-error";
import { listEventHistory } from "~/events/queries.server";
import { requireTenant } from "~/platform/tenancy.server";

export const meta: MetaFunction = ({ matches }) => {
  const layout = matches.find((match) => match.id === "routes/o.$slug.events.$eventId")?.data as { title?: string } | undefined;
  return [{ title: `History · ${layout?.title ?? "Joint event"} · Rapport` }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireTenant(request, params.slug, "events:view");
  return listEventHistory(scope, params.eventId!);
}

export default function EventHistory() {
  const { timeZone, entries } = useLoaderData<typeof loader>();
  return (
    <Card>
      <CardHeader title="History" description={`Everything both companies changed, newest first. Times are in ${timeZone}.`} />
      <CardBody>
        {entries.length === 0 ? (
          <p className="text-sm text-slate-700">Nothing has happened yet.</p>
        ) : (
          <ol className="space-y-6">
            {entries.map((entry) => (
              <li key={entry.id} className="border-l-2 border-slate-200 pl-4">
                <p className="text-sm text-slate-600">
                  <time dateTime={entry.atIso}>{entry.at}</time>
                </p>
                <p className="mt-1 text-sm text-slate-900">
                  <span className="font-medium">{entry.actor}</span>
                  {entry.organizationName ? <span className="text-slate-600"> ({entry.organizationName})</span> : null}
                </p>
                <p className="mt-1 text-sm break-words text-slate-800">{entry.summary}</p>
                {entry.changes.length ? (
                  <div className="mt-3">
                    <ChangesTable changes={entry.changes} caption={`Changes made on ${entry.at}`} />
                  </div>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </CardBody>
    </Card>
  );
}

export function ErrorBoundary() {
  return <EventRouteError heading="History" headingAs="h2" />;
}
