import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, test } from "vitest";
import { db } from "~/platform/db.server";
import { createPlanningWorld } from "~/planning/test-world.test-support";
import { answerPoll, closePoll, createPoll, getPollResults, listPolls } from "./polls.server";
import { createPollSchema, DEFAULT_POLL_OPTIONS, DEFAULT_POLL_QUESTION } from "./schemas";

const defaults = { question: DEFAULT_POLL_QUESTION, options: [...DEFAULT_POLL_OPTIONS] };

function invitationsTo(email: string) {
  return db.outboundEmail.findMany({ where: { kind: "poll-invitation", to: email } });
}

describe("createPoll", () => {
  test("a manager asks both companies; everyone else at both gets an email linking to the poll under their own company", async () => {
    const world = await createPlanningWorld();

    const poll = await createPoll(world.scopes.bManager, world.partnershipId, defaults);

    expect(poll.invited).toBe(7);
    expect(await db.interestPoll.findUniqueOrThrow({ where: { id: poll.id } })).toMatchObject({
      partnershipId: world.partnershipId,
      organizationId: world.b.organization.id,
      createdById: world.b.manager.id,
      question: DEFAULT_POLL_QUESTION,
      options: [...DEFAULT_POLL_OPTIONS],
      closedAt: null,
    });
    for (const person of [world.a.owner, world.a.member]) {
      const [invitation] = await invitationsTo(person.email);
      expect(invitation!.text).toContain(`http://localhost:3000/o/${world.a.organization.slug}/polls/${poll.id}`);
      expect(invitation!.text).toContain("Ball game, Show or concert, Dinner, Volunteer day");
    }
    for (const person of [world.b.owner, world.b.member]) {
      expect((await invitationsTo(person.email))[0]!.text).toContain(`http://localhost:3000/o/${world.b.organization.slug}/polls/${poll.id}`);
    }
    expect(await invitationsTo(world.b.manager.email)).toEqual([]);
    expect(await db.partnershipActivity.count({ where: { partnershipId: world.partnershipId, kind: "poll.created" } })).toBe(1);
  });

  test("a member gets 403, a third company 404, and nobody is emailed", async () => {
    const world = await createPlanningWorld();

    await expect(createPoll(world.scopes.aMember, world.partnershipId, defaults)).rejects.toMatchObject({ init: { status: 403 } });
    await expect(createPoll(world.scopes.outsider, world.partnershipId, defaults)).rejects.toMatchObject({ init: { status: 404 } });

    expect(await db.interestPoll.count({ where: { partnershipId: world.partnershipId } })).toBe(0);
    expect(await invitationsTo(world.a.owner.email)).toEqual([]);
  });

  test("an ended partnership takes no new polls (409)", async () => {
    const world = await createPlanningWorld();
    await db.partnership.update({ where: { id: world.partnershipId }, data: { status: "ended", endedAt: new Date() } });

    await expect(createPoll(world.scopes.aManager, world.partnershipId, defaults)).rejects.toMatchObject({ init: { status: 409 } });
  });
});

describe("createPollSchema", () => {
  function parse(fields: Record<string, string>) {
    return parseWithZod(new URLSearchParams(fields), { schema: createPollSchema });
  }

  test("leaves out blank choices and trims the rest", () => {
    const submission = parse({ question: " Where next? ", "options[0]": " Bowling ", "options[1]": "", "options[2]": "Karaoke", "options[3]": "  " });

    expect(submission.status).toBe("success");
    expect(submission.status === "success" && submission.value).toEqual({ question: "Where next?", options: ["Bowling", "Karaoke"] });
  });

  test.each([
    ["no question", { question: "", "options[0]": "A", "options[1]": "B" }, "question", "Ask a question, like “What kind of joint event would you enjoy?”"],
    ["one choice", { question: "Q?", "options[0]": "A", "options[1]": "" }, "options", "Give people at least 2 choices."],
    ["nine choices", Object.fromEntries([["question", "Q?"], ...Array.from({ length: 9 }, (_, i) => [`options[${i}]`, `Choice ${i}`])]), "options", "Offer at most 8 choices, so the poll stays quick to answer."],
    ["the same choice twice", { question: "Q?", "options[0]": "Dinner", "options[1]": "dinner" }, "options", "Each choice must be different."],
    ["a choice that is too long", { question: "Q?", "options[0]": "x".repeat(81), "options[1]": "B" }, "options[0]", "Keep each choice under 80 characters."],
  ])("refuses %s with a clear message", (_case, fields, field, message) => {
    const submission = parse(fields as Record<string, string>);

    expect(submission.status).toBe("error");
    expect(submission.reply().error?.[field]).toEqual([message]);
  });
});

describe("answering and results", () => {
  async function worldWithPoll() {
    const world = await createPlanningWorld();
    const poll = await createPoll(world.scopes.aManager, world.partnershipId, defaults);
    return { world, pollId: poll.id };
  }

  test("anyone at either company answers, and may change their answer; results are counts and percentages per company", async () => {
    const { world, pollId } = await worldWithPoll();

    await answerPoll(world.scopes.aMember, pollId, "Dinner");
    await answerPoll(world.scopes.aOwner, pollId, "Dinner");
    await answerPoll(world.scopes.aManager, pollId, "Ball game");
    await answerPoll(world.scopes.bMember, pollId, "Ball game");
    await answerPoll(world.scopes.bMember, pollId, "Volunteer day");

    const results = await getPollResults(world.scopes.bMember, pollId);

    expect(results.yourAnswer).toBe("Volunteer day");
    expect(results.companies.map((company) => ({ name: company.name, isYou: company.isYou, respondents: company.respondents, results: company.results }))).toEqual([
      {
        name: world.a.organization.name,
        isYou: false,
        respondents: 3,
        results: [
          { option: "Ball game", count: 1, percent: 33 },
          { option: "Show or concert", count: 0, percent: 0 },
          { option: "Dinner", count: 2, percent: 67 },
          { option: "Volunteer day", count: 0, percent: 0 },
        ],
      },
      {
        name: world.b.organization.name,
        isYou: true,
        respondents: 1,
        results: [
          { option: "Ball game", count: 0, percent: 0 },
          { option: "Show or concert", count: 0, percent: 0 },
          { option: "Dinner", count: 0, percent: 0 },
          { option: "Volunteer day", count: 1, percent: 100 },
        ],
      },
    ]);
    expect(results.canClose).toBe(false);
  });

  test("results never say who answered: no name or address of any respondent, on either side", async () => {
    const { world, pollId } = await worldWithPoll();
    for (const scope of [world.scopes.aMember, world.scopes.bOwner, world.scopes.bMember, world.scopes.bManager]) await answerPoll(scope, pollId, "Dinner");

    const serialized = JSON.stringify(await getPollResults(world.scopes.aMember, pollId));

    for (const person of [world.b.owner, world.b.member, world.b.manager, world.a.member]) {
      expect(serialized).not.toContain(person.email);
      expect(serialized).not.toContain(person.name);
    }
  });

  test("refuses a choice the poll doesn't offer, and a third company (404)", async () => {
    const { world, pollId } = await worldWithPoll();

    await expect(answerPoll(world.scopes.aMember, pollId, "Skydiving")).rejects.toMatchObject({ status: 400, message: "Pick one of the poll's choices." });
    await expect(answerPoll(world.scopes.outsider, pollId, "Dinner")).rejects.toMatchObject({ init: { status: 404 } });
    await expect(getPollResults(world.scopes.outsider, pollId)).rejects.toMatchObject({ init: { status: 404 } });

    expect(await db.interestPollResponse.count({ where: { pollId } })).toBe(0);
  });

  test("a manager of either company closes the poll; answers are then refused (409)", async () => {
    const { world, pollId } = await worldWithPoll();
    await answerPoll(world.scopes.bMember, pollId, "Dinner");

    await expect(closePoll(world.scopes.bMember, pollId)).rejects.toMatchObject({ init: { status: 403 } });
    await closePoll(world.scopes.bManager, pollId);

    await expect(answerPoll(world.scopes.bMember, pollId, "Ball game")).rejects.toMatchObject({ status: 409, message: "This poll is closed, so answers can no longer change." });
    await expect(closePoll(world.scopes.aManager, pollId)).rejects.toMatchObject({ status: 409, message: "This poll is already closed." });
    expect((await db.interestPollResponse.findFirstOrThrow({ where: { pollId } })).choice).toBe("Dinner");
    expect(await db.partnershipActivity.count({ where: { partnershipId: world.partnershipId, kind: "poll.closed" } })).toBe(1);
    expect((await getPollResults(world.scopes.aManager, pollId)).closedReason).toBe("This poll is closed, so answers can no longer change.");
  });
});

describe("listPolls", () => {
  test("lists the partnership's polls newest first with answer counts and links under the viewer's company", async () => {
    const { a, b, scopes, partnershipId } = await createPlanningWorld();
    const first = await createPoll(scopes.aManager, partnershipId, defaults);
    const second = await createPoll(scopes.bManager, partnershipId, { question: "Lunch or dinner?", options: ["Lunch", "Dinner"] });
    await answerPoll(scopes.aMember, first.id, "Dinner");

    expect(await listPolls(scopes.bMember, partnershipId)).toMatchObject([
      { id: second.id, question: "Lunch or dinner?", responseCount: 0, closedAt: null, path: `/o/${b.organization.slug}/polls/${second.id}` },
      { id: first.id, question: DEFAULT_POLL_QUESTION, responseCount: 1, path: `/o/${b.organization.slug}/polls/${first.id}` },
    ]);
    expect((await listPolls(scopes.aMember, partnershipId))[0]!.path).toBe(`/o/${a.organization.slug}/polls/${second.id}`);
    await expect(listPolls(scopes.outsider, partnershipId)).rejects.toMatchObject({ init: { status: 404 } });
  });
});
