import type { ReactNode } from "react";

/** A list row's buttons, with the error about that row right beneath them. */
export function RowActions({ error, children }: { error: string | undefined; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-2 md:items-end">
      <div className="flex flex-wrap items-center gap-2">{children}</div>
      {error ? (
        <p role="alert" className="text-sm text-red-700 md:text-right">
          {error}
        </p>
      ) : null}
    </div>
  );
}
