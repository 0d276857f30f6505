import { Alert } from "./alert";

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
