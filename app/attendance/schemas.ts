import { z } from "zod";
import { WALK_IN_PLACEHOLDER_DOMAIN } from "./walk-ins";

export const WALK_IN_NAME_MAX_LENGTH = 200;
export const WALK_IN_TEAM_MAX_LENGTH = 100;
export const SEARCH_MAX_LENGTH = 100;

const invitationId = z.string({ message: "Choose someone on the list." }).min(1, { message: "Choose someone on the list." });

export const walkInSchema = z.object({
  intent: z.literal("add-walk-in"),
  name: z
    .string({ message: "Enter the name of the person at the door." })
    .trim()
    .min(1, { message: "Enter the name of the person at the door." })
    .max(WALK_IN_NAME_MAX_LENGTH, { message: `Keep the name under ${WALK_IN_NAME_MAX_LENGTH} characters.` }),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, { message: "That address is too long." })
    .pipe(z.email({ message: "Enter an address like name@company.com, or leave it empty." }))
    .refine((email) => !email.endsWith(`@${WALK_IN_PLACEHOLDER_DOMAIN}`), { message: "Enter their real address, or leave it empty." })
    .optional(),
  team: z.string().trim().max(WALK_IN_TEAM_MAX_LENGTH, { message: `Keep the team under ${WALK_IN_TEAM_MAX_LENGTH} characters.` }).optional(),
  // Issued with the form, so a second submission of the same form is recognised (see walk-ins.ts).
  walkInKey: z.string({ message: "Reload the page and add the walk-in again." }).regex(/^[a-f0-9]{24}$/, { message: "Reload the page and add the walk-in again." }),
});

export type WalkInInput = Omit<z.output<typeof walkInSchema>, "intent">;

export const markAttendedSchema = z.object({ intent: z.literal("mark-attended"), invitationId });
export const undoAttendedSchema = z.object({ intent: z.literal("undo-attended"), invitationId });

export const checkInActionSchema = z.discriminatedUnion("intent", [markAttendedSchema, undoAttendedSchema, walkInSchema]);

/** The QR code's entry page: the person is in the URL, so only the intent is posted. */
export const doorActionSchema = z.object({ intent: z.enum(["mark-attended", "undo-attended"], { message: "Choose whether to check them in or undo it." }) });

export const CHECK_IN_VIEWS = ["expected", "unconfirmed", "all"] as const;
export type CheckInView = (typeof CHECK_IN_VIEWS)[number];

export type CheckInQuery = { q: string; view: CheckInView; entry: string | null };

/** The list's search and filter come from the URL, so they survive a reload and work without JavaScript. */
export function parseCheckInQuery(url: URL): CheckInQuery {
  const view = url.searchParams.get("show");
  return {
    q: (url.searchParams.get("q") ?? "").trim().slice(0, SEARCH_MAX_LENGTH),
    view: CHECK_IN_VIEWS.find((candidate) => candidate === view) ?? "expected",
    entry: url.searchParams.get("entry") || null,
  };
}
