/**
 * Wall-clock time in an IANA time zone ↔ UTC instants, and how event times are shown.
 *
 * Events store UTC instants plus the zone they happen in. Forms take the local wall time people
 * see on the venue's clocks ("2027-03-14T18:00", as `<input type="datetime-local">` sends it), and
 * pages show times in the event's zone and name it. Shared by browser and server code.
 */

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const DAY_MS = 86_400_000;

type WallTime = { year: number; month: number; day: number; hour: number; minute: number; second: number };

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone) return false;
  try {
    partsFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

function wallTimeAt(instant: number, timeZone: string): WallTime {
  const values: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(instant)) {
    if (part.type !== "literal") values[part.type] = Number(part.value);
  }
  return { year: values.year!, month: values.month!, day: values.day!, hour: values.hour!, minute: values.minute!, second: values.second! };
}

/** The wall time read as if it were UTC: the arithmetic base for offsets. */
function wallTimeAsUtc({ year, month, day, hour, minute, second }: WallTime): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

/** How far the zone's clocks are ahead of UTC at that instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const wholeSeconds = Math.floor(instant / 1000) * 1000;
  return wallTimeAsUtc(wallTimeAt(wholeSeconds, timeZone)) - wholeSeconds;
}

function parseLocalDateTime(local: string): WallTime | null {
  const match = LOCAL_DATE_TIME.exec(local);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((value) => Number(value ?? 0)) as [number, number, number, number, number, number];
  const wallTime = { year, month, day, hour, minute, second };
  // Date.UTC rolls 31 April over into May; a real calendar date survives the round trip.
  const check = new Date(wallTimeAsUtc(wallTime));
  const valid =
    check.getUTCFullYear() === wallTime.year &&
    check.getUTCMonth() === wallTime.month - 1 &&
    check.getUTCDate() === wallTime.day &&
    wallTime.hour < 24 &&
    wallTime.minute < 60 &&
    wallTime.second < 60;
  return valid ? wallTime : null;
}

export function isLocalDateTime(local: string): boolean {
  return parseLocalDateTime(local) !== null;
}

type Resolution = { instant: number; exists: boolean };

function resolve(local: string, timeZone: string): Resolution {
  const wallTime = parseLocalDateTime(local);
  if (!wallTime) throw new RangeError(`"${local}" is not a local date and time like 2027-03-14T18:00.`);
  if (!isValidTimeZone(timeZone)) throw new RangeError(`"${timeZone}" is not an IANA time zone.`);
  const asUtc = wallTimeAsUtc(wallTime);
  // Zones change their offset at most once within a day, so the offsets a day either side are
  // the only two candidates for this wall time.
  const offsetBefore = offsetAt(asUtc - DAY_MS, timeZone);
  const offsetAfter = offsetAt(asUtc + DAY_MS, timeZone);
  const candidates = [asUtc - offsetBefore, asUtc - offsetAfter]
    .filter((instant) => wallTimeAsUtc(wallTimeAt(instant, timeZone)) === asUtc)
    .sort((a, b) => a - b);
  if (candidates.length > 0) return { instant: candidates[0]!, exists: true };
  // Skipped by a spring-forward gap: read with the offset before the jump, which lands as far past
  // the gap as the time was into it (02:30 in a 02:00→03:00 gap becomes 03:30).
  return { instant: asUtc - offsetBefore, exists: false };
}

/**
 * The UTC instant of a wall time in a zone. A time that happens twice (clocks going back) means
 * the first; a time that never happens (clocks going forward) moves forward by the gap, like
 * Temporal's "compatible" disambiguation. Use `localTimeExists` to refuse those instead.
 * Throws a RangeError for malformed input or an unknown zone.
 */
export function zonedLocalToUtc(local: string, timeZone: string): Date {
  return new Date(resolve(local, timeZone).instant);
}

/** False for wall times skipped when the zone's clocks jump forward (and for malformed input). */
export function localTimeExists(local: string, timeZone: string): boolean {
  try {
    return resolve(local, timeZone).exists;
  } catch {
    return false;
  }
}

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

/** The wall time of an instant in a zone, as `<input type="datetime-local">` takes it: "2027-03-14T18:00". */
export function utcToZonedLocal(date: Date, timeZone: string): string {
  const { year, month, day, hour, minute } = wallTimeAt(date.getTime(), timeZone);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}`;
}

/** "2027-03-14T18:00" → "2027-03-14". */
export function localDatePart(local: string): string {
  return local.slice(0, 10);
}

/** "2027-03-14T18:00" → "18:00". */
export function localTimePart(local: string): string {
  return local.slice(11, 16);
}

/** Calendar arithmetic on a local date: "2027-03-14" plus 2 days is "2027-03-16", whatever the zone does. */
export function addDaysToLocalDate(localDate: string, days: number): string {
  const match = LOCAL_DATE.exec(localDate);
  if (!match) throw new RangeError(`"${localDate}" is not a date like 2027-03-14.`);
  const date = new Date(Date.UTC(2000, 0, 1));
  date.setUTCFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** Whole calendar days from one local date to another ("2027-03-14" → "2027-03-16" is 2). */
export function daysBetweenLocalDates(from: string, to: string): number {
  const midnight = (localDate: string) => {
    const wallTime = parseLocalDateTime(`${localDate}T00:00`);
    if (!wallTime) throw new RangeError(`"${localDate}" is not a date like 2027-03-14.`);
    return wallTimeAsUtc(wallTime);
  };
  return Math.round((midnight(to) - midnight(from)) / DAY_MS);
}

const displayFormatters = new Map<string, Intl.DateTimeFormat>();

function displayParts(date: Date, timeZone: string) {
  let formatter = displayFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      hourCycle: "h23",
      weekday: "short",
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
    });
    displayFormatters.set(timeZone, formatter);
  }
  const parts: Record<string, string> = {};
  for (const part of formatter.formatToParts(date)) {
    if (part.type !== "literal") parts[part.type] = part.value;
  }
  return {
    day: `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}`,
    time: `${parts.hour}:${parts.minute}`,
  };
}

/** "Sat 14 Mar 2027" in the zone, without naming it. */
export function formatDayInZone(date: Date, timeZone: string): string {
  return displayParts(date, timeZone).day;
}

/** "18:00" in the zone, without naming it. */
export function formatTimeInZone(date: Date, timeZone: string): string {
  return displayParts(date, timeZone).time;
}

/** "Sat 14 Mar 2027, 18:00 (America/New_York)". */
export function formatInZone(date: Date, timeZone: string): string {
  const { day, time } = displayParts(date, timeZone);
  return `${day}, ${time} (${timeZone})`;
}

/**
 * "Sat 14 Mar 2027, 18:00–21:00 (America/New_York)", or with both days when it runs past
 * midnight: "Sat 14 Mar 2027, 22:00 – Sun 15 Mar 2027, 02:00 (America/New_York)".
 */
export function formatEventRange(startsAt: Date, endsAt: Date, timeZone: string): string {
  const start = displayParts(startsAt, timeZone);
  const end = displayParts(endsAt, timeZone);
  if (start.day === end.day) return `${start.day}, ${start.time}–${end.time} (${timeZone})`;
  return `${start.day}, ${start.time} – ${end.day}, ${end.time} (${timeZone})`;
}

/** Zones most of our customers plan in, offered first in pickers. */
const COMMON_TIME_ZONES = [
  "America/New_York",
  "America/Chicago",
  "America/Denver",
  "America/Los_Angeles",
  "America/Toronto",
  "America/Vancouver",
  "America/Sao_Paulo",
  "Europe/London",
  "Europe/Dublin",
  "Europe/Paris",
  "Europe/Berlin",
  "Europe/Madrid",
  "Europe/Amsterdam",
  "Asia/Dubai",
  "Asia/Kolkata",
  "Asia/Singapore",
  "Asia/Tokyo",
  "Australia/Sydney",
  "Pacific/Auckland",
  "UTC",
] as const;

/**
 * Every zone this runtime knows, common ones first. Build it on the server and send it to the
 * page, so the server-rendered select and the hydrated one list the same zones.
 */
export function timeZoneChoices(): { common: string[]; all: string[] } {
  const common = COMMON_TIME_ZONES.filter(isValidTimeZone);
  const supported = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  const all = supported.filter((zone) => !common.includes(zone as (typeof common)[number]));
  return { common: [...common], all };
}
