/** The activity kind of a posted comment; its `changes` hold the comment and who it notifies. */
export const COMMENT_POSTED_KIND = "comment.posted";

export type CommentPostedChanges = { commentId: string; mentionedUserIds: string[] };

export function readCommentPostedChanges(changes: unknown): CommentPostedChanges | null {
  if (!changes || typeof changes !== "object") return null;
  const { commentId, mentionedUserIds } = changes as Record<string, unknown>;
  if (typeof commentId !== "string" || !Array.isArray(mentionedUserIds)) return null;
  return { commentId, mentionedUserIds: mentionedUserIds.filter((id): id is string => typeof id === "string") };
}

export type MentionCandidate = { userId: string; name: string | null };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The people written into a comment as "@Full Name" (any case, any spacing between the names).
 * Longer names are matched first and their text set aside, so "@Ann Lee" notifies Ann Lee and
 * not also a colleague called Ann; namesakes are all notified. People without a name can only
 * be picked from the list.
 */
export function findWrittenMentions(body: string, candidates: readonly MentionCandidate[]): string[] {
  const idsByName = new Map<string, string[]>();
  for (const candidate of candidates) {
    const name = candidate.name?.trim().split(/\s+/).filter(Boolean).join(" ").toLowerCase();
    if (name) idsByName.set(name, [...(idsByName.get(name) ?? []), candidate.userId]);
  }
  const longestFirst = [...idsByName.keys()].sort((a, b) => b.length - a.length);
  let remaining = body;
  const found = new Set<string>();
  for (const name of longestFirst) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}_@])@${name.split(" ").map(escapeRegExp).join("\\s+")}(?![\\p{L}\\p{N}_])`, "giu");
    if (!pattern.test(remaining)) continue;
    for (const userId of idsByName.get(name)!) found.add(userId);
    remaining = remaining.replace(pattern, (match) => " ".repeat(match.length));
  }
  return [...found];
}
