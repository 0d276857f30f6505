import { describe, expect, test } from "vitest";
import { db } from "~/platform/db.server";
import { addDateOption, applyDateOption, listDateOptions, MAX_DATE_OPTIONS, removeDateOption, toggleDateVote } from "./date-options.server";
import { loadPlanningEvent } from "./event.server";
import { createPlanningWorld, type PlanningWorld } from "./test-world.test-support";

const SUMMER_EVENING = { startsAt: "2030-06-15T18:00", endsAt: "2030-06-15T21:00" };
const AUTUMN_EVENING = { startsAt: "2030-10-05T18:30", endsAt: "2030-10-05T22:00" };

function optionsOf(eventId: string) {
  return db.eventDateOption.findMany({ where: { eventId }, orderBy: { startsAt: "asc" } });
}

async function optionsAsSeenBy(world: PlanningWorld, scope: PlanningWorld["scopes"]["aManager"]) {
  return listDateOptions(await loadPlanningEvent(scope, world.event.id), scope.userId);
}

describe("addDateOption", () => {
  test("a manager of the partner company suggests a date in the event's zone; it is stored in UTC and recorded in the history", async () => {
    const world = await createPlanningWorld();

    const added = await addDateOption(world.scopes.bManager, world.event.id, SUMMER_EVENING);

    expect(added.label).toBe("Sat 15 Jun 2030, 18:00–21:00 (America/New_York)");
    const [option] = await optionsOf(world.event.id);
    expect(option!.startsAt.toISOString()).toBe("2030-06-15T22:00:00.000Z");
    expect(option!.endsAt.toISOString()).toBe("2030-06-16T01:00:00.000Z");
    const activity = await db.partnershipActivity.findFirstOrThrow({ where: { eventId: world.event.id, kind: "date-option.added" } });
    expect(activity).toMatchObject({ organizationId: world.b.organization.id, actorId: world.b.manager.id, summary: `Suggested ${added.label} as a date.` });
  });

  test.each([
    ["the end is before the start", { startsAt: "2030-06-15T18:00", endsAt: "2030-06-15T17:00" }, "The end must be after the start."],
    ["the start has passed", { startsAt: "2020-06-15T18:00", endsAt: "2020-06-15T21:00" }, "That start is in the past. Suggest a date that's still to come."],
    [
      "the clocks skip the start",
      { startsAt: "2030-03-10T02:30", endsAt: "2030-03-10T05:00" },
      "That start time doesn't exist in America/New_York: the clocks skip it when they change. Pick a time an hour later or earlier.",
    ],
  ])("refuses a date when %s, with a message saying what to do", async (_case, input, message) => {
    const world = await createPlanningWorld();

    await expect(addDateOption(world.scopes.aManager, world.event.id, input)).rejects.toMatchObject({ status: 400, message });

    expect(await optionsOf(world.event.id)).toEqual([]);
  });

  test("refuses a date that is already an option, and more than the maximum", async () => {
    const world = await createPlanningWorld();
    await addDateOption(world.scopes.aManager, world.event.id, SUMMER_EVENING);

    await expect(addDateOption(world.scopes.bManager, world.event.id, SUMMER_EVENING)).rejects.toThrow("That date is already an option. Vote for it instead.");

    for (let day = 2; day <= MAX_DATE_OPTIONS; day += 1) {
      await addDateOption(world.scopes.aManager, world.event.id, { startsAt: `2030-07-${String(day).padStart(2, "0")}T18:00`, endsAt: `2030-07-${String(day).padStart(2, "0")}T20:00` });
    }
    await expect(addDateOption(world.scopes.aManager, world.event.id, AUTUMN_EVENING)).rejects.toThrow(`An event can have up to ${MAX_DATE_OPTIONS} date options.`);
    expect(await optionsOf(world.event.id)).toHaveLength(MAX_DATE_OPTIONS);
  });

  test("a member gets 403 and a third company 404; nothing is added", async () => {
    const world = await createPlanningWorld();

    await expect(addDateOption(world.scopes.bMember, world.event.id, SUMMER_EVENING)).rejects.toMatchObject({ init: { status: 403 } });
    await expect(addDateOption(world.scopes.outsider, world.event.id, SUMMER_EVENING)).rejects.toMatchObject({ init: { status: 404 } });

    expect(await optionsOf(world.event.id)).toEqual([]);
  });

  test("once both companies have agreed the date, new options are refused (409)", async () => {
    const world = await createPlanningWorld({ status: "confirmed" });

    await expect(addDateOption(world.scopes.aManager, world.event.id, SUMMER_EVENING)).rejects.toMatchObject({
      status: 409,
      message: "Both companies have already agreed on this event's date. To move it, edit the event instead.",
    });
  });

  test("a cancelled event and an ended partnership are read-only (409)", async () => {
    const cancelled = await createPlanningWorld({ status: "cancelled" });
    await expect(addDateOption(cancelled.scopes.aManager, cancelled.event.id, SUMMER_EVENING)).rejects.toMatchObject({ status: 409 });

    const ended = await createPlanningWorld();
    await db.partnership.update({ where: { id: ended.partnershipId }, data: { status: "ended", endedAt: new Date() } });
    await expect(addDateOption(ended.scopes.aManager, ended.event.id, SUMMER_EVENING)).rejects.toMatchObject({
      status: 409,
      message: expect.stringContaining("This partnership has ended."),
    });
  });
});

describe("toggleDateVote and listDateOptions", () => {
  test("managers of both companies vote; votes are counted per company with voters' names and no addresses; voting again takes it back", async () => {
    const world = await createPlanningWorld();
    const summer = await addDateOption(world.scopes.aManager, world.event.id, SUMMER_EVENING);
    const autumn = await addDateOption(world.scopes.bManager, world.event.id, AUTUMN_EVENING);

    expect(await toggleDateVote(world.scopes.aManager, world.event.id, summer.id)).toMatchObject({ voted: true });
    await toggleDateVote(world.scopes.aOwner, world.event.id, summer.id);
    await toggleDateVote(world.scopes.bManager, world.event.id, summer.id);
    await toggleDateVote(world.scopes.bManager, world.event.id, autumn.id);
    expect(await toggleDateVote(world.scopes.bManager, world.event.id, summer.id)).toMatchObject({ voted: false });

    const seenByB = await optionsAsSeenBy(world, world.scopes.bManager);
    expect(seenByB.map((option) => ({ id: option.id, voteCount: option.voteCount, votedByYou: option.votedByYou, votesByCompany: option.votesByCompany }))).toEqual([
      {
        id: summer.id,
        voteCount: 2,
        votedByYou: false,
        votesByCompany: [
          { companyId: world.a.organization.id, companyName: world.a.organization.name, voters: [world.a.manager.name, world.a.owner.name] },
          { companyId: world.b.organization.id, companyName: world.b.organization.name, voters: [] },
        ],
      },
      {
        id: autumn.id,
        voteCount: 1,
        votedByYou: true,
        votesByCompany: [
          { companyId: world.a.organization.id, companyName: world.a.organization.name, voters: [] },
          { companyId: world.b.organization.id, companyName: world.b.organization.name, voters: [world.b.manager.name] },
        ],
      },
    ]);
    const serialized = JSON.stringify(seenByB);
    for (const person of [world.a.manager, world.a.owner, world.b.manager]) expect(serialized).not.toContain(person.email);
  });

  test("someone without a name is shown by their company, never by their address", async () => {
    const world = await createPlanningWorld();
    await db.user.update({ where: { id: world.a.manager.id }, data: { name: null } });
    const summer = await addDateOption(world.scopes.aManager, world.event.id, SUMMER_EVENING);
    await toggleDateVote(world.scopes.aManager, world.event.id, summer.id);

    const [option] = await optionsAsSeenBy(world, world.scopes.bManager);

    expect(option!.votesByCompany[0]!.voters).toEqual([`Someone at ${world.a.organization.name}`]);
  });

  test("only managers vote: a member gets 403, a third company 404, and no vote is stored", async () => {
    const world = await createPlanningWorld();
    const summer = await addDateOption(world.scopes.aManager, world.event.id, SUMMER_EVENING);

    await expect(toggleDateVote(world.scopes.aMember, world.event.id, summer.id)).rejects.toMatchObject({ init: { status: 403 } });
    await expect(toggleDateVote(world.scopes.outsider, world.event.id, summer.id)).rejects.toMatchObject({ init: { status: 404 } });

    expect(await db.eventDateVote.count({ where: { optionId: summer.id } })).toBe(0);
  });

  test("an option of another event is not found", async () => {
    const world = await createPlanningWorld();
    const other = await createPlanningWorld();
    const elsewhere = await addDateOption(other.scopes.aManager, other.event.id, SUMMER_EVENING);

    await expect(toggleDateVote(world.scopes.aManager, world.event.id, elsewhere.id)).rejects.toThrow("That date option was removed.");
    expect(await db.eventDateVote.count({ where: { optionId: elsewhere.id } })).toBe(0);
  });
});

describe("removeDateOption", () => {
  test("either company's manager removes an option and its votes; the history says so", async () => {
    const world = await createPlanningWorld();
    const summer = await addDateOption(world.scopes.aManager, world.event.id, SUMMER_EVENING);
    await toggleDateVote(world.scopes.aManager, world.event.id, summer.id);

    await removeDateOption(world.scopes.bManager, world.event.id, summer.id);

    expect(await optionsOf(world.event.id)).toEqual([]);
    expect(await db.eventDateVote.count({ where: { optionId: summer.id } })).toBe(0);
    expect(await db.partnershipActivity.count({ where: { eventId: world.event.id, kind: "date-option.removed" } })).toBe(1);
  });
});

describe("applyDateOption", () => {
  test("“Use this date” moves a draft to the option's start and end, records the change, and keeps it a draft", async () => {
    const world = await createPlanningWorld();
    const summer = await addDateOption(world.scopes.bManager, world.event.id, SUMMER_EVENING);

    const outcome = await applyDateOption(world.scopes.bManager, world.event.id, summer.id);

    expect(outcome).toMatchObject({ status: "draft", needsApprovalAgain: false });
    const event = await db.event.findUniqueOrThrow({ where: { id: world.event.id } });
    expect(event.startsAt.toISOString()).toBe("2030-06-15T22:00:00.000Z");
    expect(event.endsAt.toISOString()).toBe("2030-06-16T01:00:00.000Z");
    expect(event.status).toBe("draft");
    const history = await db.partnershipActivity.findFirstOrThrow({ where: { eventId: world.event.id, kind: "event.updated" } });
    expect(history.organizationId).toBe(world.b.organization.id);
    const [option] = await optionsAsSeenBy(world, world.scopes.aManager);
    expect(option!.isCurrent).toBe(true);
  });

  test("moving a confirmed event starts a new version that both companies approve again, and tells the other company", async () => {
    const world = await createPlanningWorld({ status: "confirmed" });
    const summer = await db.eventDateOption.create({ data: { eventId: world.event.id, startsAt: new Date("2030-06-15T22:00:00Z"), endsAt: new Date("2030-06-16T01:00:00Z") } });

    const outcome = await applyDateOption(world.scopes.aManager, world.event.id, summer.id);

    expect(outcome).toMatchObject({ status: "proposed", needsApprovalAgain: true, version: 2 });
    expect(await db.event.findUniqueOrThrow({ where: { id: world.event.id } })).toMatchObject({ status: "proposed", version: 2 });
    expect(await db.outboundEmail.count({ where: { kind: "event-proposed", to: world.b.manager.email } })).toBe(1);
  });

  test("a volunteer day's shifts and its RSVP deadline move with it", async () => {
    const world = await createPlanningWorld({ kind: "volunteer_day" });
    const start = world.event.startsAt;
    await db.event.update({ where: { id: world.event.id }, data: { rsvpDeadline: new Date(start.getTime() - 2 * 86_400_000) } });
    const shift = await db.eventShift.create({
      data: { eventId: world.event.id, role: "Sorting", startsAt: new Date(start.getTime() + 3_600_000), endsAt: new Date(start.getTime() + 2 * 3_600_000), capacity: 5 },
    });
    const later = new Date(start.getTime() + 7 * 86_400_000);
    const option = await db.eventDateOption.create({ data: { eventId: world.event.id, startsAt: later, endsAt: new Date(later.getTime() + 3 * 3_600_000) } });

    await applyDateOption(world.scopes.aManager, world.event.id, option.id);

    const week = 7 * 86_400_000;
    const moved = await db.eventShift.findUniqueOrThrow({ where: { id: shift.id } });
    expect(moved.startsAt.getTime()).toBe(shift.startsAt.getTime() + week);
    expect(moved.endsAt.getTime()).toBe(shift.endsAt.getTime() + week);
    const event = await db.event.findUniqueOrThrow({ where: { id: world.event.id } });
    expect(event.rsvpDeadline!.getTime()).toBe(start.getTime() - 2 * 86_400_000 + week);
  });

  test("refuses the date the event already has", async () => {
    const world = await createPlanningWorld();
    const current = await db.eventDateOption.create({ data: { eventId: world.event.id, startsAt: world.event.startsAt, endsAt: world.event.endsAt } });

    await expect(applyDateOption(world.scopes.aManager, world.event.id, current.id)).rejects.toThrow("The event is already set for");
  });

  test("refuses a date that has passed since it was suggested", async () => {
    const world = await createPlanningWorld();
    const past = await db.eventDateOption.create({ data: { eventId: world.event.id, startsAt: new Date("2020-06-15T22:00:00Z"), endsAt: new Date("2020-06-16T01:00:00Z") } });

    await expect(applyDateOption(world.scopes.aManager, world.event.id, past.id)).rejects.toThrow("Mon 15 Jun 2020, 18:00–21:00 (America/New_York) has passed.");
  });

  test("a member gets 403 and the event keeps its date", async () => {
    const world = await createPlanningWorld();
    const summer = await addDateOption(world.scopes.aManager, world.event.id, SUMMER_EVENING);

    await expect(applyDateOption(world.scopes.aMember, world.event.id, summer.id)).rejects.toMatchObject({ init: { status: 403 } });
    await expect(applyDateOption(world.scopes.outsider, world.event.id, summer.id)).rejects.toMatchObject({ init: { status: 404 } });

    expect((await db.event.findUniqueOrThrow({ where: { id: world.event.id } })).startsAt).toEqual(world.event.startsAt);
  });
});
