/** Currencies offered for cost estimates. Amounts are stored in integer minor units (cents). */
export const CURRENCIES = ["USD", "EUR", "GBP", "CAD", "AUD", "NZD", "CHF", "SEK", "NOK", "DKK", "JPY", "SGD", "INR", "BRL", "MXN", "ZAR"] as const;

export type Currency = (typeof CURRENCIES)[number];

export function isCurrency(code: string): code is Currency {
  return (CURRENCIES as readonly string[]).includes(code);
}

/** Digits after the decimal point: 2 for USD, 0 for JPY. */
export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat("en-US", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * "1,250.50" in USD → 125050. Null when the text isn't an amount in that currency (too many
 * decimals, letters, negative).
 */
export function parseAmountToMinor(text: string, currency: string): number | null {
  const digits = currencyDigits(currency);
  const cleaned = text.trim().replaceAll(",", "");
  const match = /^(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return null;
  const fraction = match[2] ?? "";
  if (fraction.length > digits) return null;
  const minor = Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
  return Number.isSafeInteger(minor) ? minor : null;
}

/** 125050 USD → "1250.50", as a form field shows it. */
export function minorToAmountInput(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  return digits === 0 ? String(minor) : (minor / 10 ** digits).toFixed(digits);
}

export function formatMoney(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(minor / 10 ** digits);
}

/** The initiator pays its percentage (rounded to the minor unit); the partner pays the rest, so the shares add up exactly. */
export function splitCost(totalMinor: number, initiatorPercent: number): { initiatorMinor: number; partnerMinor: number } {
  const initiatorMinor = Math.round((totalMinor * initiatorPercent) / 100);
  return { initiatorMinor, partnerMinor: totalMinor - initiatorMinor };
}

export type EventCost = { estimateMinor: number; currency: string; initiatorPercent: number };

type StoredCost = { costEstimateMinor: number | null; costCurrency: string | null; initiatorCostPercent: number | null };

/** The cost estimate as an event stores it, or null when there is none; an even split by default. */
export function costOf(event: StoredCost): EventCost | null {
  if (event.costEstimateMinor === null || !event.costCurrency) return null;
  return { estimateMinor: event.costEstimateMinor, currency: event.costCurrency, initiatorPercent: event.initiatorCostPercent ?? 50 };
}
