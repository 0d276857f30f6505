import { db } from "~/platform/db.server";
import type { TenantRouteGroup } from "./types";

const eventParams = ({ slug, eventId }: { slug: string; eventId: string }) => ({ slug, eventId });

/** Co-planning (date options, checklist, discussion) and interest polls. */
export const planningRoutes: TenantRouteGroup = {
  routes: {
    "o.$slug.events.$eventId.planning.tsx": {
      loader: "member",
      params: eventParams,
      actions: {
        "add-date-option": { minimumRole: "manager", form: () => ({ intent: "add-date-option", startsAt: "2031-05-01T18:00", endsAt: "2031-05-01T21:00" }) },
        "toggle-vote": { minimumRole: "manager", form: ({ extra }) => ({ intent: "toggle-vote", optionId: extra.dateOptionId! }) },
        "use-date": { minimumRole: "manager", form: ({ extra }) => ({ intent: "use-date", optionId: extra.dateOptionId! }) },
        "remove-date-option": { minimumRole: "manager", form: ({ extra }) => ({ intent: "remove-date-option", optionId: extra.dateOptionId! }) },
        "add-task": { minimumRole: "manager", form: ({ extra }) => ({ intent: "add-task", title: "Probe task", organizationId: extra.partnerOrganizationId! }) },
        "edit-task": { minimumRole: "manager", form: ({ extra }) => ({ intent: "edit-task", taskId: extra.taskId!, title: "Probed" }) },
        "set-task-done": { minimumRole: "manager", form: ({ extra }) => ({ intent: "set-task-done", taskId: extra.taskId!, done: "true" }) },
        "delete-task": { minimumRole: "manager", form: ({ extra }) => ({ intent: "delete-task", taskId: extra.taskId! }) },
      },
    },
    "o.$slug.events.$eventId.discussion.tsx": {
      loader: "member",
      params: eventParams,
      actions: { comment: { minimumRole: "manager", form: ({ extra }) => ({ intent: "comment", body: "Probe comment", notify: extra.partnerOwnerId! }) } },
    },
    "o.$slug.partners.$partnershipId.polls.new.tsx": {
      loader: "manager",
      params: ({ slug, partnershipId }) => ({ slug, partnershipId }),
      actions: { create: { minimumRole: "manager", form: () => ({ question: "Probe?", "options[0]": "Yes", "options[1]": "No" }) } },
    },
    "o.$slug.polls.$pollId.tsx": {
      loader: "member",
      params: ({ slug, extra }) => ({ slug, pollId: extra.pollId! }),
      actions: {
        answer: { minimumRole: "member", form: () => ({ intent: "answer", choice: "Dinner" }) },
        close: { minimumRole: "manager", form: () => ({ intent: "close" }) },
      },
    },
  },
  async prepare(targets, victim) {
    const option = await db.eventDateOption.create({
      data: { eventId: targets.eventId, startsAt: new Date("2031-06-01T22:00:00Z"), endsAt: new Date("2031-06-02T01:00:00Z") },
    });
    const task = await db.eventTask.create({ data: { eventId: targets.eventId, title: "Book the venue", organizationId: victim.organizationId } });
    const poll = await db.interestPoll.create({
      data: {
        partnershipId: targets.partnershipId,
        organizationId: victim.organizationId,
        createdById: victim.ownerId,
        question: "What kind of joint event would you enjoy?",
        options: ["Ball game", "Dinner"],
      },
    });
    const partnerOwner = await db.membership.findFirstOrThrow({ where: { organizationId: victim.partnerOrganizationId, role: "owner" }, select: { userId: true } });
    Object.assign(targets.extra, {
      dateOptionId: option.id,
      taskId: task.id,
      pollId: poll.id,
      partnerOrganizationId: victim.partnerOrganizationId,
      partnerOwnerId: partnerOwner.userId,
    });
  },
};
