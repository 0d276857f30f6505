import type { InvitationDelivery, RsvpStatus, SuppressionReason } from "~/generated/prisma/enums";
import { Badge } from "~/components/ui/badge";
import { deliveryLabels, rsvpLabels, suppressionLabels } from "../labels";

export function DeliveryBadge({ delivery }: { delivery: InvitationDelivery }) {
  const { label, tone } = deliveryLabels[delivery];
  return <Badge tone={tone}>{label}</Badge>;
}

export function RsvpBadge({ status }: { status: RsvpStatus }) {
  const { label, tone } = rsvpLabels[status];
  return <Badge tone={tone}>{label}</Badge>;
}

/** Kept on the list, but later sends skip the address: say so where the manager looks. */
export function SuppressionBadge({ reason }: { reason: SuppressionReason }) {
  return <Badge tone="warning">{suppressionLabels[reason]}</Badge>;
}
