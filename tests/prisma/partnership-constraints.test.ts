import { describe, expect, test } from "vitest";
import { db } from "~/platform/db.server";
import { createOrganization, createUser } from "#tests/factories";

async function twoCompanies() {
  const founder = await createUser();
  const [first, second] = [await createOrganization(founder), await createOrganization(founder)];
  return { founder, first, second };
}

describe("partnership uniqueness in the database", () => {
  test("one active partnership per pair of companies, whichever started it", async () => {
    const { founder, first, second } = await twoCompanies();
    const active = { status: "active" as const, contactEmail: founder.email, invitedById: founder.id };
    await db.partnership.create({ data: { ...active, initiatorId: first.id, partnerId: second.id } });
    await expect(db.partnership.create({ data: { ...active, initiatorId: second.id, partnerId: first.id } })).rejects.toThrow(/Unique constraint/);
    await db.partnership.create({ data: { ...active, status: "ended", initiatorId: second.id, partnerId: first.id } });
  });

  test("one waiting invitation per company and contact", async () => {
    const { founder, first } = await twoCompanies();
    const pending = { initiatorId: first.id, contactEmail: `contact-${Date.now()}@example.com`, invitedById: founder.id };
    await db.partnership.create({ data: pending });
    await expect(db.partnership.create({ data: pending })).rejects.toThrow(/Unique constraint/);
    await db.partnership.create({ data: { ...pending, status: "declined" } });
  });
});
