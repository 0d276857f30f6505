import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import type { CheckInActionResult } from "~/attendance/action-results";
import { addWalkIn, getCheckInPage, setAttended } from "~/attendance/check-in.server";
import { CheckInEntryItem } from "~/attendance/components/check-in-entry";
import { CheckInSummary } from "~/attendance/components/check-in-summary";
import { useLiveRevalidation } from "~/attendance/components/use-live-revalidation";
import { WalkInCard } from "~/attendance/components/walk-in-card";
import { attendanceMessage } from "~/attendance/messages";
import { AttendanceRuleError } from "~/attendance/rules";
import { checkInActionSchema, parseCheckInQuery, SEARCH_MAX_LENGTH, type CheckInView } from "~/attendance/schemas";
import { Alert } from "~/components/ui/alert";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { OutcomeAlert } from "~/components/ui/outcome-alert";
import { SearchForm } from "~/components/ui/search-form";
import { requireEvent } from "~/events/access.server";
import { EventRouteError } from "~/events/components/event-error";
import { requireTenant } from "~/platform/tenancy.server";

export const meta: MetaFunction = ({ matches }) => {
  const layout = matches.find((match) => match.id === "routes/o.$slug.events.$eventId")?.data as { title?: string } | undefined;
  return [{ title: `Check-in · ${layout?.title ?? "Joint event"} · Rapport` }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireTenant(request, params.slug, "events:plan");
  return getCheckInPage(scope, params.eventId!, parseCheckInQuery(new URL(request.url)));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope } = await requireTenant(request, params.slug, "events:plan");
  // Who may act is settled before the form is read: a stranger learns nothing from a bad form.
  const { eventId } = await requireEvent(scope, params.eventId!);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: checkInActionSchema });
  if (submission.status !== "success") {
    const result: CheckInActionResult =
      formData.get("intent") === "add-walk-in"
        ? { form: "add-walk-in", result: submission.reply() }
        : { form: "notice", ok: false, message: "We couldn't make sense of that request. Reload the page and try again." };
    return data(result, { status: 400 });
  }
  const input = submission.value;
  try {
    switch (input.intent) {
      case "mark-attended":
      case "undo-attended": {
        const change = await setAttended(scope, eventId, input.invitationId, input.intent === "mark-attended");
        return { form: "notice", ok: true, message: attendanceMessage(change) } satisfies CheckInActionResult;
      }
      case "add-walk-in": {
        const { intent: _intent, ...walkIn } = input;
        const outcome = await addWalkIn(scope, eventId, walkIn);
        const message = outcome.added
          ? `Added ${outcome.name} as a walk-in and checked them in.`
          : `${outcome.name} is already on ${scope.organizationName}'s list: ${attendanceMessage(outcome.checkedIn)}`;
        return { form: "add-walk-in", result: submission.reply({ resetForm: true }), message } satisfies CheckInActionResult;
      }
    }
  } catch (error) {
    if (!(error instanceof AttendanceRuleError)) throw error;
    const result: CheckInActionResult =
      input.intent === "add-walk-in"
        ? { form: "add-walk-in", result: error.field ? submission.reply({ fieldErrors: { [error.field]: [error.message] } }) : submission.reply({ formErrors: [error.message] }) }
        : { form: "notice", ok: false, message: error.message };
    return data(result, { status: error.status });
  }
}

const views: { view: CheckInView; label: string }[] = [
  { view: "expected", label: "Expected" },
  { view: "unconfirmed", label: "Waitlist and maybe" },
  { view: "all", label: "Everyone invited" },
];

export default function EventCheckIn() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  useLiveRevalidation();
  const canChange = !page.closedReason;
  const viewCounts: Record<CheckInView, number> = { expected: page.counts.expected, unconfirmed: page.counts.unconfirmed, all: page.counts.everyone };
  const searching = page.query.q !== "";
  return (
    <div className="space-y-6">
      <OutcomeAlert outcome={actionData?.form === "notice" ? actionData : undefined} />
      {page.closedReason ? <Alert tone="info">{page.closedReason}</Alert> : null}
      <CheckInSummary companyName={page.companyName} counts={page.counts} partner={page.partner} />

      {page.focus === "missing" ? (
        <Alert tone="warning" title="Not on your list">
          That check-in entry isn't for someone on {page.companyName}'s list. Search for them below, or add them as a walk-in.
        </Alert>
      ) : page.focus ? (
        <Card className="border-brand-300 ring-2 ring-brand-200">
          <CardHeader title="Scanned QR code" titleAs="h2" />
          <CardBody>
            <CheckInEntryItem entry={page.focus} canChange={canChange} prominent />
          </CardBody>
        </Card>
      ) : null}

      <Card>
        <CardHeader
          title={`${page.companyName}'s check-in list`}
          description={
            page.isVolunteerDay
              ? "Tap “Mark attended” as people arrive. Each volunteer's shift is shown under their name."
              : "Tap “Mark attended” as people arrive. Plus-ones come in with their host."
          }
        />
        <CardBody className="space-y-4">
          <SearchForm id="check-in-search" label="Search by name, email or team" query={page.query.q} maxLength={SEARCH_MAX_LENGTH} size="lg" />

          {searching ? (
            <p className="text-sm text-slate-700">
              {page.matching === 1 ? "1 match" : `${page.matching} matches`} for “{page.query.q}” among everyone on the list.{" "}
              <Link to="?" className="font-medium text-brand-700 underline underline-offset-4">
                Clear the search
              </Link>
            </p>
          ) : (
            <nav aria-label="Who to show">
              <ul className="flex flex-wrap gap-2">
                {views.map(({ view, label }) => (
                  <li key={view}>
                    <Link
                      to={`?show=${view}`}
                      aria-current={page.query.view === view ? "page" : undefined}
                      className={`inline-flex min-h-11 items-center rounded-full border px-4 text-sm font-medium ${
                        page.query.view === view ? "border-brand-600 bg-brand-50 text-brand-800" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-100"
                      }`}
                    >
                      {label} ({viewCounts[view]})
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          )}

          {page.entries.length === 0 ? (
            <p className="py-4 text-sm text-slate-700">
              {searching
                ? "Nobody on your list matches. Check the spelling, or add them as a walk-in below."
                : page.query.view === "expected"
                  ? "Nobody has a seat yet. People appear here when they answer “Yes”."
                  : "Nobody here yet."}
            </p>
          ) : (
            <ul className="divide-y divide-slate-200">
              {page.entries.map((entry) => (
                <li key={entry.id}>
                  <CheckInEntryItem entry={entry} canChange={canChange} />
                </li>
              ))}
            </ul>
          )}
          {page.matching > page.entries.length ? (
            <p className="text-sm text-slate-700">
              Showing the first {page.entries.length} of {page.matching}. Search to find someone.
            </p>
          ) : null}
        </CardBody>
      </Card>

      {canChange ? <WalkInCard companyName={page.companyName} walkInKey={page.walkInKey} outcome={actionData?.form === "add-walk-in" ? actionData : undefined} /> : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <EventRouteError heading="Check-in" headingAs="h2" />;
}
