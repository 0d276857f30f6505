import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportInviteesCsv } from "~/attendance/export.server";
import { requireTenant } from "~/platform/tenancy.server";

/** The company's own invite list with every answer, as a spreadsheet download. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireTenant(request, params.slug, "events:plan");
  const { filename, csv } = await exportInviteesCsv(scope, params.eventId!);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      // Names, addresses and answers: never kept by a shared cache or the browser's.
      "Cache-Control": "private, no-store",
    },
  });
}
