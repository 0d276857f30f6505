import { Form, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { confirmSubmit } from "~/components/ui/confirm-submit";
import { OutcomeAlert, type ActionOutcome } from "~/components/ui/outcome-alert";
import type { Role } from "~/generated/prisma/enums";
import { roleLabels } from "~/organizations/permissions";
import { FormattedDate } from "./formatted-date";
import { RowActions } from "./row-actions";

export type MemberRow = {
  id: string;
  name: string;
  email: string;
  role: Role;
  joinedAt: Date;
  isYou: boolean;
  /** The viewer may change this person's role or remove them. */
  manageable: boolean;
};

export type MemberOutcome = ActionOutcome & { membershipId: string };

const selectClasses =
  "block w-full rounded-md border border-slate-500 bg-white px-3 py-1.5 text-base text-slate-900 shadow-sm sm:w-auto sm:text-sm " +
  "focus-visible:border-brand-600 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-brand-600";

export function MembersList({
  organizationName,
  members,
  assignableRoles,
  outcome,
}: {
  organizationName: string;
  members: MemberRow[];
  assignableRoles: Role[];
  outcome: MemberOutcome | undefined;
}) {
  // A success, or an error about someone no longer listed, has no row to sit beside.
  const outcomeHasRow = outcome && !outcome.ok && members.some((member) => member.id === outcome.membershipId);
  // Each fresh list from the server resets the role selects, so a refused change doesn't linger on screen.
  const [listShown, setListShown] = useState(members);
  const [revision, setRevision] = useState(0);
  if (listShown !== members) {
    setListShown(members);
    setRevision(revision + 1);
  }
  return (
    <Card>
      <CardHeader title={`Team (${members.length})`} description={`Everyone who can sign in to ${organizationName}, and their role.`} />
      <CardBody>
        <OutcomeAlert outcome={outcomeHasRow ? undefined : outcome} className="mb-4" />
        <ul className="divide-y divide-slate-200">
          {members.map((member) => (
            <MemberItem
              key={member.id}
              revision={revision}
              member={member}
              organizationName={organizationName}
              assignableRoles={assignableRoles}
              error={outcomeHasRow && outcome.membershipId === member.id ? outcome.message : undefined}
            />
          ))}
        </ul>
      </CardBody>
    </Card>
  );
}

function MemberItem({
  revision,
  member,
  organizationName,
  assignableRoles,
  error,
}: {
  revision: number;
  member: MemberRow;
  organizationName: string;
  assignableRoles: Role[];
  error: string | undefined;
}) {
  const navigation = useNavigation();
  const pendingIntent = navigation.formData?.get("membershipId") === member.id ? navigation.formData.get("intent") : null;
  const selectId = `role-${member.id}`;
  return (
    <li className="flex flex-col gap-3 py-4 first:pt-0 last:pb-0 md:flex-row md:items-center md:justify-between">
      <div className="min-w-0">
        <p className="font-medium break-words text-slate-900">
          {member.name}
          {member.isYou ? <span className="font-normal text-slate-600"> (you)</span> : null}
        </p>
        {member.name !== member.email ? <p className="text-sm break-all text-slate-600">{member.email}</p> : null}
        <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-600">
          <Badge tone={member.role === "owner" ? "brand" : "neutral"}>{roleLabels[member.role]}</Badge>
          <span>
            Joined <FormattedDate date={member.joinedAt} />
          </span>
        </p>
      </div>
      {member.manageable ? (
        <RowActions error={error}>
          <Form method="post" className="flex flex-wrap items-center gap-2">
            <input type="hidden" name="intent" value="change-role" />
            <input type="hidden" name="membershipId" value={member.id} />
            <label htmlFor={selectId} className="sr-only">
              Role for {member.name}
            </label>
            <select key={`${member.role}:${revision}`} id={selectId} name="role" defaultValue={member.role} className={selectClasses}>
              {assignableRoles.map((role) => (
                <option key={role} value={role}>
                  {roleLabels[role]}
                </option>
              ))}
            </select>
            <Button type="submit" variant="secondary" size="sm" disabled={pendingIntent === "change-role"}>
              {pendingIntent === "change-role" ? "Saving…" : "Change role"}
              <span className="sr-only"> for {member.name}</span>
            </Button>
          </Form>
          {member.isYou ? null : (
            <Form
              method="post"
              onSubmit={confirmSubmit(`Remove ${member.name} from ${organizationName}? They'll lose access right away.`)}
            >
              <input type="hidden" name="intent" value="remove" />
              <input type="hidden" name="membershipId" value={member.id} />
              <Button type="submit" variant="danger" size="sm" disabled={pendingIntent === "remove"}>
                {pendingIntent === "remove" ? "Removing…" : "Remove"}
                <span className="sr-only"> {member.name}</span>
              </Button>
            </Form>
          )}
        </RowActions>
      ) : null}
    </li>
  );
}
