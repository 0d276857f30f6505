import type { FormEvent } from "react";
import { Alert } from "~/components/ui/alert";

/** What the page's action said about one of its small forms. */
export type ActionOutcome = { ok: boolean; message: string };

export function OutcomeAlert({ outcome, className }: { outcome: ActionOutcome | undefined; className?: string }) {
  if (!outcome) return null;
  return (
    <Alert tone={outcome.ok ? "success" : "error"} className={className}>
      {outcome.message}
    </Alert>
  );
}

/**
 * With JavaScript, destructive buttons ask first. Without it the form still posts: the button's
 * own wording names the person and the consequence, so the click is the confirmation.
 */
export function confirmSubmit(question: string) {
  return (event: FormEvent<HTMLFormElement>) => {
    if (!window.confirm(question)) event.preventDefault();
  };
}
