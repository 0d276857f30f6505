import { describe, expect, test } from "vitest";
import { db } from "~/platform/db.server";
import { accessFor, createPartnershipWorld, managerScope } from "#tests/partnerships/world";
import { listPartnershipTimeline, TIMELINE_PAGE_SIZE } from "./timeline.server";

async function addActivities(partnershipId: string, organizationId: string, actorId: string, count: number, start = Date.now() - 1_000_000) {
  await db.partnershipActivity.createMany({
    data: Array.from({ length: count }, (_, index) => ({
      partnershipId,
      organizationId,
      actorId,
      kind: "test.entry",
      summary: `entry ${index}`,
      createdAt: new Date(start + index * 1000),
    })),
  });
}

describe("listPartnershipTimeline", () => {
  test("shows the newest page first and continues from the last entry shown", async () => {
    const { initiator, partnershipId } = await createPartnershipWorld();
    await addActivities(partnershipId, initiator.organization.id, initiator.manager.id, TIMELINE_PAGE_SIZE + 5);
    const scope = managerScope(initiator);
    const access = await accessFor(scope, partnershipId);

    const first = await listPartnershipTimeline(scope, access);
    const second = await listPartnershipTimeline(scope, access, { before: first.olderCursor });

    expect(first.entries).toHaveLength(TIMELINE_PAGE_SIZE);
    expect(first.entries[0]!.summary).toBe(`entry ${TIMELINE_PAGE_SIZE + 4}`);
    expect(first.olderCursor).toBe(first.entries.at(-1)!.id);
    expect(second.entries.map((entry) => entry.summary)).toEqual(["entry 4", "entry 3", "entry 2", "entry 1", "entry 0"]);
    expect(second.olderCursor).toBeNull();
  });

  test("names each actor with their company; the other company's people by name only", async () => {
    const { initiator, partner, partnershipId } = await createPartnershipWorld();
    await addActivities(partnershipId, partner.organization.id, partner.manager.id, 1);
    await db.user.update({ where: { id: partner.manager.id }, data: { name: null } });
    const scope = managerScope(initiator);

    const { entries } = await listPartnershipTimeline(scope, await accessFor(scope, partnershipId));

    expect(entries).toMatchObject([{ actorName: `Someone at ${partner.organization.name}`, organizationName: partner.organization.name }]);
    expect(JSON.stringify(entries)).not.toContain(partner.manager.email);
  });

  test("a cursor from another partnership starts from the newest entry", async () => {
    const { initiator, partnershipId } = await createPartnershipWorld();
    const other = await createPartnershipWorld();
    await addActivities(partnershipId, initiator.organization.id, initiator.manager.id, 2);
    await addActivities(other.partnershipId, other.initiator.organization.id, other.initiator.manager.id, 1);
    const foreign = await db.partnershipActivity.findFirstOrThrow({ where: { partnershipId: other.partnershipId } });
    const scope = managerScope(initiator);

    const { entries } = await listPartnershipTimeline(scope, await accessFor(scope, partnershipId), { before: foreign.id });

    expect(entries.map((entry) => entry.summary)).toEqual(["entry 1", "entry 0"]);
  });
});
