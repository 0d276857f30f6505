import PlanningOverdueTaskEmail, { planningOverdueTaskSubject } from "#emails/planning-overdue-task";
import { ROLES, roleCan } from "~/organizations/permissions";
import { db, type Tx } from "~/platform/db.server";
import { queueEmail } from "~/platform/email.server";
import { env } from "~/platform/env.server";
import type { JobDefinition } from "~/platform/jobs.server";
import { logger } from "~/platform/logger.server";
import { formatDueDate, isOverdue } from "./due-dates";

export const OVERDUE_TASK_EMAIL_KIND = "task-overdue";

const PLANNER_ROLES = ROLES.filter((role) => roleCan(role, "events:plan"));

/**
 * Hourly rather than daily: a task becomes overdue at midnight in its event's time zone, which is
 * a different hour of the UTC day for every zone. Each task is reminded about once either way.
 */
export const overdueTasksJob: JobDefinition<object> = {
  name: "planning.overdue-tasks",
  queue: { retryLimit: 2, retryDelay: 60, expireInSeconds: 600 },
  cron: "7 * * * *",
  handle: async () => {
    const reminded = await remindOverdueTasks();
    if (reminded > 0) logger.info({ reminded }, "sent overdue task reminders");
  },
};

type OverdueTask = {
  id: string;
  title: string;
  dueOn: Date | null;
  doneAt: Date | null;
  organizationId: string;
  assigneeId: string | null;
  event: { id: string; title: string; timeZone: string };
};

/**
 * Emails each open task past its due date once: to its assignee, or to its company's managers if
 * nobody is assigned. A task is claimed by setting `overdueNotifiedAt` before its emails are
 * queued, in one transaction, so overlapping runs never remind twice. Cancelled events and ended
 * partnerships are left alone. Returns how many tasks were reminded about.
 */
export async function remindOverdueTasks(now = new Date()): Promise<number> {
  const candidates = await db.eventTask.findMany({
    where: {
      doneAt: null,
      overdueNotifiedAt: null,
      dueOn: { lt: now },
      event: { status: { not: "cancelled" }, partnership: { status: "active" } },
    },
    select: {
      id: true,
      title: true,
      dueOn: true,
      doneAt: true,
      organizationId: true,
      assigneeId: true,
      event: { select: { id: true, title: true, timeZone: true } },
    },
  });
  let reminded = 0;
  for (const task of candidates.filter((candidate) => isOverdue(candidate, candidate.event.timeZone, now))) {
    if (await remindOverdueTask(task, now)) reminded += 1;
  }
  return reminded;
}

async function remindOverdueTask(task: OverdueTask, now: Date): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const claimed = await tx.eventTask.updateMany({ where: { id: task.id, overdueNotifiedAt: null, doneAt: null }, data: { overdueNotifiedAt: now } });
    if (claimed.count === 0) return false;
    const company = await tx.organization.findUniqueOrThrow({ where: { id: task.organizationId }, select: { name: true, slug: true } });
    const url = `${env().APP_URL}/o/${company.slug}/events/${task.event.id}/planning`;
    const { recipients, assignedToRecipient } = await overdueRecipients(tx, task);
    for (const email of recipients) {
      await queueEmail(tx, {
        kind: OVERDUE_TASK_EMAIL_KIND,
        to: email,
        subject: planningOverdueTaskSubject(task.title),
        react: PlanningOverdueTaskEmail({
          taskTitle: task.title,
          eventTitle: task.event.title,
          companyName: company.name,
          dueLabel: formatDueDate(task.dueOn!),
          assignedToRecipient,
          url,
        }),
      });
    }
    return true;
  });
}

/** The assignee while they are still in the company; otherwise the company's managers. */
async function overdueRecipients(tx: Tx, task: OverdueTask) {
  if (task.assigneeId) {
    const assignee = await tx.membership.findUnique({
      where: { organizationId_userId: { organizationId: task.organizationId, userId: task.assigneeId } },
      select: { user: { select: { email: true } } },
    });
    if (assignee) return { recipients: [assignee.user.email], assignedToRecipient: true };
  }
  const planners = await tx.membership.findMany({
    where: { organizationId: task.organizationId, role: { in: PLANNER_ROLES } },
    select: { user: { select: { email: true } } },
  });
  return { recipients: planners.map((planner) => planner.user.email), assignedToRecipient: false };
}
