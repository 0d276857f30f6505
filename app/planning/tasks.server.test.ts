import { describe, expect, test } from "vitest";
import { db } from "~/platform/db.server";
import { addMember } from "#tests/factories";
import { dueDateToStored } from "./due-dates";
import { loadPlanningEvent } from "./event.server";
import { addTask, deleteTask, listAssignableMembers, listTasks, setTaskDone, updateTask } from "./tasks.server";
import { createPlanningWorld, dateDaysAhead } from "./test-world.test-support";

function taskRow(taskId: string) {
  return db.eventTask.findUnique({ where: { id: taskId } });
}

function activityKinds(eventId: string) {
  return db.partnershipActivity.findMany({ where: { eventId }, orderBy: { createdAt: "asc" }, select: { kind: true, organizationId: true } });
}

describe("addTask", () => {
  test("either side's managers add tasks for either company; the history records each", async () => {
    const world = await createPlanningWorld();
    const dueOn = dateDaysAhead(10);

    const venue = await addTask(world.scopes.aManager, world.event.id, { title: "Book the venue", organizationId: world.a.organization.id, assigneeId: world.a.member.id, dueOn });
    const shirts = await addTask(world.scopes.aManager, world.event.id, { title: "Order t-shirts", organizationId: world.b.organization.id });
    const transport = await addTask(world.scopes.bOwner, world.event.id, { title: "Arrange transport", organizationId: world.a.organization.id });

    expect(await taskRow(venue.id)).toMatchObject({ organizationId: world.a.organization.id, assigneeId: world.a.member.id, dueOn: dueDateToStored(dueOn), doneAt: null });
    expect(await taskRow(shirts.id)).toMatchObject({ organizationId: world.b.organization.id, assigneeId: null, dueOn: null });
    expect(await taskRow(transport.id)).toMatchObject({ organizationId: world.a.organization.id });
    expect(await activityKinds(world.event.id)).toEqual([
      { kind: "task.added", organizationId: world.a.organization.id },
      { kind: "task.added", organizationId: world.a.organization.id },
      { kind: "task.added", organizationId: world.b.organization.id },
    ]);
  });

  test("the partner company picks only the company: choosing one of the other side's people is refused", async () => {
    const world = await createPlanningWorld();

    await expect(
      addTask(world.scopes.bManager, world.event.id, { title: "Book the venue", organizationId: world.a.organization.id, assigneeId: world.a.member.id }),
    ).rejects.toThrow(`Only ${world.a.organization.name}'s managers choose who at ${world.a.organization.name} does a task.`);

    expect(await db.eventTask.count({ where: { eventId: world.event.id } })).toBe(0);
  });

  test.each([
    ["an assignee from outside the company", "not-a-member", undefined, "That person isn't a member of"],
    ["a due date that has passed", undefined, "2020-01-01", "That due date has passed. Pick today or a later date."],
  ])("refuses %s with a clear message", async (_case, assigneeId, dueOn, message) => {
    const world = await createPlanningWorld();

    await expect(addTask(world.scopes.aManager, world.event.id, { title: "Book the venue", organizationId: world.a.organization.id, assigneeId, dueOn })).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining(message),
    });
  });

  test("refuses a company outside the partnership", async () => {
    const world = await createPlanningWorld();

    await expect(addTask(world.scopes.aManager, world.event.id, { title: "Book the venue", organizationId: world.scopes.outsider.organizationId })).rejects.toThrow(
      "Choose one of the two companies planning this event.",
    );
  });

  test("a member gets 403 and a third company 404", async () => {
    const world = await createPlanningWorld();
    const input = { title: "Book the venue", organizationId: world.a.organization.id };

    await expect(addTask(world.scopes.aMember, world.event.id, input)).rejects.toMatchObject({ init: { status: 403 } });
    await expect(addTask(world.scopes.outsider, world.event.id, input)).rejects.toMatchObject({ init: { status: 404 } });

    expect(await db.eventTask.count({ where: { eventId: world.event.id } })).toBe(0);
  });
});

describe("only the assigned company changes a task", () => {
  async function worldWithTasks() {
    const world = await createPlanningWorld();
    const venue = await addTask(world.scopes.bManager, world.event.id, { title: "Book the venue", organizationId: world.a.organization.id, dueOn: dateDaysAhead(5) });
    return { world, venue };
  }

  test("the assigned company's manager ticks it off and reopens it; both are in the history", async () => {
    const { world, venue } = await worldWithTasks();

    await setTaskDone(world.scopes.aManager, world.event.id, venue.id, true);
    expect((await taskRow(venue.id))!.doneAt).not.toBeNull();
    await setTaskDone(world.scopes.aOwner, world.event.id, venue.id, false);
    expect((await taskRow(venue.id))!.doneAt).toBeNull();

    expect((await activityKinds(world.event.id)).map((activity) => activity.kind)).toEqual(["task.added", "task.completed", "task.reopened"]);
  });

  test("ticking off a finished task again changes nothing and records nothing", async () => {
    const { world, venue } = await worldWithTasks();
    await setTaskDone(world.scopes.aManager, world.event.id, venue.id, true);

    await setTaskDone(world.scopes.aManager, world.event.id, venue.id, true);

    expect(await db.partnershipActivity.count({ where: { eventId: world.event.id, kind: "task.completed" } })).toBe(1);
  });

  test("the partner company cannot tick off, change or delete it, even though it added it: 403 with a clear message", async () => {
    const { world, venue } = await worldWithTasks();
    const before = await taskRow(venue.id);
    const message = `“Book the venue” is ${world.a.organization.name}'s task, so only ${world.a.organization.name}'s managers can`;

    await expect(setTaskDone(world.scopes.bManager, world.event.id, venue.id, true)).rejects.toMatchObject({ status: 403, message: expect.stringContaining(`${message} tick it off`) });
    await expect(updateTask(world.scopes.bOwner, world.event.id, venue.id, { title: "Book a cheaper venue" })).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining(`${message} change it`),
    });
    await expect(deleteTask(world.scopes.bManager, world.event.id, venue.id)).rejects.toMatchObject({ status: 403, message: expect.stringContaining(`${message} delete it`) });

    expect(await taskRow(venue.id)).toEqual(before);
  });

  test("a member of the assigned company gets 403 too", async () => {
    const { world, venue } = await worldWithTasks();

    await expect(setTaskDone(world.scopes.aMember, world.event.id, venue.id, true)).rejects.toMatchObject({ init: { status: 403 } });
    await expect(deleteTask(world.scopes.aMember, world.event.id, venue.id)).rejects.toMatchObject({ init: { status: 403 } });
  });

  test("the owner side changes the title, the person and the due date; a new date re-arms the overdue reminder", async () => {
    const { world, venue } = await worldWithTasks();
    await db.eventTask.update({ where: { id: venue.id }, data: { overdueNotifiedAt: new Date() } });
    const newDue = dateDaysAhead(8);

    const outcome = await updateTask(world.scopes.aManager, world.event.id, venue.id, { title: "Book the venue and the caterer", assigneeId: world.a.manager.id, dueOn: newDue });

    expect(outcome).toEqual({ title: "Book the venue and the caterer", changed: true });
    expect(await taskRow(venue.id)).toMatchObject({ title: "Book the venue and the caterer", assigneeId: world.a.manager.id, dueOn: dueDateToStored(newDue), overdueNotifiedAt: null });
    const history = await db.partnershipActivity.findFirstOrThrow({ where: { eventId: world.event.id, kind: "task.updated" } });
    expect((history.changes as { fields: { label: string }[] }).fields.map((field) => field.label)).toEqual(["Task", "Assigned to", "Due"]);
  });

  test("saving a task unchanged records nothing, even when its due date has since passed", async () => {
    const { world, venue } = await worldWithTasks();
    await db.eventTask.update({ where: { id: venue.id }, data: { dueOn: dueDateToStored("2020-01-01") } });

    expect(await updateTask(world.scopes.aManager, world.event.id, venue.id, { title: "Book the venue", dueOn: "2020-01-01" })).toEqual({ title: "Book the venue", changed: false });

    expect(await db.partnershipActivity.count({ where: { eventId: world.event.id, kind: "task.updated" } })).toBe(0);
  });

  test("the owner side deletes it; the history keeps its title", async () => {
    const { world, venue } = await worldWithTasks();

    await deleteTask(world.scopes.aManager, world.event.id, venue.id);

    expect(await taskRow(venue.id)).toBeNull();
    const history = await db.partnershipActivity.findFirstOrThrow({ where: { eventId: world.event.id, kind: "task.deleted" } });
    expect(history.summary).toBe("Deleted the task “Book the venue”.");
  });
});

describe("listTasks", () => {
  test("open tasks first, soonest due first; overdue ones flagged; the other side sees names only and no controls", async () => {
    const world = await createPlanningWorld();
    await db.user.update({ where: { id: world.a.member.id }, data: { name: "Ada Lovelace" } });
    const late = await addTask(world.scopes.aManager, world.event.id, { title: "Send the invitations", organizationId: world.a.organization.id, assigneeId: world.a.member.id });
    await db.eventTask.update({ where: { id: late.id }, data: { dueOn: dueDateToStored("2020-01-01") } });
    const soon = await addTask(world.scopes.aManager, world.event.id, { title: "Book the venue", organizationId: world.a.organization.id, dueOn: dateDaysAhead(3) });
    const undated = await addTask(world.scopes.aManager, world.event.id, { title: "Order t-shirts", organizationId: world.b.organization.id });
    const done = await addTask(world.scopes.aManager, world.event.id, { title: "Pick a date", organizationId: world.a.organization.id, dueOn: dateDaysAhead(1) });
    await setTaskDone(world.scopes.aManager, world.event.id, done.id, true);

    const seenByB = await listTasks(world.scopes.bManager, await loadPlanningEvent(world.scopes.bManager, world.event.id));

    expect(seenByB.map((task) => [task.id, task.overdue, task.canManage])).toEqual([
      [late.id, true, false],
      [soon.id, false, false],
      [undated.id, false, true],
      [done.id, false, false],
    ]);
    expect(seenByB[0]).toMatchObject({ assigneeName: "Ada Lovelace", assigneeId: null, dueOn: "2020-01-01", dueLabel: "Wed 1 Jan 2020", companyName: world.a.organization.name });
    expect(JSON.stringify(seenByB)).not.toContain(world.a.member.email);

    const seenByAMember = await listTasks(world.scopes.aMember, await loadPlanningEvent(world.scopes.aMember, world.event.id));
    expect(seenByAMember.every((task) => !task.canManage)).toBe(true);
  });

  test("a task is overdue once its due date has passed where the event happens", async () => {
    const world = await createPlanningWorld();
    const task = await addTask(world.scopes.aManager, world.event.id, { title: "Book the venue", organizationId: world.a.organization.id });
    await db.eventTask.update({ where: { id: task.id }, data: { dueOn: dueDateToStored("2030-06-15") } });
    const event = await loadPlanningEvent(world.scopes.aManager, world.event.id);

    // 02:00 UTC on 16 June is still 15 June in New York; by 05:00 UTC it is the 16th there too.
    expect((await listTasks(world.scopes.aManager, event, new Date("2030-06-16T02:00:00Z")))[0]!.overdue).toBe(false);
    expect((await listTasks(world.scopes.aManager, event, new Date("2030-06-16T05:00:00Z")))[0]!.overdue).toBe(true);
  });
});

describe("listAssignableMembers", () => {
  test("lists the manager's own company only", async () => {
    const world = await createPlanningWorld();
    const { user: newcomer } = await addMember(world.a.organization, "member");

    const people = await listAssignableMembers(world.scopes.aManager);

    expect(people.map((person) => person.id).sort()).toEqual([world.a.owner.id, world.a.admin.id, world.a.manager.id, world.a.member.id, newcomer.id].sort());
  });
});
