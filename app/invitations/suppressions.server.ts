import { Prisma } from "~/generated/prisma/client";
import type { SuppressionReason } from "~/generated/prisma/enums";
import type { Tx } from "~/platform/db.server";
import { normalizeEmail } from "./schemas";

/**
 * Addresses that bounced or complained. Sending to them again hurts the sender's reputation with
 * every mailbox provider, so later sends skip them; invite lists flag them.
 */

/**
 * Invitations the next send would take, for queries over `event_invitations AS invitation` joined
 * to `email_suppressions AS suppression`: never sent, to an address that may receive mail, and not
 * walk-ins, who were added at the door and have nothing to be invited to.
 */
export const readyToSendCondition = Prisma.sql`invitation.delivery = 'not_sent' AND invitation.source <> 'walk_in' AND suppression.email IS NULL`;

/**
 * Records that an address must not be emailed again. A complaint outranks a bounce: it is the
 * person asking us to stop, so it replaces a bounce already on file and is never replaced by one.
 */
export async function suppressAddress(tx: Tx, email: string, reason: SuppressionReason, detail: string): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO email_suppressions (email, reason, detail)
    VALUES (${normalizeEmail(email)}, ${reason}::"SuppressionReason", ${detail})
    ON CONFLICT (email) DO UPDATE SET reason = EXCLUDED.reason, detail = EXCLUDED.detail
    WHERE email_suppressions.reason = 'bounced' AND EXCLUDED.reason = 'complained'`;
}

export const suppressionNotes: Record<SuppressionReason, string> = {
  bounced: "Not sent: an earlier email to this address bounced.",
  complained: "Not sent: this person marked an earlier email as spam.",
};

/**
 * Marks the given company's invitations to suppressed addresses as `suppressed`, among those
 * still in one of `deliveries`, and takes them out of any send. Returns how many it marked.
 */
export async function markSuppressedInvitations(tx: Tx, where: { eventId: string; organizationId: string; sendId?: string }, deliveries: string[]): Promise<number> {
  return tx.$executeRaw`
    UPDATE event_invitations AS invitation
    SET delivery = 'suppressed', send_id = NULL, batch_id = NULL, delivery_updated_at = now() AT TIME ZONE 'UTC',
        delivery_error = CASE suppression.reason WHEN 'bounced' THEN ${suppressionNotes.bounced} ELSE ${suppressionNotes.complained} END
    FROM email_suppressions AS suppression
    WHERE invitation.event_id = ${where.eventId}
      AND invitation.organization_id = ${where.organizationId}
      AND (${where.sendId ?? null}::text IS NULL OR invitation.send_id = ${where.sendId ?? null})
      AND invitation.delivery::text = ANY(${deliveries}::text[])
      AND invitation.revoked_at IS NULL
      AND lower(invitation.email) = suppression.email`;
}
