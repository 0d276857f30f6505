import type { Role } from "~/generated/prisma/enums";
import { db } from "~/platform/db.server";

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

/** Seeds the demo companies on a database that has none; returns whom to sign in as. */
export async function seedDemoDataIfEmpty(): Promise<{ signInAs: string } | null> {
  if ((await db.organization.count()) > 0) return null;
  await db.$transaction(async (tx) => {
    for (const company of demoCompanies) {
      await tx.organization.create({
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
      });
    }
  });
  return { signInAs: demoCompanies[0]!.people[0]!.email };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { boot } = await import("../server/boot");
  const booted = await boot({ allowEmbeddedDatabase: true, runWorkers: false });
  const seeded = await seedDemoDataIfEmpty();
  console.log(seeded ? `Demo data seeded. Sign in as ${seeded.signInAs}.` : "The database already has companies; nothing seeded.");
  await booted.shutdown();
}
