import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import type { FormEvent } from "react";
import { Alert } from "~/components/ui/alert";
import { Button, ButtonLink } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { Field, TextareaField } from "~/components/ui/field";
import { CANCEL_REASON_MAX, cancelEventSchema, duplicateEventSchema } from "../schemas";

/** Conform validates first; only a valid form asks for confirmation. */
function validateThenConfirm(validate: (event: FormEvent<HTMLFormElement>) => void, question: string) {
  return (event: FormEvent<HTMLFormElement>) => {
    validate(event);
    if (!event.defaultPrevented && !window.confirm(question)) event.preventDefault();
  };
}

export function ManageEvent({
  editPath,
  partnerName,
  timeZone,
  can,
  cancelResult,
  duplicateResult,
}: {
  editPath: string;
  partnerName: string;
  timeZone: string;
  can: { edit: boolean; cancel: boolean; duplicate: boolean };
  cancelResult: SubmissionResult<string[]> | undefined;
  duplicateResult: SubmissionResult<string[]> | undefined;
}) {
  if (!can.edit && !can.cancel && !can.duplicate) return null;
  return (
    <Card>
      <CardHeader title="Manage" description="Only managers see this. Everything here is recorded in the event's history." />
      <CardBody className="space-y-6">
        {can.edit ? (
          <div className="space-y-2">
            <h3 className="text-sm font-semibold text-slate-900">Edit</h3>
            <p className="text-sm text-slate-700">
              Changing the date, place, seats or shifts of a proposed or confirmed event sends it back for both companies' approval.
            </p>
            <ButtonLink to={editPath} variant="secondary">
              Edit the event
            </ButtonLink>
          </div>
        ) : null}
        {can.duplicate ? <DuplicateForm timeZone={timeZone} lastResult={duplicateResult} /> : null}
        {can.cancel ? <CancelForm partnerName={partnerName} lastResult={cancelResult} /> : null}
      </CardBody>
    </Card>
  );
}

function DuplicateForm({ timeZone, lastResult }: { timeZone: string; lastResult: SubmissionResult<string[]> | undefined }) {
  const navigation = useNavigation();
  const pending = navigation.state !== "idle" && navigation.formData?.get("intent") === "duplicate";
  const [form, fields] = useForm({
    id: "duplicate-event",
    lastResult,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: duplicateEventSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3">
      <h3 className="text-sm font-semibold text-slate-900">Duplicate as a new draft</h3>
      <p className="text-sm text-slate-700">
        Copies the details, seats, questions and shifts to the day you pick, at the same times of day in {timeZone}. Approvals, tasks and
        comments stay with this event.
      </p>
      {form.errors?.length ? <Alert tone="error">{form.errors.join(" ")}</Alert> : null}
      <input type="hidden" name="intent" value="duplicate" />
      <Field label="Day of the new event" inputProps={{ ...getInputProps(fields.startDate, { type: "date" }), className: "sm:max-w-xs" }} errors={fields.startDate.errors} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Duplicating…" : "Duplicate"}
      </Button>
    </Form>
  );
}

function CancelForm({ partnerName, lastResult }: { partnerName: string; lastResult: SubmissionResult<string[]> | undefined }) {
  const navigation = useNavigation();
  const pending = navigation.state !== "idle" && navigation.formData?.get("intent") === "cancel";
  const [form, fields] = useForm({
    id: "cancel-event",
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: cancelEventSchema }),
  });
  const formProps = getFormProps(form);
  return (
    <Form
      method="post"
      {...formProps}
      onSubmit={validateThenConfirm(formProps.onSubmit, "Cancel this event for both companies? This can't be undone.")}
      className="space-y-3"
    >
      <h3 className="text-sm font-semibold text-slate-900">Cancel the event</h3>
      <p className="text-sm text-slate-700">Both companies see the reason, and {partnerName}'s managers get an email. A cancelled event can't be changed again.</p>
      {form.errors?.length ? <Alert tone="error">{form.errors.join(" ")}</Alert> : null}
      <input type="hidden" name="intent" value="cancel" />
      <TextareaField
        label="Reason"
        description={`Up to ${CANCEL_REASON_MAX} characters.`}
        textareaProps={{ ...getTextareaProps(fields.reason), rows: 3, maxLength: CANCEL_REASON_MAX }}
        errors={fields.reason.errors}
      />
      <Button type="submit" variant="danger" disabled={pending}>
        {pending ? "Cancelling…" : "Cancel the event for both companies"}
      </Button>
    </Form>
  );
}
