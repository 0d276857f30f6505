// Formatting happens on the server and reaches the page as text, so the server's and the
// browser's ICU data can never disagree during hydration.

const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** A calendar day for records that have no zone of their own (sent, ended); stated in UTC. */
export function formatDay(date: Date): string {
  return dayFormat.format(date);
}

const relativeTime = new Intl.RelativeTimeFormat("en", { numeric: "always" });

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "3 months ago", counted down to whole units so a date never sounds more recent than it was. */
export function formatTimeSince(then: Date, now: Date): string {
  const elapsed = Math.max(0, now.getTime() - then.getTime());
  if (elapsed < MINUTE) return "just now";
  const [amount, unit]: [number, Intl.RelativeTimeFormatUnit] =
    elapsed < HOUR
      ? [elapsed / MINUTE, "minute"]
      : elapsed < DAY
        ? [elapsed / HOUR, "hour"]
        : elapsed < 7 * DAY
          ? [elapsed / DAY, "day"]
          : elapsed < 30 * DAY
            ? [elapsed / (7 * DAY), "week"]
            : elapsed < 365 * DAY
              ? [elapsed / (30 * DAY), "month"]
              : [elapsed / (365 * DAY), "year"];
  return relativeTime.format(-Math.floor(amount), unit);
}

/**
 * "j•••@globex.example": enough for the right person to recognise their address, too little for
 * someone holding a forwarded link to learn it.
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1) return "•••";
  return `${email[0]}•••${email.slice(at)}`;
}
