import type { LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { previewInvitation } from "~/invitations/preview.server";
import { requireTenant } from "~/platform/tenancy.server";

/**
 * The invitation's HTML on its own, for the send page's sandboxed frame. The email's inline styles
 * need a policy of their own; everything else (scripts, forms, plugins, fetching) stays off.
 */
const PREVIEW_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "img-src data: https:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
  "sandbox",
].join("; ");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireTenant(request, params.slug, "events:plan");
  const preview = await previewInvitation(scope, params.eventId!, new URL(request.url).searchParams.get("invitee"));
  if (!preview) throw data({ error: "not_found", message: "The invite list is empty, so there is nothing to preview." }, { status: 404 });
  return new Response(preview.html, {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": PREVIEW_POLICY,
      "X-Frame-Options": "SAMEORIGIN",
      "Cache-Control": "private, no-store",
      "Referrer-Policy": "no-referrer",
    },
  });
}
