import type { ReactNode } from "react";
import { joinClasses } from "./class-names";

export type EmptyStateProps = {
  title: ReactNode;
  /** Tell the user what to do next, not just that the list is empty. */
  description: ReactNode;
  action?: ReactNode;
  titleAs?: "h2" | "h3";
  className?: string;
};

export function EmptyState({ title, description, action, titleAs: Title = "h2", className }: EmptyStateProps) {
  return (
    <div
      className={joinClasses(
        "rounded-xl border-2 border-dashed border-slate-300 bg-white px-6 py-10 text-center sm:px-10",
        className,
      )}
    >
      <Title className="text-base font-semibold text-slate-900">{title}</Title>
      <p className="mx-auto mt-2 max-w-md text-sm text-slate-600">{description}</p>
      {action ? <div className="mt-6 flex flex-wrap justify-center gap-2">{action}</div> : null}
    </div>
  );
}
