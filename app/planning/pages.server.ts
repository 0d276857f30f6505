import { roleCan } from "~/organizations/permissions";
import { assertCan, type TenantScope } from "~/platform/tenancy.server";
import { listComments, listMentionCandidates } from "./comments.server";
import { listDateOptions } from "./date-options.server";
import { todayInZone } from "./due-dates";
import { dateClosedReason, loadPlanningEvent, planningClosedReason } from "./event.server";
import { listAssignableMembers, listTasks } from "./tasks.server";

/** Everything the Planning tab shows: the date options and the checklist. */
export async function getPlanningPage(scope: TenantScope, eventId: string) {
  assertCan(scope, "events:view");
  const event = await loadPlanningEvent(scope, eventId);
  const canPlan = roleCan(scope.role, "events:plan");
  const [dateOptions, tasks, assignableMembers] = await Promise.all([
    listDateOptions(event, scope.userId),
    listTasks(scope, event),
    canPlan ? listAssignableMembers(scope) : Promise.resolve([]),
  ]);
  const dateClosed = dateClosedReason(event);
  return {
    timeZone: event.timeZone,
    today: todayInZone(event.timeZone),
    companies: event.companies.map((company) => ({ id: company.id, name: company.name, isYou: company.id === scope.organizationId })),
    canPlan,
    planningClosedReason: planningClosedReason(event),
    dateClosedReason: dateClosed,
    canSuggestDates: !dateClosed && (event.status === "draft" || event.status === "proposed"),
    dateOptions,
    tasks,
    assignableMembers,
  };
}

/** Everything the Discussion tab shows: the thread, and whom a new comment can notify. */
export async function getDiscussionPage(scope: TenantScope, eventId: string) {
  assertCan(scope, "events:view");
  const event = await loadPlanningEvent(scope, eventId);
  const canPlan = roleCan(scope.role, "events:plan");
  const [comments, candidates] = await Promise.all([listComments(event), canPlan ? listMentionCandidates(event) : Promise.resolve([])]);
  return {
    timeZone: event.timeZone,
    canComment: canPlan,
    closedReason: planningClosedReason(event),
    comments,
    notifyGroups: event.companies.map((company) => ({
      companyName: company.name,
      isYou: company.id === scope.organizationId,
      people: candidates
        .filter((candidate) => candidate.companyId === company.id && candidate.userId !== scope.userId)
        .map((candidate) => ({ id: candidate.userId, name: candidate.displayName })),
    })),
  };
}
