import Papa from "papaparse";
import { utcToZonedLocal } from "~/events/time";
import { db } from "~/platform/db.server";
import { assertCan, type TenantScope } from "~/platform/tenancy.server";
import { answerValues } from "./answers";
import { loadAttendanceEvent } from "./event.server";
import { deliveryLabels, rsvpLabels } from "~/invitations/labels";
import { shownEmail } from "./walk-ins";

/**
 * Cells a spreadsheet would run as a formula get a leading apostrophe (OWASP "CSV injection").
 * Papa Parse's own pattern stops at the first line break, so "=1+1\n…" would slip through.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Excel reads a UTF-8 file as its legacy code page unless it starts with a byte order mark. */
const UTF8_BOM = "\uFEFF";

function fileSlug(text: string): string {
  return (
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60)
      .replace(/-+$/, "") || "event"
  );
}

/**
 * The viewer's own company's invite list for one event, one row per person with their answers, as
 * CSV. Never the partner's people: the export is the one place with everything about a person.
 */
export async function exportInviteesCsv(scope: TenantScope, eventId: string): Promise<{ filename: string; csv: string }> {
  assertCan(scope, "events:plan");
  const event = await loadAttendanceEvent(scope, eventId);
  const invitees = await db.eventInvitation.findMany({
    where: { eventId: event.id, organizationId: scope.organizationId, revokedAt: null },
    orderBy: [{ name: "asc" }, { email: "asc" }],
    select: { name: true, email: true, team: true, status: true, source: true, bringsPlusOne: true, plusOneName: true, shiftId: true, answers: true, checkedInAt: true, delivery: true },
  });
  const fields = ["Name", "Email", "Team", "Status", "Plus-one", "Shift", ...event.questions.map((question) => question.prompt), `Checked in at (${event.timeZone})`, "Delivery"];
  const rows = invitees.map((invitee) => [
    invitee.name,
    shownEmail(invitee.email),
    invitee.team,
    invitee.source === "walk_in" ? `${rsvpLabels[invitee.status].label} (walk-in)` : rsvpLabels[invitee.status].label,
    invitee.bringsPlusOne ? invitee.plusOneName || "Yes" : "",
    event.shifts.find((shift) => shift.id === invitee.shiftId)?.role ?? "",
    ...event.questions.map((question) => answerValues(invitee.answers, question.id).join("; ")),
    invitee.checkedInAt ? utcToZonedLocal(invitee.checkedInAt, event.timeZone).replace("T", " ") : "",
    deliveryLabels[invitee.delivery].label,
  ]);
  const csv = Papa.unparse({ fields, data: rows }, { escapeFormulae: FORMULA_START, newline: "\r\n" });
  return { filename: `${fileSlug(event.title)}-${scope.organizationSlug}-invitees.csv`, csv: `${UTF8_BOM}${csv}\r\n` };
}
