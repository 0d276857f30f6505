import type { AttendanceChange } from "./check-in.server";

/** What the door staff read after a tap: what happened, or that it had already happened. */
export function attendanceMessage(change: AttendanceChange): string {
  if (change.attended) return change.changed ? `Checked in ${change.name} at ${change.time}.` : `${change.name} was already checked in at ${change.time}.`;
  return change.changed ? `Undid ${change.name}'s check-in.` : `${change.name} wasn't checked in.`;
}
