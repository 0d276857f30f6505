import { db } from "~/platform/db.server";

/** One company's invite list for one event, counted by answer and by arrival. */
export type ResponseCounts = {
  invited: number;
  /** People with a seat, walk-ins included. */
  attending: number;
  /** Plus-ones coming with those people. */
  plusOnes: number;
  /** Added at the door: attending without holding a seat. */
  walkIns: number;
  waitlisted: number;
  maybe: number;
  declined: number;
  noAnswer: number;
  checkedIn: number;
};

const noResponses: ResponseCounts = { invited: 0, attending: 0, plusOnes: 0, walkIns: 0, waitlisted: 0, maybe: 0, declined: 0, noAnswer: 0, checkedIn: 0 };

/** Counts for each company of the event, in one pass over its invite lists (people taken off them excluded). */
export async function countResponses(eventId: string, organizationIds: readonly string[]): Promise<Map<string, ResponseCounts>> {
  const rows = await db.$queryRaw<(ResponseCounts & { organizationId: string })[]>`
    SELECT organization_id AS "organizationId",
           count(*)::int AS "invited",
           (count(*) FILTER (WHERE status = 'attending'))::int AS "attending",
           (count(*) FILTER (WHERE status = 'attending' AND brings_plus_one))::int AS "plusOnes",
           (count(*) FILTER (WHERE status = 'attending' AND source = 'walk_in'))::int AS "walkIns",
           (count(*) FILTER (WHERE status = 'waitlisted'))::int AS "waitlisted",
           (count(*) FILTER (WHERE status = 'maybe'))::int AS "maybe",
           (count(*) FILTER (WHERE status = 'declined'))::int AS "declined",
           (count(*) FILTER (WHERE status = 'no_answer'))::int AS "noAnswer",
           (count(*) FILTER (WHERE checked_in_at IS NOT NULL))::int AS "checkedIn"
      FROM event_invitations
     WHERE event_id = ${eventId} AND revoked_at IS NULL
     GROUP BY organization_id`;
  return new Map(
    organizationIds.map((organizationId) => {
      const row = rows.find((candidate) => candidate.organizationId === organizationId);
      const counts: ResponseCounts = row
        ? {
            invited: row.invited,
            attending: row.attending,
            plusOnes: row.plusOnes,
            walkIns: row.walkIns,
            waitlisted: row.waitlisted,
            maybe: row.maybe,
            declined: row.declined,
            noAnswer: row.noAnswer,
            checkedIn: row.checkedIn,
          }
        : noResponses;
      return [organizationId, counts];
    }),
  );
}
