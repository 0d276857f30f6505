import { describe, expect, test } from "vitest";
import { findWrittenMentions, readCommentPostedChanges } from "./mentions";

const people = [
  { userId: "ann", name: "Ann" },
  { userId: "ann-lee", name: "Ann Lee" },
  { userId: "bo", name: "Bo Chen" },
  { userId: "other-bo", name: "bo  chen" },
  { userId: "nameless", name: null },
  { userId: "dotty", name: "J.R. Smith" },
];

describe("findWrittenMentions", () => {
  test.each([
    ["@Ann Lee can you book it?", ["ann-lee"]],
    ["@Ann and @Ann Lee", ["ann-lee", "ann"]],
    ["thanks @ann lee!", ["ann-lee"]],
    ["@Ann\nLee", ["ann-lee"]],
    ["@Bo Chen", ["bo", "other-bo"]],
    ["@J.R. Smith ok", ["dotty"]],
    ["@JxR. Smith ok", []],
    ["email ann@Ann Lee", []],
    ["@Annabel", []],
    ["Ann Lee without the at sign", []],
  ])("%j mentions %j", (body, expected) => {
    expect(findWrittenMentions(body, people).sort()).toEqual([...expected].sort());
  });
});

describe("readCommentPostedChanges", () => {
  test("reads what postComment records and ignores anything else", () => {
    expect(readCommentPostedChanges({ commentId: "c1", mentionedUserIds: ["u1", 7] })).toEqual({ commentId: "c1", mentionedUserIds: ["u1"] });
    expect(readCommentPostedChanges({ fields: [] })).toBeNull();
    expect(readCommentPostedChanges(null)).toBeNull();
  });
});
