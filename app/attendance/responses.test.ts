import { describe, expect, test } from "vitest";
import { db } from "~/platform/db.server";
import { loader as csvLoader } from "~/routes/o.$slug.events.$eventId.responses[.]csv";
import { loader as responsesLoader } from "~/routes/o.$slug.events.$eventId.responses";
import { addInvitees, confirmedEventWorld, type ConfirmedEventWorld } from "#tests/invitations/world";
import { callRoute } from "./test-world.test-support";

type Company = "acme" | "globex";

function loadResponses(world: ConfirmedEventWorld, company: Company, query = "") {
  const slug = world[company].organization.slug;
  return callRoute(responsesLoader, `/o/${slug}/events/${world.eventId}/responses${query}`, { slug, eventId: world.eventId }, world[company].manager) as ReturnType<typeof responsesLoader>;
}

async function downloadCsv(world: ConfirmedEventWorld, company: Company) {
  const slug = world[company].organization.slug;
  return (await callRoute(csvLoader, `/o/${slug}/events/${world.eventId}/responses.csv`, { slug, eventId: world.eventId }, world[company].manager)) as Response;
}

const questions = [
  { prompt: "Dietary needs", kind: "single_choice", options: "None\nVegetarian\nVegan" },
  { prompt: "Which sessions?", kind: "multiple_choice", options: "Morning\nAfternoon" },
  { prompt: "Anything we should know?", kind: "short_text" },
];

/** Acme: 3 yes (one with a plus-one, one checked in), 1 maybe, 2 no, 1 waitlisted, 2 no answer. Globex: 2 yes, 1 maybe, 1 no answer. */
async function mixedWorld() {
  const world = await confirmedEventWorld({ capacity: 10, quotas: { initiator: 6, partner: 4 }, plusOnesAllowed: true, questions });
  const acmeYes = await addInvitees(world, "acme", 3, { status: "attending" });
  const [acmeMaybe] = await addInvitees(world, "acme", 1, { status: "maybe" });
  const acmeNo = await addInvitees(world, "acme", 2, { status: "declined" });
  const [acmeWaitlisted] = await addInvitees(world, "acme", 1, { status: "waitlisted" });
  await addInvitees(world, "acme", 2, { status: "no_answer" });
  const globexYes = await addInvitees(world, "globex", 2, { status: "attending" });
  const [globexMaybe] = await addInvitees(world, "globex", 1, { status: "maybe" });
  await addInvitees(world, "globex", 1, { status: "no_answer" });
  const [diet, sessions, notes] = await db.eventQuestion.findMany({ where: { eventId: world.eventId }, orderBy: { position: "asc" } });
  const answer = (id: string, answers: Record<string, string | string[]>, extra: Record<string, unknown> = {}) => db.eventInvitation.update({ where: { id }, data: { answers, ...extra } });
  await answer(acmeYes[0]!.id, { [diet!.id]: "Vegan", [sessions!.id]: ["Morning", "Afternoon"], [notes!.id]: "=HYPERLINK(\"http://evil\")" }, { bringsPlusOne: true, plusOneName: "Sam", seatsHeld: 2, checkedInAt: new Date("2031-03-14T22:05:00Z") });
  await answer(acmeYes[1]!.id, { [diet!.id]: "None", [sessions!.id]: ["Morning"] }, { team: "Sales, \"EMEA\"" });
  await answer(acmeMaybe!.id, { [diet!.id]: "Vegan", [notes!.id]: "Wheelchair access, please" });
  await answer(acmeWaitlisted!.id, { [diet!.id]: "Pescatarian" });
  // A "no" takes its answers with it.
  await answer(acmeNo[0]!.id, { [diet!.id]: "Vegetarian" });
  await answer(globexYes[0]!.id, { [diet!.id]: "Vegetarian", [notes!.id]: "Globex private note" });
  await answer(globexMaybe!.id, { [diet!.id]: "Vegetarian", [sessions!.id]: ["Afternoon"] });
  await db.event.update({ where: { id: world.eventId }, data: { seatsTaken: 6 } });
  await db.eventQuota.update({ where: { eventId_organizationId: { eventId: world.eventId, organizationId: world.acme.organization.id } }, data: { seatsTaken: 4 } });
  await db.eventQuota.update({ where: { eventId_organizationId: { eventId: world.eventId, organizationId: world.globex.organization.id } }, data: { seatsTaken: 2 } });
  return { world, acmeYes, globexYes, diet: diet!, sessions: sessions!, notes: notes! };
}

describe("the responses view", () => {
  test("counts each company's answers against its quota and the event's capacity", async () => {
    const { world } = await mixedWorld();

    const page = await loadResponses(world, "globex");

    expect(page.companies.map(({ name, isYou, quotaSeats, quotaSeatsTaken, counts }) => ({ name, isYou, quotaSeats, quotaSeatsTaken, counts }))).toEqual([
      {
        name: world.acme.organization.name,
        isYou: false,
        quotaSeats: 6,
        quotaSeatsTaken: 4,
        counts: { invited: 9, attending: 3, plusOnes: 1, walkIns: 0, waitlisted: 1, maybe: 1, declined: 2, noAnswer: 2, checkedIn: 1 },
      },
      {
        name: world.globex.organization.name,
        isYou: true,
        quotaSeats: 4,
        quotaSeatsTaken: 2,
        counts: { invited: 4, attending: 2, plusOnes: 0, walkIns: 0, waitlisted: 0, maybe: 1, declined: 0, noAnswer: 1, checkedIn: 0 },
      },
    ]);
    expect(page).toMatchObject({ capacity: 10, seatsTaken: 6, headcount: 6 });
    expect(page.mix).toEqual([
      { name: world.acme.organization.name, isYou: false, people: 3, plusOnes: 1, headcount: 4, percent: 67 },
      { name: world.globex.organization.name, isYou: true, people: 2, plusOnes: 0, headcount: 2, percent: 33 },
    ]);
  });

  test("aggregates answers per company: choices as counts and shares, short answers as text for your own company only", async () => {
    const { world } = await mixedWorld();

    const page = await loadResponses(world, "acme");
    const [diet, sessions, notes] = page.questions;

    expect(diet).toMatchObject({
      kind: "single_choice",
      companies: [
        {
          isYou: true,
          respondents: 4,
          otherCount: 1,
          options: [
            { label: "None", count: 1, percent: 25 },
            { label: "Vegetarian", count: 0, percent: 0 },
            { label: "Vegan", count: 2, percent: 50 },
          ],
        },
        { isYou: false, respondents: 2, otherCount: 0, options: [{ count: 0 }, { label: "Vegetarian", count: 2, percent: 100 }, { count: 0 }] },
      ],
    });
    expect(sessions).toMatchObject({
      kind: "multiple_choice",
      companies: [
        { respondents: 2, options: [{ label: "Morning", count: 2, percent: 100 }, { label: "Afternoon", count: 1, percent: 50 }] },
        { respondents: 1, options: [{ count: 0 }, { count: 1, percent: 100 }] },
      ],
    });
    expect(notes).toMatchObject({
      kind: "short_text",
      companies: [
        { isYou: true, respondents: 2, texts: expect.arrayContaining(["Wheelchair access, please", "=HYPERLINK(\"http://evil\")"]) },
        { isYou: false, respondents: 1, texts: null },
      ],
    });
    expect(JSON.stringify(page)).not.toContain("Globex private note");
  });

  test("a volunteer day shows each shift's fill and who from each company holds its places", async () => {
    const world = await confirmedEventWorld({}, "volunteer_day");
    const [sorting, packing] = await db.eventShift.findMany({ where: { eventId: world.eventId }, orderBy: { startsAt: "asc" } });
    const acme = await addInvitees(world, "acme", 2, { status: "attending" });
    const [globex] = await addInvitees(world, "globex", 1, { status: "attending" });
    await db.eventInvitation.updateMany({ where: { id: { in: [acme[0]!.id, acme[1]!.id, globex!.id] } }, data: { shiftId: sorting!.id } });
    await db.eventShift.update({ where: { id: sorting!.id }, data: { seatsTaken: 3 } });

    const page = await loadResponses(world, "acme");

    expect(page.shifts).toEqual([
      expect.objectContaining({ id: sorting!.id, role: "Sorting", capacity: 10, seatsTaken: 3, companies: [expect.objectContaining({ volunteers: 2 }), expect.objectContaining({ volunteers: 1 })] }),
      expect.objectContaining({ id: packing!.id, role: "Packing", seatsTaken: 0, companies: [expect.objectContaining({ volunteers: 0 }), expect.objectContaining({ volunteers: 0 })] }),
    ]);
    expect(page.people.rows.find((row) => row.id === acme[0]!.id)).toMatchObject({ shift: "Sorting" });
  });

  test("lists your own people with their answers and filters them by answer; the partner's people never appear", async () => {
    const { world, acmeYes, globexYes } = await mixedWorld();

    const globexView = await loadResponses(world, "globex");
    expect(globexView.people.rows).toHaveLength(4);
    const serialized = JSON.stringify(globexView);
    const acmeInvitees = await db.eventInvitation.findMany({ where: { eventId: world.eventId, organizationId: world.acme.organization.id }, select: { email: true, name: true } });
    for (const invitee of acmeInvitees) {
      expect(serialized).not.toContain(invitee.email);
      expect(serialized).not.toContain(invitee.name);
    }
    expect(serialized).not.toContain("Wheelchair");

    const acmeYesOnly = await loadResponses(world, "acme", "?status=attending");
    expect(acmeYesOnly.people.matching).toBe(3);
    expect(acmeYesOnly.people.rows.find((row) => row.id === acmeYes[0]!.id)).toMatchObject({
      email: acmeYes[0]!.email,
      statusLabel: "Attending",
      plusOne: "Sam",
      answers: ["Vegan", "Morning, Afternoon", "=HYPERLINK(\"http://evil\")"],
      checkedInAt: "18:05",
      deliveryLabel: "Sent",
    });
    expect(JSON.stringify(acmeYesOnly)).not.toContain(globexYes[0]!.email);
  });
});

describe("the CSV export", () => {
  test("is your own company's list with every answer, safe to open in a spreadsheet", async () => {
    const { world, globexYes } = await mixedWorld();
    const event = await db.event.update({ where: { id: world.eventId }, data: { title: "Zoë's Harbour Dinner!" } });

    const response = await downloadCsv(world, "acme");

    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="zoe-s-harbour-dinner-${world.acme.organization.slug}-invitees.csv"`);
    expect(response.headers.get("cache-control")).toContain("no-store");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)], "a UTF-8 byte order mark, for Excel").toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    const lines = text.trimEnd().split("\r\n");
    expect(lines[0]).toBe(`Name,Email,Team,Status,Plus-one,Shift,Dietary needs,Which sessions?,Anything we should know?,Checked in at (${event.timeZone}),Delivery`);
    expect(lines).toHaveLength(1 + 9);
    const [first, second] = await db.eventInvitation.findMany({ where: { eventId: world.eventId, organizationId: world.acme.organization.id, status: "attending" }, orderBy: { email: "asc" }, take: 2 });
    expect(lines).toContain(`${first!.name},${first!.email},,Attending,Sam,,Vegan,Morning; Afternoon,"'=HYPERLINK(""http://evil"")",2031-03-14 18:05,Sent`);
    expect(lines).toContain(`${second!.name},${second!.email},"Sales, ""EMEA""",Attending,,,None,Morning,,,Sent`);
    for (const invitee of globexYes) expect(text).not.toContain(invitee.email);
    expect(text).not.toContain("Globex private note");
  });

  test("escapes every cell a spreadsheet would run as a formula, line breaks included", async () => {
    const world = await confirmedEventWorld();
    const [invitee] = await addInvitees(world, "acme", 1, { status: "attending" });
    await db.eventInvitation.update({ where: { id: invitee!.id }, data: { name: "+SUM(1)", team: "-2\n=cmd|' /C calc'!A0", plusOneName: "@me", bringsPlusOne: true } });

    const text = await (await downloadCsv(world, "acme")).text();

    expect(text).toContain(`"'+SUM(1)",${invitee!.email},"'-2\n=cmd|' /C calc'!A0",Attending,"'@me",`);
  });
});
