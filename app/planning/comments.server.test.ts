import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, test } from "vitest";
import { db } from "~/platform/db.server";
import { jobDefinitions } from "~/platform/job-definitions.server";
import { startJobs } from "~/platform/jobs.server";
import { COMMENT_DIGEST_INTERVAL_MS, COMMENT_DIGEST_KIND, commentDigestJob, commentDigestKey, nextDigestSlot, sendCommentDigest } from "./comment-digest.server";
import { listComments, listMentionCandidates, postComment } from "./comments.server";
import { loadPlanningEvent } from "./event.server";
import { COMMENT_MAX_LENGTH, postCommentSchema } from "./schemas";
import { createPlanningWorld } from "./test-world.test-support";

function digestsTo(email: string) {
  return db.outboundEmail.findMany({ where: { kind: COMMENT_DIGEST_KIND, to: email }, orderBy: { createdAt: "asc" } });
}

function waitingDigestJobs(userId: string) {
  return db.$queryRaw<{ start_after: Date }[]>`
    SELECT start_after FROM pgboss.job WHERE name = ${commentDigestJob.name} AND singleton_key = ${commentDigestKey(userId)} AND state = 'created'`;
}

/** What the worker does: takes every digest job that is due, runs it, and marks it complete. */
async function workDueDigestJobs() {
  const boss = await startJobs(jobDefinitions, { runWorkers: false });
  const jobs = await boss.fetch<{ userId: string }>(commentDigestJob.name, { batchSize: 50 });
  for (const job of jobs) {
    await commentDigestJob.handle(job.data, job);
    await boss.complete(commentDigestJob.name, job.id);
  }
}

function expectClose(actual: Date, expected: Date, toleranceMs = 3_000) {
  expect(Math.abs(actual.getTime() - expected.getTime())).toBeLessThan(toleranceMs);
}

describe("postComment and listComments", () => {
  test("managers of both companies comment; everyone reads the thread oldest first with author, company and time in the event's zone, and no addresses", async () => {
    const world = await createPlanningWorld();

    await postComment(world.scopes.aManager, world.event.id, { body: "Shall we book the long table?", notify: [] });
    await postComment(world.scopes.bOwner, world.event.id, { body: "Yes please!\nWe'll bring 8 people.", notify: [] });

    const thread = await listComments(await loadPlanningEvent(world.scopes.bMember, world.event.id));
    expect(thread.map((comment) => [comment.body, comment.authorName, comment.companyName])).toEqual([
      ["Shall we book the long table?", world.a.manager.name, world.a.organization.name],
      ["Yes please!\nWe'll bring 8 people.", world.b.owner.name, world.b.organization.name],
    ]);
    expect(thread[0]!.postedAtLabel).toMatch(/^\w{3} \d{1,2} \w{3} \d{4}, \d{2}:\d{2}$/);
    expect(JSON.stringify(thread)).not.toContain(world.a.manager.email);
    expect(await db.partnershipActivity.count({ where: { eventId: world.event.id, kind: "comment.posted" } })).toBe(2);
  });

  test("members read but cannot comment (403); a third company gets 404", async () => {
    const world = await createPlanningWorld();

    await expect(postComment(world.scopes.aMember, world.event.id, { body: "Hello", notify: [] })).rejects.toMatchObject({ init: { status: 403 } });
    await expect(postComment(world.scopes.outsider, world.event.id, { body: "Hello", notify: [] })).rejects.toMatchObject({ init: { status: 404 } });
    await expect(listComments(await loadPlanningEvent(world.scopes.aMember, world.event.id))).resolves.toEqual([]);
    await expect(loadPlanningEvent(world.scopes.outsider, world.event.id)).rejects.toMatchObject({ init: { status: 404 } });

    expect(await db.eventComment.count({ where: { eventId: world.event.id } })).toBe(0);
  });

  test.each([
    ["an empty comment", "   ", "Write a comment first."],
    ["a comment over the limit", "x".repeat(COMMENT_MAX_LENGTH + 1), `Keep comments under ${COMMENT_MAX_LENGTH} characters; split a long one in two.`],
  ])("the form refuses %s with a clear message", (_case, body, message) => {
    const submission = parseWithZod(new URLSearchParams({ intent: "comment", body }), { schema: postCommentSchema });

    expect(submission.status).toBe("error");
    expect(submission.reply().error).toEqual({ body: [message] });
  });

  test("a comment of exactly the limit is accepted", () => {
    const submission = parseWithZod(new URLSearchParams({ intent: "comment", body: "x".repeat(COMMENT_MAX_LENGTH) }), { schema: postCommentSchema });

    expect(submission.status).toBe("success");
  });

  test("only the two companies' managers can be notified", async () => {
    const world = await createPlanningWorld();

    await expect(postComment(world.scopes.aManager, world.event.id, { body: "Hi", notify: [world.b.member.id] })).rejects.toMatchObject({
      status: 400,
      message: "You can notify the managers of the two companies only. Reload the page and choose again.",
    });
    expect(await db.eventComment.count({ where: { eventId: world.event.id } })).toBe(0);
  });

  test("the notify list offers both companies' managers and up, not members", async () => {
    const world = await createPlanningWorld();

    const candidates = await listMentionCandidates(await loadPlanningEvent(world.scopes.aManager, world.event.id));

    expect(candidates.map((candidate) => candidate.userId).sort()).toEqual(
      [world.a.owner, world.a.admin, world.a.manager, world.b.owner, world.b.admin, world.b.manager].map((person) => person.id).sort(),
    );
  });
});

describe("mentions and the comment digest", () => {
  test("people picked under “Notify” and people written as @Full Name are mentioned; the author never is", async () => {
    const world = await createPlanningWorld();
    await db.user.update({ where: { id: world.b.admin.id }, data: { name: "Grace Hopper" } });

    const posted = await postComment(world.scopes.aManager, world.event.id, {
      body: "@Grace Hopper can your team bring the banners?",
      notify: [world.b.manager.id, world.a.manager.id],
    });

    expect([...posted.mentionedNames].sort()).toEqual(["Grace Hopper", world.b.manager.name].sort());
    const [comment] = await listComments(await loadPlanningEvent(world.scopes.bMember, world.event.id));
    expect([...comment!.notifiedNames].sort()).toEqual(["Grace Hopper", world.b.manager.name].sort());
    expect(await waitingDigestJobs(world.a.manager.id)).toEqual([]);
  });

  test("two mentions within the hour make one digest; a mention after it waits for the hour to pass, then makes a second digest", async () => {
    const world = await createPlanningWorld();
    const recipient = world.b.manager;

    await postComment(world.scopes.aManager, world.event.id, { body: "Can you confirm the headcount?", notify: [recipient.id] });
    await postComment(world.scopes.aOwner, world.event.id, { body: `@${recipient.name} and the dietary needs, please`, notify: [] });

    const [firstJob, ...moreJobs] = await waitingDigestJobs(recipient.id);
    expect(moreJobs).toEqual([]);
    expectClose(firstJob!.start_after, new Date());

    await workDueDigestJobs();

    const [firstDigest, ...moreDigests] = await digestsTo(recipient.email);
    expect(moreDigests).toEqual([]);
    expect(firstDigest!.subject).toBe("You were mentioned in 2 comments on Rapport");
    expect(firstDigest!.text).toContain("Can you confirm the headcount?");
    expect(firstDigest!.text).toContain("and the dietary needs, please");
    expect(firstDigest!.text).toContain(`http://localhost:3000/o/${world.b.organization.slug}/events/${world.event.id}/discussion#comment-`);

    await postComment(world.scopes.aManager, world.event.id, { body: "Venue is booked!", notify: [recipient.id] });

    const [secondJob] = await waitingDigestJobs(recipient.id);
    expectClose(secondJob!.start_after, new Date(firstDigest!.createdAt.getTime() + COMMENT_DIGEST_INTERVAL_MS));
    expect(await sendCommentDigest(recipient.id)).toBe("postponed");
    expect(await digestsTo(recipient.email)).toHaveLength(1);

    const anHourLater = new Date(firstDigest!.createdAt.getTime() + COMMENT_DIGEST_INTERVAL_MS);
    expect(await sendCommentDigest(recipient.id, anHourLater)).toBe("sent");

    const [, secondDigest] = await digestsTo(recipient.email);
    expect(secondDigest!.subject).toBe("You were mentioned in a comment on Rapport");
    expect(secondDigest!.text).toContain("Venue is booked!");
    expect(secondDigest!.text).not.toContain("Can you confirm the headcount?");
  });

  test("a digest with nothing new sends nothing", async () => {
    const world = await createPlanningWorld();

    expect(await sendCommentDigest(world.b.manager.id)).toBe("nothing-new");
    expect(await digestsTo(world.b.manager.email)).toEqual([]);
  });

  test("someone who has left both companies gets no digest about them", async () => {
    const world = await createPlanningWorld();
    await postComment(world.scopes.aManager, world.event.id, { body: "Over to you", notify: [world.b.manager.id] });
    await db.membership.deleteMany({ where: { userId: world.b.manager.id, organizationId: world.b.organization.id } });

    expect(await sendCommentDigest(world.b.manager.id)).toBe("nothing-new");
    expect(await digestsTo(world.b.manager.email)).toEqual([]);
  });

  test("the next slot is now, or an hour after the last digest if that is later", () => {
    const now = new Date("2030-06-15T12:00:00Z");

    expect(nextDigestSlot(null, now)).toEqual(now);
    expect(nextDigestSlot(new Date("2030-06-15T11:30:00Z"), now)).toEqual(new Date("2030-06-15T12:30:00Z"));
    expect(nextDigestSlot(new Date("2030-06-15T10:00:00Z"), now)).toEqual(now);
  });
});
