import { describe, expect, test } from "vitest";
import { db } from "~/platform/db.server";
import { accessFor, createPartnershipWorld, managerScope, memberScope, thrownStatus } from "#tests/partnerships/world";
import { addPartnershipNote, deletePartnershipNote, listPartnershipNotes } from "./notes.server";
import { PartnershipRuleError } from "./rules";

async function notesWorld() {
  const world = await createPartnershipWorld();
  const initiatorScope = managerScope(world.initiator);
  const partnerScope = managerScope(world.partner);
  return {
    ...world,
    initiatorScope,
    partnerScope,
    initiatorAccess: await accessFor(initiatorScope, world.partnershipId),
    partnerAccess: await accessFor(partnerScope, world.partnershipId),
  };
}

describe("shared notes", () => {
  test("managers of either company add notes; both see them newest first with author and company, and each add is on the timeline", async () => {
    const world = await notesWorld();
    await addPartnershipNote(world.initiatorScope, world.initiatorAccess, "Globex's team loves baseball — Jordan is a Yankees fan");
    await addPartnershipNote(world.partnerScope, world.partnerAccess, "  Acme's Sam is vegetarian  ");

    const seenByInitiator = await listPartnershipNotes(world.initiatorScope, world.initiatorAccess);

    expect(seenByInitiator).toMatchObject([
      { body: "Acme's Sam is vegetarian", authorName: world.partner.manager.name, organizationName: world.partner.organization.name, ownedByViewer: false },
      { body: "Globex's team loves baseball — Jordan is a Yankees fan", authorName: world.initiator.manager.name, ownedByViewer: true },
    ]);
    expect(await db.partnershipActivity.count({ where: { partnershipId: world.partnershipId, kind: "note.added" } })).toBe(2);
  });

  test("the other company's author without a name is described by their company, never by their address", async () => {
    const world = await notesWorld();
    await db.user.update({ where: { id: world.partner.manager.id }, data: { name: null } });
    await addPartnershipNote(world.partnerScope, world.partnerAccess, "Riley is training for the NYC marathon in November");

    const [note] = await listPartnershipNotes(world.initiatorScope, world.initiatorAccess);

    expect(note!.authorName).toBe(`Someone at ${world.partner.organization.name}`);
    expect(JSON.stringify(note)).not.toContain(world.partner.manager.email);
  });

  test("a member without the manager role can read notes but not add or delete them (403)", async () => {
    const world = await notesWorld();
    const { id } = await addPartnershipNote(world.initiatorScope, world.initiatorAccess, "Likes tacos");
    const scope = memberScope(world.initiator);
    const access = await accessFor(scope, world.partnershipId);

    expect(await listPartnershipNotes(scope, access)).toHaveLength(1);
    expect(await thrownStatus(() => addPartnershipNote(scope, access, "Nope"))).toBe(403);
    expect(await thrownStatus(() => deletePartnershipNote(scope, access, id))).toBe(403);
    expect(await db.partnershipNote.count({ where: { partnershipId: world.partnershipId } })).toBe(1);
  });

  test("only the company that wrote a note can delete it", async () => {
    const world = await notesWorld();
    const { id } = await addPartnershipNote(world.initiatorScope, world.initiatorAccess, "Jordan's daughter starts college in the fall");

    const refusal = await deletePartnershipNote(world.partnerScope, world.partnerAccess, id).catch((error: unknown) => error);

    expect(refusal).toBeInstanceOf(PartnershipRuleError);
    expect(refusal).toMatchObject({ status: 403, message: `Only ${world.initiator.organization.name} can delete this note: it's theirs.` });
    expect(await db.partnershipNote.count({ where: { id } })).toBe(1);

    await deletePartnershipNote(world.initiatorScope, world.initiatorAccess, id);

    expect(await db.partnershipNote.count({ where: { id } })).toBe(0);
    expect(await db.partnershipActivity.count({ where: { partnershipId: world.partnershipId, kind: "note.deleted" } })).toBe(1);
  });

  test("a note of another partnership can't be deleted through this one", async () => {
    const world = await notesWorld();
    const elsewhere = await notesWorld();
    const { id } = await addPartnershipNote(elsewhere.initiatorScope, elsewhere.initiatorAccess, "Private to another pair");

    expect(await thrownStatus(() => deletePartnershipNote(world.initiatorScope, world.initiatorAccess, id))).toBe(404);
    expect(await db.partnershipNote.count({ where: { id } })).toBe(1);
  });

  test("after the partnership ends, notes stay readable, no note can be added (409), and a company can still delete its own", async () => {
    const world = await notesWorld();
    const { id } = await addPartnershipNote(world.initiatorScope, world.initiatorAccess, "Loves hiking");
    await db.partnership.update({ where: { id: world.partnershipId }, data: { status: "ended", endedAt: new Date() } });
    const access = await accessFor(world.partnerScope, world.partnershipId);

    expect(await listPartnershipNotes(world.partnerScope, access)).toHaveLength(1);
    expect(await thrownStatus(() => addPartnershipNote(world.partnerScope, access, "Too late"))).toBe(409);
    await deletePartnershipNote(world.initiatorScope, await accessFor(world.initiatorScope, world.partnershipId), id);
    expect(await listPartnershipNotes(world.partnerScope, access)).toHaveLength(0);
  });
});
