import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { EventRouteError } from "~/events/components/event-error";
import { ImportProgress, ImportResult, ImportStatusBadge, isImportRunning } from "~/invitations/components/list-imports";
import { getInvitationImport } from "~/invitations/import.server";
import { requireTenant } from "~/platform/tenancy.server";

export const meta: MetaFunction = ({ matches }) => {
  const layout = matches.find((match) => match.id === "routes/o.$slug.events.$eventId")?.data as { title?: string } | undefined;
  return [{ title: `Import · Invitations · ${layout?.title ?? "Joint event"} · Rapport` }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireTenant(request, params.slug, "events:view");
  const entry = await getInvitationImport(scope, params.eventId!, params.importId!);
  return { entry, listPath: `/o/${scope.organizationSlug}/events/${params.eventId}/invitations` };
}

const REFRESH_SECONDS = 2;

const titles = {
  csv: { running: "Importing a CSV file", finished: "Import from a CSV file" },
  pasted: { running: "Importing pasted addresses", finished: "Import of pasted addresses" },
} as const;

/** Asks for the import's state again every few seconds while it runs; without JS, the page reloads itself. */
function useRefreshWhile(running: boolean) {
  const { revalidate, state } = useRevalidator();
  useEffect(() => {
    if (!running || state !== "idle") return;
    const timer = window.setTimeout(revalidate, REFRESH_SECONDS * 1000);
    return () => window.clearTimeout(timer);
  }, [running, state, revalidate]);
}

export default function InvitationImportPage() {
  const { entry, listPath } = useLoaderData<typeof loader>();
  const running = isImportRunning(entry.status);
  useRefreshWhile(running);
  return (
    <Card>
      {running ? (
        // Inside <noscript>, so only browsers without JavaScript reload the whole page; the rest revalidate.
        <noscript>
          <meta httpEquiv="refresh" content={String(REFRESH_SECONDS)} />
        </noscript>
      ) : null}
      <CardHeader
        title={titles[entry.source][running ? "running" : "finished"]}
        description="Every row is checked; the good ones are added to your company's invite list, and the rest are listed with the reason."
        actions={<ImportStatusBadge status={entry.status} />}
      />
      <CardBody>{running ? <ImportProgress entry={entry} /> : <ImportResult entry={entry} listPath={listPath} />}</CardBody>
    </Card>
  );
}

export function ErrorBoundary() {
  return <EventRouteError heading="Import" headingAs="h2" />;
}
