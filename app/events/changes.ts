import type { OutingType, QuestionKind } from "~/generated/prisma/enums";
import { formatMoney } from "./money";
import { outingTypeLabels } from "./status";
import { formatEventRange, formatInZone } from "./time";

/**
 * The facts both companies approve. Changing any of them after a proposal needs both approvals
 * again; it is what an `EventApproval` snapshot stores. Instants are ISO strings so the snapshot
 * survives a JSON round trip unchanged.
 */
export type MaterialSnapshot = {
  startsAt: string;
  endsAt: string;
  timeZone: string;
  venueName: string;
  venueAddress: string;
  onlineUrl: string | null;
  capacity: number;
  /** Seats by company id. */
  quotas: Record<string, number>;
  shifts: ShiftSnapshot[];
};

export type ShiftSnapshot = { role: string; startsAt: string; endsAt: string; capacity: number; notes: string; waiverText: string | null };

/** What may change without new approvals. */
export type EventDetails = {
  title: string;
  outingType: OutingType | null;
  description: string;
  rsvpDeadline: string | null;
  plusOnesAllowed: boolean;
  questions: { prompt: string; kind: QuestionKind; options: string[]; required: boolean }[];
  cost: { estimateMinor: number; currency: string; initiatorPercent: number } | null;
};

export type FieldChange = { field: string; label: string; before: string; after: string };

export type ChangeContext = {
  /** The two companies, initiator first, for labelling seats and cost shares. */
  organizations: { id: string; name: string }[];
};

type DatedEvent = {
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  venueName: string;
  venueAddress: string;
  onlineUrl: string | null;
  capacity: number;
  quotas: { organizationId: string; seats: number }[];
  shifts: { role: string; startsAt: Date; endsAt: Date; capacity: number; notes: string; waiverText: string | null }[];
};

export function materialSnapshot(event: DatedEvent): MaterialSnapshot {
  const quotas = Object.fromEntries([...event.quotas].sort((a, b) => a.organizationId.localeCompare(b.organizationId)).map((quota) => [quota.organizationId, quota.seats]));
  const shifts = event.shifts
    .map((shift) => ({
      role: shift.role,
      startsAt: shift.startsAt.toISOString(),
      endsAt: shift.endsAt.toISOString(),
      capacity: shift.capacity,
      notes: shift.notes,
      waiverText: shift.waiverText,
    }))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.role.localeCompare(b.role) || a.endsAt.localeCompare(b.endsAt));
  return {
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    timeZone: event.timeZone,
    venueName: event.venueName,
    venueAddress: event.venueAddress,
    onlineUrl: event.onlineUrl,
    capacity: event.capacity,
    quotas,
    shifts,
  };
}

const orNone = (text: string | null | undefined) => (text ? text : "None");
const people = (count: number) => `${count} ${count === 1 ? "person" : "people"}`;

function describeShift(shift: ShiftSnapshot, timeZone: string): string {
  const parts = [formatEventRange(new Date(shift.startsAt), new Date(shift.endsAt), timeZone), people(shift.capacity)];
  if (shift.notes) parts.push(`Notes: ${shift.notes}`);
  if (shift.waiverText) parts.push(`Waiver: ${shift.waiverText}`);
  return parts.join(" · ");
}

/**
 * Before → after for every material fact that differs, with times in each version's own zone,
 * ready to show to an approver or keep in the history.
 */
export function materialChanges(before: MaterialSnapshot, after: MaterialSnapshot, context: ChangeContext): FieldChange[] {
  const changes: FieldChange[] = [];
  const push = (field: string, label: string, beforeText: string, afterText: string) => {
    if (beforeText !== afterText) changes.push({ field, label, before: beforeText, after: afterText });
  };
  if (before.startsAt !== after.startsAt || before.endsAt !== after.endsAt || before.timeZone !== after.timeZone) {
    changes.push({
      field: "when",
      label: "When",
      before: formatEventRange(new Date(before.startsAt), new Date(before.endsAt), before.timeZone),
      after: formatEventRange(new Date(after.startsAt), new Date(after.endsAt), after.timeZone),
    });
  }
  push("venueName", "Venue", before.venueName, after.venueName);
  push("venueAddress", "Address", orNone(before.venueAddress), orNone(after.venueAddress));
  push("onlineUrl", "Online link", orNone(before.onlineUrl), orNone(after.onlineUrl));
  push("capacity", "Total seats", String(before.capacity), String(after.capacity));
  const organizationIds = [...context.organizations.map((organization) => organization.id)];
  for (const id of [...Object.keys(before.quotas), ...Object.keys(after.quotas)]) if (!organizationIds.includes(id)) organizationIds.push(id);
  for (const id of organizationIds) {
    const name = context.organizations.find((organization) => organization.id === id)?.name ?? "A former partner";
    const seatsText = (seats: number | undefined) => (seats === undefined ? "None" : String(seats));
    push(`quota:${id}`, `${name}'s seats`, seatsText(before.quotas[id]), seatsText(after.quotas[id]));
  }
  changes.push(...shiftChanges(before, after));
  return changes;
}

/** Shifts are matched by role, so a moved shift reads as one change rather than a removal and an addition. */
function shiftChanges(before: MaterialSnapshot, after: MaterialSnapshot): FieldChange[] {
  const changes: FieldChange[] = [];
  const remaining = [...after.shifts];
  for (const old of before.shifts) {
    const index = remaining.findIndex((shift) => shift.role === old.role);
    const oldText = describeShift(old, before.timeZone);
    if (index === -1) {
      changes.push({ field: "shift", label: `Shift: ${old.role}`, before: oldText, after: "Removed" });
      continue;
    }
    const [match] = remaining.splice(index, 1);
    const newText = describeShift(match!, after.timeZone);
    if (oldText !== newText) changes.push({ field: "shift", label: `Shift: ${old.role}`, before: oldText, after: newText });
  }
  for (const added of remaining) {
    changes.push({ field: "shift", label: `Shift: ${added.role}`, before: "Not planned", after: describeShift(added, after.timeZone) });
  }
  return changes;
}

function describeQuestion(question: EventDetails["questions"][number]): string {
  const how = question.kind === "short_text" ? "short answer" : `${question.kind === "single_choice" ? "pick one" : "pick any"}: ${question.options.join(", ")}`;
  return `${question.prompt} (${how}${question.required ? ", required" : ""})`;
}

function describeCost(cost: EventDetails["cost"], context: ChangeContext): string {
  if (!cost) return "None";
  const [initiator, partner] = context.organizations;
  const initiatorName = initiator?.name ?? "The initiator";
  const partnerName = partner?.name ?? "the partner";
  return `${formatMoney(cost.estimateMinor, cost.currency)}, ${initiatorName} pays ${cost.initiatorPercent}% and ${partnerName} ${100 - cost.initiatorPercent}%`;
}

/** Before → after for the details that don't need new approvals. */
export function detailChanges(before: EventDetails, after: EventDetails, timeZone: { before: string; after: string }, context: ChangeContext): FieldChange[] {
  const changes: FieldChange[] = [];
  const push = (field: string, label: string, beforeText: string, afterText: string) => {
    if (beforeText !== afterText) changes.push({ field, label, before: beforeText, after: afterText });
  };
  push("title", "Title", before.title, after.title);
  push(
    "outingType",
    "Kind of outing",
    before.outingType ? outingTypeLabels[before.outingType] : "None",
    after.outingType ? outingTypeLabels[after.outingType] : "None",
  );
  push("description", "Description", orNone(before.description), orNone(after.description));
  push(
    "rsvpDeadline",
    "RSVP deadline",
    before.rsvpDeadline ? formatInZone(new Date(before.rsvpDeadline), timeZone.before) : "None",
    after.rsvpDeadline ? formatInZone(new Date(after.rsvpDeadline), timeZone.after) : "None",
  );
  push("plusOnesAllowed", "Plus-ones", before.plusOnesAllowed ? "Allowed" : "Not allowed", after.plusOnesAllowed ? "Allowed" : "Not allowed");
  const questionsText = (questions: EventDetails["questions"]) => (questions.length ? questions.map(describeQuestion).join("\n") : "None");
  push("questions", "Questions", questionsText(before.questions), questionsText(after.questions));
  push("cost", "Cost", describeCost(before.cost, context), describeCost(after.cost, context));
  return changes;
}
