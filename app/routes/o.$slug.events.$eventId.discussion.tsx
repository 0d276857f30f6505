import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Alert } from "~/components/ui/alert";
import { requireEvent } from "~/events/access.server";
import { EventRouteError } from "~/events/components/event-error";
import type { PlanningActionResult } from "~/planning/action-results";
import { postComment } from "~/planning/comments.server";
import { CommentForm, CommentThread } from "~/planning/components/discussion";
import { getDiscussionPage } from "~/planning/pages.server";
import { PlanningRuleError } from "~/planning/rules";
import { postCommentSchema } from "~/planning/schemas";
import { assertCan, requireTenant } from "~/platform/tenancy.server";

export const meta: MetaFunction = ({ matches }) => {
  const layout = matches.find((match) => match.id === "routes/o.$slug.events.$eventId")?.data as { title?: string } | undefined;
  return [{ title: `Discussion · ${layout?.title ?? "Joint event"} · Rapport` }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireTenant(request, params.slug, "events:view");
  return getDiscussionPage(scope, params.eventId!);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope } = await requireTenant(request, params.slug, "events:view");
  await requireEvent(scope, params.eventId!);
  assertCan(scope, "events:plan");
  const submission = parseWithZod(await request.formData(), { schema: postCommentSchema });
  if (submission.status !== "success") return data<PlanningActionResult>({ form: "comment", result: submission.reply() }, { status: 400 });
  try {
    const comment = await postComment(scope, params.eventId!, submission.value);
    const notified = comment.mentionedNames.length > 0 ? ` We'll let ${comment.mentionedNames.join(", ")} know.` : "";
    return { form: "comment", result: submission.reply({ resetForm: true }), message: `Comment posted.${notified}` } satisfies PlanningActionResult;
  } catch (error) {
    if (error instanceof PlanningRuleError) {
      return data<PlanningActionResult>({ form: "comment", result: submission.reply({ formErrors: [error.message] }) }, { status: error.status });
    }
    throw error;
  }
}

export default function EventDiscussion() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="space-y-6">
      <CommentThread comments={page.comments} timeZone={page.timeZone} />
      {page.closedReason ? (
        <Alert tone="info">{page.closedReason}</Alert>
      ) : page.canComment ? (
        <CommentForm notifyGroups={page.notifyGroups} outcome={actionData?.form === "comment" ? actionData : undefined} />
      ) : (
        <Alert tone="info">Managers of both companies write here. You can follow along, and ask one of your managers to pass something on.</Alert>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <EventRouteError heading="Discussion" headingAs="h2" />;
}
