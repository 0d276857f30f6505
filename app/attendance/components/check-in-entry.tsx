import { useFetcher } from "@remix-run/react";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import type { CheckInActionResult } from "../action-results";
import type { CheckInEntry } from "../check-in.server";

/**
 * One attendee with a thumb-sized "Mark attended" (or "Undo check-in") button. With JavaScript
 * the row posts in the background, so the list keeps its place; without it the form posts the
 * page and the outcome shows at the top.
 */
export function CheckInEntryItem({ entry, canChange, prominent = false }: { entry: CheckInEntry; canChange: boolean; prominent?: boolean }) {
  const fetcher = useFetcher<CheckInActionResult>();
  const pendingIntent = fetcher.state === "idle" ? null : fetcher.formData?.get("intent");
  const checkedIn = pendingIntent ? pendingIntent === "mark-attended" : Boolean(entry.checkedIn);
  const notice = fetcher.state === "idle" && fetcher.data?.form === "notice" ? fetcher.data : null;
  const Name = prominent ? "h3" : "p";
  return (
    <div className={`flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between ${prominent ? "" : "py-4"}`}>
      <div className="min-w-0 space-y-1">
        <Name className={`font-semibold break-words text-slate-900 ${prominent ? "text-xl" : "text-base"}`}>{entry.name}</Name>
        {entry.email || entry.team ? (
          <p className="text-sm break-words text-slate-700">{[entry.email, entry.team].filter(Boolean).join(" · ")}</p>
        ) : null}
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700">
          {entry.status !== "attending" ? <Badge tone={entry.statusTone}>{entry.statusLabel}</Badge> : null}
          {entry.walkIn ? <Badge tone="neutral">Walk-in</Badge> : null}
          {entry.plusOne ? <span>+1: {entry.plusOne}</span> : null}
          {entry.shift ? <span>Shift: {entry.shift}</span> : null}
          {entry.checkedIn ? (
            <span className="font-medium text-green-800">
              Checked in at <time dateTime={entry.checkedIn.iso}>{entry.checkedIn.time}</time> by {entry.checkedIn.by}
            </span>
          ) : (
            <span>Not checked in</span>
          )}
        </div>
        <p role={notice && !notice.ok ? "alert" : "status"} className={`text-sm ${notice?.ok === false ? "text-red-700" : "text-slate-700"}`}>
          {notice?.message ?? ""}
        </p>
      </div>
      {canChange ? (
        <fetcher.Form method="post" className="shrink-0">
          <input type="hidden" name="intent" value={checkedIn ? "undo-attended" : "mark-attended"} />
          <input type="hidden" name="invitationId" value={entry.id} />
          <Button type="submit" size="lg" variant={checkedIn ? "secondary" : "primary"} disabled={pendingIntent !== null} className="w-full sm:w-44">
            {pendingIntent === "mark-attended" ? "Checking in…" : pendingIntent === "undo-attended" ? "Undoing…" : checkedIn ? "Undo check-in" : "Mark attended"}
            <span className="sr-only">: {entry.name}</span>
          </Button>
        </fetcher.Form>
      ) : null}
    </div>
  );
}
