import { Badge, type BadgeTone } from "~/components/ui/badge";
import type { InvitationSendStatus } from "~/generated/prisma/enums";

export const sendStatusLabels = {
  scheduled: { label: "Scheduled", tone: "brand" },
  sending: { label: "Sending", tone: "warning" },
  sent: { label: "Sent", tone: "success" },
  cancelled: { label: "Cancelled", tone: "neutral" },
} as const satisfies Record<InvitationSendStatus, { label: string; tone: BadgeTone }>;

export function SendStatusBadge({ status }: { status: InvitationSendStatus }) {
  const { label, tone } = sendStatusLabels[status];
  return <Badge tone={tone}>{label}</Badge>;
}
