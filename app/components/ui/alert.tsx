import type { ReactNode } from "react";
import { joinClasses } from "./class-names";

export type AlertTone = "info" | "success" | "warning" | "error";

export type AlertProps = {
  tone: AlertTone;
  title?: ReactNode;
  children: ReactNode;
  /** For spacing from surrounding content, e.g. `mt-4`. */
  className?: string;
};

// Titles use the 900 shade and body text the 800 shade; both clear 6.5:1 on the 50 background.
const toneClasses: Record<AlertTone, { box: string; title: string; body: string }> = {
  info: { box: "border-brand-200 border-l-brand-600 bg-brand-50", title: "text-brand-900", body: "text-brand-800" },
  success: { box: "border-green-200 border-l-green-700 bg-green-50", title: "text-green-900", body: "text-green-800" },
  warning: { box: "border-amber-200 border-l-amber-600 bg-amber-50", title: "text-amber-900", body: "text-amber-800" },
  error: { box: "border-red-200 border-l-red-700 bg-red-50", title: "text-red-900", body: "text-red-800" },
};

// Warnings and errors interrupt assistive tech; info and success wait for a pause.
const roleByTone: Record<AlertTone, "status" | "alert"> = {
  info: "status",
  success: "status",
  warning: "alert",
  error: "alert",
};

export function Alert({ tone, title, children, className }: AlertProps) {
  const classes = toneClasses[tone];
  return (
    <div
      role={roleByTone[tone]}
      className={joinClasses("rounded-lg border border-l-4 px-4 py-3 text-sm", classes.box, className)}
    >
      {title ? <p className={`font-semibold ${classes.title}`}>{title}</p> : null}
      <div className={title ? `mt-1 ${classes.body}` : classes.body}>{children}</div>
    </div>
  );
}
