import Papa from "papaparse";
import { inviteeRowSchema, MAX_IMPORT_ROWS, normalizeEmail, tidyText } from "./schemas";

/** A row that passed validation; `line` is where it starts in the file or paste (1-based). */
export type ImportedInvitee = { line: number; email: string; name: string; team: string };

/** A row that was left out, with the value as written and why, e.g. "'bob@' is not an email address". */
export type RejectedRow = { line: number; value: string; reason: string };

export type ParsedInvitees = {
  /** One per address, in the order first seen; later rows' names and teams fill in earlier ones. */
  invitees: ImportedInvitee[];
  rejected: RejectedRow[];
  /** Rows whose address appeared earlier in the same input and were merged into it. */
  duplicates: number;
  /** Every row read, good or bad. */
  totalRows: number;
};

export type ParseOutcome = { ok: true; parsed: ParsedInvitees } | { ok: false; error: string };

const VALUE_PREVIEW_LENGTH = 200;

const tooManyRows = `That's more than ${MAX_IMPORT_ROWS.toLocaleString("en-US")} rows. Split the list into smaller files and import them one by one.`;

/**
 * Uploaded files are usually UTF-8, but Excel on Windows saves "CSV" as Windows-1252 and
 * "Unicode text" as UTF-16: decoding those as UTF-8 would mangle every accented name.
 */
export function decodeUploadedText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

function normalizeLineBreaks(text: string): string {
  return text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

function preview(value: string): string {
  const tidy = tidyText(value);
  return tidy.length > VALUE_PREVIEW_LENGTH ? `${tidy.slice(0, VALUE_PREVIEW_LENGTH - 1)}…` : tidy;
}

/** Collects rows in order, validating each and merging repeated addresses into their first row. */
class InviteeCollector {
  readonly #byEmail = new Map<string, ImportedInvitee>();
  readonly rejected: RejectedRow[] = [];
  duplicates = 0;
  totalRows = 0;

  get tooMany() {
    return this.totalRows > MAX_IMPORT_ROWS;
  }

  add(line: number, value: string, raw: { email: string; name?: string; team?: string }) {
    this.totalRows += 1;
    const checked = inviteeRowSchema.safeParse({ email: normalizeEmail(raw.email), name: tidyText(raw.name ?? ""), team: tidyText(raw.team ?? "") });
    if (!checked.success) {
      this.reject(line, value, checked.error.issues.map((issue) => issue.message).join("; "));
      return;
    }
    const earlier = this.#byEmail.get(checked.data.email);
    if (!earlier) {
      this.#byEmail.set(checked.data.email, { line, ...checked.data });
      return;
    }
    this.duplicates += 1;
    if (checked.data.name) earlier.name = checked.data.name;
    if (checked.data.team) earlier.team = checked.data.team;
  }

  /** A row that could not even be read as an invitee. */
  reject(line: number, value: string, reason: string, options: { countsAsRow: boolean } = { countsAsRow: false }) {
    if (options.countsAsRow) this.totalRows += 1;
    this.rejected.push({ line, value: preview(value), reason });
  }

  result(): ParsedInvitees {
    return { invitees: [...this.#byEmail.values()], rejected: this.rejected, duplicates: this.duplicates, totalRows: this.totalRows };
  }
}

// ---- CSV ----------------------------------------------------------------------------------------

type Column = "name" | "email" | "team";

const HEADER_NAMES: Record<string, Column> = {
  name: "name",
  "full name": "name",
  email: "email",
  "e-mail": "email",
  "email address": "email",
  "e-mail address": "email",
  team: "team",
  department: "team",
};

type ColumnPositions = Partial<Record<Column, number>>;

function readHeader(fields: string[]): ColumnPositions | { error: string } {
  const positions: ColumnPositions = {};
  fields.forEach((field, index) => {
    const column = HEADER_NAMES[tidyText(field).toLowerCase()];
    if (column && positions[column] === undefined) positions[column] = index;
  });
  if (positions.email === undefined) {
    const found = fields.map((field) => `'${preview(field)}'`).join(", ");
    return { error: `The first row of the file must name its columns: name, email and (optionally) team. Its first row is ${found}.` };
  }
  return positions;
}

function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let index = from; index < to; index += 1) if (text.charCodeAt(index) === 10) count += 1;
  return count;
}

/**
 * Reads a CSV with a header row naming its columns (name, email, optional team) in any order and
 * any case. Quoted values may hold commas and line breaks; comma, semicolon and tab separators
 * are recognised. Each bad row is reported with the line it starts on.
 */
export function parseInviteeCsv(text: string): ParseOutcome {
  const source = normalizeLineBreaks(text);
  const collector = new InviteeCollector();
  let columns: ColumnPositions | null = null;
  let headerError: string | null = null;
  // Papaparse reports where each row ends; line numbers are counted from those offsets.
  let consumed = 0;
  let lineBreaksBefore = 0;

  Papa.parse<string[]>(source, {
    skipEmptyLines: "greedy",
    delimitersToGuess: [",", ";", "\t"],
    step: (result, parser) => {
      let start = consumed;
      while (start < source.length && /\s/.test(source[start]!)) start += 1;
      lineBreaksBefore += countLineBreaks(source, consumed, start);
      const line = lineBreaksBefore + 1;
      lineBreaksBefore += countLineBreaks(source, start, result.meta.cursor);
      consumed = result.meta.cursor;

      const fields = result.data;
      if (!columns) {
        const header = readHeader(fields);
        if ("error" in header) {
          headerError = header.error;
          parser.abort();
        } else {
          columns = header;
        }
        return;
      }
      const value = fields.map((field) => field.trim()).join(", ");
      if (result.errors.some((error) => error.type === "Quotes")) {
        collector.reject(line, value, 'a quoted value is never closed: add the missing " and import the file again', { countsAsRow: true });
      } else {
        const at = (column: Column) => (columns![column] === undefined ? "" : (fields[columns![column]!] ?? ""));
        collector.add(line, value, { email: at("email"), name: at("name"), team: at("team") });
      }
      if (collector.tooMany) parser.abort();
    },
  });

  if (headerError) return { ok: false, error: headerError };
  if (!columns) return { ok: false, error: "That file has no rows. Put a header row (name, email, team) and one person per row." };
  if (collector.tooMany) return { ok: false, error: tooManyRows };
  if (collector.totalRows === 0) return { ok: false, error: "That file has a header row but nobody under it. Add one person per row." };
  return { ok: true, parsed: collector.result() };
}

// ---- Pasted text ----------------------------------------------------------------------------------

const SEPARATORS = new Set([",", ";", "\t"]);

/** Splits on commas, semicolons and tabs, except inside "quotes" and <angle brackets>. */
function splitEntries(line: string): string[] {
  const tokens: string[] = [];
  let current = "";
  let inQuotes = false;
  let inAngles = false;
  for (const char of line) {
    if (char === '"' && !inAngles) inQuotes = !inQuotes;
    else if (char === "<" && !inQuotes) inAngles = true;
    else if (char === ">" && !inQuotes) inAngles = false;
    if (SEPARATORS.has(char) && !inQuotes && !inAngles) {
      tokens.push(current);
      current = "";
    } else {
      current += char;
    }
  }
  tokens.push(current);
  return tokens.map((token) => token.trim()).filter(Boolean);
}

function unquote(value: string): string {
  return value.trim().replace(/^"(.*)"$/s, "$1");
}

/** "Ann Lee <ann@acme.com>", "Ann Lee ann@acme.com" or "ann@acme.com". */
function readMailbox(token: string): { name: string; email: string } {
  const angled = /^(.*)<([^<>]*)>$/s.exec(token);
  if (angled) return { name: unquote(angled[1]!), email: angled[2]! };
  const words = token.split(/\s+/);
  const last = words.at(-1)!;
  if (words.length > 1 && last.includes("@")) return { name: unquote(words.slice(0, -1).join(" ")), email: last };
  return { name: "", email: token };
}

const isBareAddress = (token: string) => token.includes("@") && !token.includes("<") && !/\s/.test(token);

function isHeaderLine(tokens: string[]): boolean {
  return tokens.every((token) => HEADER_NAMES[tidyText(unquote(token)).toLowerCase()] !== undefined);
}

/**
 * Reads addresses pasted one per line, as "Name <email>", "email" or "name, email, team" (a
 * spreadsheet's tabs work as well as commas). A line may also hold several addresses separated by
 * commas or semicolons, as mail programs copy them.
 */
export function parsePastedInvitees(text: string): ParseOutcome {
  const collector = new InviteeCollector();
  const lines = normalizeLineBreaks(text).split("\n");
  for (const [index, rawLine] of lines.entries()) {
    const line = index + 1;
    const tokens = splitEntries(rawLine);
    if (tokens.length === 0 || (line === 1 && isHeaderLine(tokens))) continue;
    if (!tokens.some((token) => token.includes("@"))) {
      collector.reject(line, rawLine, `there's no email address in '${preview(rawLine)}'`, { countsAsRow: true });
    } else if (tokens.length >= 2 && !tokens[0]!.includes("@") && isBareAddress(tokens[1]!)) {
      if (tokens.length > 3) {
        collector.reject(line, rawLine, "it has more than three values: write name, email, team on each line", { countsAsRow: true });
      } else {
        collector.add(line, rawLine, { name: unquote(tokens[0]!), email: tokens[1]!, team: unquote(tokens[2] ?? "") });
      }
    } else {
      for (const token of tokens) collector.add(line, token, readMailbox(token));
    }
    if (collector.tooMany) return { ok: false, error: tooManyRows };
  }
  if (collector.totalRows === 0) return { ok: false, error: "Paste at least one email address." };
  return { ok: true, parsed: collector.result() };
}
