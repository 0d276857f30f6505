import { describe, expect, test } from "vitest";
import { db } from "~/platform/db.server";
import { createSessionCookie } from "#tests/factories";
import { browserRequest, routeContext } from "#tests/requests";
import { action as discussionAction, loader as discussionLoader } from "~/routes/o.$slug.events.$eventId.discussion";
import { action as planningAction, loader as planningLoader } from "~/routes/o.$slug.events.$eventId.planning";
import { postComment } from "./comments.server";
import { addTask } from "./tasks.server";
import { createPlanningWorld } from "./test-world.test-support";

describe("the Planning tab", () => {
  test("the partner company's manager ticking off a task that isn't theirs gets 403 with a message saying whose it is", async () => {
    const world = await createPlanningWorld();
    const task = await addTask(world.scopes.aManager, world.event.id, { title: "Book the venue", organizationId: world.a.organization.id });
    const slug = world.b.organization.slug;
    const cookie = await createSessionCookie(world.b.manager);

    const outcome = await planningAction({
      request: browserRequest(`/o/${slug}/events/${world.event.id}/planning`, cookie, { intent: "set-task-done", taskId: task.id, done: "true" }),
      params: { slug, eventId: world.event.id },
      context: routeContext,
    } as never);

    expect(outcome).toMatchObject({
      init: { status: 403 },
      data: { form: "notice", ok: false, message: expect.stringContaining(`“Book the venue” is ${world.a.organization.name}'s task`) },
    });
    expect((await db.eventTask.findUniqueOrThrow({ where: { id: task.id } })).doneAt).toBeNull();
  });

  test("a bad date option comes back as a form error on the field", async () => {
    const world = await createPlanningWorld();
    const slug = world.a.organization.slug;
    const cookie = await createSessionCookie(world.a.manager);

    const outcome = await planningAction({
      request: browserRequest(`/o/${slug}/events/${world.event.id}/planning`, cookie, { intent: "add-date-option", startsAt: "next friday", endsAt: "" }),
      params: { slug, eventId: world.event.id },
      context: routeContext,
    } as never);

    expect(outcome).toMatchObject({
      init: { status: 400 },
      data: { form: "add-date-option", result: { error: { startsAt: ["Enter a date and a time, like 14 Mar 2027, 18:00."], endsAt: ["Enter when it would end."] } } },
    });
  });

  test("the partner company's page shows the other side's people by name only", async () => {
    const world = await createPlanningWorld();
    await addTask(world.scopes.aManager, world.event.id, { title: "Book the venue", organizationId: world.a.organization.id, assigneeId: world.a.member.id });
    const slug = world.b.organization.slug;

    const page = await planningLoader({ request: browserRequest(`/o/${slug}/events/${world.event.id}/planning`, await createSessionCookie(world.b.manager)), params: { slug, eventId: world.event.id }, context: routeContext } as never);

    expect(page.tasks[0]!.assigneeName).toBe(world.a.member.name);
    const serialized = JSON.stringify(page);
    for (const person of [world.a.owner, world.a.admin, world.a.manager, world.a.member]) expect(serialized).not.toContain(person.email);
  });
});

describe("the Discussion tab", () => {
  test("posting a comment notifies the people picked, and the thread shows no addresses", async () => {
    const world = await createPlanningWorld();
    const slug = world.b.organization.slug;
    const cookie = await createSessionCookie(world.b.manager);

    const outcome = await discussionAction({
      request: browserRequest(`/o/${slug}/events/${world.event.id}/discussion`, cookie, { intent: "comment", body: "We'll bring the banners.", notify: world.a.manager.id }),
      params: { slug, eventId: world.event.id },
      context: routeContext,
    } as never);

    expect(outcome).toMatchObject({ form: "comment", message: `Comment posted. We'll let ${world.a.manager.name} know.` });
    await postComment(world.scopes.aOwner, world.event.id, { body: "Great, thanks!", notify: [] });
    const page = await discussionLoader({ request: browserRequest(`/o/${slug}/events/${world.event.id}/discussion`, await createSessionCookie(world.b.member)), params: { slug, eventId: world.event.id }, context: routeContext } as never);
    expect(page.comments.map((comment) => comment.body)).toEqual(["We'll bring the banners.", "Great, thanks!"]);
    expect(page.canComment).toBe(false);
    const serialized = JSON.stringify(page);
    for (const person of [world.a.owner, world.a.manager]) expect(serialized).not.toContain(person.email);
  });

  test("a comment over the limit is refused with a message on the field", async () => {
    const world = await createPlanningWorld();
    const slug = world.a.organization.slug;

    const outcome = await discussionAction({
      request: browserRequest(`/o/${slug}/events/${world.event.id}/discussion`, await createSessionCookie(world.a.manager), { intent: "comment", body: "x".repeat(4001) }),
      params: { slug, eventId: world.event.id },
      context: routeContext,
    } as never);

    expect(outcome).toMatchObject({ init: { status: 400 }, data: { result: { error: { body: ["Keep comments under 4000 characters; split a long one in two."] } } } });
    expect(await db.eventComment.count({ where: { eventId: world.event.id } })).toBe(0);
  });
});
