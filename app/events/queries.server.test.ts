import { describe, expect, test } from "vitest";
import { createCompanyWithEveryRole, scopeFor } from "#tests/factories";
import { thrownStatus } from "#tests/partnerships/world";
import { approveEvent, cancelEvent, createEvent, proposeEvent, updateEvent } from "./events.server";
import { getEventForEditing, getEventHeader, getEventOverview, listEventHistory } from "./queries.server";
import { eventInput, jointWorld } from "./test-world.test-support";

describe("the event overview", () => {
  test("shows the event in its own zone, says which, and lists both companies' approvals by name", async () => {
    const world = await jointWorld();
    const { id } = await createEvent(world.scopes.acmeManager, world.partnershipId, eventInput(world, { timeZone: "Europe/Berlin", startsAt: "2031-03-14T18:00", endsAt: "2031-03-14T21:00" }));
    await proposeEvent(world.scopes.acmeManager, id);
    await approveEvent(world.scopes.acmeManager, id, 1);

    const header = await getEventHeader(world.scopes.globexMember, id);
    expect(header).toMatchObject({ title: "Team dinner", kindLabel: "Outing · Dinner", status: "proposed", statusLabel: "Waiting for approval", timeZone: "Europe/Berlin" });
    expect(header.when).toBe("Fri 14 Mar 2031, 18:00–21:00 (Europe/Berlin)");

    const overview = await getEventOverview(world.scopes.globexManager, id);
    expect(overview.approvals).toEqual([
      { organizationName: world.acme.organization.name, isYours: false, approvedBy: world.acme.manager.name, approvedAt: expect.stringContaining("(Europe/Berlin)") },
      { organizationName: world.globex.organization.name, isYours: true, approvedBy: null, approvedAt: null },
    ]);
    expect(overview.quotas).toEqual([
      { name: world.acme.organization.name, isYours: false, seats: 10 },
      { name: world.globex.organization.name, isYours: true, seats: 10 },
    ]);
    expect(overview.can).toMatchObject({ approve: true, edit: true, cancel: true, propose: false });
    // Nothing has changed since Acme approved: no diff to show yet.
    expect(overview.diff).toBeNull();
  });

  test("members see everything but may do nothing; the other side's people appear by name, never by email", async () => {
    const world = await jointWorld();
    const { id } = await createEvent(world.scopes.acmeManager, world.partnershipId, eventInput(world));
    await proposeEvent(world.scopes.acmeManager, id);
    await approveEvent(world.scopes.acmeManager, id, 1);
    await updateEvent(world.scopes.acmeManager, id, eventInput(world, { venueName: "Mario's" }));
    const overview = await getEventOverview(world.scopes.globexMember, id);
    expect(overview.can).toEqual({ plan: false, edit: false, propose: false, approve: false, cancel: false, duplicate: false });
    const { entries } = await listEventHistory(world.scopes.globexMember, id);
    const everything = JSON.stringify([overview, entries, await getEventHeader(world.scopes.globexMember, id)]);
    for (const person of [world.acme.manager, world.acme.owner, world.acme.member]) expect(everything).not.toContain(person.email);
    expect(everything).toContain(world.acme.manager.name!);
  });

  test("an approver sees what changed since their company last approved, times in the event's zone", async () => {
    const world = await jointWorld();
    const { id } = await createEvent(world.scopes.acmeManager, world.partnershipId, eventInput(world));
    await proposeEvent(world.scopes.acmeManager, id);
    await approveEvent(world.scopes.acmeManager, id, 1);
    await approveEvent(world.scopes.globexManager, id, 1);
    await updateEvent(world.scopes.acmeManager, id, eventInput(world, { startsAt: "2031-03-15T19:30", endsAt: "2031-03-15T22:00", capacity: 24, quotas: { initiator: 12, partner: 12 } }));

    const overview = await getEventOverview(world.scopes.globexManager, id);
    expect(overview).toMatchObject({ status: "proposed", version: 2 });
    expect(overview.diff).toEqual({
      baselineLabel: `${world.globex.organization.name} approved version 1`,
      changes: [
        { field: "when", label: "When", before: "Fri 14 Mar 2031, 18:00–21:00 (America/New_York)", after: "Sat 15 Mar 2031, 19:30–22:00 (America/New_York)" },
        { field: "capacity", label: "Total seats", before: "20", after: "24" },
        { field: `quota:${world.acme.organization.id}`, label: `${world.acme.organization.name}'s seats`, before: "10", after: "12" },
        { field: `quota:${world.globex.organization.id}`, label: `${world.globex.organization.name}'s seats`, before: "10", after: "12" },
      ],
    });
    expect(overview.approvals.every((approval) => approval.approvedBy === null)).toBe(true);
  });

  test("a company that never approved compares against what the other company approved", async () => {
    const world = await jointWorld();
    const { id } = await createEvent(world.scopes.acmeManager, world.partnershipId, eventInput(world));
    await proposeEvent(world.scopes.acmeManager, id);
    await approveEvent(world.scopes.acmeManager, id, 1);
    await updateEvent(world.scopes.acmeManager, id, eventInput(world, { timeZone: "America/Chicago" }));
    const overview = await getEventOverview(world.scopes.globexManager, id);
    expect(overview.diff).toEqual({
      baselineLabel: `${world.acme.organization.name} approved version 1`,
      changes: [
        {
          field: "when",
          label: "When",
          before: "Fri 14 Mar 2031, 18:00–21:00 (America/New_York)",
          after: "Fri 14 Mar 2031, 18:00–21:00 (America/Chicago)",
        },
      ],
    });
  });

  test("a third company gets 404 from every page", async () => {
    const world = await jointWorld();
    const { id } = await createEvent(world.scopes.acmeManager, world.partnershipId, eventInput(world));
    const outsider = await createCompanyWithEveryRole();
    const scope = scopeFor(outsider.organization, outsider.owner, "owner");
    expect(await thrownStatus(() => getEventHeader(scope, id))).toBe(404);
    expect(await thrownStatus(() => getEventOverview(scope, id))).toBe(404);
    expect(await thrownStatus(() => listEventHistory(scope, id))).toBe(404);
    expect(await thrownStatus(() => getEventForEditing(scope, id))).toBe(404);
    expect(await thrownStatus(() => getEventForEditing(world.scopes.acmeMember, id))).toBe(403);
  });
});

describe("the event history", () => {
  test("lists every change newest first, with who, which company and before → after, in the event's zone", async () => {
    const world = await jointWorld();
    const { id } = await createEvent(world.scopes.acmeManager, world.partnershipId, eventInput(world, { timeZone: "Asia/Tokyo", startsAt: "2031-03-14T18:00", endsAt: "2031-03-14T21:00" }));
    await updateEvent(world.scopes.globexManager, id, eventInput(world, { title: "Sushi night", timeZone: "Asia/Tokyo", startsAt: "2031-03-14T18:00", endsAt: "2031-03-14T21:00" }));
    await cancelEvent(world.scopes.acmeManager, id, "Budget freeze");

    const { timeZone, entries } = await listEventHistory(world.scopes.globexMember, id);
    expect(timeZone).toBe("Asia/Tokyo");
    expect(entries.map((entry) => [entry.actor, entry.organizationName, entry.summary])).toEqual([
      [world.acme.manager.name, world.acme.organization.name, "Cancelled “Sushi night”. Reason: Budget freeze"],
      [world.globex.manager.name, world.globex.organization.name, "Changed the title of “Sushi night”."],
      [world.acme.manager.name, world.acme.organization.name, "Drafted the outing “Team dinner”."],
    ]);
    expect(entries[1]!.changes).toEqual([{ field: "title", label: "Title", before: "Team dinner", after: "Sushi night" }]);
    expect(entries.every((entry) => entry.at.endsWith("(Asia/Tokyo)"))).toBe(true);
  });
});

describe("the edit form", () => {
  test("starts from the event's local times in its zone, its shifts by day, and a few blank rows", async () => {
    const world = await jointWorld();
    const { id } = await createEvent(
      world.scopes.globexManager,
      world.partnershipId,
      eventInput(world, { costEstimate: "99.5", costCurrency: "EUR", initiatorCostPercent: 30, questions: [{ prompt: "Size?", kind: "single_choice", options: "S\nM", required: true }] }, "volunteer_day"),
    );
    const page = await getEventForEditing(world.scopes.globexManager, id);
    expect(page.editable).toBe(true);
    expect(page.parties).toEqual({ initiatorName: world.acme.organization.name, partnerName: world.globex.organization.name, viewerIsInitiator: false });
    expect(page.defaults).toMatchObject({
      kind: "volunteer_day",
      timeZone: "Europe/Berlin",
      startsAt: "2031-06-14T09:00",
      endsAt: "2031-06-14T17:00",
      capacity: "20",
      quotas: { initiator: "10", partner: "10" },
      costEstimate: "99.50",
      costCurrency: "EUR",
      initiatorCostPercent: "30",
    });
    expect(page.defaults.questions).toEqual([
      { id: expect.any(String), prompt: "Size?", kind: "single_choice", options: "S\nM", required: "on" },
      { kind: "short_text" },
      { kind: "short_text" },
    ]);
    expect(page.defaults.shifts.map((shift) => [shift.role, shift.day, shift.startTime, shift.endTime])).toEqual([
      ["Sorting", "1", "09:00", "12:00"],
      ["Packing", "1", "13:00", "17:00"],
      [undefined, "1", undefined, undefined],
    ]);
  });
});
