import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { RefusedLink, RsvpPageView } from "~/rsvp/components/rsvp-page";
import { getRsvpPage, submitRsvp } from "~/rsvp/page.server";

/**
 * Invitees open this page from their phone, often on a slow connection: it is a plain HTML form
 * and ships no JavaScript (see root.tsx), which keeps it small and fast.
 */
export const handle = { hydrate: false };

// The URL is the invitee's key: never pass it on through Referer, never cache it, never index it.
const TOKEN_PAGE_HEADERS = { "Referrer-Policy": "no-referrer", "Cache-Control": "no-store", "X-Robots-Tag": "noindex" };

export const headers: HeadersFunction = () => TOKEN_PAGE_HEADERS;

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [
  { title: loaderData?.page.state === "refused" || !loaderData ? "RSVP · Rapport" : `RSVP: ${loaderData.page.title} · Rapport` },
  { name: "robots", content: "noindex" },
];

// 404 for a link we cannot vouch for (forged, revoked, other event); 410 for a genuine link that
// has expired: it existed and is gone for good.
const refusalStatus = { invalid: 404, expired: 410 } as const;

/** Showing the page changes nothing, so link scanners that open it record no answer. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const page = await getRsvpPage(params.eventId!, params.token!, url.searchParams.get("answer"));
  const status = page.state === "refused" ? refusalStatus[page.refusal] : 200;
  return data({ page, saved: url.searchParams.get("saved") === "1" }, { status, headers: TOKEN_PAGE_HEADERS });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const outcome = await submitRsvp(params.eventId!, params.token!, await request.formData());
  const pagePath = new URL(request.url).pathname;
  switch (outcome.kind) {
    case "refused":
      return data({ result: undefined }, { status: refusalStatus[outcome.refusal], headers: TOKEN_PAGE_HEADERS });
    case "closed":
      return redirect(pagePath, { status: 303, headers: TOKEN_PAGE_HEADERS });
    case "rejected":
      return data({ result: outcome.result }, { status: outcome.result.error?.[""] ? 409 : 400, headers: TOKEN_PAGE_HEADERS });
    case "saved":
      // Post/redirect/get: reloading the result page never sends the answer again.
      return redirect(`${pagePath}?saved=1`, { status: 303, headers: TOKEN_PAGE_HEADERS });
  }
}

export default function RsvpRoute() {
  const { page, saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (page.state === "refused") return <RefusedLink refusal={page.refusal} />;
  return <RsvpPageView page={page} saved={saved && !actionData} result={actionData?.result} />;
}
