import PollInvitationEmail, { pollInvitationSubject } from "#emails/poll-invitation";
import { data } from "@remix-run/node";
import { roleCan } from "~/organizations/permissions";
import { assertPartnershipActive, partnershipOrganizationIds, requirePartnership } from "~/partnerships/access.server";
import { recordActivity } from "~/partnerships/activity.server";
import { db } from "~/platform/db.server";
import { queueEmail } from "~/platform/email.server";
import { env } from "~/platform/env.server";
import { assertCan, type TenantScope } from "~/platform/tenancy.server";
import { otherSideName } from "~/partnerships/people.server";
import { PollRuleError } from "./rules";

export type PollInput = { question: string; options: string[] };

export function pollPath(slug: string, pollId: string): string {
  return `/o/${slug}/polls/${pollId}`;
}

/** A poll is reachable by the two companies of its partnership and by nobody else (404). */
export async function requirePoll(scope: TenantScope, pollId: string) {
  const poll = await db.interestPoll.findFirst({
    where: { id: pollId, partnership: { OR: [{ initiatorId: scope.organizationId }, { partnerId: scope.organizationId }] } },
    select: {
      id: true,
      partnershipId: true,
      organizationId: true,
      createdById: true,
      question: true,
      options: true,
      createdAt: true,
      closedAt: true,
      partnership: { select: { status: true, initiatorId: true, partnerId: true } },
    },
  });
  if (!poll) throw data({ error: "not_found", message: "We couldn't find that poll, or your company isn't part of it." }, { status: 404 });
  return poll;
}

function closedReason(poll: { closedAt: Date | null; partnership: { status: string } }): string | null {
  if (poll.closedAt) return "This poll is closed, so answers can no longer change.";
  if (poll.partnership.status !== "active") return "This partnership has ended, so the poll no longer takes answers.";
  return null;
}

/**
 * Asks everyone at both companies, each by an email linking to the poll under their own
 * company's address. The asker is taken straight to it, so they get no email.
 */
export async function createPoll(scope: TenantScope, partnershipId: string, input: PollInput) {
  assertCan(scope, "partnerships:manage");
  const access = await requirePartnership(scope, partnershipId);
  assertPartnershipActive(access);
  const organizationIds = partnershipOrganizationIds(access);
  const [asker, organizations, memberships] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: scope.userId }, select: { name: true } }),
    db.organization.findMany({ where: { id: { in: organizationIds } }, select: { id: true, name: true, slug: true } }),
    db.membership.findMany({
      where: { organizationId: { in: organizationIds } },
      orderBy: { createdAt: "asc" },
      select: { organizationId: true, user: { select: { id: true, email: true } } },
    }),
  ]);
  const company = new Map(organizations.map((organization) => [organization.id, organization]));
  const askerCompany = company.get(scope.organizationId)!;
  const partnerCompany = company.get(organizationIds.find((id) => id !== scope.organizationId)!)!;
  const askerName = otherSideName(asker.name, askerCompany.name);
  const recipients = new Map<string, { email: string; organizationId: string }>();
  for (const { organizationId, user } of memberships) {
    if (user.id !== scope.userId && !recipients.has(user.id)) recipients.set(user.id, { email: user.email, organizationId });
  }

  return db.$transaction(async (tx) => {
    const poll = await tx.interestPoll.create({
      data: { partnershipId: access.partnershipId, organizationId: scope.organizationId, createdById: scope.userId, question: input.question, options: input.options },
      select: { id: true },
    });
    await recordActivity(tx, scope, {
      partnershipId: access.partnershipId,
      kind: "poll.created",
      summary: `Asked both companies: “${input.question}”.`,
      changes: { pollId: poll.id, options: input.options },
    });
    for (const recipient of recipients.values()) {
      const recipientCompany = company.get(recipient.organizationId)!;
      await queueEmail(tx, {
        kind: "poll-invitation",
        to: recipient.email,
        subject: pollInvitationSubject(askerCompany.name, partnerCompany.name),
        react: PollInvitationEmail({
          askerName,
          askerCompanyName: askerCompany.name,
          partnerCompanyName: partnerCompany.name,
          recipientCompanyName: recipientCompany.name,
          question: input.question,
          options: input.options,
          url: `${env().APP_URL}${pollPath(recipientCompany.slug, poll.id)}`,
        }),
      });
    }
    return { id: poll.id, invited: recipients.size };
  });
}

/** Anyone at either company answers once, and may change their answer until the poll closes. */
export async function answerPoll(scope: TenantScope, pollId: string, choice: string) {
  assertCan(scope, "partnerships:view");
  const poll = await requirePoll(scope, pollId);
  const closed = closedReason(poll);
  if (closed) throw new PollRuleError(closed, 409);
  if (!poll.options.includes(choice)) throw new PollRuleError("Pick one of the poll's choices.");
  await db.interestPollResponse.upsert({
    where: { pollId_userId: { pollId: poll.id, userId: scope.userId } },
    create: { pollId: poll.id, userId: scope.userId, organizationId: scope.organizationId, choice },
    update: { choice, organizationId: scope.organizationId },
  });
  return { choice };
}

export async function closePoll(scope: TenantScope, pollId: string) {
  assertCan(scope, "partnerships:manage");
  const poll = await requirePoll(scope, pollId);
  if (poll.closedAt) throw new PollRuleError("This poll is already closed.", 409);
  await db.$transaction(async (tx) => {
    const closed = await tx.interestPoll.updateMany({ where: { id: poll.id, closedAt: null }, data: { closedAt: new Date() } });
    if (closed.count === 0) throw new PollRuleError("This poll is already closed.", 409);
    await recordActivity(tx, scope, {
      partnershipId: poll.partnershipId,
      kind: "poll.closed",
      summary: `Closed the poll “${poll.question}”.`,
      changes: { pollId: poll.id },
    });
  });
}

/**
 * The poll as the page shows it: the viewer's own answer, and every company's answers as counts
 * and percentages only. Nothing here says who answered what, on either side.
 */
export async function getPollResults(scope: TenantScope, pollId: string) {
  assertCan(scope, "partnerships:view");
  const poll = await requirePoll(scope, pollId);
  const organizationIds = [poll.partnership.initiatorId, poll.partnership.partnerId].filter((id): id is string => id !== null);
  const [organizations, tallies, ownResponse, asker] = await Promise.all([
    db.organization.findMany({ where: { id: { in: organizationIds } }, select: { id: true, name: true } }),
    db.interestPollResponse.groupBy({ by: ["organizationId", "choice"], where: { pollId: poll.id }, _count: { _all: true } }),
    db.interestPollResponse.findUnique({ where: { pollId_userId: { pollId: poll.id, userId: scope.userId } }, select: { choice: true } }),
    db.user.findUnique({ where: { id: poll.createdById }, select: { name: true } }),
  ]);
  const closed = closedReason(poll);
  const askedByCompany = organizations.find((organization) => organization.id === poll.organizationId)?.name ?? "A former partner";
  const companies = organizationIds.map((organizationId) => {
    const count = (choice: string) =>
      tallies.find((tally) => tally.organizationId === organizationId && tally.choice === choice)?._count._all ?? 0;
    const respondents = poll.options.reduce((total, option) => total + count(option), 0);
    return {
      id: organizationId,
      name: organizations.find((organization) => organization.id === organizationId)?.name ?? "A former partner",
      isYou: organizationId === scope.organizationId,
      respondents,
      results: poll.options.map((option) => ({
        option,
        count: count(option),
        percent: respondents === 0 ? 0 : Math.round((count(option) / respondents) * 100),
      })),
    };
  });
  return {
    poll: {
      id: poll.id,
      partnershipId: poll.partnershipId,
      question: poll.question,
      options: poll.options,
      createdAt: poll.createdAt.toISOString(),
      closedAt: poll.closedAt?.toISOString() ?? null,
      askedBy: otherSideName(asker?.name ?? null, askedByCompany),
      askedByCompany,
    },
    companies,
    yourAnswer: ownResponse?.choice ?? null,
    closedReason: closed,
    canClose: poll.closedAt === null && roleCan(scope.role, "partnerships:manage"),
  };
}

/** The partnership's polls, newest first, for its workspace; links are under the viewer's company. */
export async function listPolls(scope: TenantScope, partnershipId: string) {
  assertCan(scope, "partnerships:view");
  const access = await requirePartnership(scope, partnershipId);
  const polls = await db.interestPoll.findMany({
    where: { partnershipId: access.partnershipId },
    orderBy: { createdAt: "desc" },
    select: { id: true, question: true, createdAt: true, closedAt: true, _count: { select: { responses: true } } },
  });
  return polls.map((poll) => ({
    id: poll.id,
    question: poll.question,
    createdAt: poll.createdAt,
    closedAt: poll.closedAt,
    responseCount: poll._count.responses,
    path: pollPath(scope.organizationSlug, poll.id),
  }));
}
