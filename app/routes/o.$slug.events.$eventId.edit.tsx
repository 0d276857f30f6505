import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Alert } from "~/components/ui/alert";
import { EventRouteError } from "~/events/components/event-error";
import { EventForm } from "~/events/components/event-form";
import { updateEvent } from "~/events/events.server";
import { getEventForEditing, getEventFormContext } from "~/events/queries.server";
import { EventRuleError } from "~/events/rules";
import { eventFormSchema } from "~/events/schemas";
import { requireTenant } from "~/platform/tenancy.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Edit ${data?.page.event.title ?? "event"} · Rapport` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireTenant(request, params.slug, "events:plan");
  const page = await getEventForEditing(scope, params.eventId!);
  const duplicated = new URL(request.url).searchParams.has("duplicated");
  return { page, duplicated, organizationSlug: scope.organizationSlug };
}

export async function action({ request, params }: ActionFunctionArgs) {
  // Access first: an outsider gets 404 and a member 403, whatever the form holds.
  const { scope } = await requireTenant(request, params.slug, "events:plan");
  const context = await getEventFormContext(scope, params.eventId!);
  const formData = await request.formData();
  const submission = parseWithZod(formData, {
    schema: eventFormSchema({ kind: context.kind, ...context.parties, now: new Date(), currentStart: context.currentStart }),
  });
  // Adding or removing a question or shift row without JavaScript also lands here, with no status.
  if (submission.status !== "success") return data(submission.reply(), { status: submission.status === "error" ? 400 : 200 });
  try {
    const outcome = await updateEvent(scope, params.eventId!, submission.value);
    const saved = !outcome.changed ? "unchanged" : outcome.needsApprovalAgain ? "reapproval" : "details";
    return redirect(`/o/${scope.organizationSlug}/events/${params.eventId}?saved=${saved}`);
  } catch (error) {
    if (error instanceof EventRuleError) return data(submission.reply({ formErrors: [error.message], fieldErrors: error.fieldErrors }), { status: 409 });
    throw error;
  }
}

export default function EditEvent() {
  const { page, duplicated, organizationSlug } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const overviewPath = `/o/${organizationSlug}/events/${page.event.id}`;
  return (
    <div className="space-y-6">
      <h2 className="text-xl font-semibold text-slate-900">Edit the event</h2>
      {!page.editable ? (
        <Alert tone="info">
          {page.event.status === "cancelled"
            ? "This event was cancelled, so it can't be edited."
            : page.event.status === "completed"
              ? "This event has already happened, so it can't be edited."
              : "The partnership has ended, so this event can't be edited."}{" "}
          <Link to={overviewPath} className="font-medium underline underline-offset-4">
            Back to the event
          </Link>
        </Alert>
      ) : (
        <EventForm
          kind={page.defaults.kind}
          parties={page.parties}
          timeZones={page.timeZones}
          defaults={page.defaults}
          lastResult={lastResult}
          currentStart={page.currentStart}
          submitLabel="Save changes"
          cancelTo={overviewPath}
          intro={
            <>
              {duplicated ? <Alert tone="success">This is a new draft copied from the earlier event. Check its details, then save.</Alert> : null}
              {page.event.status === "proposed" || page.event.status === "confirmed" ? (
                <Alert tone="warning" title={`This event is ${page.event.status === "confirmed" ? "confirmed" : "waiting for approval"} (version ${page.event.version})`}>
                  Changing the date or times, time zone, venue, address, online link, seats or shifts makes a new version that both companies
                  approve again. Other changes keep the current approvals.
                </Alert>
              ) : null}
            </>
          }
        />
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <EventRouteError heading="Edit the event" headingAs="h2" />;
}
