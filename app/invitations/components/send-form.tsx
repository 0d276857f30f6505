import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { ErrorList } from "~/components/ui/error-list";
import { Field } from "~/components/ui/field";
import { sendInvitationsSchema } from "../send-schemas";

export type SendFormOutcome = { result: SubmissionResult<string[]> };

type SendFormProps = {
  companyName: string;
  timeZone: string;
  earliestSchedule: string;
  latestSchedule: string;
  counts: { ready: number; blocked: number; failed: number; waiting: number; sent: number };
  blockedReason: string | null;
  outcome: SendFormOutcome | undefined;
};

function people(count: number) {
  return `${count} ${count === 1 ? "person" : "people"}`;
}

export function SendForm({ companyName, timeZone, earliestSchedule, latestSchedule, counts, blockedReason, outcome }: SendFormProps) {
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting" && navigation.formMethod === "POST";
  const [form, fields] = useForm({
    id: "send-invitations",
    lastResult: outcome?.result,
    defaultValue: { when: "now" },
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: sendInvitationsSchema }),
  });
  const nothingToSend = counts.ready === 0 && counts.failed === 0;
  return (
    <Card>
      <CardHeader
        title="Send the invitation"
        description={
          nothingToSend
            ? `Everyone on ${companyName}'s list has been sent the invitation or is about to be. People you add later can be sent it from here.`
            : `${people(counts.ready)} on ${companyName}'s list ${counts.ready === 1 ? "hasn't" : "haven't"} been sent the invitation yet.`
        }
      />
      <CardBody className="space-y-4">
        {counts.blocked > 0 ? (
          <Alert tone="warning">
            {people(counts.blocked)} on the list bounced or marked an earlier email as spam. They are skipped, so their addresses keep working for everyone else.
          </Alert>
        ) : null}
        {counts.waiting > 0 ? <Alert tone="info">{people(counts.waiting)} are in a send that is scheduled or going out now.</Alert> : null}
        {blockedReason ? (
          <Alert tone="warning" title="Invitations can't go out yet">
            {blockedReason}
          </Alert>
        ) : (
          <Form method="post" {...getFormProps(form)} className="space-y-4">
            {form.errors?.length ? <Alert tone="error">{form.errors.join(" ")}</Alert> : null}
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium text-slate-900">When</legend>
              <label className="flex items-center gap-2 text-sm text-slate-800">
                <input type="radio" name={fields.when.name} value="now" defaultChecked={fields.when.initialValue !== "later"} className="size-4 accent-brand-600" />
                Now
              </label>
              <label className="flex items-center gap-2 text-sm text-slate-800">
                <input type="radio" name={fields.when.name} value="later" defaultChecked={fields.when.initialValue === "later"} className="size-4 accent-brand-600" />
                At a set time
              </label>
              <ErrorList id={`${fields.when.id}-error`} errors={fields.when.errors} />
            </fieldset>
            <Field
              label={`Send at (${timeZone} time)`}
              description="Only used for “At a set time”. Times are in the event's time zone."
              inputProps={{
                id: fields.scheduledFor.id,
                name: fields.scheduledFor.name,
                type: "datetime-local",
                defaultValue: fields.scheduledFor.initialValue,
                min: earliestSchedule,
                max: latestSchedule,
                className: "sm:max-w-xs",
              }}
              errors={fields.scheduledFor.errors}
            />
            {counts.failed > 0 ? (
              <label className="flex items-start gap-2 text-sm text-slate-800">
                <input type="checkbox" name={fields.includeFailed.name} value="on" className="mt-0.5 size-4 accent-brand-600" />
                <span>Also try again for the {people(counts.failed)} whose invitation failed</span>
              </label>
            ) : null}
            <Button type="submit" disabled={submitting}>
              {submitting ? "Sending…" : "Send invitations"}
            </Button>
          </Form>
        )}
      </CardBody>
    </Card>
  );
}
