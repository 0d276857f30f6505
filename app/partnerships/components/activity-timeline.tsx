import { Link } from "@remix-run/react";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import type { TimelinePage } from "../timeline.server";

// A fixed zone keeps the server-rendered tooltip identical to the hydrated one; it says which.
const instantFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" });

export function ActivityTimeline({
  organizationSlug,
  timeline,
  showingOlder,
}: {
  organizationSlug: string;
  timeline: TimelinePage;
  /** The page was opened at an older page of the timeline (`?before=`). */
  showingOlder: boolean;
}) {
  return (
    <Card id="activity">
      <CardHeader title="Activity" description="Everything that happened between your two companies, newest first." />
      <CardBody className="space-y-4">
        {timeline.entries.length === 0 ? (
          <p className="text-sm text-slate-600">Nothing has happened yet.</p>
        ) : (
          <ol className="space-y-4 border-l-2 border-slate-200 pl-4">
            {timeline.entries.map((entry) => {
              const createdAt = new Date(entry.createdAt);
              return (
                <li key={entry.id} className="text-sm">
                  <p className="text-slate-600">
                    <span className="font-medium text-slate-900">{entry.actorName}</span>
                    {entry.organizationName ? ` · ${entry.organizationName}` : null} ·{" "}
                    <time dateTime={createdAt.toISOString()} title={`${instantFormat.format(createdAt)} UTC`}>
                      {entry.ago}
                    </time>
                  </p>
                  <p className="mt-0.5 break-words text-slate-800">
                    {entry.summary}
                    {entry.eventId ? (
                      <>
                        {" "}
                        <Link to={`/o/${organizationSlug}/events/${entry.eventId}`} className="text-brand-700 underline underline-offset-4">
                          View the event
                        </Link>
                      </>
                    ) : null}
                  </p>
                </li>
              );
            })}
          </ol>
        )}
        {timeline.olderCursor || showingOlder ? (
          <p className="flex flex-wrap gap-4 text-sm">
            {timeline.olderCursor ? (
              <Link to={`?before=${encodeURIComponent(timeline.olderCursor)}#activity`} className="font-medium text-brand-700 underline underline-offset-4">
                Show older activity
              </Link>
            ) : null}
            {showingOlder ? (
              <Link to="?#activity" className="font-medium text-brand-700 underline underline-offset-4">
                Back to the latest
              </Link>
            ) : null}
          </p>
        ) : null}
      </CardBody>
    </Card>
  );
}
