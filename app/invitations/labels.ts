import type { InvitationDelivery, InvitationSource, RsvpStatus, SuppressionReason } from "~/generated/prisma/enums";
import type { BadgeTone } from "~/components/ui/badge";

/** How invitations' delivery, answers and origins are named and coloured on every page that lists invitees. */
export type Labelled = { label: string; tone: BadgeTone };

export const deliveryLabels = {
  not_sent: { label: "Not sent", tone: "neutral" },
  scheduled: { label: "Scheduled", tone: "brand" },
  queued: { label: "Sending", tone: "brand" },
  sent: { label: "Sent", tone: "brand" },
  delivered: { label: "Delivered", tone: "success" },
  bounced: { label: "Bounced", tone: "danger" },
  complained: { label: "Marked as spam", tone: "danger" },
  failed: { label: "Failed", tone: "danger" },
  suppressed: { label: "Not sent (blocked address)", tone: "warning" },
} as const satisfies Record<InvitationDelivery, Labelled>;

export const rsvpLabels = {
  no_answer: { label: "No answer", tone: "neutral" },
  attending: { label: "Attending", tone: "success" },
  waitlisted: { label: "Waitlisted", tone: "warning" },
  maybe: { label: "Maybe", tone: "brand" },
  declined: { label: "Declined", tone: "neutral" },
} as const satisfies Record<RsvpStatus, Labelled>;

export const suppressionLabels = {
  bounced: "Bounced before",
  complained: "Complained before",
} as const satisfies Record<SuppressionReason, string>;

export const sourceLabels = {
  member: "Member",
  pasted: "Pasted",
  csv: "CSV",
  walk_in: "Walk-in",
} as const satisfies Record<InvitationSource, string>;
