import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Alert } from "~/components/ui/alert";
import { OutcomeAlert } from "~/components/ui/outcome-alert";
import { requireEvent } from "~/events/access.server";
import { EventRouteError } from "~/events/components/event-error";
import { SendDeliveries } from "~/invitations/components/send-deliveries";
import { SendProgress } from "~/invitations/components/send-progress";
import { getSendProgress, parseDeliveryFilter } from "~/invitations/send-pages.server";
import { cancelSendSchema } from "~/invitations/send-schemas";
import { cancelSend, SendRuleError } from "~/invitations/send.server";
import { assertCan, requireTenant } from "~/platform/tenancy.server";

const REFRESH_SECONDS = 2;

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: `Invitation send · ${page?.eventTitle ?? "Joint event"} · Rapport` },
  // A meta refresh keeps the progress moving without JavaScript; it stops once the send is done.
  ...(page?.refresh ? [{ httpEquiv: "refresh", content: String(REFRESH_SECONDS) }] : []),
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireTenant(request, params.slug, "events:plan");
  const search = new URL(request.url).searchParams;
  const progress = await getSendProgress(scope, params.eventId!, params.sendId!, {
    filter: parseDeliveryFilter(search.get("status")),
    page: Number(search.get("page") ?? 1) || 1,
  });
  const listPath = `/o/${scope.organizationSlug}/events/${params.eventId!}/invitations`;
  return { ...progress, listPath, path: `${listPath}/sends/${params.sendId!}` };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope } = await requireTenant(request, params.slug, "events:view");
  await requireEvent(scope, params.eventId!);
  assertCan(scope, "events:plan");
  const submission = parseWithZod(await request.formData(), { schema: cancelSendSchema });
  if (submission.status !== "success") {
    return data({ ok: false, message: "We couldn't make sense of that request. Reload the page and try again." }, { status: 400 });
  }
  try {
    const { released } = await cancelSend(scope, params.eventId!, params.sendId!);
    return { ok: true, message: `Cancelled. ${released} ${released === 1 ? "invitation is" : "invitations are"} back to “Not sent”; send them again whenever you like.` };
  } catch (error) {
    if (error instanceof SendRuleError) return data({ ok: false, message: error.message }, { status: error.status });
    throw error;
  }
}

export default function InvitationSendProgress() {
  const page = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const [search] = useSearchParams();
  const skipped = Number(search.get("skipped") ?? 0);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-xl font-semibold text-slate-900">Invitation send</h2>
        <div className="flex gap-4 text-sm">
          <Link to={`${page.listPath}/send`} className="font-medium text-brand-700 underline underline-offset-4">
            Send page
          </Link>
          <Link to={page.listPath} className="font-medium text-brand-700 underline underline-offset-4">
            Invite list
          </Link>
        </div>
      </div>
      <OutcomeAlert outcome={outcome} />
      {skipped > 0 ? (
        <Alert tone="warning">
          {skipped} {skipped === 1 ? "address was" : "addresses were"} skipped because an earlier email to {skipped === 1 ? "it" : "them"} bounced or was marked as spam.
        </Alert>
      ) : null}
      <SendProgress send={page.send} counts={page.counts} timeZone={page.timeZone} />
      <SendDeliveries rows={page.rows} counts={page.counts} filter={page.filter} page={page.page} pageCount={page.pageCount} matching={page.matching} path={page.path} timeZone={page.timeZone} />
    </div>
  );
}

export function ErrorBoundary() {
  return <EventRouteError heading="Invitation send" headingAs="h2" />;
}
