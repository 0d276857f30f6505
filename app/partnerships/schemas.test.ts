import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, test } from "vitest";
import { invitePartnerSchema, workspaceActionSchema } from "./schemas";

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

describe("invitePartnerSchema", () => {
  test("lowercases the address and allows an empty message", () => {
    const submission = parseWithZod(form({ email: " Jordan@Globex.Example " }), { schema: invitePartnerSchema });

    expect(submission.status).toBe("success");
    expect(submission.status === "success" && submission.value).toEqual({ email: "jordan@globex.example", message: "" });
  });

  test("explains a missing address and a message over 1,000 characters", () => {
    const submission = parseWithZod(form({ email: "", message: "x".repeat(1001) }), { schema: invitePartnerSchema });

    expect(submission.reply().error).toEqual({
      email: ["Enter the email address of your contact at the partner company."],
      message: ["Keep the message under 1,000 characters."],
    });
  });
});

describe("workspaceActionSchema", () => {
  test("a note must have words and at most 2,000 characters", () => {
    expect(parseWithZod(form({ intent: "add-note", body: "   " }), { schema: workspaceActionSchema }).reply().error).toEqual({ body: ["Write the note first."] });
    expect(parseWithZod(form({ intent: "add-note", body: "x".repeat(2001) }), { schema: workspaceActionSchema }).reply().error).toEqual({
      body: ["Keep a note under 2,000 characters."],
    });
  });

  test("ending asks for the box to be ticked", () => {
    expect(parseWithZod(form({ intent: "end" }), { schema: workspaceActionSchema }).reply().error).toEqual({
      confirm: ["Tick the box to confirm that you want to end the partnership."],
    });
  });
});
