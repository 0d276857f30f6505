import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { Field, SelectField } from "~/components/ui/field";
import type { Role } from "~/generated/prisma/enums";
import { inviteTeammateSchema } from "~/members/schemas";
import { roleDescriptions, roleLabels } from "~/organizations/permissions";

export type InviteOutcome = { result: SubmissionResult<string[]>; sentTo: string | null };

export function InviteTeammateForm({
  organizationName,
  assignableRoles,
  invitationValidDays,
  outcome,
}: {
  organizationName: string;
  assignableRoles: Role[];
  invitationValidDays: number;
  outcome: InviteOutcome | undefined;
}) {
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting" && navigation.formData?.get("intent") === "invite";
  const [form, fields] = useForm({
    id: "invite-teammate",
    lastResult: outcome?.result,
    defaultValue: { role: "member" },
    shouldValidate: "onBlur",
    // Clearing the error while typing, not on blur, keeps the button from jumping away mid-click.
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: inviteTeammateSchema }),
  });
  return (
    <Card>
      <CardHeader
        title="Invite a teammate"
        description={`We'll email them a link. When they sign in with that address they join ${organizationName}. Invitations last ${invitationValidDays} days.`}
      />
      <CardBody>
        <Form method="post" {...getFormProps(form)} className="space-y-4">
          {outcome?.sentTo ? <Alert tone="success">Invitation sent to {outcome.sentTo}.</Alert> : null}
          {form.errors?.length ? <Alert tone="error">{form.errors.join(" ")}</Alert> : null}
          <input type="hidden" name="intent" value="invite" />
          <Field
            label="Work email"
            inputProps={{ ...getInputProps(fields.email, { type: "email" }), autoComplete: "off", placeholder: "name@company.com" }}
            errors={fields.email.errors}
          />
          <SelectField
            label="Role"
            description={assignableRoles.map((role) => (
              <span key={role} className="block">
                <span className="font-medium text-slate-800">{roleLabels[role]}:</span> {roleDescriptions[role]}
              </span>
            ))}
            selectProps={getSelectProps(fields.role)}
            options={assignableRoles.map((role) => ({ value: role, label: roleLabels[role] }))}
            errors={fields.role.errors}
          />
          <Button type="submit" className="w-full sm:w-auto" disabled={submitting}>
            {submitting ? "Sending…" : "Send invitation"}
          </Button>
        </Form>
      </CardBody>
    </Card>
  );
}
