import { Link, type LinkProps } from "@remix-run/react";
import { forwardRef, type ButtonHTMLAttributes } from "react";
import { joinClasses } from "./class-names";

export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost";
export type ButtonSize = "sm" | "md" | "lg";

type ButtonStyleProps = {
  variant?: ButtonVariant;
  size?: ButtonSize;
};

const baseClasses =
  "inline-flex items-center justify-center gap-2 rounded-md text-center font-medium transition-colors " +
  "focus-visible:outline-2 focus-visible:outline-offset-2";

// Hover colours sit behind `not-disabled:` so a disabled <button> never looks clickable.
const variantClasses: Record<ButtonVariant, string> = {
  primary: "bg-brand-600 text-white shadow-sm not-disabled:hover:bg-brand-700 focus-visible:outline-brand-600",
  secondary:
    "border border-slate-300 bg-white text-slate-900 shadow-sm not-disabled:hover:bg-slate-100 focus-visible:outline-brand-600",
  danger: "bg-red-700 text-white shadow-sm not-disabled:hover:bg-red-800 focus-visible:outline-red-700",
  ghost: "text-brand-700 not-disabled:hover:bg-brand-50 focus-visible:outline-brand-600",
};

const sizeClasses: Record<ButtonSize, string> = {
  sm: "min-h-8 px-3 py-1.5 text-sm",
  md: "min-h-10 px-4 py-2 text-sm",
  // A thumb-sized target for pages used standing up, like the check-in list at the door.
  lg: "min-h-12 px-5 py-3 text-base",
};

// Disabled buttons keep readable text (slate-600 on slate-100) instead of fading out with opacity.
const disabledClasses =
  "disabled:cursor-not-allowed disabled:border-slate-200 disabled:bg-slate-100 disabled:text-slate-600 disabled:shadow-none";

function buttonClassName({ variant = "primary", size = "md" }: ButtonStyleProps, ...extra: (string | undefined)[]) {
  return joinClasses(baseClasses, variantClasses[variant], sizeClasses[size], ...extra);
}

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & ButtonStyleProps;

export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { variant, size, className, ...props },
  ref,
) {
  return <button ref={ref} className={buttonClassName({ variant, size }, disabledClasses, className)} {...props} />;
});

export type ButtonLinkProps = LinkProps & ButtonStyleProps;

export const ButtonLink = forwardRef<HTMLAnchorElement, ButtonLinkProps>(function ButtonLink(
  { variant, size, className, ...props },
  ref,
) {
  return <Link ref={ref} className={buttonClassName({ variant, size }, className)} {...props} />;
});
