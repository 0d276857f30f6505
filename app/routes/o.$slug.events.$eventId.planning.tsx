import type { Submission } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { OutcomeAlert } from "~/components/ui/outcome-alert";
import { requireEvent } from "~/events/access.server";
import { EventRouteError } from "~/events/components/event-error";
import { EventRuleError } from "~/events/rules";
import type { PlanningActionResult } from "~/planning/action-results";
import { ChecklistCard } from "~/planning/components/checklist-card";
import { DateOptionsCard } from "~/planning/components/date-options-card";
import { addDateOption, applyDateOption, removeDateOption, toggleDateVote } from "~/planning/date-options.server";
import { getPlanningPage } from "~/planning/pages.server";
import { PlanningRuleError } from "~/planning/rules";
import { planningActionSchema } from "~/planning/schemas";
import { addTask, deleteTask, setTaskDone, updateTask } from "~/planning/tasks.server";
import { assertCan, requireTenant, type TenantScope } from "~/platform/tenancy.server";
import type { z } from "zod";

export const meta: MetaFunction = ({ matches }) => {
  const layout = matches.find((match) => match.id === "routes/o.$slug.events.$eventId")?.data as { title?: string } | undefined;
  return [{ title: `Planning · ${layout?.title ?? "Joint event"} · Rapport` }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireTenant(request, params.slug, "events:view");
  return getPlanningPage(scope, params.eventId!);
}

type PlanningSubmission = Extract<Submission<z.output<typeof planningActionSchema>>, { status: "success" }>;

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope } = await requireTenant(request, params.slug, "events:view");
  // Who may act is settled before the form is read: a stranger learns nothing from a bad form.
  await requireEvent(scope, params.eventId!);
  assertCan(scope, "events:plan");
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: planningActionSchema });
  if (submission.status !== "success") {
    const intent = formData.get("intent");
    const taskId = String(formData.get("taskId") ?? "");
    const result: PlanningActionResult =
      intent === "add-date-option" || intent === "add-task"
        ? { form: intent, result: submission.reply() }
        : intent === "edit-task"
          ? { form: "edit-task", taskId, result: submission.reply() }
          : { form: "notice", ok: false, message: "We couldn't make sense of that request. Reload the page and try again." };
    return data(result, { status: 400 });
  }
  try {
    return await performPlanningAction(scope, params.eventId!, submission);
  } catch (error) {
    if (error instanceof PlanningRuleError) return data(ruleBroken(submission, error.message), { status: error.status });
    if (error instanceof EventRuleError) return data(ruleBroken(submission, error.message), { status: 409 });
    throw error;
  }
}

async function performPlanningAction(scope: TenantScope, eventId: string, submission: PlanningSubmission): Promise<PlanningActionResult> {
  const input = submission.value;
  switch (input.intent) {
    case "add-date-option": {
      const option = await addDateOption(scope, eventId, input);
      return { form: "add-date-option", result: submission.reply({ resetForm: true }), message: `Suggested ${option.label}. Ask the other company to vote.` };
    }
    case "toggle-vote": {
      const vote = await toggleDateVote(scope, eventId, input.optionId);
      return { form: "notice", ok: true, message: vote.voted ? `You voted for ${vote.label}.` : `You took back your vote for ${vote.label}.` };
    }
    case "use-date": {
      const outcome = await applyDateOption(scope, eventId, input.optionId);
      return {
        form: "notice",
        ok: true,
        message: outcome.needsApprovalAgain
          ? `The event is now on ${outcome.label}. Both companies need to approve the new date.`
          : `The event is now on ${outcome.label}.`,
      };
    }
    case "remove-date-option": {
      const removed = await removeDateOption(scope, eventId, input.optionId);
      return { form: "notice", ok: true, message: `Removed ${removed.label} from the options.` };
    }
    case "add-task": {
      const task = await addTask(scope, eventId, input);
      return { form: "add-task", result: submission.reply({ resetForm: true }), message: `Added “${task.title}” for ${task.companyName}.` };
    }
    case "edit-task": {
      const task = await updateTask(scope, eventId, input.taskId, input);
      return { form: "edit-task", taskId: input.taskId, result: submission.reply(), message: task.changed ? `Saved “${task.title}”.` : "Nothing changed." };
    }
    case "set-task-done": {
      const task = await setTaskDone(scope, eventId, input.taskId, input.done);
      return { form: "notice", ok: true, message: task.done ? `Ticked off “${task.title}”.` : `Reopened “${task.title}”.` };
    }
    case "delete-task": {
      const task = await deleteTask(scope, eventId, input.taskId);
      return { form: "notice", ok: true, message: `Deleted “${task.title}”.` };
    }
  }
}

function ruleBroken(submission: PlanningSubmission, message: string): PlanningActionResult {
  const input = submission.value;
  switch (input.intent) {
    case "add-date-option":
    case "add-task":
      return { form: input.intent, result: submission.reply({ formErrors: [message] }) };
    case "edit-task":
      return { form: "edit-task", taskId: input.taskId, result: submission.reply({ formErrors: [message] }) };
    default:
      return { form: "notice", ok: false, message };
  }
}

export default function EventPlanning() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const isMember = !page.canPlan;
  return (
    <div className="space-y-6">
      <OutcomeAlert outcome={actionData?.form === "notice" ? actionData : undefined} />
      <DateOptionsCard
        timeZone={page.timeZone}
        options={page.dateOptions}
        canChange={page.canPlan && !page.dateClosedReason}
        canSuggest={page.canPlan && page.canSuggestDates}
        closedReason={page.dateClosedReason}
        isMember={isMember}
        suggestOutcome={actionData?.form === "add-date-option" ? actionData : undefined}
      />
      <ChecklistCard
        tasks={page.tasks}
        companies={page.companies}
        people={page.assignableMembers}
        today={page.today}
        canAdd={page.canPlan && !page.planningClosedReason}
        closedReason={page.planningClosedReason}
        addOutcome={actionData?.form === "add-task" ? actionData : undefined}
        editOutcome={actionData?.form === "edit-task" ? actionData : undefined}
      />
    </div>
  );
}

export function ErrorBoundary() {
  return <EventRouteError heading="Planning" headingAs="h2" />;
}
