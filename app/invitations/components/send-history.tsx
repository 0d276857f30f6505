import { Link } from "@remix-run/react";
import { Card, CardHeader } from "~/components/ui/card";
import type { InvitationSendStatus } from "~/generated/prisma/enums";
import { SendStatusBadge } from "./send-status";

type SendHistoryProps = {
  sends: { id: string; status: InvitationSendStatus; scheduledFor: string; total: number; done: number }[];
  sendsPath: string;
};

export function sendHeadline(send: { status: InvitationSendStatus; scheduledFor: string }): string {
  switch (send.status) {
    case "scheduled":
      return `Scheduled for ${send.scheduledFor}`;
    case "sending":
      return `Sending since ${send.scheduledFor}`;
    case "sent":
      return `Sent ${send.scheduledFor}`;
    case "cancelled":
      return `Cancelled (was set for ${send.scheduledFor})`;
  }
}

export function SendHistory({ sends, sendsPath }: SendHistoryProps) {
  if (sends.length === 0) return null;
  return (
    <Card>
      <CardHeader title="Earlier sends" description="Open a send to follow its progress and see each person's delivery status." />
      <ul className="divide-y divide-slate-200">
        {sends.map((send) => (
          <li key={send.id} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between sm:px-6">
            <div className="min-w-0 text-sm text-slate-700">
              <Link to={`${sendsPath}/${send.id}`} className="font-medium text-brand-700 underline underline-offset-4">
                {sendHeadline(send)}
              </Link>
              <p>
                {send.done} of {send.total} {send.total === 1 ? "invitation" : "invitations"} handled
              </p>
            </div>
            <SendStatusBadge status={send.status} />
          </li>
        ))}
      </ul>
    </Card>
  );
}
