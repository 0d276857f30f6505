import type { LoaderFunctionArgs } from "@remix-run/node";
import { renderCheckInQrCode } from "~/attendance/qr.server";

/**
 * The attendee's QR code for their confirmation email. Public, because email clients fetch images
 * without a session; it only encodes the entry page's address, which asks an organiser to sign in.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const png = await renderCheckInQrCode(params.invitationId!);
  if (!png) throw new Response("No such check-in code.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(new Uint8Array(png), {
    headers: {
      "Content-Type": "image/png",
      "Content-Length": String(png.byteLength),
      // The image for an id never changes.
      "Cache-Control": "public, max-age=31536000, immutable",
      // Webmail shows it from its own origin; the site-wide same-origin policy would block it there.
      "Cross-Origin-Resource-Policy": "cross-origin",
    },
  });
}
