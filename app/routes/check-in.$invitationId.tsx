import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useRouteError } from "@remix-run/react";
import { openDoorEntry, setAttendedAtDoor } from "~/attendance/door.server";
import { attendanceMessage } from "~/attendance/messages";
import { AttendanceRuleError } from "~/attendance/rules";
import { doorActionSchema } from "~/attendance/schemas";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card, CardBody } from "~/components/ui/card";
import { OutcomeAlert } from "~/components/ui/outcome-alert";
import { routeErrorMessage } from "~/components/ui/route-error-message";
import { requireUser } from "~/platform/auth.server";

export const meta: MetaFunction = () => [{ title: "Check-in · Rapport" }];

/**
 * What an attendee's QR code opens. Looking changes nothing: the invitee's own organisers go to
 * the entry in their check-in list, the partner company's see the name and a button.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const entry = await openDoorEntry(user, params.invitationId!);
  if (entry.side === "own") throw redirect(entry.listPath);
  return entry;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseWithZod(await request.formData(), { schema: doorActionSchema });
  if (submission.status !== "success") return data({ ok: false, message: "We couldn't make sense of that request. Reload the page and try again." }, { status: 400 });
  try {
    const change = await setAttendedAtDoor(user, params.invitationId!, submission.value.intent === "mark-attended");
    return { ok: true, message: attendanceMessage(change) };
  } catch (error) {
    if (error instanceof AttendanceRuleError) return data({ ok: false, message: error.message }, { status: error.status });
    throw error;
  }
}

export default function DoorEntry() {
  const entry = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  return (
    <div className="mx-auto max-w-lg space-y-6">
      <div>
        <p className="text-sm font-semibold text-brand-700">Check-in · {entry.eventTitle}</p>
        <p className="mt-1 text-sm text-slate-700">{entry.eventWhen}</p>
      </div>
      <OutcomeAlert outcome={outcome} />
      <Card>
        <CardBody className="space-y-5">
          <div>
            <h1 className="text-2xl font-semibold tracking-tight break-words text-slate-900">{entry.name}</h1>
            <p className="mt-1 text-base text-slate-700">{entry.companyName}</p>
          </div>
          <p className={`text-sm font-medium ${entry.checkedIn ? "text-green-800" : "text-slate-700"}`}>
            {entry.checkedIn ? `Checked in at ${entry.checkedIn.time} by ${entry.checkedIn.by}.` : "Not checked in yet."}
          </p>
          {entry.closedReason ? (
            <Alert tone="info">{entry.closedReason}</Alert>
          ) : (
            <Form method="post">
              <input type="hidden" name="intent" value={entry.checkedIn ? "undo-attended" : "mark-attended"} />
              <Button type="submit" size="lg" variant={entry.checkedIn ? "secondary" : "primary"} disabled={busy} className="w-full">
                {entry.checkedIn ? "Undo check-in" : "Mark attended"}
              </Button>
            </Form>
          )}
          <p className="text-sm text-slate-700">
            {entry.name} is on {entry.companyName}'s list. As an organiser from {entry.viewerCompanyName} you see their name only, and can check them in.
          </p>
        </CardBody>
      </Card>
      <p>
        <Link to={entry.listPath} className="font-medium text-brand-700 underline underline-offset-4">
          Back to {entry.viewerCompanyName}'s check-in list
        </Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  return (
    <div className="mx-auto max-w-lg space-y-4">
      <h1 className="text-xl font-semibold tracking-tight text-slate-900">Check-in</h1>
      <Alert tone="error">{routeErrorMessage(error)}</Alert>
    </div>
  );
}
