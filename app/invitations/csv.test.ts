import { describe, expect, test } from "vitest";
import { decodeUploadedText, parseInviteeCsv, parsePastedInvitees, type ParseOutcome } from "./csv";

function parsed(outcome: ParseOutcome) {
  if (!outcome.ok) throw new Error(`expected the input to parse, got: ${outcome.error}`);
  return outcome.parsed;
}

describe("parseInviteeCsv", () => {
  test("reads name, email and team, lowercasing addresses and numbering lines from the header", () => {
    const result = parsed(parseInviteeCsv("name,email,team\nAnn Lee, Ann@Acme.COM ,Sales\nBob Ray,bob@acme.com,\n"));

    expect(result.invitees).toEqual([
      { line: 2, email: "ann@acme.com", name: "Ann Lee", team: "Sales" },
      { line: 3, email: "bob@acme.com", name: "Bob Ray", team: "" },
    ]);
    expect(result).toMatchObject({ rejected: [], duplicates: 0, totalRows: 2 });
  });

  test("takes the columns in any order and case, with a byte order mark, Windows line breaks and without a team column", () => {
    const result = parsed(parseInviteeCsv("\uFEFFE-Mail;FULL NAME\r\nann@acme.com;Ann Lee\r\n"));

    expect(result.invitees).toEqual([{ line: 2, email: "ann@acme.com", name: "Ann Lee", team: "" }]);
  });

  test("keeps commas and line breaks inside quoted values, and counts lines from where each row starts", () => {
    const csv = ['Email,Name,Team', 'ann@acme.com,"Lee, Ann","Sales, East"', '', 'bob@acme.com,"Bob', 'Ray",Ops', 'bob@', 'carl@acme.com,Carl,'].join("\n");

    const result = parsed(parseInviteeCsv(csv));

    expect(result.invitees).toEqual([
      { line: 2, email: "ann@acme.com", name: "Lee, Ann", team: "Sales, East" },
      { line: 4, email: "bob@acme.com", name: "Bob Ray", team: "Ops" },
      { line: 7, email: "carl@acme.com", name: "Carl", team: "" },
    ]);
    expect(result.rejected).toEqual([{ line: 6, value: "bob@", reason: "'bob@' is not an email address" }]);
  });

  test("lists each bad row with its line, the row as written and the reason, and keeps the good ones", () => {
    const csv = [
      "name,email,team",
      "Ann,ann@acme.com,Sales",
      "No Address,,Sales",
      `Long,long@acme.com,${"x".repeat(101)}`,
      `${"N".repeat(201)},name@acme.com,`,
      "Spaced,ann lee@acme.com,",
    ].join("\n");

    const result = parsed(parseInviteeCsv(csv));

    expect(result.invitees.map((invitee) => invitee.email)).toEqual(["ann@acme.com"]);
    expect(result.rejected).toEqual([
      { line: 3, value: "No Address, , Sales", reason: "there's no email address" },
      { line: 4, value: `Long, long@acme.com, ${"x".repeat(101)}`, reason: "the team is longer than 100 characters" },
      { line: 5, value: expect.stringMatching(/^N{199}…$/), reason: "the name is longer than 200 characters" },
      { line: 6, value: "Spaced, ann lee@acme.com,", reason: "'ann lee@acme.com' is not an email address" },
    ]);
    expect(result.totalRows).toBe(5);
  });

  test("merges repeated addresses case-insensitively into the first row, later names and teams filling in", () => {
    const csv = "name,email,team\nAnn,ann@acme.com,\nBob,bob@acme.com,Ops\nAnn Lee,ANN@acme.com,Sales\n,Bob@Acme.com,\n";

    const result = parsed(parseInviteeCsv(csv));

    expect(result.invitees).toEqual([
      { line: 2, email: "ann@acme.com", name: "Ann Lee", team: "Sales" },
      { line: 3, email: "bob@acme.com", name: "Bob", team: "Ops" },
    ]);
    expect(result.duplicates).toBe(2);
    expect(result.totalRows).toBe(4);
  });

  test("reports a quote that is never closed on the line it opens", () => {
    const result = parsed(parseInviteeCsv('name,email\nAnn,ann@acme.com\n"Bob,bob@acme.com\nCarl,carl@acme.com\n'));

    expect(result.invitees.map((invitee) => invitee.email)).toEqual(["ann@acme.com"]);
    expect(result.rejected).toEqual([{ line: 3, value: expect.stringContaining("Bob,bob@acme.com"), reason: expect.stringContaining("a quoted value is never closed") }]);
  });

  test("refuses a file without an email column, an empty file, and one with more than 20,000 rows", () => {
    expect(parseInviteeCsv("Name,Phone\nAnn,555\n")).toEqual({ ok: false, error: expect.stringContaining("Its first row is 'Name', 'Phone'") });
    expect(parseInviteeCsv("")).toEqual({ ok: false, error: expect.stringContaining("That file has no rows") });
    expect(parseInviteeCsv("name,email\n")).toEqual({ ok: false, error: expect.stringContaining("nobody under it") });
    const huge = ["name,email", ...Array.from({ length: 20_001 }, (_, index) => `P${index},p${index}@acme.com`)].join("\n");
    expect(parseInviteeCsv(huge)).toEqual({ ok: false, error: expect.stringContaining("more than 20,000 rows") });
  });
});

describe("parsePastedInvitees", () => {
  test('reads "Name <email>", bare addresses and "name, email, team" lines', () => {
    const text = ['Ann Lee <Ann@acme.com>', "bob@acme.com", "Carl Diaz, carl@acme.com, Sales", "Dee Fox\tdee@acme.com\tOps", '"Lee, Eve" <eve@acme.com>'].join("\n");

    expect(parsed(parsePastedInvitees(text)).invitees).toEqual([
      { line: 1, email: "ann@acme.com", name: "Ann Lee", team: "" },
      { line: 2, email: "bob@acme.com", name: "", team: "" },
      { line: 3, email: "carl@acme.com", name: "Carl Diaz", team: "Sales" },
      { line: 4, email: "dee@acme.com", name: "Dee Fox", team: "Ops" },
      { line: 5, email: "eve@acme.com", name: "Lee, Eve", team: "" },
    ]);
  });

  test("reads several addresses on one line, separated by commas or semicolons as mail programs copy them", () => {
    const result = parsed(parsePastedInvitees("Ann Lee <ann@acme.com>; Bob <bob@acme.com>, carl@acme.com\n\n  dee@acme.com  "));

    expect(result.invitees.map((invitee) => [invitee.line, invitee.email, invitee.name])).toEqual([
      [1, "ann@acme.com", "Ann Lee"],
      [1, "bob@acme.com", "Bob"],
      [1, "carl@acme.com", ""],
      [3, "dee@acme.com", ""],
    ]);
  });

  test("lists bad entries with their line and reason, merges duplicates and skips a header line", () => {
    const text = ["name,email,team", "Ann,ann@acme.com,Sales", "Bob Ray, bob@", "Just a name", "ann@ACME.com", "a,b@acme.com,c,d", "carl@acme.com; dee@"].join("\n");

    const result = parsed(parsePastedInvitees(text));

    expect(result.invitees.map((invitee) => invitee.email)).toEqual(["ann@acme.com", "carl@acme.com"]);
    expect(result.rejected).toEqual([
      { line: 3, value: "Bob Ray, bob@", reason: "'bob@' is not an email address" },
      { line: 4, value: "Just a name", reason: "there's no email address in 'Just a name'" },
      { line: 6, value: "a,b@acme.com,c,d", reason: "it has more than three values: write name, email, team on each line" },
      { line: 7, value: "dee@", reason: "'dee@' is not an email address" },
    ]);
    expect(result.duplicates).toBe(1);
    expect(result.totalRows).toBe(7);
  });

  test("refuses an empty paste", () => {
    expect(parsePastedInvitees(" \n\n")).toEqual({ ok: false, error: "Paste at least one email address." });
  });
});

describe("decodeUploadedText", () => {
  test("reads UTF-8 (with or without a byte order mark), UTF-16 and Excel's Windows-1252", () => {
    expect(decodeUploadedText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("José")]))).toBe("José");
    expect(decodeUploadedText(new Uint8Array([0xff, 0xfe, 0x4a, 0x00, 0xe9, 0x00]))).toBe("Jé");
    expect(decodeUploadedText(new Uint8Array([0x4a, 0x6f, 0x73, 0xe9]))).toBe("José");
  });
});
