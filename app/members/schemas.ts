import { z } from "zod";
import { emailAddress } from "~/auth/schemas";
import { ROLES } from "~/organizations/permissions";

export const role = z.enum(ROLES, { message: "Choose a role." });

export const inviteTeammateSchema = z.object({ intent: z.literal("invite"), email: emailAddress, role });

export const memberActionSchema = z.discriminatedUnion("intent", [
  inviteTeammateSchema,
  z.object({ intent: z.literal("change-role"), membershipId: z.string().min(1), role }),
  z.object({ intent: z.literal("remove"), membershipId: z.string().min(1) }),
  z.object({ intent: z.literal("resend-invitation"), invitationId: z.string().min(1) }),
  z.object({ intent: z.literal("revoke-invitation"), invitationId: z.string().min(1) }),
]);
