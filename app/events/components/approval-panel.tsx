import { Form, useNavigation } from "@remix-run/react";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import type { EventStatus } from "~/generated/prisma/enums";
import type { FieldChange } from "../changes";
import { ChangesTable } from "./changes-table";

type ApprovalRow = { organizationName: string; isYours: boolean; approvedBy: string | null; approvedAt: string | null };

export function ApprovalPanel({
  status,
  version,
  partnerName,
  ownOrganizationName,
  approvals,
  diff,
  canPropose,
  canApprove,
}: {
  status: EventStatus;
  version: number;
  partnerName: string;
  ownOrganizationName: string;
  approvals: ApprovalRow[];
  diff: { baselineLabel: string; changes: FieldChange[] } | null;
  canPropose: boolean;
  canApprove: boolean;
}) {
  const navigation = useNavigation();
  const pending = navigation.state !== "idle" ? navigation.formData?.get("intent") : null;
  return (
    <Card>
      <CardHeader
        title="Approval"
        description="A joint event is confirmed only when both companies approve the same version of its date, place, seats and shifts."
      />
      <CardBody className="space-y-4">
        {status === "draft" ? (
          <>
            <p className="text-sm text-slate-700">
              This is a draft: managers at both companies can still shape it. When it's ready, propose it. {partnerName}'s managers get an
              email, and each company then approves it.
            </p>
            {canPropose ? (
              <Form method="post">
                <input type="hidden" name="intent" value="propose" />
                <Button type="submit" disabled={pending === "propose"}>
                  {pending === "propose" ? "Proposing…" : `Propose to ${partnerName}`}
                </Button>
              </Form>
            ) : null}
          </>
        ) : (
          <>
            <p className="text-sm text-slate-700">
              Version {version}
              {status === "proposed" ? " is waiting for approval." : "."}
            </p>
            <ul className="grid gap-3 sm:grid-cols-2">
              {approvals.map((approval) => (
                <li key={approval.organizationName} className="rounded-lg border border-slate-200 p-3">
                  <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                    {approval.organizationName}
                    {approval.isYours ? <span className="font-normal text-slate-600">(you)</span> : null}
                    <Badge tone={approval.approvedBy ? "success" : "warning"}>{approval.approvedBy ? "Approved" : "Not yet approved"}</Badge>
                  </p>
                  {approval.approvedBy ? (
                    <p className="mt-1 text-sm text-slate-600">
                      By {approval.approvedBy} on {approval.approvedAt}
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          </>
        )}
        {diff ? (
          <section aria-labelledby="approval-diff" className="space-y-2">
            <h3 id="approval-diff" className="text-sm font-semibold text-slate-900">
              What changed since {diff.baselineLabel}
            </h3>
            {diff.changes.length ? (
              <ChangesTable changes={diff.changes} caption={`Changes since ${diff.baselineLabel}`} />
            ) : (
              <p className="text-sm text-slate-700">The date, place, seats and shifts are the same as in that version.</p>
            )}
          </section>
        ) : null}
        {canApprove ? (
          <Form method="post" className="space-y-2">
            <input type="hidden" name="intent" value="approve" />
            <input type="hidden" name="version" value={version} />
            <p className="text-sm text-slate-700">
              Approving says {ownOrganizationName} agrees to version {version} as shown on this page.
            </p>
            <Button type="submit" disabled={pending === "approve"}>
              {pending === "approve" ? "Approving…" : `Approve version ${version} for ${ownOrganizationName}`}
            </Button>
          </Form>
        ) : null}
      </CardBody>
    </Card>
  );
}
