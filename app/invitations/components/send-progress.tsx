import { Form, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import type { InvitationDelivery, InvitationSendStatus } from "~/generated/prisma/enums";
import { deliveryLabels } from "../labels";
import { sendHeadline } from "./send-history";
import { SendStatusBadge } from "./send-status";

type SendProgressProps = {
  send: {
    status: InvitationSendStatus;
    scheduledFor: string;
    startedAt: string | null;
    finishedAt: string | null;
    total: number;
    done: number;
    createdBy: string;
    cancellable: boolean;
  };
  counts: Partial<Record<InvitationDelivery, number>>;
  timeZone: string;
};

const COUNTED: InvitationDelivery[] = ["scheduled", "queued", "sent", "delivered", "bounced", "complained", "failed", "suppressed"];

export function SendProgress({ send, counts, timeZone }: SendProgressProps) {
  const navigation = useNavigation();
  const cancelling = navigation.state === "submitting" && navigation.formData?.get("intent") === "cancel";
  const shown = COUNTED.filter((delivery) => (counts[delivery] ?? 0) > 0);
  return (
    <Card>
      <CardHeader
        title={sendHeadline(send)}
        description={`Started by ${send.createdBy}. Times are in the event's time zone (${timeZone}).`}
        actions={<SendStatusBadge status={send.status} />}
      />
      <CardBody className="space-y-4">
        {send.status === "cancelled" ? (
          <p className="text-sm text-slate-700">This send was cancelled before it started; its invitations went back to “Not sent”.</p>
        ) : (
          <div className="space-y-1">
            <label htmlFor="send-progress" className="block text-sm font-medium text-slate-900">
              {send.done} of {send.total} {send.total === 1 ? "invitation" : "invitations"} handled
            </label>
            <progress
              id="send-progress"
              value={send.done}
              max={Math.max(send.total, 1)}
              className="h-3 w-full appearance-none overflow-hidden rounded-full bg-slate-100 [&::-moz-progress-bar]:bg-brand-600 [&::-webkit-progress-bar]:bg-slate-100 [&::-webkit-progress-value]:bg-brand-600"
            >
              {send.done} of {send.total}
            </progress>
            {send.status === "sending" ? (
              <p className="text-sm text-slate-600">Invitations go out in batches of 100, at the rate our email provider allows. This page updates by itself.</p>
            ) : null}
          </div>
        )}
        {shown.length > 0 ? (
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            {shown.map((delivery) => (
              <div key={delivery} className="rounded-lg border border-slate-200 px-3 py-2">
                <dt className="text-xs font-medium text-slate-600">{deliveryLabels[delivery].label}</dt>
                <dd className="text-lg font-semibold text-slate-900">{counts[delivery]}</dd>
              </div>
            ))}
          </dl>
        ) : null}
        <dl className="grid gap-x-3 gap-y-1 text-sm text-slate-700 sm:grid-cols-[auto_1fr]">
          <dt className="font-medium text-slate-900">Scheduled for</dt>
          <dd>{send.scheduledFor}</dd>
          {send.startedAt ? (
            <>
              <dt className="font-medium text-slate-900">Started</dt>
              <dd>{send.startedAt}</dd>
            </>
          ) : null}
          {send.finishedAt ? (
            <>
              <dt className="font-medium text-slate-900">{send.status === "cancelled" ? "Cancelled" : "Finished"}</dt>
              <dd>{send.finishedAt}</dd>
            </>
          ) : null}
        </dl>
        {send.cancellable ? (
          <Form method="post">
            <input type="hidden" name="intent" value="cancel" />
            <Button type="submit" variant="secondary" disabled={cancelling}>
              {cancelling ? "Cancelling…" : "Cancel this send"}
            </Button>
          </Form>
        ) : null}
      </CardBody>
    </Card>
  );
}
