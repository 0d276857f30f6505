import type { EventKind, EventStatus, OutingType } from "~/generated/prisma/enums";

/**
 * Completion is computed on read: a confirmed event whose end has passed is completed, with no
 * job or manager action to forget. A stored `completed` status is honoured too.
 */
export function effectiveEventStatus(event: { status: EventStatus; endsAt: Date }, now = new Date()): EventStatus {
  if (event.status === "confirmed" && event.endsAt.getTime() <= now.getTime()) return "completed";
  return event.status;
}

/** Cancelled and completed events are history: nothing about them changes any more. */
export function isClosedStatus(status: EventStatus): boolean {
  return status === "cancelled" || status === "completed";
}

export const eventStatusLabels = {
  draft: "Draft",
  proposed: "Waiting for approval",
  confirmed: "Confirmed",
  completed: "Completed",
  cancelled: "Cancelled",
} as const satisfies Record<EventStatus, string>;

export const eventStatusTones = {
  draft: "neutral",
  proposed: "warning",
  confirmed: "success",
  completed: "brand",
  cancelled: "danger",
} as const satisfies Record<EventStatus, "neutral" | "brand" | "success" | "warning" | "danger">;

export const eventKindLabels = {
  outing: "Outing",
  volunteer_day: "Volunteer day",
} as const satisfies Record<EventKind, string>;

export const outingTypeLabels = {
  sports: "Sports game",
  show: "Show",
  dinner: "Dinner",
  other: "Other outing",
} as const satisfies Record<OutingType, string>;

/** "Outing · Dinner", "Volunteer day". */
export function describeEventKind(kind: EventKind, outingType: OutingType | null): string {
  return kind === "outing" && outingType ? `${eventKindLabels.outing} · ${outingTypeLabels[outingType]}` : eventKindLabels[kind];
}
