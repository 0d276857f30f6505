import TeammateInvitationEmail, { teammateInvitationSubject } from "#emails/teammate-invitation";
import type { Role } from "~/generated/prisma/enums";
import { canAssignRole } from "~/organizations/permissions";
import { db, type Tx } from "~/platform/db.server";
import { queueEmail } from "~/platform/email.server";
import { consumeRateLimit, invitationRateLimits, tryAgainIn } from "~/platform/rate-limit.server";
import { env } from "~/platform/env.server";
import { assertCan, type TenantScope } from "~/platform/tenancy.server";
import { roleWithArticle } from "./members.server";
import { MemberRuleError } from "./rules";

export const INVITATION_VALID_DAYS = 7;

function invitationExpiry(from = new Date()): Date {
  return new Date(from.getTime() + INVITATION_VALID_DAYS * 24 * 60 * 60 * 1000);
}

const pendingWhere = () => ({ acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } });

export function listPendingInvitations(scope: TenantScope) {
  assertCan(scope, "members:view");
  return db.teammateInvitation.findMany({
    where: { organizationId: scope.organizationId, ...pendingWhere() },
    orderBy: { createdAt: "desc" },
    select: { id: true, email: true, role: true, lastSentAt: true, expiresAt: true, invitedBy: { select: { name: true, email: true } } },
  });
}

/** Inviting an address again refreshes its invitation rather than creating a second one. */
export async function inviteTeammate(scope: TenantScope, { email: rawEmail, role }: { email: string; role: Role }) {
  assertCan(scope, "members:invite");
  // Sign-in matches invitations by the normalised address, so store it that way whoever calls.
  const input = { email: rawEmail.trim().toLowerCase(), role };
  if (!canAssignRole(scope.role, input.role)) {
    throw new MemberRuleError(`As ${roleWithArticle[scope.role]}, you can't invite someone as ${roleWithArticle[input.role]}.`);
  }
  await assertInvitationBudget(scope);
  const alreadyMember = await db.membership.count({
    where: { organizationId: scope.organizationId, user: { email: input.email } },
  });
  if (alreadyMember) throw new MemberRuleError(`${input.email} is already a member of ${scope.organizationName}.`);

  return db.$transaction(async (tx) => {
    const now = new Date();
    const invitation = await tx.teammateInvitation.upsert({
      where: { organizationId_email: { organizationId: scope.organizationId, email: input.email } },
      create: { organizationId: scope.organizationId, email: input.email, role: input.role, invitedById: scope.userId, expiresAt: invitationExpiry(now) },
      update: { role: input.role, invitedById: scope.userId, lastSentAt: now, expiresAt: invitationExpiry(now), acceptedAt: null, revokedAt: null },
      select: { id: true, email: true, role: true, expiresAt: true },
    });
    await queueInvitationEmail(tx, scope, invitation);
    return invitation;
  });
}

/**
 * Resending or revoking an invitation hands out or withholds its role, so the same rule as
 * inviting applies: a manager cannot keep an admin invitation alive, nor cancel one.
 */
async function findPendingInvitation(tx: Tx, scope: TenantScope, invitationId: string) {
  const invitation = await tx.teammateInvitation.findFirst({
    where: { id: invitationId, organizationId: scope.organizationId, acceptedAt: null, revokedAt: null },
    select: { id: true, email: true, role: true },
  });
  if (!invitation) throw new MemberRuleError("That invitation is no longer pending. Reload the page to see the current list.");
  if (!canAssignRole(scope.role, invitation.role)) {
    throw new MemberRuleError(`As ${roleWithArticle[scope.role]}, you can't change an invitation to join as ${roleWithArticle[invitation.role]}.`);
  }
  return invitation;
}

export async function resendInvitation(scope: TenantScope, invitationId: string) {
  assertCan(scope, "members:invite");
  await assertInvitationBudget(scope);
  return db.$transaction(async (tx) => {
    await findPendingInvitation(tx, scope, invitationId);
    const now = new Date();
    const invitation = await tx.teammateInvitation.update({
      where: { id: invitationId },
      data: { lastSentAt: now, expiresAt: invitationExpiry(now) },
      select: { id: true, email: true, role: true, expiresAt: true },
    });
    await queueInvitationEmail(tx, scope, invitation);
    return invitation;
  });
}

export async function revokeInvitation(scope: TenantScope, invitationId: string) {
  assertCan(scope, "members:invite");
  return db.$transaction(async (tx) => {
    const invitation = await findPendingInvitation(tx, scope, invitationId);
    await tx.teammateInvitation.update({ where: { id: invitation.id }, data: { revokedAt: new Date() } });
    return invitation;
  });
}

async function queueInvitationEmail(tx: Tx, scope: TenantScope, invitation: { email: string; role: Role; expiresAt: Date }) {
  const inviter = await tx.user.findUniqueOrThrow({ where: { id: scope.userId }, select: { name: true, email: true } });
  const inviterName = inviter.name ?? inviter.email;
  const acceptUrl = new URL("/sign-in", env().APP_URL);
  acceptUrl.searchParams.set("email", invitation.email);
  acceptUrl.searchParams.set("redirectTo", `/o/${scope.organizationSlug}`);
  await queueEmail(tx, {
    kind: "teammate-invitation",
    to: invitation.email,
    subject: teammateInvitationSubject(scope.organizationName, inviterName),
    react: TeammateInvitationEmail({
      organizationName: scope.organizationName,
      inviterName,
      role: invitation.role,
      acceptUrl: acceptUrl.toString(),
      expiresAt: invitation.expiresAt,
    }),
  });
}

async function assertInvitationBudget(scope: TenantScope) {
  const verdict = await consumeRateLimit(invitationRateLimits.teammates, scope.userId);
  if (!verdict.allowed) throw new MemberRuleError(`You've sent a lot of invitations in the last hour. ${tryAgainIn(verdict.retryAfterSeconds)}`);
}

/**
 * Called when someone signs in: the magic link proved they own the address, so every pending
 * invitation to it makes them a member.
 */
export async function acceptPendingInvitations(email: string): Promise<string[]> {
  const normalized = email.trim().toLowerCase();
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email: normalized }, select: { id: true } });
    if (!user) return [];
    const invitations = await tx.teammateInvitation.findMany({
      where: { email: normalized, ...pendingWhere() },
      select: { id: true, organizationId: true, role: true },
    });
    for (const invitation of invitations) {
      await tx.membership.upsert({
        where: { organizationId_userId: { organizationId: invitation.organizationId, userId: user.id } },
        create: { organizationId: invitation.organizationId, userId: user.id, role: invitation.role },
        update: {},
      });
      await tx.teammateInvitation.update({ where: { id: invitation.id }, data: { acceptedAt: new Date() } });
    }
    return invitations.map((invitation) => invitation.organizationId);
  });
}
