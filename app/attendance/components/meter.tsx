/**
 * A bar showing `value` out of `max`. Decorative: the numbers always sit beside it in text.
 * Drawn in SVG because the content security policy forbids inline `style` widths.
 */
export function Meter({ value, max, tone = "brand" }: { value: number; max: number; tone?: "brand" | "success" | "warning" }) {
  const filled = max > 0 ? Math.min(100, Math.max(0, (value / max) * 100)) : 0;
  const fill = { brand: "fill-brand-600", success: "fill-green-700", warning: "fill-amber-600" }[tone];
  return (
    <svg aria-hidden="true" focusable="false" className="block h-2 w-full" viewBox="0 0 100 2" preserveAspectRatio="none">
      <rect width="100" height="2" className="fill-slate-200" />
      <rect width={filled} height="2" className={fill} />
    </svg>
  );
}
