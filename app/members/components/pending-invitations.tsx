import { Form, useNavigation } from "@remix-run/react";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { confirmSubmit } from "~/components/ui/confirm-submit";
import { OutcomeAlert, type ActionOutcome } from "~/components/ui/outcome-alert";
import type { Role } from "~/generated/prisma/enums";
import { roleLabels } from "~/organizations/permissions";
import { FormattedDate } from "./formatted-date";
import { RowActions } from "./row-actions";

export type InvitationRow = {
  id: string;
  email: string;
  role: Role;
  invitedBy: string;
  sentAt: Date;
  expiresAt: Date;
  /** The viewer may resend or revoke it. */
  manageable: boolean;
};

export type InvitationOutcome = ActionOutcome & { invitationId: string };

export function PendingInvitations({
  invitations,
  canInvite,
  outcome,
}: {
  invitations: InvitationRow[];
  canInvite: boolean;
  outcome: InvitationOutcome | undefined;
}) {
  const outcomeHasRow = outcome && !outcome.ok && invitations.some((invitation) => invitation.id === outcome.invitationId);
  return (
    <Card>
      <CardHeader title="Pending invitations" description="People who have been invited but haven't signed in yet." />
      <CardBody>
        <OutcomeAlert outcome={outcomeHasRow ? undefined : outcome} className="mb-4" />
        {invitations.length === 0 ? (
          <p className="text-sm text-slate-600">
            {canInvite
              ? "No invitations are waiting. Invite a teammate and they'll show up here until they join."
              : "No invitations are waiting."}
          </p>
        ) : (
          <ul className="divide-y divide-slate-200">
            {invitations.map((invitation) => (
              <InvitationItem
                key={invitation.id}
                invitation={invitation}
                error={outcomeHasRow && outcome.invitationId === invitation.id ? outcome.message : undefined}
              />
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}

function InvitationItem({ invitation, error }: { invitation: InvitationRow; error: string | undefined }) {
  const navigation = useNavigation();
  const pendingIntent = navigation.formData?.get("invitationId") === invitation.id ? navigation.formData.get("intent") : null;
  return (
    <li className="flex flex-col gap-3 py-4 first:pt-0 last:pb-0 md:flex-row md:items-center md:justify-between">
      <div className="min-w-0">
        <p className="font-medium break-all text-slate-900">{invitation.email}</p>
        <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-600">
          <Badge>{roleLabels[invitation.role]}</Badge>
          <span>Invited by {invitation.invitedBy}</span>
        </p>
        <p className="mt-1 text-sm text-slate-600">
          Sent <FormattedDate date={invitation.sentAt} />, expires <FormattedDate date={invitation.expiresAt} />
        </p>
      </div>
      {invitation.manageable ? (
        <RowActions error={error}>
          <Form method="post">
            <input type="hidden" name="intent" value="resend-invitation" />
            <input type="hidden" name="invitationId" value={invitation.id} />
            <Button type="submit" variant="secondary" size="sm" disabled={pendingIntent === "resend-invitation"}>
              {pendingIntent === "resend-invitation" ? "Sending…" : "Resend"}
              <span className="sr-only"> the invitation to {invitation.email}</span>
            </Button>
          </Form>
          <Form method="post" onSubmit={confirmSubmit(`Revoke the invitation to ${invitation.email}? They won't be added when they sign in.`)}>
            <input type="hidden" name="intent" value="revoke-invitation" />
            <input type="hidden" name="invitationId" value={invitation.id} />
            <Button type="submit" variant="danger" size="sm" disabled={pendingIntent === "revoke-invitation"}>
              {pendingIntent === "revoke-invitation" ? "Revoking…" : "Revoke"}
              <span className="sr-only"> the invitation to {invitation.email}</span>
            </Button>
          </Form>
        </RowActions>
      ) : null}
    </li>
  );
}
