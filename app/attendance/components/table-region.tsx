import type { ReactNode } from "react";

/**
 * A wide table's horizontal scroller. On a phone it scrolls sideways, so it takes keyboard focus
 * (arrow keys scroll it) and is named for screen readers.
 */
export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="overflow-x-auto rounded-lg border border-slate-200">
      {children}
    </div>
  );
}
