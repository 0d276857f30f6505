import { z } from "zod";

export const DEFAULT_POLL_QUESTION = "What kind of joint event would you enjoy?";
export const DEFAULT_POLL_OPTIONS = ["Ball game", "Show or concert", "Dinner", "Volunteer day"] as const;
export const MIN_POLL_OPTIONS = 2;
export const MAX_POLL_OPTIONS = 8;
export const POLL_QUESTION_MAX_LENGTH = 200;
export const POLL_OPTION_MAX_LENGTH = 80;

export const createPollSchema = z.object({
  question: z
    .string({ message: "Ask a question, like “What kind of joint event would you enjoy?”" })
    .trim()
    .min(1, { message: "Ask a question, like “What kind of joint event would you enjoy?”" })
    .max(POLL_QUESTION_MAX_LENGTH, { message: `Keep the question under ${POLL_QUESTION_MAX_LENGTH} characters.` }),
  // Blank boxes are left out: the form offers more boxes than most polls need.
  options: z
    .array(z.string().trim().max(POLL_OPTION_MAX_LENGTH, { message: `Keep each choice under ${POLL_OPTION_MAX_LENGTH} characters.` }).optional())
    .default([])
    .transform((options) => options.filter((option): option is string => Boolean(option)))
    .refine((options) => options.length >= MIN_POLL_OPTIONS, { message: `Give people at least ${MIN_POLL_OPTIONS} choices.` })
    .refine((options) => options.length <= MAX_POLL_OPTIONS, { message: `Offer at most ${MAX_POLL_OPTIONS} choices, so the poll stays quick to answer.` })
    .refine((options) => new Set(options.map((option) => option.toLowerCase())).size === options.length, {
      message: "Each choice must be different.",
    }),
});

export const pollActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("answer"), choice: z.string({ message: "Pick one of the choices." }).min(1, { message: "Pick one of the choices." }) }),
  z.object({ intent: z.literal("close") }),
]);
