import PartnershipInvitationEmail, { partnershipInvitationSubject } from "#emails/partnership-invitation";
import { db } from "~/platform/db.server";
import { queueEmail } from "~/platform/email.server";
import { env } from "~/platform/env.server";
import { consumeRateLimit, invitationRateLimits, tryAgainIn } from "~/platform/rate-limit.server";
import { assertCan, type TenantScope } from "~/platform/tenancy.server";
import type { PartnershipAccess } from "./access.server";
import { recordActivity } from "./activity.server";
import { partnershipInvitationPath } from "./paths";
import { PartnershipRuleError } from "./rules";

/**
 * Invites a contact at another company. Inviting an address that already has a pending
 * invitation from this company refreshes that one and emails it again, rather than adding a second.
 */
export async function invitePartner(scope: TenantScope, input: { email: string; message: string }) {
  assertCan(scope, "partnerships:manage");
  // Accepting matches the signed-in address, which is stored normalised, so store this one that way too.
  const contactEmail = input.email.trim().toLowerCase();
  const message = input.message.trim();
  const isColleague = await db.membership.count({ where: { organizationId: scope.organizationId, user: { email: contactEmail } } });
  if (isColleague) {
    throw new PartnershipRuleError(
      `${contactEmail} belongs to a member of ${scope.organizationName}. A partner is another company: invite your contact there instead.`,
    );
  }
  const budget = await consumeRateLimit(invitationRateLimits.partners, scope.userId);
  if (!budget.allowed) throw new PartnershipRuleError(`You've invited a lot of partner companies in the last hour. ${tryAgainIn(budget.retryAfterSeconds)}`, 429);

  return db.$transaction(async (tx) => {
    // Serialises this company's invitations, so two quick clicks can't create two pending invitations.
    await tx.$queryRaw`SELECT id FROM organizations WHERE id = ${scope.organizationId} FOR UPDATE`;
    const pending = await tx.partnership.findFirst({
      where: { initiatorId: scope.organizationId, contactEmail, status: "pending" },
      select: { id: true },
    });
    const partnership = pending
      ? await tx.partnership.update({ where: { id: pending.id }, data: { message, invitedById: scope.userId }, select: { id: true } })
      : await tx.partnership.create({
          data: { initiatorId: scope.organizationId, contactEmail, message, invitedById: scope.userId },
          select: { id: true },
        });
    await recordActivity(tx, scope, {
      partnershipId: partnership.id,
      kind: "partnership.invited",
      summary: pending ? "Sent the partnership invitation again." : "Invited a contact at another company to plan joint events together.",
    });
    const inviter = await tx.user.findUniqueOrThrow({ where: { id: scope.userId }, select: { name: true, email: true } });
    const inviterName = inviter.name ?? inviter.email;
    await queueEmail(tx, {
      kind: "partnership-invitation",
      to: contactEmail,
      subject: partnershipInvitationSubject(scope.organizationName),
      react: PartnershipInvitationEmail({
        initiatorName: scope.organizationName,
        inviterName,
        message,
        invitationUrl: `${env().APP_URL}${partnershipInvitationPath(partnership.id)}`,
      }),
    });
    return { id: partnership.id, contactEmail, resent: Boolean(pending) };
  });
}

/** Takes back an invitation nobody has answered; the contact's link then says so. */
export async function withdrawPartnershipInvitation(scope: TenantScope, access: PartnershipAccess) {
  assertCan(scope, "partnerships:manage");
  if (access.side !== "initiator" || access.status !== "pending") {
    throw new PartnershipRuleError("Only an invitation that is still waiting for an answer can be withdrawn.", 409);
  }
  await db.$transaction(async (tx) => {
    const now = new Date();
    const withdrawn = await tx.partnership.updateMany({
      where: { id: access.partnershipId, status: "pending" },
      data: { status: "ended", endedAt: now, endedById: scope.userId, endedByOrgId: scope.organizationId },
    });
    if (withdrawn.count === 0) throw new PartnershipRuleError("The invitation was answered in the meantime. Reload the page to see where it stands.", 409);
    await recordActivity(tx, scope, { partnershipId: access.partnershipId, kind: "partnership.withdrawn", summary: "Withdrew the invitation." });
  });
}
