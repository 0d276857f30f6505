import PlanningCommentDigestEmail, { planningCommentDigestSubject, type CommentDigestItem } from "#emails/planning-comment-digest";
import { db, type Tx } from "~/platform/db.server";
import { queueEmail } from "~/platform/email.server";
import { env } from "~/platform/env.server";
import { enqueueJob, type JobDefinition } from "~/platform/jobs.server";
import { COMMENT_POSTED_KIND, readCommentPostedChanges } from "./mentions";
import { otherSideName } from "~/partnerships/people.server";

/** The outbox kind of a digest: the newest one sent to an address is when that person last got one. */
export const COMMENT_DIGEST_KIND = "comment-digest";
export const COMMENT_DIGEST_INTERVAL_MS = 60 * 60 * 1000;
const EXCERPT_LENGTH = 280;

type CommentDigestJob = { userId: string };

export const commentDigestJob: JobDefinition<CommentDigestJob> = {
  name: "planning.comment-digest",
  // "short" keeps at most one waiting digest job per singleton key: every mention made while a
  // digest is scheduled folds into that one.
  queue: { policy: "short", retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 300 },
  handle: async ({ userId }) => {
    await sendCommentDigest(userId);
  },
};

export function commentDigestKey(userId: string): string {
  return `comment-digest:${userId}`;
}

/**
 * Serialises a person's mentions with their digest. A comment that mentions them waits for a
 * digest being written, then schedules the next one; a digest waits for a comment being written,
 * then includes it. So no mention is ever older than the digest that should have carried it.
 * Locks are taken in one order, so two comments mentioning the same people cannot deadlock.
 */
export async function holdCommentDigests(tx: Tx, userIds: readonly string[]) {
  for (const userId of [...new Set(userIds)].sort()) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${commentDigestKey(userId)}))`;
  }
}

async function lastDigestAt(tx: Tx, email: string): Promise<Date | null> {
  const last = await tx.outboundEmail.findFirst({
    where: { kind: COMMENT_DIGEST_KIND, to: email },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  return last?.createdAt ?? null;
}

/** Now, or an hour after the last digest if that is later. */
export function nextDigestSlot(lastDigest: Date | null, now: Date): Date {
  if (!lastDigest) return now;
  const next = new Date(lastDigest.getTime() + COMMENT_DIGEST_INTERVAL_MS);
  return next > now ? next : now;
}

/** Call after `holdCommentDigests` for the same people, in the transaction that records the mention. */
export async function scheduleCommentDigests(tx: Tx, userIds: readonly string[], now = new Date()) {
  const users = await tx.user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, email: true } });
  for (const user of users) {
    const startAfter = nextDigestSlot(await lastDigestAt(tx, user.email), now);
    await enqueueJob(tx, commentDigestJob, { userId: user.id }, { singletonKey: commentDigestKey(user.id), startAfter });
  }
}

export type DigestOutcome = "sent" | "postponed" | "nothing-new";

/**
 * Emails one person every comment that mentioned them since their last digest, if an hour has
 * passed since it; otherwise schedules itself for when the hour is up. Comments on events of a
 * company the person has since left are skipped.
 */
export async function sendCommentDigest(userId: string, now = new Date()): Promise<DigestOutcome> {
  return db.$transaction(async (tx) => {
    await holdCommentDigests(tx, [userId]);
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { email: true, name: true, memberships: { select: { organizationId: true, organization: { select: { slug: true } } } } },
    });
    if (!user) return "nothing-new";
    const since = await lastDigestAt(tx, user.email);
    const mentions = await tx.partnershipActivity.findMany({
      where: {
        kind: COMMENT_POSTED_KIND,
        ...(since ? { createdAt: { gt: since } } : {}),
        changes: { path: ["mentionedUserIds"], array_contains: [userId] },
      },
      select: { changes: true },
    });
    const commentIds = mentions.flatMap((mention) => readCommentPostedChanges(mention.changes)?.commentId ?? []);
    const items = await digestItems(tx, commentIds, new Map(user.memberships.map((m) => [m.organizationId, m.organization.slug])));
    if (items.length === 0) return "nothing-new";

    const slot = nextDigestSlot(since, now);
    if (slot > now) {
      await enqueueJob(tx, commentDigestJob, { userId }, { singletonKey: commentDigestKey(userId), startAfter: slot });
      return "postponed";
    }
    await queueEmail(tx, {
      kind: COMMENT_DIGEST_KIND,
      to: user.email,
      subject: planningCommentDigestSubject(items.length),
      react: PlanningCommentDigestEmail({ recipientName: user.name ?? "there", items }),
    });
    return "sent";
  });
}

async function digestItems(tx: Tx, commentIds: string[], slugByOrganization: Map<string, string>): Promise<CommentDigestItem[]> {
  if (commentIds.length === 0) return [];
  const comments = await tx.eventComment.findMany({
    where: { id: { in: commentIds } },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      body: true,
      organizationId: true,
      author: { select: { name: true } },
      event: { select: { id: true, title: true, partnership: { select: { initiatorId: true, partnerId: true } } } },
    },
  });
  const organizations = await tx.organization.findMany({
    where: { id: { in: [...new Set(comments.map((comment) => comment.organizationId))] } },
    select: { id: true, name: true },
  });
  const companyName = new Map(organizations.map((organization) => [organization.id, organization.name]));
  return comments.flatMap((comment) => {
    const { initiatorId, partnerId } = comment.event.partnership;
    const slug = slugByOrganization.get(initiatorId) ?? (partnerId ? slugByOrganization.get(partnerId) : undefined);
    if (!slug) return [];
    return [
      {
        eventTitle: comment.event.title,
        authorName: otherSideName(comment.author.name, companyName.get(comment.organizationId) ?? null),
        companyName: companyName.get(comment.organizationId) ?? "A former partner",
        excerpt: comment.body.length > EXCERPT_LENGTH ? `${comment.body.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…` : comment.body,
        url: `${env().APP_URL}/o/${slug}/events/${comment.event.id}/discussion#comment-${comment.id}`,
      },
    ];
  });
}
