import { describe, expect, test } from "vitest";
import { db } from "~/platform/db.server";
import { createCompanyWithEveryRole, scopeFor } from "#tests/factories";
import { thrownStatus } from "#tests/partnerships/world";
import { approveEvent, cancelEvent, createEvent, duplicateEvent, proposeEvent, updateEvent, type EventChangeRecord } from "./events.server";
import { EventRuleError } from "./rules";
import { eventInput, jointWorld, type JointWorld } from "./test-world.test-support";

async function eventRow(eventId: string) {
  return db.event.findUniqueOrThrow({ where: { id: eventId }, select: { status: true, version: true, title: true, cancelReason: true } });
}

async function emailsAbout(kind: string, recipients: string[]) {
  return db.outboundEmail.findMany({ where: { kind, to: { in: recipients } }, select: { to: true, subject: true, text: true } });
}

async function history(eventId: string) {
  return db.partnershipActivity.findMany({ where: { eventId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { kind: true, summary: true, organizationId: true, actorId: true, changes: true } });
}

/** A proposed outing, as Acme drafted and proposed it. */
async function proposedOuting(world: JointWorld, overrides: Record<string, unknown> = {}) {
  const event = await createEvent(world.scopes.acmeManager, world.partnershipId, eventInput(world, overrides));
  await proposeEvent(world.scopes.acmeManager, event.id);
  return event.id;
}

async function confirmedOuting(world: JointWorld) {
  const eventId = await proposedOuting(world);
  await approveEvent(world.scopes.acmeManager, eventId, 1);
  await approveEvent(world.scopes.globexManager, eventId, 1);
  return eventId;
}

describe("creating an event", () => {
  test("a manager drafts a volunteer day with seats, questions and shifts, recorded in the history", async () => {
    const world = await jointWorld();
    const input = eventInput(world, { questions: [{ prompt: "T-shirt size", kind: "single_choice", options: "S\nM\nL", required: true }] }, "volunteer_day");
    const { id } = await createEvent(world.scopes.globexManager, world.partnershipId, input);
    const event = await db.event.findUniqueOrThrow({
      where: { id },
      include: { quotas: true, questions: true, shifts: { orderBy: { startsAt: "asc" } } },
    });
    expect(event).toMatchObject({ status: "draft", version: 1, kind: "volunteer_day", timeZone: "Europe/Berlin", createdByOrgId: world.globex.organization.id });
    expect(event.startsAt.toISOString()).toBe("2031-06-14T07:00:00.000Z");
    expect(Object.fromEntries(event.quotas.map((quota) => [quota.organizationId, quota.seats]))).toEqual({
      [world.acme.organization.id]: 10,
      [world.globex.organization.id]: 10,
    });
    expect(event.questions).toMatchObject([{ prompt: "T-shirt size", kind: "single_choice", options: ["S", "M", "L"], required: true, position: 0 }]);
    expect(event.shifts.map((shift) => [shift.role, shift.capacity, shift.waiverText])).toEqual([
      ["Sorting", 10, null],
      ["Packing", 10, "I accept the risks."],
    ]);
    expect(await history(id)).toEqual([
      expect.objectContaining({ kind: "event.created", organizationId: world.globex.organization.id, actorId: world.globex.manager.id }),
    ]);
  });

  test("members can't plan; a third company can't even see the partnership; an ended partnership takes no new plans", async () => {
    const world = await jointWorld();
    const input = eventInput(world);
    expect(await thrownStatus(() => createEvent(world.scopes.acmeMember, world.partnershipId, input))).toBe(403);
    const outsider = await createCompanyWithEveryRole();
    expect(await thrownStatus(() => createEvent(scopeFor(outsider.organization, outsider.owner, "owner"), world.partnershipId, input))).toBe(404);
    await db.partnership.update({ where: { id: world.partnershipId }, data: { status: "ended", endedAt: new Date() } });
    expect(await thrownStatus(() => createEvent(world.scopes.acmeManager, world.partnershipId, input))).toBe(409);
    expect(await db.event.count({ where: { partnershipId: world.partnershipId } })).toBe(0);
  });
});

describe("proposing and approving", () => {
  test("proposing emails the other company's planners, not its members or the proposer's side", async () => {
    const world = await jointWorld();
    const eventId = await proposedOuting(world);
    expect((await eventRow(eventId)).status).toBe("proposed");
    const everyone = [world.acme, world.globex].flatMap((company) => [company.owner.email, company.admin.email, company.manager.email, company.member.email]);
    const emails = await emailsAbout("event-proposed", everyone);
    expect(emails.map((email) => email.to).sort()).toEqual([world.globex.owner.email, world.globex.admin.email, world.globex.manager.email].sort());
    expect(emails[0]!.subject).toBe(`${world.acme.organization.name} proposed “Team dinner”: please review it`);
    expect(emails[0]!.text).toContain("Fri 14 Mar 2031, 18:00–21:00 (America/New_York)");
    expect(emails[0]!.text).toContain(`/o/${world.globex.organization.slug}/events/${eventId}`);
    await expect(proposeEvent(world.scopes.globexManager, eventId)).rejects.toThrow("already been proposed");
  });

  test("both companies approving the current version confirms it and tells both sides", async () => {
    const world = await jointWorld();
    const eventId = await proposedOuting(world);

    expect(await approveEvent(world.scopes.acmeManager, eventId, 1)).toEqual({ alreadyApproved: false, confirmed: false, version: 1 });
    expect((await eventRow(eventId)).status).toBe("proposed");
    expect((await emailsAbout("event-approved", [world.globex.manager.email, world.acme.owner.email])).map((email) => email.to)).toEqual([world.globex.manager.email]);

    expect(await approveEvent(world.scopes.globexManager, eventId, 1)).toEqual({ alreadyApproved: false, confirmed: true, version: 1 });
    expect(await eventRow(eventId)).toMatchObject({ status: "confirmed", version: 1 });
    const confirmed = await emailsAbout("event-confirmed", [world.acme.manager.email, world.acme.owner.email, world.globex.manager.email, world.globex.owner.email]);
    // Everyone who plans for either company hears, except the person who just approved.
    expect(confirmed.map((email) => email.to).sort()).toEqual([world.acme.manager.email, world.acme.owner.email, world.globex.owner.email].sort());
    expect((await history(eventId)).map((entry) => entry.kind)).toEqual(["event.created", "event.proposed", "event.approved", "event.approved", "event.confirmed"]);
  });

  test("approving again is harmless and adds nothing", async () => {
    const world = await jointWorld();
    const eventId = await proposedOuting(world);
    await approveEvent(world.scopes.acmeManager, eventId, 1);
    expect(await approveEvent(world.scopes.acmeOwner, eventId, 1)).toEqual({ alreadyApproved: true, confirmed: false, version: 1 });
    expect(await db.eventApproval.count({ where: { eventId } })).toBe(1);
    expect((await history(eventId)).filter((entry) => entry.kind === "event.approved")).toHaveLength(1);
  });

  test("a company approves only for itself: two approvals from one side never confirm", async () => {
    const world = await jointWorld();
    const eventId = await proposedOuting(world);
    await approveEvent(world.scopes.globexManager, eventId, 1);
    await approveEvent(world.scopes.globexAdmin, eventId, 1);
    expect((await eventRow(eventId)).status).toBe("proposed");
    expect(await db.eventApproval.findMany({ where: { eventId }, select: { organizationId: true } })).toEqual([{ organizationId: world.globex.organization.id }]);
  });

  test("a draft can't be approved, members can't approve, and outsiders get 404", async () => {
    const world = await jointWorld();
    const { id } = await createEvent(world.scopes.acmeManager, world.partnershipId, eventInput(world));
    await expect(approveEvent(world.scopes.globexManager, id, 1)).rejects.toThrow("Propose the event first");
    await proposeEvent(world.scopes.acmeManager, id);
    expect(await thrownStatus(() => approveEvent(world.scopes.globexMember, id, 1))).toBe(403);
    expect(await thrownStatus(() => proposeEvent(world.scopes.acmeMember, id))).toBe(403);
    const outsider = await createCompanyWithEveryRole();
    const outsiderScope = scopeFor(outsider.organization, outsider.manager, "manager");
    for (const attempt of [
      () => approveEvent(outsiderScope, id, 1),
      () => proposeEvent(outsiderScope, id),
      () => updateEvent(outsiderScope, id, eventInput(world)),
      () => cancelEvent(outsiderScope, id, "No"),
      () => duplicateEvent(outsiderScope, id, "2031-04-01"),
    ]) {
      expect(await thrownStatus(attempt)).toBe(404);
    }
    expect(await db.eventApproval.count({ where: { eventId: id } })).toBe(0);
  });
});

describe("editing", () => {
  test("a material change to a confirmed event makes a new version that needs both approvals again", async () => {
    const world = await jointWorld();
    const eventId = await confirmedOuting(world);
    const outcome = await updateEvent(world.scopes.acmeManager, eventId, eventInput(world, { startsAt: "2031-03-21T18:00", endsAt: "2031-03-21T21:00" }));
    expect(outcome).toEqual({ changed: true, needsApprovalAgain: true, status: "proposed", version: 2 });
    expect(await eventRow(eventId)).toMatchObject({ status: "proposed", version: 2 });

    const [change] = (await history(eventId)).filter((entry) => entry.kind === "event.updated");
    expect(change!.summary).toBe("Changed the date and time of “Team dinner”. It is now version 2 and needs both companies' approval again.");
    const record = change!.changes as EventChangeRecord;
    expect(record).toMatchObject({ version: 2, material: true });
    expect(record.fields).toEqual([
      { field: "when", label: "When", before: "Fri 14 Mar 2031, 18:00–21:00 (America/New_York)", after: "Fri 21 Mar 2031, 18:00–21:00 (America/New_York)" },
    ]);
    const [email] = await emailsAbout("event-proposed", [world.globex.manager.email]).then((emails) => emails.filter((candidate) => candidate.subject.includes("changed")));
    expect(email?.subject).toBe(`${world.acme.organization.name} changed “Team dinner”: please approve it again`);
    expect(email?.text).toContain("When: Fri 14 Mar 2031, 18:00–21:00 (America/New_York) → Fri 21 Mar 2031, 18:00–21:00 (America/New_York)");

    expect(await approveEvent(world.scopes.globexManager, eventId, 2)).toMatchObject({ confirmed: false });
    expect(await approveEvent(world.scopes.acmeManager, eventId, 2)).toMatchObject({ confirmed: true });
    expect(await eventRow(eventId)).toMatchObject({ status: "confirmed", version: 2 });
  });

  test.each([
    ["venue", { venueName: "Mario's" }],
    ["address", { venueAddress: "2 Side St" }],
    ["online link", { onlineUrl: "https://meet.example.com/x" }],
    ["time zone", { timeZone: "America/Chicago" }],
    ["capacity", { capacity: 30 }],
    ["quotas", { quotas: { initiator: 12, partner: 8 } }],
  ])("changing the %s is material", async (_label, overrides) => {
    const world = await jointWorld();
    const eventId = await confirmedOuting(world);
    expect(await updateEvent(world.scopes.globexManager, eventId, eventInput(world, overrides))).toMatchObject({ needsApprovalAgain: true, version: 2 });
  });

  test("changing a shift of a proposed volunteer day is material, even before anyone approved", async () => {
    const world = await jointWorld();
    const { id } = await createEvent(world.scopes.acmeManager, world.partnershipId, eventInput(world, {}, "volunteer_day"));
    await proposeEvent(world.scopes.acmeManager, id);
    const shifts = await db.eventShift.findMany({ where: { eventId: id }, orderBy: { startsAt: "asc" } });
    const edited = eventInput(
      world,
      {
        shifts: [
          { id: shifts[0]!.id, role: "Sorting", day: 1, startTime: "09:00", endTime: "12:00", capacity: 12 },
          { id: shifts[1]!.id, role: "Packing", day: 1, startTime: "13:00", endTime: "17:00", capacity: 10, notes: "Wear closed shoes", waiverText: "I accept the risks." },
        ],
      },
      "volunteer_day",
    );
    expect(await updateEvent(world.scopes.globexManager, id, edited)).toMatchObject({ needsApprovalAgain: true, version: 2, status: "proposed" });
    // The shifts keep their identity, so later sign-ups stay attached.
    expect((await db.eventShift.findMany({ where: { eventId: id }, orderBy: { startsAt: "asc" } })).map((shift) => [shift.id, shift.capacity])).toEqual([
      [shifts[0]!.id, 12],
      [shifts[1]!.id, 10],
    ]);
  });

  test("a non-material change keeps the version, the status and the approvals, and records before and after", async () => {
    const world = await jointWorld();
    const eventId = await confirmedOuting(world);
    const outcome = await updateEvent(
      world.scopes.globexManager,
      eventId,
      eventInput(world, {
        title: "Team dinner & drinks",
        description: "Bring your appetite.",
        plusOnesAllowed: true,
        rsvpDeadline: "2031-03-10T12:00",
        questions: [{ prompt: "Dietary needs?", kind: "short_text" }],
        costEstimate: "800", costCurrency: "USD", initiatorCostPercent: 75,
      }),
    );
    expect(outcome).toEqual({ changed: true, needsApprovalAgain: false, status: "confirmed", version: 1 });
    expect(await eventRow(eventId)).toMatchObject({ status: "confirmed", version: 1, title: "Team dinner & drinks" });
    const record = (await history(eventId)).find((entry) => entry.kind === "event.updated")!.changes as EventChangeRecord;
    expect(record.material).toBe(false);
    expect(record.fields.map((field) => [field.label, field.before, field.after])).toEqual([
      ["Title", "Team dinner", "Team dinner & drinks"],
      ["Description", "None", "Bring your appetite."],
      ["RSVP deadline", "None", "Mon 10 Mar 2031, 12:00 (America/New_York)"],
      ["Plus-ones", "Not allowed", "Allowed"],
      ["Questions", "None", "Dietary needs? (short answer)"],
      ["Cost", "None", `$800.00, ${world.acme.organization.name} pays 75% and ${world.globex.organization.name} 25%`],
    ]);
    expect(await emailsAbout("event-proposed", [world.acme.manager.email]).then((emails) => emails.length)).toBe(0);
  });

  test("saving without changes records nothing", async () => {
    const world = await jointWorld();
    const eventId = await confirmedOuting(world);
    expect(await updateEvent(world.scopes.acmeManager, eventId, eventInput(world))).toEqual({ changed: false, needsApprovalAgain: false, status: "confirmed", version: 1 });
    expect((await history(eventId)).filter((entry) => entry.kind === "event.updated")).toHaveLength(0);
  });

  test("members can't edit, and the kind of event can't change", async () => {
    const world = await jointWorld();
    const { id } = await createEvent(world.scopes.acmeManager, world.partnershipId, eventInput(world));
    expect(await thrownStatus(() => updateEvent(world.scopes.globexMember, id, eventInput(world, { title: "Mine" })))).toBe(403);
    await expect(updateEvent(world.scopes.globexManager, id, eventInput(world, {}, "volunteer_day"))).rejects.toThrow(EventRuleError);
    expect((await eventRow(id)).title).toBe("Team dinner");
  });
});

describe("stale approvals", () => {
  test("approving a version that has since changed approves nothing and says so", async () => {
    const world = await jointWorld();
    const eventId = await proposedOuting(world);
    await approveEvent(world.scopes.acmeManager, eventId, 1);
    // Globex's manager opened version 1; meanwhile Acme moved the venue.
    await updateEvent(world.scopes.acmeManager, eventId, eventInput(world, { venueName: "Mario's" }));
    await expect(approveEvent(world.scopes.globexManager, eventId, 1)).rejects.toThrow(
      "The plan changed while you were reviewing it: it is now version 2. Look over the changes and approve again.",
    );
    expect(await eventRow(eventId)).toMatchObject({ status: "proposed", version: 2 });
    expect(await db.eventApproval.count({ where: { eventId, organizationId: world.globex.organization.id } })).toBe(0);
  });

  test("an approval racing a material edit never confirms a version nobody approved", async () => {
    const world = await jointWorld();
    const eventId = await proposedOuting(world);
    await approveEvent(world.scopes.acmeManager, eventId, 1);
    const [approval, edit] = await Promise.allSettled([
      approveEvent(world.scopes.globexManager, eventId, 1),
      updateEvent(world.scopes.acmeManager, eventId, eventInput(world, { capacity: 30 })),
    ]);
    expect(edit.status).toBe("fulfilled");
    if (approval.status === "rejected") expect(approval.reason).toBeInstanceOf(EventRuleError);
    // Whichever ran first, the edit leaves version 2 waiting for both companies.
    expect(await eventRow(eventId)).toMatchObject({ status: "proposed", version: 2 });
    expect(await db.eventApproval.count({ where: { eventId, version: 2 } })).toBe(0);
  });
});

describe("cancelling", () => {
  test("either company cancels with a reason; the other side is told and the event becomes read-only", async () => {
    const world = await jointWorld();
    const eventId = await confirmedOuting(world);
    await cancelEvent(world.scopes.globexManager, eventId, "The venue closed for repairs.");
    expect(await eventRow(eventId)).toMatchObject({ status: "cancelled", cancelReason: "The venue closed for repairs." });
    const [email] = await emailsAbout("event-cancelled", [world.acme.manager.email]);
    expect(email?.subject).toBe(`${world.globex.organization.name} cancelled “Team dinner”`);
    expect(email?.text).toContain("The venue closed for repairs.");

    await expect(updateEvent(world.scopes.acmeManager, eventId, eventInput(world, { title: "Revived" }))).rejects.toThrow("was cancelled");
    await expect(approveEvent(world.scopes.acmeManager, eventId, 1)).rejects.toThrow("was cancelled");
    await expect(cancelEvent(world.scopes.acmeManager, eventId, "Again")).rejects.toThrow("was cancelled");
    expect(await thrownStatus(() => cancelEvent(world.scopes.acmeMember, eventId, "Nope"))).toBe(403);
  });

  test("a confirmed event whose end has passed is completed and can't be cancelled or edited", async () => {
    const world = await jointWorld();
    const eventId = await confirmedOuting(world);
    await db.event.update({ where: { id: eventId }, data: { startsAt: new Date("2026-01-01T18:00:00Z"), endsAt: new Date("2026-01-01T21:00:00Z") } });
    await expect(cancelEvent(world.scopes.acmeManager, eventId, "Too late")).rejects.toThrow("already happened");
    await expect(updateEvent(world.scopes.acmeManager, eventId, eventInput(world))).rejects.toThrow("already happened");
  });
});

describe("duplicating", () => {
  test("copies details, seats, questions and shifts to the chosen day at the same local times, as a fresh draft", async () => {
    const world = await jointWorld();
    const input = eventInput(
      world,
      { rsvpDeadline: "2031-06-10T18:00", questions: [{ prompt: "Size?", kind: "single_choice", options: "S\nM", required: true }], quotas: { initiator: 12, partner: 8 } },
      "volunteer_day",
    );
    const { id: sourceId } = await createEvent(world.scopes.acmeManager, world.partnershipId, input);
    await proposeEvent(world.scopes.acmeManager, sourceId);
    await approveEvent(world.scopes.acmeManager, sourceId, 1);
    await cancelEvent(world.scopes.acmeManager, sourceId, "Rain");

    // 14 June is summer time in Berlin, 13 December winter time: the wall clock times stay the same.
    const { id } = await duplicateEvent(world.scopes.globexManager, sourceId, "2031-12-13");
    const copy = await db.event.findUniqueOrThrow({ where: { id }, include: { quotas: true, questions: true, shifts: { orderBy: { startsAt: "asc" } }, approvals: true } });
    expect(copy).toMatchObject({ status: "draft", version: 1, title: "Food bank day", createdByOrgId: world.globex.organization.id, cancelReason: null });
    expect(copy.startsAt.toISOString()).toBe("2031-12-13T08:00:00.000Z");
    expect(copy.endsAt.toISOString()).toBe("2031-12-13T16:00:00.000Z");
    expect(copy.rsvpDeadline?.toISOString()).toBe("2031-12-09T17:00:00.000Z");
    expect(copy.shifts.map((shift) => [shift.role, shift.startsAt.toISOString()])).toEqual([
      ["Sorting", "2031-12-13T08:00:00.000Z"],
      ["Packing", "2031-12-13T12:00:00.000Z"],
    ]);
    expect(copy.questions).toMatchObject([{ prompt: "Size?", options: ["S", "M"], required: true }]);
    expect(Object.fromEntries(copy.quotas.map((quota) => [quota.organizationId, quota.seats]))).toEqual({
      [world.acme.organization.id]: 12,
      [world.globex.organization.id]: 8,
    });
    expect(copy.approvals).toEqual([]);
    expect(await history(id)).toEqual([expect.objectContaining({ kind: "event.created", changes: { duplicatedFrom: sourceId } })]);
  });

  test("refuses a day in the past and members", async () => {
    const world = await jointWorld();
    const { id } = await createEvent(world.scopes.acmeManager, world.partnershipId, eventInput(world));
    await expect(duplicateEvent(world.scopes.acmeManager, id, "2020-01-01")).rejects.toThrow("has passed. Choose a day in the future.");
    expect(await thrownStatus(() => duplicateEvent(world.scopes.acmeMember, id, "2032-01-01"))).toBe(403);
    expect(await db.event.count({ where: { partnershipId: world.partnershipId } })).toBe(1);
  });
});
