import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AnswersCard } from "~/attendance/components/answers-card";
import { AttendanceMixCard } from "~/attendance/components/attendance-mix-card";
import { PeopleCard } from "~/attendance/components/people-card";
import { ResponseCountsCard } from "~/attendance/components/response-counts-card";
import { ShiftFillCard } from "~/attendance/components/shift-fill-card";
import { useLiveRevalidation } from "~/attendance/components/use-live-revalidation";
import { responsesCsvPath } from "~/attendance/paths";
import { getResponsesPage, parseResponseFilter } from "~/attendance/responses.server";
import { EventRouteError } from "~/events/components/event-error";
import { requireTenant } from "~/platform/tenancy.server";

export const meta: MetaFunction = ({ matches }) => {
  const layout = matches.find((match) => match.id === "routes/o.$slug.events.$eventId")?.data as { title?: string } | undefined;
  return [{ title: `Responses · ${layout?.title ?? "Joint event"} · Rapport` }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireTenant(request, params.slug, "events:plan");
  const page = await getResponsesPage(scope, params.eventId!, parseResponseFilter(new URL(request.url)));
  return { ...page, csvPath: responsesCsvPath(scope.organizationSlug, params.eventId!) };
}

export default function EventResponses() {
  const page = useLoaderData<typeof loader>();
  useLiveRevalidation();
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-700">Counts update every 15 seconds while this page is open.</p>
      <ResponseCountsCard page={page} />
      <AttendanceMixCard page={page} />
      <ShiftFillCard shifts={page.shifts} />
      <AnswersCard questions={page.questions} partnerName={page.partnerName} />
      <PeopleCard page={page} csvPath={page.csvPath} />
    </div>
  );
}

export function ErrorBoundary() {
  return <EventRouteError heading="Responses" headingAs="h2" />;
}
