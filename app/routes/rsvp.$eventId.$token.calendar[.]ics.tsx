import type { LoaderFunctionArgs } from "@remix-run/node";
import { invitationCalendarFile } from "~/rsvp/calendar-file.server";

const TOKEN_HEADERS = { "Referrer-Policy": "no-referrer", "Cache-Control": "no-store", "X-Robots-Tag": "noindex" };

/** The invitee's calendar entry as a download: GET only, and reading it changes nothing. */
export async function loader({ params }: LoaderFunctionArgs) {
  const file = await invitationCalendarFile(params.eventId!, params.token!);
  if (!file.ok) {
    return new Response(file.refusal === "expired" ? "This link has expired." : "This link isn't valid anymore.", {
      status: file.refusal === "expired" ? 410 : 404,
      headers: { ...TOKEN_HEADERS, "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  return new Response(file.ics, {
    headers: {
      ...TOKEN_HEADERS,
      "Content-Type": `text/calendar; charset=utf-8; method=${file.method}`,
      "Content-Disposition": `attachment; filename="${file.filename}"`,
    },
  });
}
