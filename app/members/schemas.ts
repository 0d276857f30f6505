import { z } from "zod";
import { ROLES } from "~/organizations/permissions";

export const role = z.enum(ROLES, { message: "Choose a role." });

// The sign-in address schema speaks to the person signing in; this one is about someone else.
const teammateEmail = z
  .string({ message: "Enter your teammate's work email address." })
  .trim()
  .toLowerCase()
  .min(1, { message: "Enter your teammate's work email address." })
  .max(254, { message: "That address is too long." })
  .pipe(z.email({ message: "Enter an address like name@company.com." }));

export const inviteTeammateSchema = z.object({ intent: z.literal("invite"), email: teammateEmail, role });

export const memberActionSchema = z.discriminatedUnion("intent", [
  inviteTeammateSchema,
  z.object({ intent: z.literal("change-role"), membershipId: z.string().min(1), role }),
  z.object({ intent: z.literal("remove"), membershipId: z.string().min(1) }),
  z.object({ intent: z.literal("resend-invitation"), invitationId: z.string().min(1) }),
  z.object({ intent: z.literal("revoke-invitation"), invitationId: z.string().min(1) }),
  z.object({ intent: z.literal("leave") }),
]);
