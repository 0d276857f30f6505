import { z } from "zod";
import { isLocalDateTime } from "~/events/time";

export const COMMENT_MAX_LENGTH = 4000;
export const TASK_TITLE_MAX_LENGTH = 200;

const id = (message: string) => z.string({ message }).min(1, { message });

const localDateTime = (missing: string) =>
  z
    .string({ message: missing })
    .trim()
    .min(1, { message: missing })
    .refine(isLocalDateTime, { message: "Enter a date and a time, like 14 Mar 2027, 18:00." });

const dueDate = z
  .string()
  .trim()
  .refine((value) => isLocalDateTime(`${value}T00:00`), { message: "Enter a date like 14 Mar 2027, or leave it empty." })
  .optional();

const taskTitle = z
  .string({ message: "Say what needs doing, like “Book the venue”." })
  .trim()
  .min(1, { message: "Say what needs doing, like “Book the venue”." })
  .max(TASK_TITLE_MAX_LENGTH, { message: `Keep the task under ${TASK_TITLE_MAX_LENGTH} characters; put details in the discussion.` });

export const addDateOptionSchema = z.object({
  intent: z.literal("add-date-option"),
  startsAt: localDateTime("Enter when it would start."),
  endsAt: localDateTime("Enter when it would end."),
});

export const addTaskSchema = z.object({
  intent: z.literal("add-task"),
  title: taskTitle,
  organizationId: id("Choose which company does this."),
  assigneeId: z.string().optional(),
  dueOn: dueDate,
});

export const editTaskSchema = z.object({
  intent: z.literal("edit-task"),
  taskId: id("Choose a task."),
  title: taskTitle,
  assigneeId: z.string().optional(),
  dueOn: dueDate,
});

export const planningActionSchema = z.discriminatedUnion("intent", [
  addDateOptionSchema,
  z.object({ intent: z.literal("remove-date-option"), optionId: id("Choose a date option.") }),
  z.object({ intent: z.literal("toggle-vote"), optionId: id("Choose a date option.") }),
  z.object({ intent: z.literal("use-date"), optionId: id("Choose a date option.") }),
  addTaskSchema,
  editTaskSchema,
  z.object({ intent: z.literal("set-task-done"), taskId: id("Choose a task."), done: z.enum(["true", "false"]).transform((value) => value === "true") }),
  z.object({ intent: z.literal("delete-task"), taskId: id("Choose a task.") }),
]);

export const postCommentSchema = z.object({
  intent: z.literal("comment"),
  body: z
    .string({ message: "Write a comment first." })
    .trim()
    .min(1, { message: "Write a comment first." })
    .max(COMMENT_MAX_LENGTH, { message: `Keep comments under ${COMMENT_MAX_LENGTH} characters; split a long one in two.` }),
  notify: z.array(z.string().min(1)).default([]),
});
