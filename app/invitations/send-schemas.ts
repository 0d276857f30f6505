import { z } from "zod";
import { isLocalDateTime } from "~/events/time";

export const sendInvitationsSchema = z
  .object({
    when: z.enum(["now", "later"], { message: "Choose whether to send now or at a set time." }),
    /** Wall time in the event's time zone, as `<input type="datetime-local">` sends it. */
    scheduledFor: z.string().trim().optional(),
    includeFailed: z.boolean().optional(),
  })
  .superRefine((value, context) => {
    if (value.when === "later" && !(value.scheduledFor && isLocalDateTime(value.scheduledFor))) {
      context.addIssue({ code: "custom", path: ["scheduledFor"], message: "Pick the date and time to send the invitations at." });
    }
  });

export type SendInvitationsInput = z.output<typeof sendInvitationsSchema>;

export const cancelSendSchema = z.object({ intent: z.literal("cancel") });

export const DELIVERY_ROWS_PER_PAGE = 100;
