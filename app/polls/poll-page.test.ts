import { describe, expect, test } from "vitest";
import { createPlanningWorld } from "~/planning/test-world.test-support";
import { createSessionCookie } from "#tests/factories";
import { browserRequest, routeContext } from "#tests/requests";
import { action, loader } from "~/routes/o.$slug.polls.$pollId";
import { answerPoll, createPoll } from "./polls.server";
import { DEFAULT_POLL_OPTIONS, DEFAULT_POLL_QUESTION } from "./schemas";

describe("the poll page", () => {
  test("a member of company A sees company B's answers only as totals: no name or address of anyone at B", async () => {
    const world = await createPlanningWorld();
    const poll = await createPoll(world.scopes.aManager, world.partnershipId, { question: DEFAULT_POLL_QUESTION, options: [...DEFAULT_POLL_OPTIONS] });
    for (const scope of [world.scopes.bOwner, world.scopes.bManager, world.scopes.bMember]) await answerPoll(scope, poll.id, "Ball game");
    await answerPoll(world.scopes.aMember, poll.id, "Dinner");
    const slug = world.a.organization.slug;

    const page = await loader({ request: browserRequest(`/o/${slug}/polls/${poll.id}`, await createSessionCookie(world.a.member)), params: { slug, pollId: poll.id }, context: routeContext } as never);

    const serialized = JSON.stringify(page);
    for (const person of [world.b.owner, world.b.admin, world.b.manager, world.b.member]) {
      expect(serialized).not.toContain(person.email);
      expect(serialized).not.toContain(person.name);
    }
    expect(page.companies.find((company) => company.id === world.b.organization.id)).toMatchObject({ respondents: 3, isYou: false });
    expect(page.yourAnswer).toBe("Dinner");
  });

  test("answering through the page saves the answer and says so; a choice the poll doesn't offer is refused with 400", async () => {
    const world = await createPlanningWorld();
    const poll = await createPoll(world.scopes.bManager, world.partnershipId, { question: "Lunch or dinner?", options: ["Lunch", "Dinner"] });
    const slug = world.a.organization.slug;
    const cookie = await createSessionCookie(world.a.member);
    const call = (form: Record<string, string>) => action({ request: browserRequest(`/o/${slug}/polls/${poll.id}`, cookie, form), params: { slug, pollId: poll.id }, context: routeContext } as never);

    expect(await call({ intent: "answer", choice: "Lunch" })).toEqual({ ok: true, message: "Thanks! Your answer: Lunch. You can change it until the poll closes." });
    const refused = await call({ intent: "answer", choice: "Brunch" });
    expect(refused).toMatchObject({ data: { ok: false, message: "Pick one of the poll's choices." }, init: { status: 400 } });
  });
});
