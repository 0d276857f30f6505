import type { SubmissionResult } from "@conform-to/react";

/** What the Planning and Discussion tabs' actions answer, and which of the page's forms it is for. */
export type PlanningActionResult =
  | { form: "add-date-option" | "add-task" | "comment"; result: SubmissionResult<string[]>; message?: string }
  | { form: "edit-task"; taskId: string; result: SubmissionResult<string[]>; message?: string }
  | { form: "notice"; ok: boolean; message: string };
