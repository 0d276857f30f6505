import { describe, expect, test } from "vitest";
import { db } from "~/platform/db.server";
import { action as listAction, loader as listLoader } from "~/routes/o.$slug.events.$eventId.invitations._index";
import { loader as importLoader } from "~/routes/o.$slug.events.$eventId.invitations.imports.$importId";
import { createSessionCookie, uniqueSuffix } from "#tests/factories";
import { browserRequest, routeContext } from "#tests/requests";
import { addInvitees, confirmedEventWorld, type ConfirmedEventWorld } from "#tests/invitations/world";
import { workImportJobs } from "./imports.test-support";
import { MAX_IMPORT_BYTES } from "./schemas";

type Side = "acme" | "globex";

function listPath(world: ConfirmedEventWorld, side: Side) {
  return `/o/${world[side].organization.slug}/events/${world.eventId}/invitations`;
}

async function loadList(world: ConfirmedEventWorld, side: Side, cookie: string, search = "") {
  const slug = world[side].organization.slug;
  return listLoader({ request: browserRequest(`${listPath(world, side)}${search}`, cookie), params: { slug, eventId: world.eventId }, context: routeContext } as never);
}

async function postList(world: ConfirmedEventWorld, side: Side, cookie: string, form: Record<string, string>) {
  const slug = world[side].organization.slug;
  return listAction({ request: browserRequest(listPath(world, side), cookie, form), params: { slug, eventId: world.eventId }, context: routeContext } as never);
}

/** The multipart post a browser sends for the upload form. */
async function uploadCsv(world: ConfirmedEventWorld, side: Side, cookie: string, file: File) {
  const body = new FormData();
  body.set("intent", "import-csv");
  body.set("file", file);
  const request = new Request(`http://localhost:3000${listPath(world, side)}`, { method: "POST", headers: { cookie }, body });
  const slug = world[side].organization.slug;
  return listAction({ request, params: { slug, eventId: world.eventId }, context: routeContext } as never);
}

async function loadImport(world: ConfirmedEventWorld, side: Side, cookie: string, importId: string) {
  const slug = world[side].organization.slug;
  return importLoader({
    request: browserRequest(`${listPath(world, side)}/imports/${importId}`, cookie),
    params: { slug, eventId: world.eventId, importId },
    context: routeContext,
  } as never);
}

function redirectedImportId(outcome: unknown): string {
  if (!(outcome instanceof Response)) throw new Error(`expected a redirect, got ${JSON.stringify(outcome)}`);
  expect(outcome.status).toBe(302);
  const match = /\/imports\/([^/]+)$/.exec(outcome.headers.get("location") ?? "");
  if (!match) throw new Error(`unexpected redirect to ${outcome.headers.get("location")}`);
  return match[1]!;
}

describe("uploading a CSV on the Invitations tab", () => {
  test("goes to the import's page, which shows progress, then the bad row with its line; the list then shows the good rows", async () => {
    const world = await confirmedEventWorld();
    const cookie = await createSessionCookie(world.acme.manager);
    const suffix = uniqueSuffix();
    const csv = `\uFEFFname,email,team\nAnn Lee,ann-${suffix}@acme.example,Sales\n"Ray, Bob",bob@,\nCarl Diaz,carl-${suffix}@acme.example,\n`;

    const importId = redirectedImportId(await uploadCsv(world, "acme", cookie, new File([csv], "people.csv", { type: "text/csv" })));

    const waiting = await loadImport(world, "acme", cookie, importId);
    expect(waiting.entry).toMatchObject({ status: "pending", source: "csv", totalRows: 3 });
    await workImportJobs();
    const done = await loadImport(world, "acme", cookie, importId);
    expect(done.entry).toMatchObject({
      status: "done",
      addedCount: 2,
      rejectedCount: 1,
      rejectedRows: [{ line: 3, value: "Ray, Bob, bob@,", reason: "'bob@' is not an email address" }],
    });
    expect(done.listPath).toBe(listPath(world, "acme"));
    const page = await loadList(world, "acme", cookie);
    expect(page.invitees.map((row) => [row.name, row.email, row.team, row.source])).toEqual([
      ["Ann Lee", `ann-${suffix}@acme.example`, "Sales", "csv"],
      ["Carl Diaz", `carl-${suffix}@acme.example`, "", "csv"],
    ]);
    expect(page.imports).toEqual([expect.objectContaining({ id: importId, status: "done", addedCount: 2 })]);
  });

  test("a file over 2 MB, an empty one, or none at all is refused on the form, and nothing is stored", async () => {
    const world = await confirmedEventWorld();
    const cookie = await createSessionCookie(world.acme.manager);
    const big = new File([`name,email\n${"x".repeat(MAX_IMPORT_BYTES)}`], "big.csv", { type: "text/csv" });

    expect(await uploadCsv(world, "acme", cookie, big)).toMatchObject({
      init: { status: 413 },
      data: { form: "import-csv", result: { error: { file: [expect.stringContaining("larger than 2 MB")] } } },
    });
    expect(await uploadCsv(world, "acme", cookie, new File([], "empty.csv"))).toMatchObject({
      init: { status: 400 },
      data: { form: "import-csv", result: { error: { file: ["That file is empty. Choose the CSV file with your list in it."] } } },
    });
    expect(await uploadCsv(world, "acme", cookie, new File([], ""))).toMatchObject({
      data: { form: "import-csv", result: { error: { file: ["Choose a CSV file to upload."] } } },
    });
    expect(await uploadCsv(world, "acme", cookie, new File(["Name,Phone\nAnn,555"], "phones.csv"))).toMatchObject({
      init: { status: 400 },
      data: { form: "import-csv", result: { error: { "": [expect.stringContaining("must name its columns")] } } },
    });
    expect(await db.invitationImport.count({ where: { eventId: world.eventId } })).toBe(0);
  });
});

describe("the Invitations tab's other actions", () => {
  test("pasting addresses starts an import the same way", async () => {
    const world = await confirmedEventWorld();
    const cookie = await createSessionCookie(world.acme.manager);

    const importId = redirectedImportId(await postList(world, "acme", cookie, { intent: "paste", text: "Ann Lee <ann@acme.example>\nnot an address" }));
    await workImportJobs();

    expect((await loadImport(world, "acme", cookie, importId)).entry).toMatchObject({
      source: "pasted",
      addedCount: 1,
      rejectedRows: [{ line: 2, value: "not an address", reason: "there's no email address in 'not an address'" }],
    });
    expect(await postList(world, "acme", cookie, { intent: "paste", text: "  " })).toMatchObject({
      init: { status: 400 },
      data: { form: "paste", result: { error: { text: ["Paste at least one email address."] } } },
    });
  });

  test("adding members and removing someone answer with a notice", async () => {
    const world = await confirmedEventWorld();
    const cookie = await createSessionCookie(world.acme.manager);

    expect(await postList(world, "acme", cookie, { intent: "add-members", userId: world.acme.member.id })).toEqual({
      form: "notice",
      ok: true,
      message: "Added 1 person to your list.",
    });
    expect(await postList(world, "acme", cookie, { intent: "add-members" })).toMatchObject({
      init: { status: 400 },
      data: { form: "add-members", result: { error: { userId: ["Tick at least one person to add, or add everyone."] } } },
    });
    const added = await db.eventInvitation.findFirstOrThrow({ where: { eventId: world.eventId, userId: world.acme.member.id } });
    expect(await postList(world, "acme", cookie, { intent: "remove", invitationId: added.id })).toEqual({
      form: "notice",
      ok: true,
      message: `Removed ${world.acme.member.name} from your list.`,
    });
    expect(await postList(world, "acme", cookie, { intent: "remove", invitationId: added.id })).toMatchObject({
      init: { status: 404 },
      data: { form: "notice", ok: false, message: expect.stringContaining("isn't on your list any more") },
    });
  });

  test("a member of the company gets 403 from the page and every action, and nothing changes", async () => {
    const world = await confirmedEventWorld();
    const [listed] = await addInvitees(world, "acme", 1);
    const cookie = await createSessionCookie(world.acme.member);

    await expect(loadList(world, "acme", cookie)).rejects.toMatchObject({ init: { status: 403 } });
    const forms: Record<string, string>[] = [
      { intent: "add-members", everyone: "true" },
      { intent: "paste", text: "ann@acme.example" },
      { intent: "remove", invitationId: listed!.id },
    ];
    for (const form of forms) {
      await expect(postList(world, "acme", cookie, form)).rejects.toMatchObject({ init: { status: 403 } });
    }
    expect(await db.eventInvitation.count({ where: { eventId: world.eventId } })).toBe(1);
    expect(await db.invitationImport.count({ where: { eventId: world.eventId } })).toBe(0);
  });

  test("one company can't open the other's import, nor remove from the other's list", async () => {
    const world = await confirmedEventWorld();
    const acmeCookie = await createSessionCookie(world.acme.manager);
    const globexCookie = await createSessionCookie(world.globex.manager);
    const importId = redirectedImportId(await postList(world, "acme", acmeCookie, { intent: "paste", text: "ann@acme.example" }));
    const [theirs] = await addInvitees(world, "acme", 1);

    await expect(loadImport(world, "globex", globexCookie, importId)).rejects.toMatchObject({ init: { status: 404 } });
    expect(await postList(world, "globex", globexCookie, { intent: "remove", invitationId: theirs!.id })).toMatchObject({ init: { status: 404 } });
    expect(await db.eventInvitation.findUnique({ where: { id: theirs!.id } })).not.toBeNull();
    await workImportJobs();
  });
});

describe("privacy between the two companies (ADR 009)", () => {
  test("each company's page shows the other's people by name only: no addresses, teams or answers", async () => {
    const world = await confirmedEventWorld();
    const acme = await addInvitees(world, "acme", 3, { status: "attending" });
    await db.eventInvitation.updateMany({ where: { id: { in: acme.map((row) => row.id) } }, data: { team: "Confidential Team", answers: { diet: "halal" } } });

    const page = await loadList(world, "globex", await createSessionCookie(world.globex.manager));

    expect(page.partner.names.sort()).toEqual(acme.map((row) => row.name).sort());
    expect(page.partner.counts).toMatchObject({ onList: 3, attending: 3 });
    const serialized = JSON.stringify(page);
    for (const leak of [...acme.map((row) => row.email), "Confidential Team", "halal"]) expect(serialized).not.toContain(leak);
  });
});
