import { z } from "zod";
import type { EventKind, OutingType, QuestionKind } from "~/generated/prisma/enums";
import { nudgeDaysField, reminderDaysField } from "~/notices/settings";
import { CURRENCIES, parseAmountToMinor } from "./money";
import {
  addDaysToLocalDate,
  daysBetweenLocalDates,
  formatEventRange,
  isLocalDateTime,
  isValidTimeZone,
  localDatePart,
  localTimeExists,
  zonedLocalToUtc,
} from "./time";

export const OUTING_TYPES = ["sports", "show", "dinner", "other"] as const satisfies readonly OutingType[];
export const QUESTION_KINDS = ["short_text", "single_choice", "multiple_choice"] as const satisfies readonly QuestionKind[];

export const MAX_CAPACITY = 10_000;
export const MAX_QUESTIONS = 10;
export const MAX_SHIFTS = 20;
export const MAX_EVENT_DAYS = 14;
export const MAX_CHOICE_OPTIONS = 20;
export const CANCEL_REASON_MAX = 500;

export type EventFormContext = {
  kind: EventKind;
  initiatorName: string;
  partnerName: string;
  now: Date;
  /** When editing: the event's current start, which may be kept even after it has passed. */
  currentStart?: { local: string; timeZone: string };
};

const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

const optionalText = (max: number, tooLong: string) => z.string().trim().max(max, { message: tooLong }).optional();

const seats = (label: string) =>
  z
    .number({ message: `Enter ${label} as a whole number, e.g. 10.` })
    .int({ message: `Enter ${label} as a whole number, e.g. 10.` })
    .min(0, { message: `${label[0]!.toUpperCase()}${label.slice(1)} can't be negative.` })
    .max(MAX_CAPACITY, { message: `${label[0]!.toUpperCase()}${label.slice(1)} can be at most ${MAX_CAPACITY.toLocaleString("en-US")}.` })
    .optional();

const questionRow = z.object({
  id: z.string().optional(),
  prompt: optionalText(200, "Keep the question under 200 characters."),
  kind: z.enum(QUESTION_KINDS, { message: "Choose how people answer." }).optional(),
  options: z.string().max(4000, { message: "That's a lot of options. Keep them short." }).optional(),
  required: z.boolean().optional(),
});

const shiftRow = z.object({
  id: z.string().optional(),
  role: optionalText(80, "Keep the role under 80 characters."),
  day: z.number({ message: "Enter the day as a number: 1 is the event's first day." }).int({ message: "Enter a whole day number." }).min(1, { message: "Day 1 is the event's first day." }).optional(),
  startTime: z.string().optional(),
  endTime: z.string().optional(),
  capacity: z.number({ message: "Enter how many people this shift needs, e.g. 10." }).int({ message: "Enter a whole number of people." }).optional(),
  notes: optionalText(1000, "Keep the notes under 1,000 characters."),
  waiverText: optionalText(5000, "Keep the waiver under 5,000 characters."),
});

type QuestionRow = z.output<typeof questionRow>;
type ShiftRow = z.output<typeof shiftRow>;

const isBlankQuestion = (row: QuestionRow | undefined) => !row || (!row.prompt && !row.options?.trim());
const isBlankShift = (row: ShiftRow | undefined) =>
  !row || (!row.role && !row.startTime && !row.endTime && row.capacity === undefined && !row.notes && !row.waiverText);

/** "Vegan\n\n Vegetarian \n" → ["Vegan", "Vegetarian"]. */
function splitOptions(text: string | undefined): string[] {
  return (text ?? "")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

function localDateTime(missing: string) {
  return z
    .string({ message: missing })
    .trim()
    .min(1, { message: missing })
    .refine(isLocalDateTime, { message: "Enter a date and time like 2027-03-14 18:00." });
}

/** The day and time of a shift, on the event's calendar in its zone. */
function shiftLocalTimes(eventStartLocal: string, day: number, startTime: string, endTime: string) {
  const date = addDaysToLocalDate(localDatePart(eventStartLocal), day - 1);
  return { start: `${date}T${startTime}`, end: `${date}T${endTime}` };
}

function skippedTimeMessage(local: string, timeZone: string) {
  return `${local.replace("T", " ")} doesn't exist in ${timeZone}: the clocks skip that hour. Choose a time outside it.`;
}

/**
 * One schema for creating and editing an event, used by the page (through Conform) and the
 * server. Blank question and shift rows are ignored, so the form can always offer a few empty
 * ones and still work without JavaScript. Errors carry the row's position in the form.
 */
export function eventFormSchema(context: EventFormContext) {
  const { initiatorName, partnerName } = context;
  return z
    .object({
      kind: z.literal(context.kind, { message: "The kind of event can't change. Duplicate it as a new draft instead." }),
      outingType: z.enum(OUTING_TYPES, { message: "Choose what kind of outing it is." }).optional(),
      title: z
        .string({ message: "Give the event a title." })
        .trim()
        .min(1, { message: "Give the event a title." })
        .max(120, { message: "Keep the title under 120 characters." }),
      description: optionalText(5000, "Keep the description under 5,000 characters."),
      venueName: z
        .string({ message: "Enter where it happens, e.g. the venue's name." })
        .trim()
        .min(1, { message: "Enter where it happens, e.g. the venue's name." })
        .max(120, { message: "Keep the venue name under 120 characters." }),
      venueAddress: optionalText(300, "Keep the address under 300 characters."),
      onlineUrl: z
        .string()
        .trim()
        .max(500, { message: "That link is too long." })
        .refine(isHttpsUrl, { message: "Enter a full link that starts with https://" })
        .optional(),
      timeZone: z
        .string({ message: "Choose the time zone the event happens in." })
        .refine(isValidTimeZone, { message: "Choose a time zone from the list." }),
      startsAt: localDateTime("Choose when the event starts."),
      endsAt: localDateTime("Choose when the event ends."),
      rsvpDeadline: z.string().trim().refine(isLocalDateTime, { message: "Enter a date and time like 2027-03-10 17:00." }).optional(),
      capacity: z
        .number({ message: "Enter the total number of seats, e.g. 20." })
        .int({ message: "Enter the total number of seats as a whole number." })
        .min(1, { message: "An event needs at least 1 seat." })
        .max(MAX_CAPACITY, { message: `An event can have at most ${MAX_CAPACITY.toLocaleString("en-US")} seats.` }),
      quotas: z.object({ initiator: seats(`${initiatorName}'s seats`), partner: seats(`${partnerName}'s seats`) }).optional(),
      plusOnesAllowed: z.boolean().optional(),
      questions: z.array(questionRow).optional(),
      shifts: z.array(shiftRow).optional(),
      costEstimate: z.string().trim().max(20, { message: "Enter the amount like 1250.50." }).optional(),
      costCurrency: z.enum(CURRENCIES, { message: "Choose a currency from the list." }).optional(),
      initiatorCostPercent: z
        .number({ message: `Enter ${initiatorName}'s share as a number from 0 to 100.` })
        .int({ message: "Use a whole percentage." })
        .min(0, { message: "The share can't be below 0%." })
        .max(100, { message: "The share can't be above 100%." })
        .optional(),
      reminderDays: reminderDaysField,
      nudgeDaysBefore: nudgeDaysField,
    })
    .superRefine(
      (value, ctx) => {
        const fine = (...path: (string | number)[]) => !ctx.issues.some((issue) => startsWith(issue.path ?? [], path));
        const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });

        if (context.kind === "outing" && fine("outingType") && !value.outingType) issue(["outingType"], "Choose what kind of outing it is.");

        const timesFine = fine("timeZone") && fine("startsAt") && fine("endsAt");
        let eventWindow: { start: Date; end: Date } | null = null;
        if (timesFine) {
          const { timeZone } = value;
          for (const key of ["startsAt", "endsAt"] as const) {
            if (!localTimeExists(value[key], timeZone)) issue([key], skippedTimeMessage(value[key], timeZone));
          }
          const start = zonedLocalToUtc(value.startsAt, timeZone);
          const end = zonedLocalToUtc(value.endsAt, timeZone);
          const keepsCurrentStart = context.currentStart?.local === value.startsAt && context.currentStart.timeZone === timeZone;
          if (!keepsCurrentStart && start.getTime() <= context.now.getTime()) {
            issue(["startsAt"], "That time has already passed. Choose a start in the future.");
          }
          if (end.getTime() <= start.getTime()) issue(["endsAt"], "The event must end after it starts.");
          else if (daysBetweenLocalDates(localDatePart(value.startsAt), localDatePart(value.endsAt)) >= MAX_EVENT_DAYS) {
            issue(["endsAt"], `An event can last at most ${MAX_EVENT_DAYS} days. Split longer plans into several events.`);
          } else eventWindow = { start, end };

          if (value.rsvpDeadline && fine("rsvpDeadline")) {
            if (!localTimeExists(value.rsvpDeadline, timeZone)) issue(["rsvpDeadline"], skippedTimeMessage(value.rsvpDeadline, timeZone));
            else if (zonedLocalToUtc(value.rsvpDeadline, timeZone).getTime() >= start.getTime()) {
              issue(["rsvpDeadline"], "The RSVP deadline must be before the event starts.");
            }
          }
        }

        if (fine("capacity") && fine("quotas")) {
          const { initiator, partner } = resolveQuotas(value.capacity, value.quotas);
          if (initiator + partner > value.capacity) {
            issue(
              ["quotas"],
              `${initiatorName}'s ${initiator} seats and ${partnerName}'s ${partner} seats add up to ${initiator + partner}, more than the ${value.capacity} seats in total. Lower a quota or raise the capacity.`,
            );
          }
        }

        const questions = value.questions ?? [];
        if (questions.filter((row) => !isBlankQuestion(row)).length > MAX_QUESTIONS) {
          issue(["questions"], `You can ask up to ${MAX_QUESTIONS} questions. Remove some to save.`);
        }
        questions.forEach((row, index) => {
          if (isBlankQuestion(row) || !fine("questions", index)) return;
          if (!row.prompt) issue(["questions", index, "prompt"], "Write the question, or clear its options to remove it.");
          const options = splitOptions(row.options);
          const kind = row.kind ?? "short_text";
          if (kind === "short_text" && options.length > 0) {
            issue(["questions", index, "options"], "Short answers don't have options. Clear them, or let people pick from a list.");
          }
          if (kind !== "short_text") {
            if (options.length < 2) issue(["questions", index, "options"], "List at least two options, one per line.");
            else if (options.length > MAX_CHOICE_OPTIONS) issue(["questions", index, "options"], `Offer at most ${MAX_CHOICE_OPTIONS} options.`);
            else if (new Set(options.map((option) => option.toLowerCase())).size !== options.length) {
              issue(["questions", index, "options"], "Each option should appear once.");
            } else if (options.some((option) => option.length > 100)) issue(["questions", index, "options"], "Keep each option under 100 characters.");
          }
        });

        if (value.costEstimate && fine("costEstimate")) {
          if (!value.costCurrency) {
            if (fine("costCurrency")) issue(["costCurrency"], "Choose the currency of the estimate.");
          } else if (parseAmountToMinor(value.costEstimate, value.costCurrency) === null) {
            issue(["costEstimate"], `Enter the amount in ${value.costCurrency} like 1250.50, without the currency sign.`);
          }
        }

        // An outing has no shifts; the form doesn't offer them, and stray rows are dropped.
        if (context.kind !== "volunteer_day") return;
        const shifts = value.shifts ?? [];
        const filledShifts = shifts.filter((row) => !isBlankShift(row)).length;
        if (fine("shifts") && filledShifts === 0) issue(["shifts"], "Add at least one shift: a role, its times and how many people it needs.");
        if (filledShifts > MAX_SHIFTS) issue(["shifts"], `A volunteer day can have up to ${MAX_SHIFTS} shifts.`);
        shifts.forEach((row, index) => {
          if (isBlankShift(row) || !fine("shifts", index)) return;
          const at = (field: keyof ShiftRow) => ["shifts", index, field];
          if (!row.role) issue(at("role"), "Name the role or task, e.g. Sorting donations.");
          if (row.capacity === undefined) issue(at("capacity"), "Enter how many people this shift needs, e.g. 10.");
          else if (row.capacity < 1) issue(at("capacity"), "A shift needs at least 1 person.");
          else if (fine("capacity") && row.capacity > value.capacity) {
            issue(at("capacity"), `This shift needs ${row.capacity} people but the event has ${value.capacity} seats. Lower the shift's number or raise the capacity.`);
          }
          const startOk = Boolean(row.startTime && TIME_OF_DAY.test(row.startTime));
          const endOk = Boolean(row.endTime && TIME_OF_DAY.test(row.endTime));
          if (!startOk) issue(at("startTime"), "Enter when the shift starts, like 09:00.");
          if (!endOk) issue(at("endTime"), "Enter when the shift ends, like 12:00.");
          if (!startOk || !endOk || !timesFine) return;
          const local = shiftLocalTimes(value.startsAt, row.day ?? 1, row.startTime!, row.endTime!);
          if (!localTimeExists(local.start, value.timeZone)) return issue(at("startTime"), skippedTimeMessage(local.start, value.timeZone));
          if (!localTimeExists(local.end, value.timeZone)) return issue(at("endTime"), skippedTimeMessage(local.end, value.timeZone));
          const start = zonedLocalToUtc(local.start, value.timeZone);
          const end = zonedLocalToUtc(local.end, value.timeZone);
          if (end.getTime() <= start.getTime()) return issue(at("endTime"), "A shift must end after it starts.");
          if (eventWindow && (start < eventWindow.start || end > eventWindow.end)) {
            issue(
              at("startTime"),
              `Shifts must fall within the event (${formatEventRange(eventWindow.start, eventWindow.end, value.timeZone)}). Move this one inside those times${(row.day ?? 1) > 1 ? " or change its day" : ""}.`,
            );
          }
        });

      },
      // Runs even when some fields are invalid, so every mistake shows on the first submit.
      { when: () => true },
    )
    .transform((value) => {
      const quotas = resolveQuotas(value.capacity, value.quotas);
      const costMinor = value.costEstimate && value.costCurrency ? parseAmountToMinor(value.costEstimate, value.costCurrency) : null;
      return {
        kind: context.kind,
        outingType: context.kind === "outing" ? (value.outingType ?? null) : null,
        title: value.title,
        description: value.description ?? "",
        venueName: value.venueName,
        venueAddress: value.venueAddress ?? "",
        onlineUrl: value.onlineUrl || null,
        timeZone: value.timeZone,
        startsAt: zonedLocalToUtc(value.startsAt, value.timeZone),
        endsAt: zonedLocalToUtc(value.endsAt, value.timeZone),
        rsvpDeadline: value.rsvpDeadline ? zonedLocalToUtc(value.rsvpDeadline, value.timeZone) : null,
        capacity: value.capacity,
        initiatorSeats: quotas.initiator,
        partnerSeats: quotas.partner,
        plusOnesAllowed: value.plusOnesAllowed ?? false,
        questions: (value.questions ?? [])
          .filter((row) => !isBlankQuestion(row))
          .map((row) => {
            const kind = row.kind ?? "short_text";
            return { id: row.id, prompt: row.prompt!, kind, options: kind === "short_text" ? [] : splitOptions(row.options), required: row.required ?? false };
          }),
        shifts:
          context.kind === "volunteer_day"
            ? (value.shifts ?? [])
                .filter((row) => !isBlankShift(row))
                .map((row) => {
                  const local = shiftLocalTimes(value.startsAt, row.day ?? 1, row.startTime!, row.endTime!);
                  return {
                    id: row.id,
                    role: row.role!,
                    startsAt: zonedLocalToUtc(local.start, value.timeZone),
                    endsAt: zonedLocalToUtc(local.end, value.timeZone),
                    capacity: row.capacity!,
                    notes: row.notes ?? "",
                    waiverText: row.waiverText || null,
                  };
                })
            : [],
        cost:
          costMinor !== null && value.costCurrency
            ? { estimateMinor: costMinor, currency: value.costCurrency as string, initiatorPercent: value.initiatorCostPercent ?? 50 }
            : null,
        reminderDaysBefore: value.reminderDays,
        nudgeDaysBefore: value.nudgeDaysBefore,
      };
    });
}

export type EventInput = z.output<ReturnType<typeof eventFormSchema>>;

/** Blank quotas default to half each (the initiator gets the odd seat); one blank quota takes the rest. */
export function resolveQuotas(capacity: number, quotas: { initiator?: number; partner?: number } | undefined) {
  const initiator = quotas?.initiator;
  const partner = quotas?.partner;
  if (initiator === undefined && partner === undefined) return { initiator: Math.ceil(capacity / 2), partner: Math.floor(capacity / 2) };
  if (initiator === undefined) return { initiator: Math.max(0, capacity - partner!), partner: partner! };
  if (partner === undefined) return { initiator, partner: Math.max(0, capacity - initiator) };
  return { initiator, partner };
}

function isHttpsUrl(text: string): boolean {
  if (!text) return true;
  try {
    const url = new URL(text);
    return url.protocol === "https:" && Boolean(url.hostname);
  } catch {
    return false;
  }
}

function startsWith(path: readonly PropertyKey[], prefix: readonly (string | number)[]) {
  return prefix.every((key, index) => path[index] === key);
}

const approveEventSchema = z.object({
  intent: z.literal("approve"),
  version: z.number({ message: "Reload the page and review the event again." }).int().min(1),
});

export const cancelEventSchema = z.object({
  intent: z.literal("cancel"),
  reason: z
    .string({ message: "Tell both companies why the event is cancelled." })
    .trim()
    .min(1, { message: "Tell both companies why the event is cancelled." })
    .max(CANCEL_REASON_MAX, { message: `Keep the reason under ${CANCEL_REASON_MAX} characters.` }),
});

export const duplicateEventSchema = z.object({
  intent: z.literal("duplicate"),
  startDate: z
    .string({ message: "Choose the day the new event happens." })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "Enter a date like 2027-06-14." })
    .refine((date) => isLocalDateTime(`${date}T00:00`), { message: "Enter a date like 2027-06-14." }),
});

export const eventActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("propose") }),
  approveEventSchema,
  cancelEventSchema,
  duplicateEventSchema,
]);

/** What the event form starts with, as the strings its inputs hold. */
export type EventFormDefaults = {
  kind: EventKind;
  outingType?: OutingType;
  title?: string;
  description?: string;
  venueName?: string;
  venueAddress?: string;
  onlineUrl?: string;
  timeZone?: string;
  startsAt?: string;
  endsAt?: string;
  rsvpDeadline?: string;
  capacity?: string;
  quotas?: { initiator?: string; partner?: string };
  plusOnesAllowed?: "on";
  questions: { id?: string; prompt?: string; kind: QuestionKind; options?: string; required?: "on" }[];
  shifts: { id?: string; role?: string; day: string; startTime?: string; endTime?: string; capacity?: string; notes?: string; waiverText?: string }[];
  costEstimate?: string;
  costCurrency?: string;
  initiatorCostPercent?: string;
  reminderDays?: string;
  nudgeDaysBefore?: string;
};
