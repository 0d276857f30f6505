import { db } from "~/platform/db.server";
import { assertCan, type TenantScope } from "~/platform/tenancy.server";
import { assertPartnershipActive, type PartnershipAccess } from "./access.server";
import { recordActivity } from "./activity.server";
import { formatTimeSince } from "./format";
import { otherSideName } from "./people.server";
import { PartnershipRuleError } from "./rules";

export type PartnershipNoteItem = {
  id: string;
  body: string;
  authorName: string;
  organizationName: string;
  createdAt: Date;
  ago: string;
  /** Written by the viewer's company, whose managers may delete it. */
  ownedByViewer: boolean;
};

/** "Things to remember about each other", newest first, from both companies. */
export async function listPartnershipNotes(scope: TenantScope, access: PartnershipAccess, now = new Date()): Promise<PartnershipNoteItem[]> {
  assertCan(scope, "partnerships:view");
  const notes = await db.partnershipNote.findMany({
    where: { partnershipId: access.partnershipId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, body: true, createdAt: true, organizationId: true, author: { select: { name: true, email: true } } },
  });
  const otherName = access.otherOrganization?.name ?? null;
  return notes.map((note) => {
    const ownedByViewer = note.organizationId === scope.organizationId;
    return {
      id: note.id,
      body: note.body,
      authorName: ownedByViewer ? (note.author.name ?? note.author.email) : otherSideName(note.author.name, otherName),
      organizationName: ownedByViewer ? scope.organizationName : (otherName ?? "Another company"),
      createdAt: note.createdAt,
      ago: formatTimeSince(note.createdAt, now),
      ownedByViewer,
    };
  });
}

export async function addPartnershipNote(scope: TenantScope, access: PartnershipAccess, body: string) {
  assertCan(scope, "partnerships:manage");
  assertPartnershipActive(access);
  return db.$transaction(async (tx) => {
    const note = await tx.partnershipNote.create({
      data: { partnershipId: access.partnershipId, organizationId: scope.organizationId, authorId: scope.userId, body: body.trim() },
      select: { id: true },
    });
    await recordActivity(tx, scope, { partnershipId: access.partnershipId, kind: "note.added", summary: "Added a note to the things to remember." });
    return note;
  });
}

/**
 * A note is its company's word about the other: only the company that wrote it may take it back.
 * That stays possible after the partnership ends, so a company can always remove what it shared.
 */
export async function deletePartnershipNote(scope: TenantScope, access: PartnershipAccess, noteId: string) {
  assertCan(scope, "partnerships:manage");
  const note = await db.partnershipNote.findFirst({ where: { id: noteId, partnershipId: access.partnershipId }, select: { id: true, organizationId: true } });
  if (!note) throw new PartnershipRuleError("That note has already been deleted. Reload the page to see the current notes.", 404);
  if (note.organizationId !== scope.organizationId) {
    throw new PartnershipRuleError(`Only ${access.otherOrganization?.name ?? "the company that wrote it"} can delete this note: it's theirs.`, 403);
  }
  await db.$transaction(async (tx) => {
    await tx.partnershipNote.delete({ where: { id: note.id } });
    await recordActivity(tx, scope, { partnershipId: access.partnershipId, kind: "note.deleted", summary: "Deleted a note." });
  });
}
