import { describe, expect, test } from "vitest";
import { db } from "~/platform/db.server";
import { dueDateToStored } from "./due-dates";
import { OVERDUE_TASK_EMAIL_KIND, remindOverdueTasks } from "./overdue-tasks.server";
import { createPlanningWorld, type PlanningWorld } from "./test-world.test-support";

function remindersTo(email: string) {
  return db.outboundEmail.findMany({ where: { kind: OVERDUE_TASK_EMAIL_KIND, to: email } });
}

async function task(world: PlanningWorld, data: { title: string; organizationId: string; dueOn: string | null; assigneeId?: string; done?: boolean }) {
  return db.eventTask.create({
    data: {
      eventId: world.event.id,
      title: data.title,
      organizationId: data.organizationId,
      assigneeId: data.assigneeId,
      dueOn: data.dueOn ? dueDateToStored(data.dueOn) : null,
      doneAt: data.done ? new Date() : null,
    },
  });
}

describe("remindOverdueTasks", () => {
  test("emails the assignee of an overdue task once, however often it runs", async () => {
    const world = await createPlanningWorld();
    const late = await task(world, { title: "Book the venue", organizationId: world.a.organization.id, dueOn: "2020-01-01", assigneeId: world.a.member.id });

    await remindOverdueTasks();
    await remindOverdueTasks();

    const [reminder, ...more] = await remindersTo(world.a.member.email);
    expect(more).toEqual([]);
    expect(reminder!.subject).toBe("Overdue: “Book the venue”");
    expect(reminder!.text).toContain("is assigned to you and was due Wed 1 Jan 2020");
    expect(reminder!.text).toContain(`http://localhost:3000/o/${world.a.organization.slug}/events/${world.event.id}/planning`);
    expect((await db.eventTask.findUniqueOrThrow({ where: { id: late.id } })).overdueNotifiedAt).not.toBeNull();
    expect(await remindersTo(world.a.manager.email)).toEqual([]);
  });

  test("without an assignee, the assigned company's managers and up are emailed; nobody at the other company is", async () => {
    const world = await createPlanningWorld();
    await task(world, { title: "Order t-shirts", organizationId: world.b.organization.id, dueOn: "2020-01-01" });

    await remindOverdueTasks();

    for (const person of [world.b.owner, world.b.admin, world.b.manager]) expect(await remindersTo(person.email)).toHaveLength(1);
    for (const person of [world.b.member, world.a.owner, world.a.manager]) expect(await remindersTo(person.email)).toEqual([]);
  });

  test("leaves alone tasks that are done, not yet due where the event happens, undated, or on a cancelled event", async () => {
    const world = await createPlanningWorld();
    const cancelled = await createPlanningWorld({ status: "cancelled" });
    await task(world, { title: "Done already", organizationId: world.a.organization.id, dueOn: "2020-01-01", done: true });
    const dueToday = await task(world, { title: "Due on the 15th", organizationId: world.a.organization.id, dueOn: "2030-06-15" });
    await task(world, { title: "Some day", organizationId: world.a.organization.id, dueOn: null });
    await task(cancelled, { title: "Cancelled anyway", organizationId: cancelled.a.organization.id, dueOn: "2020-01-01" });

    // Still the 15th in New York at 02:00 UTC on the 16th.
    await remindOverdueTasks(new Date("2030-06-16T02:00:00Z"));
    expect(await remindersTo(world.a.owner.email)).toEqual([]);
    expect(await remindersTo(cancelled.a.owner.email)).toEqual([]);

    await remindOverdueTasks(new Date("2030-06-16T05:00:00Z"));
    const reminders = await remindersTo(world.a.owner.email);
    expect(reminders.map((reminder) => reminder.subject)).toEqual(["Overdue: “Due on the 15th”"]);
    expect((await db.eventTask.findUniqueOrThrow({ where: { id: dueToday.id } })).overdueNotifiedAt).not.toBeNull();
  });

  test("a task whose assignee has left the company goes to its managers instead", async () => {
    const world = await createPlanningWorld();
    await task(world, { title: "Book the venue", organizationId: world.a.organization.id, dueOn: "2020-01-01", assigneeId: world.a.member.id });
    await db.membership.deleteMany({ where: { organizationId: world.a.organization.id, userId: world.a.member.id } });

    await remindOverdueTasks();

    expect(await remindersTo(world.a.member.email)).toEqual([]);
    expect(await remindersTo(world.a.manager.email)).toHaveLength(1);
  });
});
