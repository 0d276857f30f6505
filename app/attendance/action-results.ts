import type { SubmissionResult } from "@conform-to/react";

/** What the check-in list's action answers, and which of the page's forms it is for. */
export type CheckInActionResult =
  | { form: "add-walk-in"; result: SubmissionResult<string[]>; message?: string }
  | { form: "notice"; ok: boolean; message: string };
