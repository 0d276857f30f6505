import { Badge, type BadgeTone } from "~/components/ui/badge";
import { eventStatusLabels, eventStatusTones } from "~/events/status";
import type { EventStatus, PartnershipStatus } from "~/generated/prisma/enums";

const partnershipStatus: Record<PartnershipStatus | "withdrawn", { label: string; tone: BadgeTone }> = {
  active: { label: "Active", tone: "success" },
  pending: { label: "Waiting for an answer", tone: "warning" },
  declined: { label: "Declined", tone: "neutral" },
  ended: { label: "Ended", tone: "neutral" },
  withdrawn: { label: "Withdrawn", tone: "neutral" },
};

/** An invitation that ended before anyone answered was withdrawn; say so rather than "ended". */
export function PartnershipStatusBadge({ status, withdrawn = false }: { status: PartnershipStatus; withdrawn?: boolean }) {
  const { label, tone } = partnershipStatus[withdrawn ? "withdrawn" : status];
  return <Badge tone={tone}>{label}</Badge>;
}

export function EventStatusBadge({ status }: { status: EventStatus }) {
  return <Badge tone={eventStatusTones[status]}>{eventStatusLabels[status]}</Badge>;
}
