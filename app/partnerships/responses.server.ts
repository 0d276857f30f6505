import PartnershipResponseEmail, { partnershipResponseSubject, type PartnershipResponse } from "#emails/partnership-response";
import { createOrganization, listOrganizationsOf } from "~/organizations/organizations.server";
import { roleCan } from "~/organizations/permissions";
import type { SessionUser } from "~/platform/auth.server";
import { db, type Tx } from "~/platform/db.server";
import { queueEmail } from "~/platform/email.server";
import { env } from "~/platform/env.server";
import { recordActivity } from "./activity.server";
import { formatDay, maskEmail } from "./format";
import { partnershipWorkspacePath } from "./paths";
import { partnershipManagerAddresses } from "./people.server";
import { PartnershipRuleError } from "./rules";

const invitationSelect = {
  id: true,
  status: true,
  contactEmail: true,
  message: true,
  createdAt: true,
  initiatorId: true,
  partnerId: true,
  invitedById: true,
  initiator: { select: { id: true, name: true, slug: true } },
  partner: { select: { id: true, name: true, slug: true } },
  invitedBy: { select: { name: true } },
} as const;

export type InvitationView =
  | { state: "wrong-address"; sentTo: string; signedInAs: string }
  | {
      state: "answered";
      status: "active" | "declined" | "ended";
      /** Ended before anyone answered: the inviting company took it back. */
      withdrawn: boolean;
      initiatorName: string;
      partnerName: string | null;
      /** The workspace, when the visitor belongs to one of the two companies. */
      workspacePath: string | null;
    }
  | {
      state: "pending";
      initiatorName: string;
      inviterName: string;
      message: string;
      sentOn: string;
      /** The visitor's companies they may accept for, and whether each already works with the inviter. */
      companies: { id: string; name: string; existingPartnershipPath: string | null }[];
      /** The visitor's companies where their role can't accept. */
      companiesWithoutPermission: string[];
    };

const notFound = () => new PartnershipRuleError("We couldn't find that invitation. Check that you opened the whole link from the email.", 404);

async function findInvitation(partnershipId: string) {
  const invitation = await db.partnership.findUnique({ where: { id: partnershipId }, select: invitationSelect });
  if (!invitation) throw notFound();
  return invitation;
}

type Invitation = Awaited<ReturnType<typeof findInvitation>>;

function isAddressedTo(invitation: Invitation, user: SessionUser) {
  return invitation.contactEmail === user.email.trim().toLowerCase();
}

/** What the invitation page shows the signed-in visitor. Reads only: opening the link changes nothing. */
export async function getPartnershipInvitation(user: SessionUser, partnershipId: string): Promise<InvitationView> {
  const invitation = await findInvitation(partnershipId);
  if (!isAddressedTo(invitation, user)) return { state: "wrong-address", sentTo: maskEmail(invitation.contactEmail), signedInAs: user.email };
  const memberships = await listOrganizationsOf(user.id);
  if (invitation.status !== "pending") {
    const ownSide = [invitation.partner, invitation.initiator].find((company) => company && memberships.some((m) => m.organization.id === company.id));
    return {
      state: "answered",
      status: invitation.status,
      withdrawn: invitation.status === "ended" && !invitation.partnerId,
      initiatorName: invitation.initiator.name,
      partnerName: invitation.partner?.name ?? null,
      workspacePath: ownSide ? partnershipWorkspacePath(ownSide.slug, invitation.id) : null,
    };
  }
  const candidates = memberships.filter((m) => m.organization.id !== invitation.initiatorId);
  const allowed = candidates.filter((m) => roleCan(m.role, "partnerships:manage")).map((m) => m.organization);
  const existing = await activePartnershipsWith(invitation.initiatorId, allowed.map((company) => company.id));
  return {
    state: "pending",
    initiatorName: invitation.initiator.name,
    inviterName: invitation.invitedBy.name ?? `A manager at ${invitation.initiator.name}`,
    message: invitation.message,
    sentOn: formatDay(invitation.createdAt),
    companies: allowed.map((company) => {
      const partnershipId = existing.get(company.id);
      return { id: company.id, name: company.name, existingPartnershipPath: partnershipId ? partnershipWorkspacePath(company.slug, partnershipId) : null };
    }),
    companiesWithoutPermission: candidates.filter((m) => !roleCan(m.role, "partnerships:manage")).map((m) => m.organization.name),
  };
}

/** Active partnerships between one company and each of the others, keyed by the other company. */
async function activePartnershipsWith(organizationId: string, otherIds: string[], client: Tx = db): Promise<Map<string, string>> {
  if (otherIds.length === 0) return new Map();
  const rows = await client.partnership.findMany({
    where: {
      status: "active",
      OR: [
        { initiatorId: organizationId, partnerId: { in: otherIds } },
        { partnerId: organizationId, initiatorId: { in: otherIds } },
      ],
    },
    select: { id: true, initiatorId: true, partnerId: true },
  });
  return new Map(rows.map((row) => [row.initiatorId === organizationId ? row.partnerId! : row.initiatorId, row.id]));
}

/** Answering needs the invitation to be addressed to the visitor and still waiting. */
async function requirePendingInvitationFor(user: SessionUser, partnershipId: string): Promise<Invitation> {
  const invitation = await findInvitation(partnershipId);
  if (!isAddressedTo(invitation, user)) {
    throw new PartnershipRuleError(
      `This invitation was sent to ${maskEmail(invitation.contactEmail)}. Sign in with that address to answer it.`,
      403,
    );
  }
  if (invitation.status !== "pending") throw answeredAlready();
  return invitation;
}

const answeredAlready = () =>
  new PartnershipRuleError("This invitation has already been answered, or was withdrawn. Reload the page to see where it stands.", 409);

/** Accepts on behalf of one of the visitor's companies, where they hold a role that runs partnerships. */
export async function acceptPartnershipInvitation(user: SessionUser, partnershipId: string, organizationId: string) {
  const invitation = await requirePendingInvitationFor(user, partnershipId);
  const membership = await db.membership.findFirst({
    where: { userId: user.id, organizationId },
    select: { role: true, organization: { select: { id: true, name: true, slug: true } } },
  });
  if (!membership) throw new PartnershipRuleError("You aren't a member of that company. Choose one of yours, or create your company.", 403);
  const partner = membership.organization;
  if (partner.id === invitation.initiatorId) {
    throw new PartnershipRuleError(`${partner.name} sent this invitation, so it can't be its own partner. Choose another company, or create yours.`);
  }
  if (!roleCan(membership.role, "partnerships:manage")) {
    throw new PartnershipRuleError(
      `Only managers, admins and owners of ${partner.name} can accept a partnership for it. Ask an admin or owner there to make you a manager, then come back to this page.`,
      403,
    );
  }

  return db.$transaction(async (tx) => {
    // Locks both companies, so two invitations between them can't both become active at once.
    await tx.$queryRaw`SELECT id FROM organizations WHERE id IN (${invitation.initiatorId}, ${partner.id}) ORDER BY id FOR UPDATE`;
    const existingId = (await activePartnershipsWith(invitation.initiatorId, [partner.id], tx)).get(partner.id);
    if (existingId) {
      throw new PartnershipRuleError(`${partner.name} and ${invitation.initiator.name} already work together on Rapport.`, 409, {
        href: partnershipWorkspacePath(partner.slug, existingId),
        label: `Open the partnership with ${invitation.initiator.name}`,
      });
    }
    const now = new Date();
    const accepted = await tx.partnership.updateMany({
      where: { id: invitation.id, status: "pending" },
      data: { status: "active", partnerId: partner.id, respondedAt: now, respondedById: user.id },
    });
    if (accepted.count === 0) throw answeredAlready();
    await recordActivity(tx, { organizationId: partner.id, userId: user.id }, {
      partnershipId: invitation.id,
      kind: "partnership.accepted",
      summary: `Accepted the invitation: ${invitation.initiator.name} and ${partner.name} now plan joint events together.`,
    });
    await notifyInitiator(tx, invitation, { outcome: "accepted", partnerName: partner.name });
    return { workspacePath: partnershipWorkspacePath(partner.slug, invitation.id) };
  });
}

/** The contact's company isn't on Rapport yet: they create it, becoming its owner, and accept for it. */
export async function acceptPartnershipInvitationWithNewCompany(user: SessionUser, partnershipId: string, company: { name: string; slug: string }) {
  await requirePendingInvitationFor(user, partnershipId);
  const organization = await createOrganization(user, company);
  return acceptPartnershipInvitation(user, partnershipId, organization.id);
}

export async function declinePartnershipInvitation(user: SessionUser, partnershipId: string) {
  const invitation = await requirePendingInvitationFor(user, partnershipId);
  await db.$transaction(async (tx) => {
    const declined = await tx.partnership.updateMany({
      where: { id: invitation.id, status: "pending" },
      data: { status: "declined", respondedAt: new Date(), respondedById: user.id },
    });
    if (declined.count === 0) throw answeredAlready();
    // The contact answered for themselves: there is no company of theirs in this partnership.
    await recordActivity(tx, { organizationId: null, userId: user.id }, { partnershipId: invitation.id, kind: "partnership.declined", summary: "Declined the invitation." });
    await notifyInitiator(tx, invitation, { outcome: "declined", contactEmail: invitation.contactEmail });
  });
}

/** Tells the person who sent the invitation; if they have left the company since, its partnership managers. */
async function notifyInitiator(tx: Tx, invitation: Invitation, response: PartnershipResponse) {
  const inviter = await tx.membership.findFirst({
    where: { organizationId: invitation.initiatorId, userId: invitation.invitedById },
    select: { user: { select: { email: true } } },
  });
  const recipients = inviter ? [inviter.user.email] : await partnershipManagerAddresses(tx, invitation.initiatorId);
  const workspaceUrl = `${env().APP_URL}${partnershipWorkspacePath(invitation.initiator.slug, invitation.id)}`;
  for (const to of recipients) {
    await queueEmail(tx, {
      kind: `partnership-${response.outcome}`,
      to,
      subject: partnershipResponseSubject(response),
      react: PartnershipResponseEmail({ response, initiatorName: invitation.initiator.name, workspaceUrl }),
    });
  }
}
