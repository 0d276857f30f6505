import { z } from "zod";
import type { QuestionKind } from "~/generated/prisma/enums";
import { RSVP_ANSWERS } from "./answers";

export const PLUS_ONE_NAME_MAX = 100;
export const SHORT_ANSWER_MAX = 500;

/** What the form asks, taken from the event. */
export type RsvpFormShape = {
  plusOnesAllowed: boolean;
  questions: { id: string; prompt: string; kind: QuestionKind; options: string[]; required: boolean }[];
  shifts: { id: string; waiverText: string | null }[];
};

/** A valid answer, normalised: a "no" brings nobody and holds no shift. */
export type RsvpChoice = {
  answer: (typeof RSVP_ANSWERS)[number];
  bringsPlusOne: boolean;
  plusOneName: string;
  shiftId: string | null;
  waiverAccepted: boolean;
  answers: Record<string, string | string[]>;
};

const questionValue = z.union([z.string(), z.array(z.string())]).optional();

/**
 * The RSVP form for one event. Required questions, a shift and its waiver are only demanded of a
 * "yes": they matter to people who come, and a "no" or "maybe" should never be blocked by them.
 * Whatever is filled in is still checked and kept.
 */
export function rsvpFormSchema(shape: RsvpFormShape) {
  const key = JSON.stringify(shape);
  let schema = schemaCache.get(key);
  if (!schema) {
    schema = buildRsvpFormSchema(shape);
    // Oldest out first: the cache stays small however many events are being answered.
    if (schemaCache.size >= SCHEMA_CACHE_SIZE) schemaCache.delete(schemaCache.keys().next().value!);
    schemaCache.set(key, schema);
  }
  return schema;
}

// Building the schema, and Conform's coercion of it (cached per schema object), costs more
// than checking an answer with it: on a burst of answers to one event, build it once.
const SCHEMA_CACHE_SIZE = 200;
const schemaCache = new Map<string, ReturnType<typeof buildRsvpFormSchema>>();

function buildRsvpFormSchema(shape: RsvpFormShape) {
  return z
    .object({
      answer: z.enum(RSVP_ANSWERS, { message: "Choose Yes, No or Maybe." }),
      bringsPlusOne: z.boolean().optional(),
      plusOneName: z.string().trim().max(PLUS_ONE_NAME_MAX, `Keep the name under ${PLUS_ONE_NAME_MAX} characters.`).optional(),
      shiftId: z.string().optional(),
      acceptWaiver: z.boolean().optional(),
      answers: z.record(z.string(), questionValue).optional(),
    })
    .superRefine((input, context) => {
      const attending = input.answer === "yes";
      const bringsPlusOne = shape.plusOnesAllowed && input.bringsPlusOne === true;
      if (attending && bringsPlusOne && !input.plusOneName) {
        context.addIssue({ code: "custom", path: ["plusOneName"], message: "Tell us your plus-one's name, or untick “Bring a plus-one”." });
      }
      const shift = shape.shifts.find((candidate) => candidate.id === input.shiftId);
      if (input.shiftId && !shift) {
        context.addIssue({ code: "custom", path: ["shiftId"], message: "That shift isn't offered any more. Choose another one." });
      }
      if (attending && shape.shifts.length > 0 && !input.shiftId) {
        context.addIssue({ code: "custom", path: ["shiftId"], message: "Choose the shift you'd like to help with." });
      }
      if (attending && shift?.waiverText && !input.acceptWaiver) {
        context.addIssue({ code: "custom", path: ["acceptWaiver"], message: "This shift needs you to accept the waiver. Tick “I accept”, or choose another shift." });
      }
      for (const question of shape.questions) {
        const value = input.answers?.[question.id];
        const problem = questionProblem(question, value, attending);
        if (problem) context.addIssue({ code: "custom", path: ["answers", question.id], message: problem });
      }
    })
    .transform(
      (input): RsvpChoice => {
        const declined = input.answer === "no";
        const bringsPlusOne = !declined && shape.plusOnesAllowed && input.bringsPlusOne === true;
        const answers: RsvpChoice["answers"] = {};
        for (const question of shape.questions) {
          const value = normalisedAnswer(question.kind, input.answers?.[question.id]);
          if (value !== undefined) answers[question.id] = value;
        }
        return {
          answer: input.answer,
          bringsPlusOne,
          plusOneName: bringsPlusOne ? (input.plusOneName ?? "") : "",
          shiftId: declined ? null : (input.shiftId ?? null),
          waiverAccepted: !declined && input.acceptWaiver === true,
          answers,
        };
      },
    );
}

function asList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((item) => item.trim()).filter(Boolean);
}

function questionProblem(question: RsvpFormShape["questions"][number], value: string | string[] | undefined, attending: boolean): string | null {
  const values = asList(value);
  if (values.length === 0) return attending && question.required ? "Please answer this question." : null;
  switch (question.kind) {
    case "short_text":
      if (values.length > 1) return "Give one answer.";
      return values[0]!.length > SHORT_ANSWER_MAX ? `Keep your answer under ${SHORT_ANSWER_MAX} characters.` : null;
    case "single_choice":
      return values.length === 1 && question.options.includes(values[0]!) ? null : "Choose one of the options.";
    case "multiple_choice":
      return values.every((item) => question.options.includes(item)) ? null : "Choose from the options listed.";
  }
}

function normalisedAnswer(kind: QuestionKind, value: string | string[] | undefined): string | string[] | undefined {
  const values = asList(value);
  if (values.length === 0) return undefined;
  return kind === "multiple_choice" ? [...new Set(values)] : values[0];
}
