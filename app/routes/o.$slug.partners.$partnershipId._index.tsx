import type { Submission, SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, isRouteErrorResponse, useActionData, useLoaderData, useParams, useRouteError } from "@remix-run/react";
import type { z } from "zod";
import { Alert } from "~/components/ui/alert";
import { Button, ButtonLink } from "~/components/ui/button";
import { OutcomeAlert } from "~/components/ui/outcome-alert";
import { PageHeader } from "~/components/ui/page-header";
import { routeErrorMessage } from "~/components/ui/route-error-message";
import { requirePartnership, type PartnershipAccess } from "~/partnerships/access.server";
import { ActivityTimeline } from "~/partnerships/components/activity-timeline";
import { PartnershipStatusBadge } from "~/partnerships/components/badges";
import { EndPartnership, WithdrawInvitation } from "~/partnerships/components/end-partnership";
import { JointEvents } from "~/partnerships/components/joint-events";
import { PartnershipPeople } from "~/partnerships/components/partnership-people";
import { SharedNotes } from "~/partnerships/components/shared-notes";
import { withdrawPartnershipInvitation } from "~/partnerships/invitations.server";
import { addPartnershipNote, deletePartnershipNote } from "~/partnerships/notes.server";
import { endPartnership } from "~/partnerships/partnerships.server";
import { partnershipWorkspacePath } from "~/partnerships/paths";
import { PartnershipRuleError } from "~/partnerships/rules";
import { workspaceActionSchema } from "~/partnerships/schemas";
import { getPartnershipWorkspace, type PartnershipWorkspace } from "~/partnerships/workspace.server";
import { assertCan, requireTenant, type TenantScope } from "~/platform/tenancy.server";
import { PollList } from "~/polls/components/poll-list";
import { listPolls } from "~/polls/polls.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? workspaceTitle(data.workspace.partnership) : "Partnership"} · Rapport` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireTenant(request, params.slug, "partnerships:view");
  const access = await requirePartnership(scope, params.partnershipId!);
  const url = new URL(request.url);
  const before = url.searchParams.get("before");
  const sent = url.searchParams.get("sent");
  return {
    organizationSlug: scope.organizationSlug,
    workspace: await getPartnershipWorkspace(scope, access, { before }),
    polls: await listPolls(scope, access.partnershipId),
    showingOlder: Boolean(before),
    justSent: sent === "new" || sent === "again" ? sent : null,
  };
}

type WorkspaceAction = Extract<Submission<z.output<typeof workspaceActionSchema>>, { status: "success" }>;

/** Tells the page which of its forms a response is about. */
type WorkspaceActionResult =
  | { form: "add-note"; result: SubmissionResult<string[]> }
  | { form: "delete-note"; noteId: string; ok: boolean; message: string }
  | { form: "end"; result: SubmissionResult<string[]> }
  | { form: "page"; ok: false; message: string };

export async function action({ request, params }: ActionFunctionArgs) {
  // Access first: an outsider gets 404 and a member 403, whatever the form holds.
  const { scope } = await requireTenant(request, params.slug, "partnerships:view");
  const access = await requirePartnership(scope, params.partnershipId!);
  assertCan(scope, "partnerships:manage");
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: workspaceActionSchema });
  if (submission.status !== "success") {
    const intent = formData.get("intent");
    const result: WorkspaceActionResult =
      intent === "add-note" || intent === "end"
        ? { form: intent, result: submission.reply() }
        : { form: "page", ok: false, message: "We couldn't make sense of that request. Reload the page and try again." };
    return data(result, { status: 400 });
  }
  try {
    return await performWorkspaceAction(scope, access, submission);
  } catch (error) {
    if (error instanceof PartnershipRuleError) return data(ruleBroken(submission, error.message), { status: error.status });
    throw error;
  }
}

async function performWorkspaceAction(scope: TenantScope, access: PartnershipAccess, submission: WorkspaceAction): Promise<WorkspaceActionResult | Response> {
  const input = submission.value;
  switch (input.intent) {
    case "add-note":
      await addPartnershipNote(scope, access, input.body);
      return { form: "add-note", result: submission.reply({ resetForm: true }) };
    case "delete-note":
      await deletePartnershipNote(scope, access, input.noteId);
      return { form: "delete-note", noteId: input.noteId, ok: true, message: "The note was deleted." };
    case "end":
      await endPartnership(scope, access);
      return redirect(partnershipWorkspacePath(scope.organizationSlug, access.partnershipId));
    case "withdraw":
      await withdrawPartnershipInvitation(scope, access);
      return redirect(partnershipWorkspacePath(scope.organizationSlug, access.partnershipId));
  }
}

function ruleBroken(submission: WorkspaceAction, message: string): WorkspaceActionResult {
  const input = submission.value;
  switch (input.intent) {
    case "add-note":
    case "end":
      return { form: input.intent, result: submission.reply({ formErrors: [message] }) };
    case "delete-note":
      return { form: "delete-note", noteId: input.noteId, ok: false, message };
    case "withdraw":
      return { form: "page", ok: false, message };
  }
}

function workspaceTitle(partnership: PartnershipWorkspace["partnership"]) {
  return partnership.partnerName ? `${partnership.initiatorName} & ${partnership.partnerName}` : `Invitation to ${partnership.waitingFor}`;
}

function statusSentence(partnership: PartnershipWorkspace["partnership"]) {
  switch (partnership.status) {
    case "active":
      return `Partners since ${partnership.since}`;
    case "pending":
      return `Sent on ${partnership.sentOn}`;
    case "declined":
      return `Declined on ${partnership.since}`;
    case "ended":
      return partnership.partnerName ? `Ended on ${partnership.endedOn} by ${partnership.endedBy}` : `Withdrawn on ${partnership.endedOn}`;
  }
}

/** Why a card has no form, said where the form would be; the alert at the top tells the whole story. */
function inactiveReason(partnership: PartnershipWorkspace["partnership"], what: "events" | "notes"): string | null {
  const nothingNew = what === "events" ? "No new events can be planned" : "No new notes can be added";
  switch (partnership.status) {
    case "active":
    case "pending":
      return null;
    case "declined":
      return `${nothingNew}: the invitation was declined.`;
    case "ended":
      return partnership.partnerName ? `${nothingNew} now that the partnership has ended.` : `${nothingNew}: the invitation was withdrawn.`;
  }
}

export default function PartnershipWorkspacePage() {
  const { organizationSlug, workspace, polls, showingOlder, justSent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { partnership, events, people, notes, timeline, can } = workspace;
  return (
    <div className="space-y-6">
      <PageHeader
        title={<span className="wrap-anywhere">{workspaceTitle(partnership)}</span>}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <PartnershipStatusBadge status={partnership.status} withdrawn={partnership.status === "ended" && !partnership.partnerName} />
            <span>{statusSentence(partnership)}</span>
          </span>
        }
      />
      {partnership.status === "pending" && partnership.waitingFor ? (
        justSent ? (
          <Alert tone="success" title={justSent === "again" ? "Invitation sent again" : "Invitation sent"}>
            We emailed {partnership.waitingFor} a link to the invitation. We'll email you when they answer; once they accept for their company, you'll plan
            joint events together here.
          </Alert>
        ) : (
          <Alert tone="info" title={`Waiting for ${partnership.waitingFor}`}>
            <p>Once they accept for their company, you'll plan joint events together here.</p>
            {can.manage ? (
              <Form method="post" action={`/o/${organizationSlug}/partners/new`} className="mt-3">
                <input type="hidden" name="email" value={partnership.waitingFor} />
                <input type="hidden" name="message" value={partnership.invitationMessage ?? ""} />
                <Button type="submit" variant="secondary" size="sm">
                  Send the invitation again
                </Button>
              </Form>
            ) : null}
          </Alert>
        )
      ) : null}
      {partnership.status === "ended" && partnership.partnerName ? (
        <Alert tone="warning" title="This partnership has ended">
          {partnership.endedBy} ended it on {partnership.endedOn}. Everything here stays readable, but nothing new can be planned.
          {can.manage ? " To work together again, send a new invitation." : ""}
        </Alert>
      ) : null}
      <OutcomeAlert outcome={actionData?.form === "page" ? actionData : undefined} />
      <div className="grid gap-6 lg:grid-cols-3 lg:items-start">
        <div className="space-y-6 lg:col-span-2">
          <JointEvents
            organizationSlug={organizationSlug}
            partnershipId={partnership.id}
            events={events}
            canPlan={can.planEvents}
            inactiveReason={inactiveReason(partnership, "events")}
          />
          <PollList polls={polls} />
          <SharedNotes
            notes={notes}
            otherName={partnership.otherName}
            canAdd={can.addNotes}
            canDelete={can.manage}
            inactiveReason={inactiveReason(partnership, "notes") ?? (can.manage ? null : "Managers, admins and owners of either company add notes here.")}
            addResult={actionData?.form === "add-note" ? actionData.result : undefined}
            deleteOutcome={actionData?.form === "delete-note" ? actionData : undefined}
          />
          <ActivityTimeline organizationSlug={organizationSlug} timeline={timeline} showingOlder={showingOlder} />
        </div>
        <div className="space-y-6">
          <PartnershipPeople own={people.own} other={people.other} />
          {can.end && partnership.otherName ? (
            <EndPartnership otherName={partnership.otherName} result={actionData?.form === "end" ? actionData.result : undefined} />
          ) : null}
          {can.withdraw && partnership.waitingFor ? <WithdrawInvitation contactEmail={partnership.waitingFor} /> : null}
        </div>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { slug, partnershipId } = useParams();
  const message = routeErrorMessage(error);
  return (
    <div className="space-y-6">
      <PageHeader title="Partnership" />
      <Alert tone="error">{message}</Alert>
      {slug && partnershipId && isRouteErrorResponse(error) && error.status === 409 ? (
        <ButtonLink to={partnershipWorkspacePath(slug, partnershipId)} variant="secondary">
          Back to the partnership
        </ButtonLink>
      ) : null}
    </div>
  );
}
