import { randomBytes } from "node:crypto";
import pg from "pg";

/**
 * The starting point of the invitations walk, written straight into the database the app under
 * test uses: two partner companies, a manager at the first and a confirmed joint event. Getting
 * there through the browser is issue 3's walk (partnership-planning.spec.ts).
 */
export type JointEvent = {
  manager: { email: string; name: string };
  acme: { name: string; slug: string };
  globex: { name: string };
  event: { id: string; title: string };
  question: { prompt: string; options: string[] };
};

function id(): string {
  return `c${randomBytes(12).toString("hex")}`;
}

export async function createConfirmedJointEvent(options: { acmeSeats: number; globexSeats: number }): Promise<JointEvent> {
  const run = randomBytes(4).toString("hex");
  const world: JointEvent = {
    manager: { email: `manager-${run}@acme.example`, name: "Avery Stone" },
    acme: { name: `Acme ${run}`, slug: `acme-${run}` },
    globex: { name: `Globex ${run}` },
    event: { id: id(), title: `Ball game ${run}` },
    question: { prompt: "Hot dog or pretzel?", options: ["Hot dog", "Pretzel"] },
  };
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const [managerId, acmeId, globexId, globexOwnerId, partnershipId] = [id(), id(), id(), id(), id()];
    const startsAt = new Date(Date.now() + 30 * 86_400_000);
    startsAt.setUTCHours(23, 0, 0, 0);
    const endsAt = new Date(startsAt.getTime() + 3 * 3_600_000);
    await client.query("BEGIN");
    await client.query(`INSERT INTO users (id, email, name, email_verified, updated_at) VALUES ($1, $2, $3, now(), now()), ($4, $5, 'Jordan Okafor', now(), now())`, [
      managerId,
      world.manager.email,
      world.manager.name,
      globexOwnerId,
      `owner-${run}@globex.example`,
    ]);
    await client.query(`INSERT INTO organizations (id, name, slug, updated_at) VALUES ($1, $2, $3, now()), ($4, $5, $6, now())`, [
      acmeId,
      world.acme.name,
      world.acme.slug,
      globexId,
      world.globex.name,
      `globex-${run}`,
    ]);
    await client.query(`INSERT INTO memberships (id, organization_id, user_id, role) VALUES ($1, $2, $3, 'manager'), ($4, $5, $6, 'owner')`, [
      id(),
      acmeId,
      managerId,
      id(),
      globexId,
      globexOwnerId,
    ]);
    await client.query(
      `INSERT INTO partnerships (id, initiator_id, partner_id, status, contact_email, invited_by_id, responded_by_id, responded_at)
       VALUES ($1, $2, $3, 'active', $4, $5, $6, now())`,
      [partnershipId, acmeId, globexId, `owner-${run}@globex.example`, managerId, globexOwnerId],
    );
    await client.query(
      `INSERT INTO events (id, partnership_id, created_by_org_id, kind, outing_type, title, description, venue_name, venue_address, starts_at, ends_at, time_zone, capacity, status, updated_at)
       VALUES ($1, $2, $3, 'outing', 'sports', $4, 'Seats behind home plate.', 'Fenway Park', '4 Jersey St, Boston', $5, $6, 'America/New_York', $7, 'confirmed', now())`,
      [world.event.id, partnershipId, acmeId, world.event.title, startsAt, endsAt, options.acmeSeats + options.globexSeats],
    );
    await client.query(`INSERT INTO event_quotas (event_id, organization_id, seats) VALUES ($1, $2, $3), ($1, $4, $5)`, [
      world.event.id,
      acmeId,
      options.acmeSeats,
      globexId,
      options.globexSeats,
    ]);
    await client.query(`INSERT INTO event_questions (id, event_id, position, prompt, kind, options, required) VALUES ($1, $2, 0, $3, 'single_choice', $4, true)`, [
      id(),
      world.event.id,
      world.question.prompt,
      world.question.options,
    ]);
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
  return world;
}
