import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Alert } from "~/components/ui/alert";
import { PageHeader } from "~/components/ui/page-header";
import { EventRouteError } from "~/events/components/event-error";
import { EventForm } from "~/events/components/event-form";
import { createEvent } from "~/events/events.server";
import { getNewEventForm, partiesOfPartnership } from "~/events/queries.server";
import { eventFormSchema } from "~/events/schemas";
import { eventKindLabels } from "~/events/status";
import type { EventKind } from "~/generated/prisma/enums";
import { assertPartnershipActive, requirePartnership } from "~/partnerships/access.server";
import { partnershipWorkspacePath } from "~/partnerships/paths";
import { requireTenant } from "~/platform/tenancy.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Plan ${data?.kind === "volunteer_day" ? "a volunteer day" : "an outing"} with ${data?.partnership.partnerName ?? "your partner"} · Rapport` },
];

function kindOf(value: unknown): EventKind {
  return value === "volunteer_day" ? "volunteer_day" : "outing";
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireTenant(request, params.slug, "events:plan");
  const kind = kindOf(new URL(request.url).searchParams.get("kind"));
  const page = await getNewEventForm(scope, params.partnershipId!, kind);
  return { ...page, kind, organizationSlug: scope.organizationSlug };
}

export async function action({ request, params }: ActionFunctionArgs) {
  // Access first: an outsider gets 404 and a member 403, whatever the form holds.
  const { scope } = await requireTenant(request, params.slug, "events:plan");
  const access = await requirePartnership(scope, params.partnershipId!);
  assertPartnershipActive(access);
  const formData = await request.formData();
  const parties = partiesOfPartnership(scope, access);
  const submission = parseWithZod(formData, {
    schema: eventFormSchema({ kind: kindOf(formData.get("kind")), initiatorName: parties.initiatorName, partnerName: parties.partnerName, now: new Date() }),
  });
  // Adding or removing a question or shift row without JavaScript also lands here, with no status.
  if (submission.status !== "success") return data(submission.reply(), { status: submission.status === "error" ? 400 : 200 });
  const event = await createEvent(scope, access.partnershipId, submission.value);
  return redirect(`/o/${scope.organizationSlug}/events/${event.id}?saved=created`);
}

export default function NewEvent() {
  const { kind, partnership, parties, timeZones, defaults, organizationSlug } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const workspace = partnershipWorkspacePath(organizationSlug, partnership.id);
  return (
    <div className="space-y-6">
      <PageHeader
        title={`Plan ${kind === "volunteer_day" ? "a volunteer day" : "an outing"} with ${partnership.partnerName}`}
        description={`It starts as a draft that managers at both companies can edit. When it's ready, propose it: it is confirmed once ${partnership.partnerName} and you both approve it.`}
      />
      {partnership.status !== "active" ? (
        <Alert tone="warning" title="Nothing can be planned here right now">
          {partnership.status === "ended"
            ? "This partnership has ended. Its past events stay readable."
            : `${partnership.partnerName} hasn't accepted the partnership yet.`}{" "}
          <Link to={workspace} className="font-medium underline underline-offset-4">
            Back to the partnership
          </Link>
        </Alert>
      ) : (
        <>
          <nav aria-label="Kind of event">
            <ul className="inline-flex rounded-lg border border-slate-300 bg-white p-1 text-sm">
              {(["outing", "volunteer_day"] as const).map((option) => (
                <li key={option}>
                  <Link
                    to={`?kind=${option}`}
                    aria-current={option === kind ? "page" : undefined}
                    className={`inline-flex min-h-9 items-center rounded-md px-4 font-medium ${option === kind ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100"}`}
                  >
                    {eventKindLabels[option]}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <EventForm
            key={kind}
            kind={kind}
            parties={parties}
            timeZones={timeZones}
            defaults={defaults}
            lastResult={lastResult}
            submitLabel="Save draft"
            cancelTo={workspace}
          />
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <EventRouteError heading="Plan a joint event" />;
}
