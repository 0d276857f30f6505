import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type FieldMetadata,
  type FormMetadata,
  type SubmissionResult,
} from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, useNavigation } from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import type { z } from "zod";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { ErrorList } from "~/components/ui/error-list";
import { Field, SelectField, TextareaField } from "~/components/ui/field";
import type { EventKind } from "~/generated/prisma/enums";
import { MAX_NOTICE_DAYS, MAX_REMINDERS } from "~/notices/settings";
import { CURRENCIES } from "../money";
import { eventFormSchema, MAX_QUESTIONS, MAX_SHIFTS, OUTING_TYPES, QUESTION_KINDS, type EventFormDefaults, type EventInput } from "../schemas";
import { outingTypeLabels } from "../status";

type FormShape = z.input<ReturnType<typeof eventFormSchema>>;

type EventFormParties = { initiatorName: string; partnerName: string; viewerIsInitiator: boolean };

const questionKindLabels = {
  short_text: "Short answer",
  single_choice: "Pick one option",
  multiple_choice: "Pick any options",
} as const;

const controlClasses =
  "block w-full rounded-md border border-slate-500 bg-white px-3 py-2 text-base text-slate-900 shadow-sm sm:text-sm " +
  "focus-visible:border-brand-600 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-brand-600 " +
  "aria-invalid:border-red-700";

export function EventForm({
  kind,
  parties,
  timeZones,
  defaults,
  lastResult,
  currentStart,
  submitLabel,
  cancelTo,
  intro,
}: {
  kind: EventKind;
  parties: EventFormParties;
  timeZones: { common: string[]; all: string[] };
  defaults: EventFormDefaults;
  lastResult: SubmissionResult<string[]> | undefined;
  currentStart?: { local: string; timeZone: string };
  submitLabel: string;
  cancelTo: string;
  intro?: ReactNode;
}) {
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting" && navigation.formMethod?.toLowerCase() === "post";
  const [form, fields] = useForm<FormShape, EventInput>({
    id: "event-form",
    lastResult,
    defaultValue: defaults,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) =>
      parseWithZod(formData, {
        schema: eventFormSchema({ kind, initiatorName: parties.initiatorName, partnerName: parties.partnerName, now: new Date(), currentStart }),
      }),
  });

  // Without JavaScript the zone must be chosen; with it, the planner's own zone is a sensible start.
  const chosenZone = fields.timeZone.value;
  useEffect(() => {
    if (chosenZone) return;
    // A zone picked before the page finished loading is in the DOM but not yet in the form state.
    const select = document.getElementById(fields.timeZone.id);
    if (select instanceof HTMLSelectElement && select.value) return;
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if ([...timeZones.common, ...timeZones.all].includes(browserZone)) form.update({ name: fields.timeZone.name, value: browserZone });
  }, [chosenZone, form, fields.timeZone.id, fields.timeZone.name, timeZones]);

  const quotas = fields.quotas.getFieldset();
  // The "adds up to more than the total" error belongs to both seat fields at once.
  const quotaSumError = fields.quotas.errors?.length ? { "aria-invalid": true, "aria-describedby": fields.quotas.errorId } : {};
  const you = (isYours: boolean) => (isYours ? " (you)" : "");
  const errorCount = Object.keys(form.allErrors).length;

  return (
    <Form method="post" {...getFormProps(form)} className="space-y-6">
      {intro}
      {form.errors?.length ? <Alert tone="error">{form.errors.join(" ")}</Alert> : null}
      {lastResult?.status === "error" && errorCount > 0 ? (
        <Alert tone="error" title="Nothing was saved yet">
          Some answers need another look. The fields to fix are marked below.
        </Alert>
      ) : null}
      {/* Enter in a text field presses the form's first submit button: make that one Save, not a Remove. */}
      <button type="submit" className="sr-only" tabIndex={-1} aria-hidden="true">
        {submitLabel}
      </button>
      <input {...getInputProps(fields.kind, { type: "hidden" })} />

      <Card>
        <CardHeader title="The basics" description="What both companies will see first." />
        <CardBody className="space-y-4">
          {kind === "outing" ? (
            <SelectField
              label="Kind of outing"
              selectProps={getSelectProps(fields.outingType)}
              options={[{ value: "", label: "Choose…" }, ...OUTING_TYPES.map((type) => ({ value: type, label: outingTypeLabels[type] }))]}
              errors={fields.outingType.errors}
            />
          ) : null}
          <Field label="Title" inputProps={{ ...getInputProps(fields.title, { type: "text" }), autoComplete: "off" }} errors={fields.title.errors} />
          <TextareaField
            label="Description (optional)"
            description="What you'll do, what to expect, anything people should know before they sign up."
            textareaProps={{ ...getTextareaProps(fields.description), rows: 4 }}
            errors={fields.description.errors}
          />
        </CardBody>
      </Card>

      {/* A group, so the event's "Starts" and "Ends" are told apart from each shift's. */}
      <Card role="group" aria-labelledby="event-when-heading">
        <CardHeader title={<span id="event-when-heading">When</span>} description="Enter times as they will read on the clocks where the event happens." />
        <CardBody className="space-y-4">
          <TimeZoneSelect field={fields.timeZone} timeZones={timeZones} />
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Starts" inputProps={getInputProps(fields.startsAt, { type: "datetime-local" })} errors={fields.startsAt.errors} />
            <Field label="Ends" inputProps={getInputProps(fields.endsAt, { type: "datetime-local" })} errors={fields.endsAt.errors} />
          </div>
          <Field
            label="RSVP deadline (optional)"
            description="After this, people can no longer sign up. It must be before the start."
            inputProps={getInputProps(fields.rsvpDeadline, { type: "datetime-local" })}
            errors={fields.rsvpDeadline.errors}
          />
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="Where" />
        <CardBody className="space-y-4">
          <Field label="Venue" inputProps={{ ...getInputProps(fields.venueName, { type: "text" }), placeholder: "e.g. Riverside Food Bank" }} errors={fields.venueName.errors} />
          <TextareaField label="Address (optional)" textareaProps={{ ...getTextareaProps(fields.venueAddress), rows: 2 }} errors={fields.venueAddress.errors} />
          <Field
            label="Online link (optional)"
            description="For people joining remotely. It must start with https://"
            inputProps={{ ...getInputProps(fields.onlineUrl, { type: "url" }), placeholder: "https://" }}
            errors={fields.onlineUrl.errors}
          />
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="Seats" description="How many people can come, and how many seats each company gets." />
        <CardBody className="space-y-4">
          <Field label="Total seats" inputProps={{ ...getInputProps(fields.capacity, { type: "number" }), min: 1, inputMode: "numeric" }} errors={fields.capacity.errors} />
          <fieldset className="space-y-3">
            <legend className="text-sm font-medium text-slate-900">Seats per company</legend>
            <p className="text-sm text-slate-600">Leave both empty to split the seats in half. Together they can't be more than the total.</p>
            <div className="grid gap-4 sm:grid-cols-2">
              <Field
                label={`${parties.initiatorName}${you(parties.viewerIsInitiator)}`}
                inputProps={{ ...getInputProps(quotas.initiator, { type: "number" }), ...quotaSumError, min: 0, inputMode: "numeric" }}
                errors={quotas.initiator.errors}
              />
              <Field
                label={`${parties.partnerName}${you(!parties.viewerIsInitiator)}`}
                inputProps={{ ...getInputProps(quotas.partner, { type: "number" }), ...quotaSumError, min: 0, inputMode: "numeric" }}
                errors={quotas.partner.errors}
              />
            </div>
            <ErrorList id={fields.quotas.errorId} errors={fields.quotas.errors} />
          </fieldset>
          <Checkbox field={fields.plusOnesAllowed} label="People may bring a plus-one" />
        </CardBody>
      </Card>

      {kind === "volunteer_day" ? <ShiftsCard form={form} field={fields.shifts} /> : null}

      <QuestionsCard form={form} field={fields.questions} />

      <Card>
        <CardHeader title="Reminders" description="Emails Rapport sends to invitees for you, at the event's start time of day in its zone." />
        <CardBody className="grid gap-4 sm:grid-cols-2">
          <Field
            label="Remind people who said yes (days before)"
            description={`Up to ${MAX_REMINDERS}, separated by commas: “7, 1” reminds them a week and a day before. Leave it empty for no reminders.`}
            inputProps={{ ...getInputProps(fields.reminderDays, { type: "text" }), autoComplete: "off" }}
            errors={fields.reminderDays.errors}
          />
          <Field
            label="Nudge people who haven't answered (days before)"
            description="One email asking for an answer, this many days before the RSVP deadline (or the start, without one). 0 turns it off."
            inputProps={{ ...getInputProps(fields.nudgeDaysBefore, { type: "number" }), min: 0, max: MAX_NOTICE_DAYS, inputMode: "numeric" }}
            errors={fields.nudgeDaysBefore.errors}
          />
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="Cost (optional)" description={`An estimate of the total, and how much of it ${parties.initiatorName} covers. ${parties.partnerName} pays the rest.`} />
        <CardBody className="grid gap-4 sm:grid-cols-3">
          <Field
            label="Estimated total"
            inputProps={{ ...getInputProps(fields.costEstimate, { type: "text" }), inputMode: "decimal", placeholder: "e.g. 1250.00" }}
            errors={fields.costEstimate.errors}
          />
          <SelectField
            label="Currency"
            selectProps={getSelectProps(fields.costCurrency)}
            options={[{ value: "", label: "No estimate" }, ...CURRENCIES.map((code) => ({ value: code, label: code }))]}
            errors={fields.costCurrency.errors}
          />
          <Field
            label={`${parties.initiatorName}'s share (%)`}
            inputProps={{ ...getInputProps(fields.initiatorCostPercent, { type: "number" }), min: 0, max: 100, inputMode: "numeric" }}
            errors={fields.initiatorCostPercent.errors}
          />
        </CardBody>
      </Card>

      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <Link to={cancelTo} className="inline-flex min-h-10 items-center justify-center rounded-md px-4 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50">
          Cancel
        </Link>
        <Button type="submit" disabled={submitting}>
          {submitting ? "Saving…" : submitLabel}
        </Button>
      </div>
    </Form>
  );
}

function TimeZoneSelect({ field, timeZones }: { field: FieldMetadata<string | undefined>; timeZones: { common: string[]; all: string[] } }) {
  const description = "Where the event happens. Everyone sees its times in this zone, with the zone named.";
  const hasErrors = Boolean(field.errors?.length);
  return (
    <div>
      <label htmlFor={field.id} className="block text-sm font-medium text-slate-900">
        Time zone
      </label>
      <p id={field.descriptionId} className="mt-1 text-sm text-slate-600">
        {description}
      </p>
      <select
        {...getSelectProps(field)}
        aria-invalid={hasErrors || undefined}
        aria-describedby={[field.descriptionId, hasErrors ? field.errorId : null].filter(Boolean).join(" ")}
        className={`mt-1.5 ${controlClasses}`}
      >
        <option value="">Choose a time zone…</option>
        <optgroup label="Common time zones">
          {timeZones.common.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll("_", " ")}
            </option>
          ))}
        </optgroup>
        <optgroup label="All time zones">
          {timeZones.all.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll("_", " ")}
            </option>
          ))}
        </optgroup>
      </select>
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

function Checkbox({ field, label, description }: { field: FieldMetadata<boolean | undefined>; label: string; description?: string }) {
  return (
    <div>
      <div className="flex items-start gap-3">
        <input
          {...getInputProps(field, { type: "checkbox" })}
          className="mt-0.5 size-5 shrink-0 rounded border-slate-500 text-brand-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
          aria-describedby={[description ? field.descriptionId : null, field.errors?.length ? field.errorId : null].filter(Boolean).join(" ") || undefined}
        />
        <label htmlFor={field.id} className="text-sm font-medium text-slate-900">
          {label}
        </label>
      </div>
      {description ? (
        <p id={field.descriptionId} className="mt-1 pl-8 text-sm text-slate-600">
          {description}
        </p>
      ) : null}
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

type RowsField<Row> = FieldMetadata<Row[] | undefined>;

function ShiftsCard({ form, field }: { form: FormMetadata<FormShape>; field: RowsField<NonNullable<FormShape["shifts"]>[number]> }) {
  const rows = field.getFieldList();
  return (
    <Card>
      <CardHeader
        title="Shifts"
        description="The roles or tasks volunteers sign up for. Day 1 is the event's first day; times are in the event's zone and must fall within it. Leave a row empty to skip it."
      />
      <CardBody className="space-y-6">
        <ErrorList id={field.errorId} errors={field.errors} />
        {rows.map((row, index) => {
          const shift = row.getFieldset();
          return (
            <fieldset key={row.key} className="space-y-4 rounded-lg border border-slate-200 p-4">
              <legend className="px-1 text-sm font-semibold text-slate-900">Shift {index + 1}</legend>
              <input {...getInputProps(shift.id, { type: "hidden" })} />
              <Field label="Role or task" inputProps={{ ...getInputProps(shift.role, { type: "text" }), placeholder: "e.g. Sorting donations" }} errors={shift.role.errors} />
              <div className="grid grid-cols-2 gap-4 sm:grid-cols-4">
                <Field label="Day" inputProps={{ ...getInputProps(shift.day, { type: "number" }), min: 1, inputMode: "numeric" }} errors={shift.day.errors} />
                <Field label="Starts" inputProps={getInputProps(shift.startTime, { type: "time" })} errors={shift.startTime.errors} />
                <Field label="Ends" inputProps={getInputProps(shift.endTime, { type: "time" })} errors={shift.endTime.errors} />
                <Field label="People needed" inputProps={{ ...getInputProps(shift.capacity, { type: "number" }), min: 1, inputMode: "numeric" }} errors={shift.capacity.errors} />
              </div>
              <TextareaField
                label="Notes (optional)"
                description="What to wear, what to bring, where to meet."
                textareaProps={{ ...getTextareaProps(shift.notes), rows: 2 }}
                errors={shift.notes.errors}
              />
              <TextareaField
                label="Waiver (optional)"
                description="Volunteers must accept this text when they sign up for the shift."
                textareaProps={{ ...getTextareaProps(shift.waiverText), rows: 2 }}
                errors={shift.waiverText.errors}
              />
              <Button {...form.remove.getButtonProps({ name: field.name, index })} variant="ghost" size="sm">
                Remove shift {index + 1}
              </Button>
            </fieldset>
          );
        })}
        {rows.length < MAX_SHIFTS ? (
          <Button {...form.insert.getButtonProps({ name: field.name, defaultValue: { day: 1 } })} variant="secondary" size="sm">
            Add another shift
          </Button>
        ) : null}
      </CardBody>
    </Card>
  );
}

function QuestionsCard({ form, field }: { form: FormMetadata<FormShape>; field: RowsField<NonNullable<FormShape["questions"]>[number]> }) {
  const rows = field.getFieldList();
  return (
    <Card>
      <CardHeader
        title="Questions for invitees (optional)"
        description={`Up to ${MAX_QUESTIONS}, e.g. dietary needs, accessibility needs, t-shirt size. Each company sees only totals of the other company's answers. Leave a row empty to skip it.`}
      />
      <CardBody className="space-y-6">
        <ErrorList id={field.errorId} errors={field.errors} />
        {rows.map((row, index) => {
          const question = row.getFieldset();
          return (
            <fieldset key={row.key} className="space-y-4 rounded-lg border border-slate-200 p-4">
              <legend className="px-1 text-sm font-semibold text-slate-900">Question {index + 1}</legend>
              <input {...getInputProps(question.id, { type: "hidden" })} />
              <Field label="Question" inputProps={{ ...getInputProps(question.prompt, { type: "text" }), placeholder: "e.g. Any dietary needs?" }} errors={question.prompt.errors} />
              <SelectField
                label="How people answer"
                selectProps={getSelectProps(question.kind)}
                options={QUESTION_KINDS.map((questionKind) => ({ value: questionKind, label: questionKindLabels[questionKind] }))}
                errors={question.kind.errors}
              />
              <TextareaField
                label="Options"
                description="For pick-one and pick-any questions: at least two, one per line."
                textareaProps={{ ...getTextareaProps(question.options), rows: 3 }}
                errors={question.options.errors}
              />
              <Checkbox field={question.required} label="An answer is required" />
              <Button {...form.remove.getButtonProps({ name: field.name, index })} variant="ghost" size="sm">
                Remove question {index + 1}
              </Button>
            </fieldset>
          );
        })}
        {rows.length < MAX_QUESTIONS ? (
          <Button {...form.insert.getButtonProps({ name: field.name, defaultValue: { kind: "short_text" } })} variant="secondary" size="sm">
            Add another question
          </Button>
        ) : null}
      </CardBody>
    </Card>
  );
}
