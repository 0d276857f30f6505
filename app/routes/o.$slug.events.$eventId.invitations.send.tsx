import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { EmptyState } from "~/components/ui/empty-state";
import { ButtonLink } from "~/components/ui/button";
import { requireEvent } from "~/events/access.server";
import { EventRouteError } from "~/events/components/event-error";
import { SendForm } from "~/invitations/components/send-form";
import { SendHistory } from "~/invitations/components/send-history";
import { SendPreview } from "~/invitations/components/send-preview";
import { getSendPage } from "~/invitations/send-pages.server";
import { sendInvitationsSchema } from "~/invitations/send-schemas";
import { SendRuleError, sendInvitations } from "~/invitations/send.server";
import { assertCan, requireTenant } from "~/platform/tenancy.server";

export const meta: MetaFunction = ({ matches }) => {
  const layout = matches.find((match) => match.id === "routes/o.$slug.events.$eventId")?.data as { title?: string } | undefined;
  return [{ title: `Send invitations · ${layout?.title ?? "Joint event"} · Rapport` }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireTenant(request, params.slug, "events:plan");
  const page = await getSendPage(scope, params.eventId!, new URL(request.url).searchParams.get("invitee"));
  const listPath = `/o/${scope.organizationSlug}/events/${params.eventId!}/invitations`;
  return { ...page, companyName: scope.organizationName, listPath };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope } = await requireTenant(request, params.slug, "events:view");
  // Who may act is settled before the form is read: a stranger learns nothing from a bad form.
  await requireEvent(scope, params.eventId!);
  assertCan(scope, "events:plan");
  const submission = parseWithZod(await request.formData(), { schema: sendInvitationsSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  try {
    const outcome = await sendInvitations(scope, params.eventId!, submission.value);
    if (!outcome.sent) {
      const skipped = outcome.suppressed > 0 ? ` ${outcome.suppressed} whose address bounced or complained before ${outcome.suppressed === 1 ? "was" : "were"} skipped.` : "";
      return data({ result: submission.reply({ formErrors: [`There's no one left to send the invitation to: everyone on the list has been sent it or is in a send already.${skipped}`] }) }, { status: 409 });
    }
    const search = outcome.suppressed > 0 ? `?skipped=${outcome.suppressed}` : "";
    return redirect(`/o/${scope.organizationSlug}/events/${params.eventId!}/invitations/sends/${outcome.sendId}${search}`);
  } catch (error) {
    if (error instanceof SendRuleError) {
      const reply = error.field ? submission.reply({ fieldErrors: { [error.field]: [error.message] } }) : submission.reply({ formErrors: [error.message] });
      return data({ result: reply }, { status: error.status });
    }
    throw error;
  }
}

export default function SendInvitations() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-xl font-semibold text-slate-900">Send invitations</h2>
        <Link to={page.listPath} className="text-sm font-medium text-brand-700 underline underline-offset-4">
          Back to the invite list
        </Link>
      </div>
      {page.preview ? (
        <>
          <SendForm
            companyName={page.companyName}
            timeZone={page.event.timeZone}
            earliestSchedule={page.event.earliestSchedule}
            latestSchedule={page.event.latestSchedule}
            counts={page.counts}
            blockedReason={page.event.blockedReason}
            outcome={actionData}
          />
          <SendPreview preview={page.preview} htmlPath={`${page.listPath}/preview?invitee=${encodeURIComponent(page.preview.inviteeId)}`} />
        </>
      ) : (
        <EmptyState
          title={`${page.companyName}'s invite list is empty`}
          description="Add people to the list first: pick members of your company, paste addresses or upload a CSV. Then preview and send the invitation here."
          action={<ButtonLink to={page.listPath}>Build the invite list</ButtonLink>}
          titleAs="h3"
        />
      )}
      <SendHistory sends={page.sends} sendsPath={`${page.listPath}/sends`} />
    </div>
  );
}

export function ErrorBoundary() {
  return <EventRouteError heading="Send invitations" headingAs="h2" />;
}
