import { describe, expect, test } from "vitest";
import * as homeRoute from "~/routes/o.$slug._index";
import * as inviteRoute from "~/routes/o.$slug.partners.new";
import * as frameRoute from "~/routes/o.$slug.partners.$partnershipId";
import * as workspaceRoute from "~/routes/o.$slug.partners.$partnershipId._index";
import { addPartnershipNote } from "~/partnerships/notes.server";
import { createPoll } from "~/polls/polls.server";
import { db } from "~/platform/db.server";
import { createCompanyWithEveryRole, createSessionCookie } from "#tests/factories";
import { callRoute } from "./route-calls";
import { accessFor, type Company, createPartnershipWorld, managerScope } from "./world";

function everyEmailOf(company: Company) {
  return [company.owner, company.admin, company.manager, company.member].map((person) => person.email);
}

async function openWorkspace(company: Company, partnershipId: string, person: { id: string } = company.manager) {
  const params = { slug: company.organization.slug, partnershipId };
  const path = `/o/${params.slug}/partners/${partnershipId}`;
  const cookie = await createSessionCookie(person);
  return {
    load: () => callRoute(workspaceRoute.loader, { path, params, cookie }),
    loadFrame: () => callRoute(frameRoute.loader, { path, params, cookie }),
    post: (form: Record<string, string>) => callRoute(workspaceRoute.action, { path, params, cookie, form }),
  };
}

/** An active partnership where both sides have written notes and left activity. */
async function livelyPartnership() {
  const world = await createPartnershipWorld();
  for (const company of [world.initiator, world.partner]) {
    const scope = managerScope(company);
    await addPartnershipNote(scope, await accessFor(scope, world.partnershipId), `A note from ${company.organization.name}`);
  }
  // Someone without a name must not be shown by their address instead.
  await db.user.update({ where: { id: world.initiator.admin.id }, data: { name: null } });
  return world;
}

describe("the partnership workspace", () => {
  test("each company's page holds no email address of the other company's people, but names its managers", async () => {
    const world = await livelyPartnership();
    for (const [viewer, other] of [
      [world.partner, world.initiator],
      [world.initiator, world.partner],
    ] as const) {
      const page = await openWorkspace(viewer, world.partnershipId);
      const home = await callRoute(homeRoute.loader, { path: `/o/${viewer.organization.slug}`, params: { slug: viewer.organization.slug }, cookie: await createSessionCookie(viewer.manager) });
      const serialized = JSON.stringify([(await page.load()).body, (await page.loadFrame()).body, home.body]);

      for (const email of everyEmailOf(other)) expect(serialized, `${viewer.organization.name} sees ${email}`).not.toContain(email);
      expect(serialized).toContain(other.manager.name!);
      expect(serialized).toContain(viewer.manager.email);
    }
  });

  test("shows both companies, the notes and the timeline, and what the viewer may do", async () => {
    const world = await livelyPartnership();

    const { body } = await (await openWorkspace(world.partner, world.partnershipId)).load();

    expect(body).toMatchObject({
      workspace: {
        partnership: { status: "active", initiatorName: world.initiator.organization.name, partnerName: world.partner.organization.name },
        people: {
          own: { organizationName: world.partner.organization.name },
          other: { organizationName: world.initiator.organization.name },
        },
        can: { manage: true, addNotes: true, planEvents: true, end: true, withdraw: false },
      },
    });
    const { workspace } = body as { workspace: { notes: { organizationName: string }[]; timeline: { entries: unknown[] } } };
    expect(workspace.notes.map((note) => note.organizationName)).toEqual([world.partner.organization.name, world.initiator.organization.name]);
    expect(workspace.timeline.entries).toHaveLength(2);
  });

  test("lists the partnership's interest polls for both companies, each linking into its own company", async () => {
    const world = await createPartnershipWorld();
    await createPoll(managerScope(world.initiator), world.partnershipId, { question: "Ball game or bowling?", options: ["Ball game", "Bowling"] });
    for (const company of [world.initiator, world.partner]) {
      const { body } = await (await openWorkspace(company, world.partnershipId, company.member)).load();
      const polls = (body as { polls: { question: string; path: string; responseCount: number }[] }).polls;
      expect(polls).toEqual([expect.objectContaining({ question: "Ball game or bowling?", responseCount: 0 })]);
      expect(polls[0]!.path).toMatch(new RegExp(`^/o/${company.organization.slug}/polls/`));
    }
  });

  test("a member sees the page but can't add notes, end the partnership or invite (403)", async () => {
    const world = await createPartnershipWorld();
    const page = await openWorkspace(world.partner, world.partnershipId, world.partner.member);
    const slug = world.partner.organization.slug;

    const loaded = await page.load();
    expect(loaded.status).toBe(200);
    expect(loaded.body).toMatchObject({ workspace: { can: { manage: false, addNotes: false, planEvents: false, end: false } } });
    expect((await page.post({ intent: "add-note", body: "Hello" })).status).toBe(403);
    expect((await page.post({ intent: "end", confirm: "yes" })).status).toBe(403);
    const invite = await callRoute(inviteRoute.action, {
      path: `/o/${slug}/partners/new`,
      params: { slug },
      cookie: await createSessionCookie(world.partner.member),
      form: { email: "someone@else.example", message: "" },
    });
    expect(invite.status).toBe(403);
    expect(await db.partnershipNote.count({ where: { partnershipId: world.partnershipId } })).toBe(0);
  });

  test("a third company gets 404 from every loader and action, even with a bogus form", async () => {
    const world = await createPartnershipWorld();
    const outsider = await createCompanyWithEveryRole();
    const cookie = await createSessionCookie(outsider.owner);
    // Its own slug, the partnership's id: the partnership must still be out of reach.
    const params = { slug: outsider.organization.slug, partnershipId: world.partnershipId };
    const path = `/o/${params.slug}/partners/${world.partnershipId}`;

    expect((await callRoute(frameRoute.loader, { path, params, cookie })).status).toBe(404);
    expect((await callRoute(workspaceRoute.loader, { path, params, cookie })).status).toBe(404);
    expect((await callRoute(workspaceRoute.action, { path, params, cookie, form: { intent: "end", confirm: "yes" } })).status).toBe(404);
    expect((await callRoute(workspaceRoute.action, { path, params, cookie, form: { nonsense: "1" } })).status).toBe(404);
    expect((await db.partnership.findUniqueOrThrow({ where: { id: world.partnershipId } })).status).toBe("active");
  });

  test("adding a note: bad input is explained (400); a good note appears for both companies", async () => {
    const world = await createPartnershipWorld();
    const page = await openWorkspace(world.initiator, world.partnershipId);

    const empty = await page.post({ intent: "add-note", body: "  " });
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({ form: "add-note", result: { error: { body: ["Write the note first."] } } });

    expect((await page.post({ intent: "add-note", body: "Jordan is a Yankees fan" })).status).toBe(200);
    const seenByPartner = (await (await openWorkspace(world.partner, world.partnershipId)).load()).body;
    expect(seenByPartner).toMatchObject({ workspace: { notes: [{ body: "Jordan is a Yankees fan", ownedByViewer: false }] } });
  });

  test("the partner company can't delete a note it didn't write (403), and the note stays", async () => {
    const world = await createPartnershipWorld();
    const scope = managerScope(world.initiator);
    const note = await addPartnershipNote(scope, await accessFor(scope, world.partnershipId), "Ours");

    const refused = await (await openWorkspace(world.partner, world.partnershipId)).post({ intent: "delete-note", noteId: note.id });

    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ form: "delete-note", noteId: note.id, ok: false });
    expect(await db.partnershipNote.count({ where: { id: note.id } })).toBe(1);
  });

  test("ending: the box must be ticked; then the page stays readable without its forms, and new notes are refused (409)", async () => {
    const world = await createPartnershipWorld();
    const page = await openWorkspace(world.partner, world.partnershipId);

    expect((await page.post({ intent: "end" })).status).toBe(400);
    expect((await page.post({ intent: "end", confirm: "yes" })).status).toBe(302);

    const afterwards = await (await openWorkspace(world.initiator, world.partnershipId)).load();
    expect(afterwards.body).toMatchObject({
      workspace: { partnership: { status: "ended", endedBy: world.partner.organization.name }, can: { addNotes: false, planEvents: false, end: false } },
    });
    expect((await page.post({ intent: "add-note", body: "Too late" })).status).toBe(409);
  });

  test("inviting through the page sends the manager to the waiting invitation", async () => {
    const company = await createCompanyWithEveryRole();
    const slug = company.organization.slug;

    const outcome = await callRoute(inviteRoute.action, {
      path: `/o/${slug}/partners/new`,
      params: { slug },
      cookie: await createSessionCookie(company.manager),
      form: { email: `Jordan-${Date.now()}@Globex.example`, message: "Hi!" },
    });

    expect(outcome.status).toBe(302);
    expect(outcome.headers.get("location")).toMatch(new RegExp(`^/o/${slug}/partners/\\w+\\?sent=new$`));
  });

  test("inviting a colleague is explained next to the address field (400)", async () => {
    const company = await createCompanyWithEveryRole();
    const slug = company.organization.slug;

    const outcome = await callRoute(inviteRoute.action, {
      path: `/o/${slug}/partners/new`,
      params: { slug },
      cookie: await createSessionCookie(company.manager),
      form: { email: company.member.email, message: "" },
    });

    expect(outcome.status).toBe(400);
    expect(outcome.body).toMatchObject({ error: { email: [expect.stringContaining(`belongs to a member of ${company.organization.name}`)] } });
  });
});
