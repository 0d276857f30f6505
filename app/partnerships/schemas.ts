import { z } from "zod";
import { createOrganizationSchema } from "~/organizations/schemas";

export const INVITATION_MESSAGE_MAX_LENGTH = 1000;
export const NOTE_MAX_LENGTH = 2000;

const contactEmail = z
  .string({ message: "Enter the email address of your contact at the partner company." })
  .trim()
  .toLowerCase()
  .min(1, { message: "Enter the email address of your contact at the partner company." })
  .max(254, { message: "That address is too long." })
  .pipe(z.email({ message: "Enter an address like name@partner.com." }));

export const invitePartnerSchema = z.object({
  email: contactEmail,
  message: z
    .string()
    .trim()
    .max(INVITATION_MESSAGE_MAX_LENGTH, { message: `Keep the message under ${INVITATION_MESSAGE_MAX_LENGTH.toLocaleString("en")} characters.` })
    .default(""),
});

export const acceptWithNewCompanySchema = createOrganizationSchema.extend({ intent: z.literal("accept-new") });

export const invitationResponseSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("accept"), organizationId: z.string({ message: "Choose the company you're accepting for." }).min(1) }),
  acceptWithNewCompanySchema,
  z.object({ intent: z.literal("decline") }),
  z.object({ intent: z.literal("sign-out") }),
]);

export const addNoteSchema = z.object({
  intent: z.literal("add-note"),
  body: z
    .string({ message: "Write the note first." })
    .trim()
    .min(1, { message: "Write the note first." })
    .max(NOTE_MAX_LENGTH, { message: `Keep a note under ${NOTE_MAX_LENGTH.toLocaleString("en")} characters.` }),
});

export const endPartnershipSchema = z.object({
  intent: z.literal("end"),
  confirm: z.literal("yes", { message: "Tick the box to confirm that you want to end the partnership." }),
});

export const workspaceActionSchema = z.discriminatedUnion("intent", [
  addNoteSchema,
  z.object({ intent: z.literal("delete-note"), noteId: z.string().min(1) }),
  endPartnershipSchema,
  z.object({ intent: z.literal("withdraw") }),
]);
