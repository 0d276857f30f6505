import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { confirmSubmit } from "~/components/ui/confirm-submit";
import { Field } from "~/components/ui/field";
import { addDateOptionSchema } from "../schemas";

export type DateOptionView = {
  id: string;
  label: string;
  isCurrent: boolean;
  votedByYou: boolean;
  voteCount: number;
  votesByCompany: { companyId: string; companyName: string; voters: string[] }[];
};

type DateOptionsCardProps = {
  timeZone: string;
  options: DateOptionView[];
  /** Managers of either company vote, apply and remove while the date is open. */
  canChange: boolean;
  canSuggest: boolean;
  closedReason: string | null;
  isMember: boolean;
  suggestOutcome: { result: SubmissionResult<string[]>; message?: string } | undefined;
};

export function DateOptionsCard({ timeZone, options, canChange, canSuggest, closedReason, isMember, suggestOutcome }: DateOptionsCardProps) {
  return (
    <Card>
      <CardHeader
        title="Date options"
        description={`Suggest a few dates and vote for the ones that work for your company. Times are in ${timeZone}, the event's time zone.`}
      />
      <CardBody className="space-y-6">
        {closedReason ? <Alert tone="info">{closedReason}</Alert> : null}
        {isMember ? <Alert tone="info">Managers of both companies suggest dates and vote. You can follow along here.</Alert> : null}
        {options.length === 0 ? (
          <p className="text-sm text-slate-700">
            No dates suggested yet.{canSuggest ? " Suggest two or three below, then ask the other company to vote." : ""}
          </p>
        ) : (
          <ul className="space-y-4">
            {options.map((option) => (
              <DateOptionItem key={option.id} option={option} canChange={canChange} />
            ))}
          </ul>
        )}
        {canSuggest ? <SuggestDateForm timeZone={timeZone} outcome={suggestOutcome} /> : null}
      </CardBody>
    </Card>
  );
}

function DateOptionItem({ option, canChange }: { option: DateOptionView; canChange: boolean }) {
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formData?.get("optionId") === option.id;
  return (
    <li className={`rounded-lg border p-4 ${option.isCurrent ? "border-brand-300 bg-brand-50" : "border-slate-200"}`}>
      <div className="flex flex-wrap items-center gap-2">
        <p className="font-medium break-words text-slate-900">{option.label}</p>
        {option.isCurrent ? <Badge tone="brand">The event's date</Badge> : null}
        <Badge>{option.voteCount === 1 ? "1 vote" : `${option.voteCount} votes`}</Badge>
      </div>
      <dl className="mt-3 grid gap-2 text-sm sm:grid-cols-2">
        {option.votesByCompany.map((company) => (
          <div key={company.companyId}>
            <dt className="font-medium text-slate-800">
              {company.companyName} ({company.voters.length})
            </dt>
            <dd className="text-slate-700">{company.voters.length > 0 ? company.voters.join(", ") : "No votes yet"}</dd>
          </div>
        ))}
      </dl>
      {canChange ? (
        <div className="mt-4 flex flex-wrap gap-2">
          <Form method="post">
            <input type="hidden" name="intent" value="toggle-vote" />
            <input type="hidden" name="optionId" value={option.id} />
            <Button type="submit" size="sm" variant={option.votedByYou ? "secondary" : "primary"} disabled={busy}>
              {option.votedByYou ? "Take back my vote" : "This date works for us"}
            </Button>
          </Form>
          {option.isCurrent ? null : (
            <Form method="post" onSubmit={confirmSubmit(`Move the event to ${option.label}? If it was proposed or confirmed, both companies approve it again.`)}>
              <input type="hidden" name="intent" value="use-date" />
              <input type="hidden" name="optionId" value={option.id} />
              <Button type="submit" size="sm" variant="secondary" disabled={busy}>
                Use this date
              </Button>
            </Form>
          )}
          <Form method="post" onSubmit={confirmSubmit(`Remove ${option.label} and its votes?`)}>
            <input type="hidden" name="intent" value="remove-date-option" />
            <input type="hidden" name="optionId" value={option.id} />
            <Button type="submit" size="sm" variant="ghost" disabled={busy}>
              Remove this option
            </Button>
          </Form>
        </div>
      ) : null}
    </li>
  );
}

function SuggestDateForm({ timeZone, outcome }: { timeZone: string; outcome: DateOptionsCardProps["suggestOutcome"] }) {
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting" && navigation.formData?.get("intent") === "add-date-option";
  const [form, fields] = useForm({
    id: "suggest-date",
    lastResult: outcome?.result,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: addDateOptionSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4 border-t border-slate-200 pt-5">
      <h3 className="text-sm font-semibold text-slate-900">Suggest a date</h3>
      {outcome?.message ? <Alert tone="success">{outcome.message}</Alert> : null}
      {form.errors?.length ? <Alert tone="error">{form.errors.join(" ")}</Alert> : null}
      <input type="hidden" name="intent" value="add-date-option" />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Starts"
          description={`Local time in ${timeZone}`}
          inputProps={getInputProps(fields.startsAt, { type: "datetime-local" })}
          errors={fields.startsAt.errors}
        />
        <Field label="Ends" description={`Local time in ${timeZone}`} inputProps={getInputProps(fields.endsAt, { type: "datetime-local" })} errors={fields.endsAt.errors} />
      </div>
      <Button type="submit" className="w-full sm:w-auto" disabled={submitting}>
        {submitting ? "Suggesting…" : "Suggest this date"}
      </Button>
    </Form>
  );
}
