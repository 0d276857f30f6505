import type { SubmissionResult } from "@conform-to/react";

/** What the Invitations tab's action answers, and which of the page's forms it is for. */
export type InviteListActionResult =
  | { form: "add-members" | "paste" | "import-csv"; result: SubmissionResult<string[]> }
  | { form: "notice"; ok: boolean; message: string };
