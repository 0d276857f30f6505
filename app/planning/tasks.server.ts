import type { FieldChange } from "~/events/changes";
import { roleCan } from "~/organizations/permissions";
import { recordActivity } from "~/partnerships/activity.server";
import { db } from "~/platform/db.server";
import { assertCan, type TenantScope } from "~/platform/tenancy.server";
import { dueDateToStored, formatDueDate, isOverdue, storedToDueDate, todayInZone } from "./due-dates";
import { assertPlanningOpen, companyOf, loadPlanningEvent, type PlanningCompany, type PlanningEvent } from "./event.server";
import { otherSideName } from "~/partnerships/people.server";
import { PlanningRuleError } from "./rules";

export type NewTask = { title: string; organizationId: string; assigneeId?: string; dueOn?: string };
export type TaskEdit = { title: string; assigneeId?: string; dueOn?: string };

const taskSelect = {
  id: true,
  title: true,
  organizationId: true,
  assigneeId: true,
  dueOn: true,
  doneAt: true,
  createdAt: true,
  assignee: { select: { name: true } },
} as const;

/**
 * Open tasks first, then finished ones; each soonest due first, undated last. The partner company
 * sees who is assigned by name only, and cannot change the task.
 */
export async function listTasks(scope: TenantScope, event: PlanningEvent, now = new Date()) {
  const tasks = await db.eventTask.findMany({ where: { eventId: event.id }, orderBy: { createdAt: "asc" }, select: taskSelect });
  const canPlan = roleCan(scope.role, "events:plan");
  const dueTime = (task: (typeof tasks)[number]) => task.dueOn?.getTime() ?? Number.MAX_SAFE_INTEGER;
  const sorted = [...tasks].sort(
    (a, b) =>
      Number(a.doneAt !== null) - Number(b.doneAt !== null) || dueTime(a) - dueTime(b) || a.createdAt.getTime() - b.createdAt.getTime(),
  );
  return sorted.map((task) => {
    const isOwnCompany = task.organizationId === scope.organizationId;
    const companyName = companyOf(event, task.organizationId)?.name ?? "A former partner";
    return {
      id: task.id,
      title: task.title,
      companyName,
      isOwnCompany,
      assigneeName: task.assignee ? otherSideName(task.assignee.name, companyName) : null,
      // Only the owning company edits a task, so only it needs the id to preselect the person.
      assigneeId: isOwnCompany ? task.assigneeId : null,
      dueOn: task.dueOn ? storedToDueDate(task.dueOn) : null,
      dueLabel: task.dueOn ? formatDueDate(task.dueOn) : null,
      done: task.doneAt !== null,
      overdue: isOverdue(task, event.timeZone, now),
      canManage: canPlan && isOwnCompany,
    };
  });
}

/** The people a manager may assign their own company's tasks to; their own teammates, so by address when unnamed. */
export async function listAssignableMembers(scope: TenantScope) {
  const memberships = await db.membership.findMany({
    where: { organizationId: scope.organizationId },
    orderBy: { createdAt: "asc" },
    select: { user: { select: { id: true, name: true, email: true } } },
  });
  return memberships.map(({ user }) => ({ id: user.id, name: user.name ?? user.email }));
}

async function checkedAssignee(scope: TenantScope, company: PlanningCompany, assigneeId: string | undefined) {
  if (!assigneeId) return null;
  if (company.id !== scope.organizationId) {
    throw new PlanningRuleError(`Only ${company.name}'s managers choose who at ${company.name} does a task. Leave the person empty; they'll pick someone.`);
  }
  const membership = await db.membership.findUnique({
    where: { organizationId_userId: { organizationId: company.id, userId: assigneeId } },
    select: { user: { select: { id: true, name: true } } },
  });
  if (!membership) throw new PlanningRuleError(`That person isn't a member of ${company.name}. Pick someone from the list.`);
  return { id: membership.user.id, name: otherSideName(membership.user.name, company.name) };
}

function checkedDueDate(dueOn: string | undefined, event: PlanningEvent): Date | null {
  if (!dueOn) return null;
  if (dueOn < todayInZone(event.timeZone)) throw new PlanningRuleError("That due date has passed. Pick today or a later date.");
  return dueDateToStored(dueOn);
}

export async function addTask(scope: TenantScope, eventId: string, input: NewTask) {
  assertCan(scope, "events:plan");
  const event = await loadPlanningEvent(scope, eventId);
  assertPlanningOpen(event);
  const company = companyOf(event, input.organizationId);
  if (!company) throw new PlanningRuleError("Choose one of the two companies planning this event.");
  const assignee = await checkedAssignee(scope, company, input.assigneeId);
  const dueOn = checkedDueDate(input.dueOn, event);
  return db.$transaction(async (tx) => {
    const task = await tx.eventTask.create({
      data: { eventId: event.id, title: input.title, organizationId: company.id, assigneeId: assignee?.id ?? null, dueOn },
      select: { id: true, title: true },
    });
    const who = assignee ? `${assignee.name} at ${company.name}` : company.name;
    await recordActivity(tx, scope, {
      partnershipId: event.partnershipId,
      eventId: event.id,
      kind: "task.added",
      summary: `Added the task “${task.title}” for ${who}${dueOn ? `, due ${formatDueDate(dueOn)}` : ""}.`,
      changes: { taskId: task.id, organizationId: company.id, assigneeId: assignee?.id ?? null, dueOn: dueOn ? storedToDueDate(dueOn) : null },
    });
    return { ...task, companyName: company.name };
  });
}

/** Only the company a task is assigned to may tick it off, change it or delete it. */
async function findOwnTask(scope: TenantScope, event: PlanningEvent, taskId: string, doing: string) {
  const task = await db.eventTask.findFirst({ where: { id: taskId, eventId: event.id }, select: taskSelect });
  if (!task) throw new PlanningRuleError("That task was deleted. Reload the page to see the current checklist.");
  if (task.organizationId !== scope.organizationId) {
    const owner = companyOf(event, task.organizationId)?.name ?? "the other company";
    throw new PlanningRuleError(
      `“${task.title}” is ${owner}'s task, so only ${owner}'s managers can ${doing}. Ask them in the discussion instead.`,
      403,
    );
  }
  return task;
}

export async function setTaskDone(scope: TenantScope, eventId: string, taskId: string, done: boolean) {
  assertCan(scope, "events:plan");
  const event = await loadPlanningEvent(scope, eventId);
  assertPlanningOpen(event);
  const task = await findOwnTask(scope, event, taskId, done ? "tick it off" : "reopen it");
  if ((task.doneAt !== null) === done) return { title: task.title, done };
  await db.$transaction(async (tx) => {
    await tx.eventTask.update({ where: { id: task.id }, data: { doneAt: done ? new Date() : null } });
    await recordActivity(tx, scope, {
      partnershipId: event.partnershipId,
      eventId: event.id,
      kind: done ? "task.completed" : "task.reopened",
      summary: done ? `Ticked off the task “${task.title}”.` : `Reopened the task “${task.title}”.`,
      changes: { taskId: task.id, done: { from: !done, to: done } },
    });
  });
  return { title: task.title, done };
}

export async function updateTask(scope: TenantScope, eventId: string, taskId: string, input: TaskEdit) {
  assertCan(scope, "events:plan");
  const event = await loadPlanningEvent(scope, eventId);
  assertPlanningOpen(event);
  const task = await findOwnTask(scope, event, taskId, "change it");
  const ownCompany = companyOf(event, scope.organizationId)!;
  const assignee = (input.assigneeId ?? null) === task.assigneeId ? undefined : await checkedAssignee(scope, ownCompany, input.assigneeId);
  const previousDue = task.dueOn ? storedToDueDate(task.dueOn) : null;
  const dueChanged = (input.dueOn ?? null) !== previousDue;
  const dueOn = dueChanged ? checkedDueDate(input.dueOn, event) : task.dueOn;

  // Shaped like the events module's field changes, so the event's history shows them as a diff.
  const fields: FieldChange[] = [];
  if (input.title !== task.title) fields.push({ field: "task.title", label: "Task", before: task.title, after: input.title });
  if (assignee !== undefined) {
    const before = task.assignee ? otherSideName(task.assignee.name, ownCompany.name) : "Nobody yet";
    fields.push({ field: "task.assignee", label: "Assigned to", before, after: assignee?.name ?? "Nobody yet" });
  }
  if (dueChanged) {
    fields.push({ field: "task.dueOn", label: "Due", before: task.dueOn ? formatDueDate(task.dueOn) : "No date", after: dueOn ? formatDueDate(dueOn) : "No date" });
  }
  if (fields.length === 0) return { title: task.title, changed: false };

  await db.$transaction(async (tx) => {
    await tx.eventTask.update({
      where: { id: task.id },
      data: {
        title: input.title,
        assigneeId: assignee === undefined ? task.assigneeId : (assignee?.id ?? null),
        dueOn,
        // A new due date deserves its own overdue reminder.
        ...(dueChanged ? { overdueNotifiedAt: null } : {}),
      },
    });
    await recordActivity(tx, scope, {
      partnershipId: event.partnershipId,
      eventId: event.id,
      kind: "task.updated",
      summary: `Changed the task “${input.title}”.`,
      changes: { taskId: task.id, fields },
    });
  });
  return { title: input.title, changed: true };
}

export async function deleteTask(scope: TenantScope, eventId: string, taskId: string) {
  assertCan(scope, "events:plan");
  const event = await loadPlanningEvent(scope, eventId);
  assertPlanningOpen(event);
  const task = await findOwnTask(scope, event, taskId, "delete it");
  await db.$transaction(async (tx) => {
    await tx.eventTask.delete({ where: { id: task.id } });
    await recordActivity(tx, scope, {
      partnershipId: event.partnershipId,
      eventId: event.id,
      kind: "task.deleted",
      summary: `Deleted the task “${task.title}”.`,
      changes: { taskId: task.id, title: task.title },
    });
  });
  return { title: task.title };
}
