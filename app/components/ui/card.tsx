import { forwardRef, type HTMLAttributes, type ReactNode } from "react";
import { joinClasses } from "./class-names";

export type CardProps = HTMLAttributes<HTMLDivElement>;

export const Card = forwardRef<HTMLDivElement, CardProps>(function Card({ className, ...props }, ref) {
  return (
    <div
      ref={ref}
      className={joinClasses("rounded-xl border border-slate-200 bg-white shadow-sm", className)}
      {...props}
    />
  );
});

export type CardHeaderProps = {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  /** Pick the level that fits the page outline; cards usually sit under the page's h1. */
  titleAs?: "h2" | "h3";
};

export function CardHeader({ title, description, actions, titleAs: Title = "h2" }: CardHeaderProps) {
  return (
    <div className="flex flex-col gap-3 border-b border-slate-200 px-4 py-4 sm:flex-row sm:items-start sm:justify-between sm:px-6">
      <div className="min-w-0">
        <Title className="text-base font-semibold text-slate-900">{title}</Title>
        {description ? <p className="mt-1 text-sm text-slate-600">{description}</p> : null}
      </div>
      {actions ? <div className="flex shrink-0 flex-wrap gap-2">{actions}</div> : null}
    </div>
  );
}

export type CardBodyProps = HTMLAttributes<HTMLDivElement>;

export const CardBody = forwardRef<HTMLDivElement, CardBodyProps>(function CardBody({ className, ...props }, ref) {
  return <div ref={ref} className={joinClasses("px-4 py-4 sm:px-6 sm:py-5", className)} {...props} />;
});
