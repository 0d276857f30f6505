import { formatDayInZone, formatTimeInZone } from "~/events/time";
import { ROLES, roleCan } from "~/organizations/permissions";
import { recordActivity } from "~/partnerships/activity.server";
import { db } from "~/platform/db.server";
import { assertCan, type TenantScope } from "~/platform/tenancy.server";
import { holdCommentDigests, scheduleCommentDigests } from "./comment-digest.server";
import { assertPlanningOpen, companyOf, loadPlanningEvent, type PlanningEvent } from "./event.server";
import { COMMENT_POSTED_KIND, findWrittenMentions, readCommentPostedChanges, type CommentPostedChanges } from "./mentions";
import { otherSideName } from "~/partnerships/people.server";
import { PlanningRuleError } from "./rules";

const PLANNER_ROLES = ROLES.filter((role) => roleCan(role, "events:plan"));

export type CommentInput = { body: string; notify: string[] };

/** The people a comment can notify: the planners (managers and up) of both companies. */
export async function listMentionCandidates(event: PlanningEvent) {
  const memberships = await db.membership.findMany({
    where: { organizationId: { in: event.companies.map((company) => company.id) }, role: { in: PLANNER_ROLES } },
    orderBy: { createdAt: "asc" },
    select: { organizationId: true, user: { select: { id: true, name: true } } },
  });
  const seen = new Set<string>();
  return memberships.flatMap(({ organizationId, user }) => {
    if (seen.has(user.id)) return [];
    seen.add(user.id);
    return [{ userId: user.id, name: user.name, displayName: otherSideName(user.name, companyOf(event, organizationId)?.name ?? null), companyId: organizationId }];
  });
}

/** Oldest first, so the thread reads top to bottom; times in the event's zone. */
export async function listComments(event: PlanningEvent) {
  const [comments, postings] = await Promise.all([
    db.eventComment.findMany({
      where: { eventId: event.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, body: true, createdAt: true, organizationId: true, author: { select: { name: true } } },
    }),
    db.partnershipActivity.findMany({ where: { eventId: event.id, kind: COMMENT_POSTED_KIND }, select: { changes: true } }),
  ]);
  const mentionsByComment = new Map<string, string[]>();
  for (const posting of postings) {
    const changes = readCommentPostedChanges(posting.changes);
    if (changes) mentionsByComment.set(changes.commentId, changes.mentionedUserIds);
  }
  const companyIds = event.companies.map((company) => company.id);
  const mentionedUsers = await db.user.findMany({
    where: { id: { in: [...new Set([...mentionsByComment.values()].flat())] } },
    select: { id: true, name: true, memberships: { where: { organizationId: { in: companyIds } }, take: 1, select: { organizationId: true } } },
  });
  const nameOf = new Map(
    mentionedUsers.map((user) => [user.id, otherSideName(user.name, companyOf(event, user.memberships[0]?.organizationId ?? "")?.name ?? null)]),
  );
  return comments.map((comment) => ({
    id: comment.id,
    body: comment.body,
    postedAt: comment.createdAt.toISOString(),
    postedAtLabel: `${formatDayInZone(comment.createdAt, event.timeZone)}, ${formatTimeInZone(comment.createdAt, event.timeZone)}`,
    authorName: otherSideName(comment.author.name, companyOf(event, comment.organizationId)?.name ?? null),
    companyName: companyOf(event, comment.organizationId)?.name ?? "A former partner",
    notifiedNames: (mentionsByComment.get(comment.id) ?? []).flatMap((userId) => nameOf.get(userId) ?? []),
  }));
}

/**
 * Posts to the thread both companies see. Whoever the author picked under "Notify", and whoever
 * they wrote as "@Full Name", gets the comment in their next digest email.
 */
export async function postComment(scope: TenantScope, eventId: string, input: CommentInput) {
  assertCan(scope, "events:plan");
  const event = await loadPlanningEvent(scope, eventId);
  assertPlanningOpen(event);
  const candidates = (await listMentionCandidates(event)).filter((candidate) => candidate.userId !== scope.userId);
  const candidateIds = new Set(candidates.map((candidate) => candidate.userId));
  const picked = input.notify.filter((userId) => userId !== scope.userId);
  if (picked.some((userId) => !candidateIds.has(userId))) {
    throw new PlanningRuleError("You can notify the managers of the two companies only. Reload the page and choose again.");
  }
  const mentionedUserIds = [...new Set([...picked, ...findWrittenMentions(input.body, candidates)])];
  const mentionedNames = candidates.filter((candidate) => mentionedUserIds.includes(candidate.userId)).map((candidate) => candidate.displayName);

  return db.$transaction(async (tx) => {
    await holdCommentDigests(tx, mentionedUserIds);
    const comment = await tx.eventComment.create({
      data: { eventId: event.id, organizationId: scope.organizationId, authorId: scope.userId, body: input.body },
      select: { id: true },
    });
    const changes: CommentPostedChanges = { commentId: comment.id, mentionedUserIds };
    await recordActivity(tx, scope, {
      partnershipId: event.partnershipId,
      eventId: event.id,
      kind: COMMENT_POSTED_KIND,
      summary: mentionedNames.length > 0 ? `Commented in the discussion and notified ${mentionedNames.join(", ")}.` : "Commented in the discussion.",
      changes,
    });
    await scheduleCommentDigests(tx, mentionedUserIds);
    return { id: comment.id, mentionedNames };
  });
}
