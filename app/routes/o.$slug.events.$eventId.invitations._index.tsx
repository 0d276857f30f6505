import type { Submission } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { Alert } from "~/components/ui/alert";
import { OutcomeAlert } from "~/components/ui/outcome-alert";
import { requireEvent } from "~/events/access.server";
import { EventRouteError } from "~/events/components/event-error";
import { AddInviteesCard } from "~/invitations/components/list-add";
import { isImportRunning, RecentImports } from "~/invitations/components/list-imports";
import { PartnerListCard } from "~/invitations/components/list-partner";
import { ListSummary } from "~/invitations/components/list-summary";
import { InviteeTableCard } from "~/invitations/components/list-table";
import { readInviteListForm, readUploadedCsv, startInvitationImport } from "~/invitations/import.server";
import type { InviteListActionResult } from "~/invitations/list-action-results";
import { InviteListError } from "~/invitations/list-rules";
import { addMembersToList, getInvitationsPage, removeInvitee, type MembersAdded } from "~/invitations/list.server";
import { inviteListActionSchema } from "~/invitations/schemas";
import { assertCan, requireTenant, type TenantScope } from "~/platform/tenancy.server";
import type { z } from "zod";

export const meta: MetaFunction = ({ matches }) => {
  const layout = matches.find((match) => match.id === "routes/o.$slug.events.$eventId")?.data as { title?: string } | undefined;
  return [{ title: `Invitations · ${layout?.title ?? "Joint event"} · Rapport` }];
};

function listPath(scope: TenantScope, eventId: string) {
  return `/o/${scope.organizationSlug}/events/${eventId}/invitations`;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireTenant(request, params.slug, "events:view");
  const search = new URL(request.url).searchParams;
  const page = await getInvitationsPage(scope, params.eventId!, {
    query: search.get("q") ?? "",
    page: Number(search.get("page") ?? 1),
    partnerPage: Number(search.get("partnerPage") ?? 1),
  });
  return { ...page, listPath: listPath(scope, params.eventId!) };
}

type InviteListSubmission = Extract<Submission<z.output<typeof inviteListActionSchema>>, { status: "success" }>;

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope } = await requireTenant(request, params.slug, "events:view");
  // Who may act is settled before the form is read: a stranger's upload is never even parsed.
  await requireEvent(scope, params.eventId!);
  assertCan(scope, "events:plan");
  const form = await readInviteListForm(request);
  if (!form.ok) {
    return data<InviteListActionResult>({ form: form.form, result: { status: "error", error: { [form.field]: [form.message] } } }, { status: 413 });
  }
  const submission = parseWithZod(form.formData, { schema: inviteListActionSchema });
  if (submission.status !== "success") {
    const intent = form.formData.get("intent");
    const result: InviteListActionResult =
      intent === "add-members" || intent === "paste" || intent === "import-csv"
        ? { form: intent, result: submission.reply({ hideFields: ["file"] }) }
        : { form: "notice", ok: false, message: "We couldn't make sense of that request. Reload the page and try again." };
    return data(result, { status: 400 });
  }
  try {
    return await performListAction(scope, params.eventId!, submission);
  } catch (error) {
    if (!(error instanceof InviteListError)) throw error;
    const intent = submission.value.intent;
    const result: InviteListActionResult =
      intent === "remove"
        ? { form: "notice", ok: false, message: error.message }
        : { form: intent, result: submission.reply({ formErrors: [error.message], hideFields: ["file"] }) };
    return data(result, { status: error.status });
  }
}

async function performListAction(scope: TenantScope, eventId: string, submission: InviteListSubmission) {
  const input = submission.value;
  const importPath = (importId: string) => `${listPath(scope, eventId)}/imports/${importId}`;
  switch (input.intent) {
    case "add-members": {
      const outcome = await addMembersToList(scope, eventId, input.everyone ? { everyone: true } : { userIds: input.userId });
      return { form: "notice", ok: outcome.added + outcome.merged > 0, message: describeMembersAdded(outcome) } satisfies InviteListActionResult;
    }
    case "paste": {
      const { importId } = await startInvitationImport(scope, eventId, { source: "pasted", content: input.text });
      return redirect(importPath(importId));
    }
    case "import-csv": {
      const { importId } = await startInvitationImport(scope, eventId, { source: "csv", content: await readUploadedCsv(input.file) });
      return redirect(importPath(importId));
    }
    case "remove": {
      const removed = await removeInvitee(scope, eventId, input.invitationId);
      const message = removed.revoked
        ? `Removed ${removed.label} from your list. The invitation already sent to them no longer works.`
        : `Removed ${removed.label} from your list.`;
      return { form: "notice", ok: true, message } satisfies InviteListActionResult;
    }
  }
}

function describeMembersAdded({ added, merged, refused }: MembersAdded): string {
  const parts = [];
  if (added > 0) parts.push(`Added ${added === 1 ? "1 person" : `${added} people`} to your list.`);
  if (merged > 0) parts.push(`${merged === 1 ? "1 was" : `${merged} were`} already on it.`);
  if (refused.length > 0) parts.push(`Not added: ${refused.map((person) => `${person.name} (${person.reason})`).join(", ")}.`);
  return parts.join(" ");
}

export default function EventInvitations() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const location = useLocation();
  const hrefWith = (name: string, value: number) => {
    const search = new URLSearchParams(location.search);
    search.set(name, String(value));
    return `?${search.toString()}`;
  };
  const outcome = actionData && actionData.form !== "notice" ? actionData : undefined;
  const running = page.imports.find((entry) => isImportRunning(entry.status));
  return (
    <div className="space-y-6">
      <OutcomeAlert outcome={actionData?.form === "notice" ? actionData : undefined} />
      {running ? (
        <Alert tone="info">
          An import is still adding people to your list.{" "}
          <Link to={`${page.listPath}/imports/${running.id}`} className="font-medium underline underline-offset-4">
            See its progress
          </Link>
          .
        </Alert>
      ) : null}
      <ListSummary companyName={page.companyName} counts={page.counts} sendPath={`${page.listPath}/send`} sendingClosedReason={page.sendingClosedReason} />
      <InviteeTableCard
        invitees={page.invitees}
        query={page.query}
        pagination={page.pagination}
        canRemove={!page.closedReason}
        pageHref={(number) => hrefWith("page", number)}
      />
      {page.closedReason ? null : (
        <AddInviteesCard
          companyName={page.companyName}
          members={page.members}
          membersOutcome={outcome?.form === "add-members" ? outcome : undefined}
          pasteOutcome={outcome?.form === "paste" ? outcome : undefined}
          csvOutcome={outcome?.form === "import-csv" ? outcome : undefined}
        />
      )}
      <RecentImports imports={page.imports} importHref={(id) => `${page.listPath}/imports/${id}`} />
      <PartnerListCard
        companyName={page.partner.companyName}
        counts={page.partner.counts}
        names={page.partner.names}
        pagination={page.partner.pagination}
        pageHref={(number) => hrefWith("partnerPage", number)}
      />
    </div>
  );
}

export function ErrorBoundary() {
  return <EventRouteError heading="Invitations" headingAs="h2" />;
}
