import type { Submission, SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { Alert } from "~/components/ui/alert";
import { OutcomeAlert } from "~/components/ui/outcome-alert";
import { requireEvent, type EventAccess } from "~/events/access.server";
import { ApprovalPanel } from "~/events/components/approval-panel";
import { EventRouteError } from "~/events/components/event-error";
import { EventDetails } from "~/events/components/event-details";
import { ManageEvent } from "~/events/components/manage-event";
import { approveEvent, cancelEvent, duplicateEvent, proposeEvent } from "~/events/events.server";
import { getEventOverview } from "~/events/queries.server";
import { EventRuleError } from "~/events/rules";
import { eventActionSchema } from "~/events/schemas";
import { requireTenant, type TenantScope } from "~/platform/tenancy.server";

export const meta: MetaFunction = ({ matches }) => {
  const layout = matches.find((match) => match.id === "routes/o.$slug.events.$eventId")?.data as { title?: string } | undefined;
  return [{ title: `${layout?.title ?? "Joint event"} · Rapport` }];
};

const savedMessages: Record<string, string> = {
  created: "Draft saved. Look it over, then propose it when it's ready.",
  details: "Your changes are saved.",
  reapproval: "Your changes are saved. The date, place, seats or shifts changed, so this is a new version that both companies approve again.",
  unchanged: "Nothing had changed, so there was nothing to save.",
  duplicated: "This is the new copy. Check its details before you propose it.",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireTenant(request, params.slug, "events:view");
  const overview = await getEventOverview(scope, params.eventId!);
  const saved = new URL(request.url).searchParams.get("saved");
  return { overview, organizationSlug: scope.organizationSlug, savedMessage: saved ? (savedMessages[saved] ?? null) : null };
}

type EventAction = Extract<Submission<z.output<typeof eventActionSchema>>, { status: "success" }>;

/** Tells the page which of its forms a response is about. */
type EventActionResult =
  | { form: "cancel" | "duplicate"; result: SubmissionResult<string[]> }
  | { form: "page"; ok: boolean; message: string };

export async function action({ request, params }: ActionFunctionArgs) {
  // Access first: an outsider gets 404 and a member 403, whatever the form holds.
  const { scope } = await requireTenant(request, params.slug, "events:plan");
  const access = await requireEvent(scope, params.eventId!);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: eventActionSchema });
  if (submission.status !== "success") {
    const intent = formData.get("intent");
    const result: EventActionResult =
      intent === "cancel" || intent === "duplicate"
        ? { form: intent, result: submission.reply() }
        : { form: "page", ok: false, message: "We couldn't make sense of that request. Reload the page and try again." };
    return data(result, { status: 400 });
  }
  try {
    return await performEventAction(scope, access, submission);
  } catch (error) {
    if (!(error instanceof EventRuleError)) throw error;
    const intent = submission.value.intent;
    const result: EventActionResult =
      intent === "cancel" || intent === "duplicate"
        ? { form: intent, result: submission.reply({ formErrors: [error.message] }) }
        : { form: "page", ok: false, message: error.message };
    return data(result, { status: 409 });
  }
}

async function performEventAction(scope: TenantScope, access: EventAccess, submission: EventAction): Promise<EventActionResult | Response> {
  const input = submission.value;
  const partnerName = access.otherOrganization?.name ?? "your partner";
  switch (input.intent) {
    case "propose":
      await proposeEvent(scope, access.eventId);
      return { form: "page", ok: true, message: `Proposed to ${partnerName}. Their managers have been emailed; the event is confirmed when both companies approve it.` };
    case "approve": {
      const outcome = await approveEvent(scope, access.eventId, input.version);
      const message = outcome.alreadyApproved
        ? `${scope.organizationName} had already approved version ${outcome.version}.`
        : outcome.confirmed
          ? "Approved. Both companies have now approved this version, so the event is confirmed."
          : `Approved for ${scope.organizationName}. It is confirmed once ${partnerName} approves it too.`;
      return { form: "page", ok: true, message };
    }
    case "cancel":
      await cancelEvent(scope, access.eventId, input.reason);
      return { form: "page", ok: true, message: `The event is cancelled. ${partnerName}'s managers have been told why.` };
    case "duplicate": {
      const copy = await duplicateEvent(scope, access.eventId, input.startDate);
      return redirect(`/o/${scope.organizationSlug}/events/${copy.id}/edit?duplicated=1`);
    }
  }
}

export default function EventOverview() {
  const { overview, organizationSlug, savedMessage } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const partnerName = overview.approvals.find((approval) => !approval.isYours)?.organizationName ?? "your partner";
  return (
    <div className="space-y-6">
      <h2 className="sr-only">Overview</h2>
      {savedMessage && !actionData ? <Alert tone="success">{savedMessage}</Alert> : null}
      <OutcomeAlert outcome={actionData?.form === "page" ? actionData : undefined} />
      {overview.status === "cancelled" ? (
        <Alert tone="warning" title="This event is cancelled">
          {overview.cancelReason ? `Reason: ${overview.cancelReason}` : "No reason was given."}
        </Alert>
      ) : null}
      {overview.status === "completed" ? <Alert tone="info">This event has happened. Its details stay here for both companies.</Alert> : null}
      {!overview.partnershipActive && overview.status !== "cancelled" && overview.status !== "completed" ? (
        <Alert tone="info">The partnership has ended, so this event can no longer be changed or approved.</Alert>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3 lg:items-start">
        <div className="space-y-6 lg:col-span-2">
          {overview.status !== "cancelled" && overview.status !== "completed" ? (
            <ApprovalPanel
              status={overview.status}
              version={overview.version}
              partnerName={partnerName}
              ownOrganizationName={overview.ownOrganizationName}
              approvals={overview.approvals}
              diff={overview.diff}
              canPropose={overview.can.propose}
              canApprove={overview.can.approve}
            />
          ) : null}
          <EventDetails event={overview} />
        </div>
        <ManageEvent
          editPath={`/o/${organizationSlug}/events/${overview.id}/edit`}
          partnerName={partnerName}
          timeZone={overview.timeZone}
          can={overview.can}
          cancelResult={actionData?.form === "cancel" ? actionData.result : undefined}
          duplicateResult={actionData?.form === "duplicate" ? actionData.result : undefined}
        />
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <EventRouteError heading="Overview" headingAs="h2" />;
}
