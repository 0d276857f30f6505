import { z } from "zod";

export const INVITEE_NAME_MAX_LENGTH = 200;
export const INVITEE_TEAM_MAX_LENGTH = 100;
export const EMAIL_MAX_LENGTH = 254;

/** An upload or a paste may be this large and hold this many rows; past that, split the file. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;

export const INVITEES_PER_PAGE = 50;

/** Addresses are stored lowercased and trimmed: one person is one address, however it was typed. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Names and teams pasted from spreadsheets carry tabs, line breaks and doubled spaces. */
export function tidyText(value: string): string {
  return value.replace(/\s+/g, " ").trim();
}

const quoted = (value: unknown) => `'${String(value)}'`;

/**
 * One invitee as read from a CSV row or a pasted line, already normalised. The messages name the
 * value, because they are listed beside the line they came from.
 */
export const inviteeRowSchema = z.object({
  email: z
    .string()
    .min(1, { error: "there's no email address" })
    .max(EMAIL_MAX_LENGTH, { error: (issue) => `${quoted(issue.input)} is too long for an email address` })
    .pipe(z.email({ error: (issue) => `${quoted(issue.input)} is not an email address` })),
  name: z.string().max(INVITEE_NAME_MAX_LENGTH, { error: `the name is longer than ${INVITEE_NAME_MAX_LENGTH} characters` }),
  team: z.string().max(INVITEE_TEAM_MAX_LENGTH, { error: `the team is longer than ${INVITEE_TEAM_MAX_LENGTH} characters` }),
});

const id = (message: string) => z.string({ message }).min(1, { message });

export const addMembersSchema = z
  .object({
    intent: z.literal("add-members"),
    userId: z.array(z.string().min(1)).default([]),
    everyone: z.literal("true").optional(),
  })
  .refine((input) => input.everyone === "true" || input.userId.length > 0, {
    message: "Tick at least one person to add, or add everyone.",
    path: ["userId"],
  });

export const pasteInviteesSchema = z.object({
  intent: z.literal("paste"),
  text: z
    .string({ message: "Paste at least one email address." })
    .trim()
    .min(1, { message: "Paste at least one email address." })
    .max(MAX_IMPORT_BYTES, { message: "That's more than 2 MB of text. Split it into smaller pastes, or upload it as a CSV file." }),
});

export const importCsvSchema = z.object({
  intent: z.literal("import-csv"),
  file: z
    .instanceof(File, { message: "Choose a CSV file to upload." })
    // Browsers send a nameless, empty part when no file was chosen.
    .refine((file) => file.name !== "" || file.size > 0, { message: "Choose a CSV file to upload.", abort: true })
    .refine((file) => file.size > 0, { message: "That file is empty. Choose the CSV file with your list in it.", abort: true })
    .refine((file) => file.size <= MAX_IMPORT_BYTES, { message: "That file is larger than 2 MB. Split it into smaller files and upload them one by one." }),
});

export const removeInviteeSchema = z.object({
  intent: z.literal("remove"),
  invitationId: id("Choose who to remove."),
});

export const inviteListActionSchema = z.discriminatedUnion("intent", [addMembersSchema, pasteInviteesSchema, importCsvSchema, removeInviteeSchema]);
