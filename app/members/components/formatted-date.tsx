// A fixed zone keeps the server-rendered text identical to the hydrated text; the title says which.
const dayFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });
const instantFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" });

export function FormattedDate({ date }: { date: Date }) {
  return (
    <time dateTime={date.toISOString()} title={`${instantFormat.format(date)} UTC`}>
      {dayFormat.format(date)}
    </time>
  );
}
