import { materialSnapshot } from "~/events/changes";
import { localDatePart, utcToZonedLocal, zonedLocalToUtc } from "~/events/time";
import type { Role } from "~/generated/prisma/enums";
import { db, type Tx } from "~/platform/db.server";

type DemoCompany = { name: string; slug: string; people: { name: string; email: string; role: Role }[] };

export const demoCompanies: DemoCompany[] = [
  {
    name: "Acme Analytics",
    slug: "acme",
    people: [
      { name: "Alex Rivera", email: "alex@acme.example", role: "owner" },
      { name: "Sam Patel", email: "sam@acme.example", role: "manager" },
      { name: "Jamie Chen", email: "jamie@acme.example", role: "member" },
    ],
  },
  {
    name: "Globex Logistics",
    slug: "globex",
    people: [
      { name: "Jordan Okafor", email: "jordan@globex.example", role: "owner" },
      { name: "Riley Novak", email: "riley@globex.example", role: "admin" },
      { name: "Morgan Lee", email: "morgan@globex.example", role: "member" },
    ],
  },
];

type DemoNote = { writtenBy: string; body: string; daysAgo: number };

/** What the two demo companies have learned about each other since they started working together. */
export const demoNotes: DemoNote[] = [
  { writtenBy: "sam@acme.example", body: "Globex's team loves baseball — Jordan is a Yankees fan. The seats behind first base went down really well.", daysAgo: 140 },
  { writtenBy: "riley@globex.example", body: "Sam is vegetarian, and Acme's team prefers weeknight events: Friday evenings clash with their release schedule.", daysAgo: 120 },
  { writtenBy: "alex@acme.example", body: "Riley is training for the NYC marathon in November. Ask how the long runs are going!", daysAgo: 60 },
  { writtenBy: "jordan@globex.example", body: "Alex's twins start kindergarten in September — a big milestone for the family.", daysAgo: 20 },
];

const DEMO_TIME_ZONE = "America/New_York";
const DAY_MS = 24 * 60 * 60 * 1000;

/** Seeds the demo companies on a database that has none; returns whom to sign in as. */
export async function seedDemoDataIfEmpty(): Promise<{ signInAs: string } | null> {
  if ((await db.organization.count()) > 0) return null;
  await db.$transaction(async (tx) => {
    const organizationIds: string[] = [];
    for (const company of demoCompanies) {
      const organization = await tx.organization.create({
        data: {
          name: company.name,
          slug: company.slug,
          memberships: {
            create: company.people.map((person) => ({
              role: person.role,
              user: {
                connectOrCreate: {
                  where: { email: person.email },
                  create: { email: person.email, name: person.name, emailVerified: new Date() },
                },
              },
            })),
          },
        },
        select: { id: true },
      });
      organizationIds.push(organization.id);
    }
    await seedDemoPartnership(tx, organizationIds[0]!, organizationIds[1]!);
  });
  return { signInAs: demoCompanies[0]!.people[0]!.email };
}

/**
 * Acme and Globex already work together: Acme invited Globex five months ago, they went to a ball
 * game three months ago, and both sides have kept notes about each other since.
 */
async function seedDemoPartnership(tx: Tx, acmeId: string, globexId: string) {
  const now = Date.now();
  const daysAgo = (days: number, extraMs = 0) => new Date(now - days * DAY_MS + extraMs);
  const people = new Map(
    (await tx.user.findMany({ select: { id: true, email: true } })).map((user) => [user.email, { userId: user.id, organizationId: user.email.endsWith("@acme.example") ? acmeId : globexId }]),
  );
  const actor = (email: string) => people.get(email)!;

  const partnership = await tx.partnership.create({
    data: {
      initiatorId: acmeId,
      partnerId: globexId,
      status: "active",
      contactEmail: "jordan@globex.example",
      message: "Jordan, it was great catching up at the logistics summit. Shall we get our teams out of the office together?",
      invitedById: actor("alex@acme.example").userId,
      createdAt: daysAgo(150),
      respondedAt: daysAgo(149),
      respondedById: actor("jordan@globex.example").userId,
    },
    select: { id: true },
  });
  const partnershipId = partnership.id;
  const timeline: DemoTimeline = [
    { email: "alex@acme.example", kind: "partnership.invited", summary: "Invited a contact at another company to plan joint events together.", createdAt: daysAgo(150) },
    {
      email: "jordan@globex.example",
      kind: "partnership.accepted",
      summary: "Accepted the invitation: Acme Analytics and Globex Logistics now plan joint events together.",
      createdAt: daysAgo(149),
    },
  ];

  for (const note of demoNotes) {
    const author = actor(note.writtenBy);
    await tx.partnershipNote.create({
      data: { partnershipId, organizationId: author.organizationId, authorId: author.userId, body: note.body, createdAt: daysAgo(note.daysAgo) },
    });
    timeline.push({ email: note.writtenBy, kind: "note.added", summary: "Added a note to the things to remember.", createdAt: daysAgo(note.daysAgo) });
  }

  // The game was at 19:05 in New York, about three months ago.
  const gameDay = localDatePart(utcToZonedLocal(daysAgo(92), DEMO_TIME_ZONE));
  const startsAt = zonedLocalToUtc(`${gameDay}T19:05`, DEMO_TIME_ZONE);
  const endsAt = zonedLocalToUtc(`${gameDay}T22:15`, DEMO_TIME_ZONE);
  const quotas = [
    { organizationId: acmeId, seats: 12 },
    { organizationId: globexId, seats: 12 },
  ];
  const title = "Yankees vs. Red Sox at Yankee Stadium";
  const game = await tx.event.create({
    data: {
      partnershipId,
      createdByOrgId: acmeId,
      kind: "outing",
      outingType: "sports",
      title,
      description: "Seats behind first base, hot dogs on us. Meet at Gate 6 at 18:30.",
      venueName: "Yankee Stadium",
      venueAddress: "1 E 161st St, Bronx, NY 10451",
      startsAt,
      endsAt,
      timeZone: DEMO_TIME_ZONE,
      capacity: 24,
      status: "confirmed",
      createdAt: daysAgo(130),
      quotas: { create: quotas },
    },
    select: { id: true },
  });
  const snapshot = materialSnapshot({ startsAt, endsAt, timeZone: DEMO_TIME_ZONE, venueName: "Yankee Stadium", venueAddress: "1 E 161st St, Bronx, NY 10451", onlineUrl: null, capacity: 24, quotas, shifts: [] });
  const approvals = [
    { email: "sam@acme.example", company: "Acme Analytics", approvedAt: daysAgo(125) },
    { email: "jordan@globex.example", company: "Globex Logistics", approvedAt: daysAgo(124) },
  ];
  for (const approval of approvals) {
    const approver = actor(approval.email);
    await tx.eventApproval.create({
      data: { eventId: game.id, organizationId: approver.organizationId, version: 1, approvedById: approver.userId, approvedAt: approval.approvedAt, snapshot },
    });
  }
  timeline.push(
    { email: "sam@acme.example", kind: "event.created", summary: `Drafted the outing “${title}”.`, createdAt: daysAgo(130), eventId: game.id },
    ...approvals.map((approval) => ({
      email: approval.email,
      kind: "event.approved",
      summary: `Approved version 1 of “${title}” for ${approval.company}.`,
      createdAt: approval.approvedAt,
      eventId: game.id,
    })),
    { email: "jordan@globex.example", kind: "event.confirmed", summary: `“${title}” is confirmed: both companies approved version 1.`, createdAt: daysAgo(124, 1000), eventId: game.id },
  );

  await seedUpcomingVolunteerDay(tx, { partnershipId, acmeId, globexId, actor, timeline });

  await tx.partnershipActivity.createMany({
    data: timeline.map((entry) => ({
      partnershipId,
      eventId: entry.eventId,
      organizationId: actor(entry.email).organizationId,
      actorId: actor(entry.email).userId,
      kind: entry.kind,
      summary: entry.summary,
      createdAt: entry.createdAt,
    })),
  });
}

type DemoTimeline = { email: string; kind: string; summary: string; createdAt: Date; eventId?: string }[];

/** The volunteers Globex has already invited to the harbor cleanup: two going, one maybe, one yet to answer. */
const globexVolunteers = [
  { name: "Casey Brooks", email: "casey@globex.example", status: "attending", shift: 0 },
  { name: "Devon Ortiz", email: "devon@globex.example", status: "attending", shift: 0 },
  { name: "Priya Shah", email: "priya@globex.example", status: "maybe", shift: null },
  { name: "Tomás Silva", email: "tomas@globex.example", status: "no_answer", shift: null },
] as const;

/**
 * A confirmed volunteer day five weeks out, so the invitation, RSVP and check-in pages have
 * something to show: Acme's list is still to be built, Globex has invited four people already.
 */
async function seedUpcomingVolunteerDay(
  tx: Tx,
  context: { partnershipId: string; acmeId: string; globexId: string; actor: (email: string) => { userId: string; organizationId: string }; timeline: DemoTimeline },
) {
  const { partnershipId, acmeId, globexId, actor, timeline } = context;
  const now = Date.now();
  const day = localDatePart(utcToZonedLocal(new Date(now + 36 * DAY_MS), DEMO_TIME_ZONE));
  const at = (time: string) => zonedLocalToUtc(`${day}T${time}`, DEMO_TIME_ZONE);
  const title = "Harbor cleanup at Brooklyn Bridge Park";
  const venue = { venueName: "Brooklyn Bridge Park, Pier 1", venueAddress: "Furman St & Old Fulton St, Brooklyn, NY 11201" };
  const quotas = [
    { organizationId: acmeId, seats: 10 },
    { organizationId: globexId, seats: 10 },
  ];
  const shifts = [
    { role: "Shoreline sweep", startsAt: at("09:00"), endsAt: at("12:00"), capacity: 10, notes: "Gloves and bags provided.", waiverText: "I take part at my own risk and follow the site lead's safety instructions." },
    { role: "Sorting and recycling", startsAt: at("12:30"), endsAt: at("15:30"), capacity: 10, notes: "", waiverText: null },
  ];
  const goingPerShift = [0, 1].map((index) => globexVolunteers.filter((volunteer) => volunteer.status === "attending" && volunteer.shift === index).length);
  const going = goingPerShift[0]! + goingPerShift[1]!;
  const cleanup = await tx.event.create({
    data: {
      partnershipId,
      createdByOrgId: globexId,
      kind: "volunteer_day",
      title,
      description: "Two crews clear the shoreline and sort what we find with the park's conservancy team. Lunch between shifts is on Globex.",
      ...venue,
      startsAt: at("09:00"),
      endsAt: at("15:30"),
      timeZone: DEMO_TIME_ZONE,
      rsvpDeadline: new Date(now + 29 * DAY_MS),
      capacity: 20,
      plusOnesAllowed: false,
      status: "confirmed",
      createdAt: new Date(now - 10 * DAY_MS),
      seatsTaken: going,
      quotas: { create: quotas.map((quota) => ({ ...quota, seatsTaken: quota.organizationId === globexId ? going : 0 })) },
      shifts: { create: shifts.map((shift, index) => ({ ...shift, seatsTaken: goingPerShift[index]! })) },
      questions: { create: [{ position: 0, prompt: "T-shirt size for the crew shirt", kind: "single_choice", options: ["S", "M", "L", "XL"], required: false }] },
    },
    select: { id: true, shifts: { select: { id: true }, orderBy: { startsAt: "asc" } } },
  });
  const snapshot = materialSnapshot({ startsAt: at("09:00"), endsAt: at("15:30"), timeZone: DEMO_TIME_ZONE, ...venue, onlineUrl: null, capacity: 20, quotas, shifts });
  for (const email of ["jordan@globex.example", "sam@acme.example"]) {
    const approver = actor(email);
    await tx.eventApproval.create({
      data: { eventId: cleanup.id, organizationId: approver.organizationId, version: 1, approvedById: approver.userId, approvedAt: new Date(now - 8 * DAY_MS), snapshot },
    });
  }
  await tx.eventInvitation.createMany({
    data: globexVolunteers.map((volunteer) => ({
      eventId: cleanup.id,
      organizationId: globexId,
      email: volunteer.email,
      name: volunteer.name,
      team: "Operations",
      source: "pasted" as const,
      addedById: actor("riley@globex.example").userId,
      delivery: "delivered" as const,
      sentAt: new Date(now - 7 * DAY_MS),
      status: volunteer.status,
      respondedAt: volunteer.status === "no_answer" ? null : new Date(now - 6 * DAY_MS),
      seatsHeld: volunteer.status === "attending" ? 1 : 0,
      shiftId: volunteer.shift === null ? null : cleanup.shifts[volunteer.shift]!.id,
      waiverAcceptedAt: volunteer.shift === 0 ? new Date(now - 6 * DAY_MS) : null,
    })),
  });
  timeline.push(
    { email: "jordan@globex.example", kind: "event.created", summary: `Drafted the volunteer day “${title}”.`, createdAt: new Date(now - 10 * DAY_MS), eventId: cleanup.id },
    { email: "sam@acme.example", kind: "event.confirmed", summary: `“${title}” is confirmed: both companies approved version 1.`, createdAt: new Date(now - 8 * DAY_MS), eventId: cleanup.id },
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { boot } = await import("../server/boot");
  const booted = await boot({ allowEmbeddedDatabase: true, runWorkers: false });
  const seeded = await seedDemoDataIfEmpty();
  console.log(seeded ? `Demo data seeded. Sign in as ${seeded.signInAs}.` : "The database already has companies; nothing seeded.");
  await booted.shutdown();
}
