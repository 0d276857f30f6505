import type { SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card, CardBody } from "~/components/ui/card";
import { ErrorList } from "~/components/ui/error-list";
import { Field } from "~/components/ui/field";
import type { RsvpStatus } from "~/generated/prisma/enums";
import type { RsvpPage } from "../page.server";
import { PLUS_ONE_NAME_MAX, SHORT_ANSWER_MAX } from "../schemas";

type OpenPage = Exclude<RsvpPage, { state: "refused" }>;

/** The page a refused link shows: what happened and what to do, without saying which check failed. */
export function RefusedLink({ refusal }: { refusal: "expired" | "invalid" }) {
  return (
    <div className="mx-auto max-w-xl">
      <Card>
        <CardBody>
          <h1 className="text-2xl font-semibold">{refusal === "expired" ? "This link has expired" : "This link isn't valid anymore"}</h1>
          <p className="mt-3 text-slate-700">
            {refusal === "expired"
              ? "RSVP links stop working a while after the event. "
              : "It may have been replaced by a newer invitation, or copied incompletely. "}
            Please ask the organiser at your company to resend your invitation.
          </p>
        </CardBody>
      </Card>
    </div>
  );
}

function statusHeadline(page: OpenPage): { title: string; body: string } {
  const { current, company } = page;
  const headlines: Record<RsvpStatus, { title: string; body: string }> = {
    attending: { title: "You're going", body: "See you there! Your confirmation, with the calendar invitation, is on its way to your inbox." },
    waitlisted: {
      title: `You're on ${company}'s waitlist — #${current.waitlistPosition}`,
      body: `${company}'s places are all taken. If one opens up, it's yours automatically and we'll email you.`,
    },
    maybe: { title: "You said maybe", body: "A maybe doesn't hold a place. Come back and answer yes when you know." },
    declined: { title: "Thanks, you've declined", body: "We've let the organisers know you can't make it." },
    no_answer: { title: "You haven't answered yet", body: "" },
  };
  return headlines[current.status];
}

const closedMessages = {
  deadline_passed: (page: OpenPage) => `Answers closed on ${page.deadline}. If your plans changed, please tell the organisers at ${page.company}.`,
  cancelled: () => "This event was cancelled, so answers are closed.",
  completed: () => "This event has already taken place.",
  not_confirmed: () => "This event isn't open for answers yet.",
} as const;

export function RsvpPageView({ page, saved, result }: { page: OpenPage; saved: boolean; result: SubmissionResult<string[]> | undefined }) {
  const headline = statusHeadline(page);
  const answered = page.current.status !== "no_answer";
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <header>
        <p className="text-sm font-semibold text-brand-700">
          {page.companies[0]} × {page.companies[1]}
        </p>
        <h1 className="mt-1 text-2xl font-semibold">{page.title}</h1>
        <p className="mt-2 text-slate-700">
          {page.inviteeName ? `Hi ${page.inviteeName}, ` : ""}
          {page.company} invites you to this joint event of {page.companies[0]} and {page.companies[1]}.
        </p>
        <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="font-medium text-slate-900">When</dt>
          <dd className="text-slate-700">{page.when}</dd>
          <dt className="font-medium text-slate-900">Where</dt>
          <dd className="text-slate-700">{page.where}</dd>
        </dl>
        {page.description ? <p className="mt-3 text-sm whitespace-pre-line text-slate-700">{page.description}</p> : null}
      </header>

      {answered && (saved || page.state === "closed") ? (
        <Alert tone={page.current.status === "attending" ? "success" : "info"} title={headline.title}>
          {saved ? headline.body : null}
          <CurrentDetails page={page} />
        </Alert>
      ) : null}

      {page.state === "closed" ? (
        <Alert tone="warning" title="Answers are closed">
          {closedMessages[page.closedReason ?? "deadline_passed"](page)}
          {answered ? null : " You didn't answer before then."}
        </Alert>
      ) : (
        <AnswerForm page={page} answered={answered} saved={saved} headline={headline.title} result={result} />
      )}

      {page.current.status === "attending" && page.state === "open" ? (
        <p className="text-sm">
          <a href={page.calendarPath} className="font-medium text-brand-700 underline underline-offset-4">
            Add it to your calendar (.ics)
          </a>
        </p>
      ) : null}
    </div>
  );
}

function CurrentDetails({ page }: { page: OpenPage }) {
  if (page.current.details.length === 0) return null;
  return (
    <ul className="mt-2 space-y-0.5">
      {page.current.details.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

type FormValues = Record<string, unknown>;

function submittedOrSaved(page: OpenPage, result: SubmissionResult<string[]> | undefined): FormValues {
  if (result?.initialValue) return result.initialValue as FormValues;
  const { current } = page;
  return {
    answer: page.preselected ?? undefined,
    bringsPlusOne: current.bringsPlusOne ? "on" : undefined,
    plusOneName: current.plusOneName,
    shiftId: current.shiftId ?? undefined,
    acceptWaiver: current.waiverAccepted ? "on" : undefined,
    answers: current.answers,
  };
}

function valuesOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

function AnswerForm({
  page,
  answered,
  saved,
  headline,
  result,
}: {
  page: OpenPage;
  answered: boolean;
  saved: boolean;
  headline: string;
  result: SubmissionResult<string[]> | undefined;
}) {
  const values = submittedOrSaved(page, result);
  const errors = result?.error ?? {};
  const questionAnswers = (values.answers ?? {}) as Record<string, unknown>;
  const chosenAnswer = typeof values.answer === "string" ? values.answer : undefined;
  return (
    <Card>
      <CardBody>
        <Form method="post" className="space-y-6" noValidate>
          {answered && !saved ? (
            <p className="text-sm text-slate-700">
              Your answer now: <strong className="text-slate-900">{headline}</strong>. You can change it until {page.deadline}.
            </p>
          ) : (
            <p className="text-sm text-slate-700">You can change your answer until {page.deadline}.</p>
          )}
          {errors[""]?.length ? (
            <Alert tone="error" title="Your answer wasn't saved">
              {errors[""].join(" ")}
            </Alert>
          ) : result ? (
            <Alert tone="error" title="Please check your answer">
              Some details need your attention; they're marked below. Nothing you entered was lost.
            </Alert>
          ) : null}

          <ChoiceGroup legend="Will you come?" name="answer" errors={errors.answer} large>
            {(
              [
                ["yes", "Yes, I'll be there"],
                ["no", "No, I can't make it"],
                ["maybe", "Maybe"],
              ] as const
            ).map(([value, label]) => (
              <Choice key={value} type="radio" name="answer" value={value} checked={chosenAnswer === value} required>
                {label}
              </Choice>
            ))}
          </ChoiceGroup>

          {page.shifts.length > 0 ? (
            <ChoiceGroup legend="Which shift would you like?" hint="Only needed if you're coming. Times are in the event's time zone." name="shiftId" errors={errors.shiftId}>
              {page.shifts.map((shift) => (
                <Choice key={shift.id} type="radio" name="shiftId" value={shift.id} checked={values.shiftId === shift.id}>
                  <span className="font-medium text-slate-900">{shift.role}</span>
                  <span className="block text-slate-700">{shift.times}</span>
                  <span className="block text-slate-600">
                    {shift.placesLeft > 0 ? `${shift.placesLeft} ${shift.placesLeft === 1 ? "place" : "places"} left` : "Full: you'd join the waitlist"}
                    {shift.waiverText ? " · needs a waiver" : ""}
                  </span>
                  {shift.notes ? <span className="block text-slate-600">{shift.notes}</span> : null}
                </Choice>
              ))}
            </ChoiceGroup>
          ) : null}

          {page.shifts.some((shift) => shift.waiverText) ? (
            <div className="space-y-2">
              {page.shifts
                .filter((shift) => shift.waiverText)
                .map((shift) => (
                  <details key={shift.id} className="rounded-md border border-slate-200 p-3 text-sm" open={values.shiftId === shift.id}>
                    <summary className="cursor-pointer font-medium text-slate-900">Waiver for {shift.role}</summary>
                    <p className="mt-2 whitespace-pre-line text-slate-700">{shift.waiverText}</p>
                  </details>
                ))}
              <Choice type="checkbox" name="acceptWaiver" checked={values.acceptWaiver === "on"} errorId="acceptWaiver-error" invalid={Boolean(errors.acceptWaiver)}>
                I accept the waiver for the shift I chose
              </Choice>
              <ErrorList id="acceptWaiver-error" errors={errors.acceptWaiver} />
            </div>
          ) : null}

          {page.plusOnesAllowed ? (
            <div className="space-y-3">
              <Choice type="checkbox" name="bringsPlusOne" checked={values.bringsPlusOne === "on"}>
                Bring a plus-one
              </Choice>
              <Field
                label="Your plus-one's name"
                description="Only if you're bringing someone."
                inputProps={{ id: "plusOneName", name: "plusOneName", type: "text", defaultValue: String(values.plusOneName ?? ""), maxLength: PLUS_ONE_NAME_MAX, autoComplete: "off" }}
                errors={errors.plusOneName}
              />
            </div>
          ) : null}

          {page.questions.map((question) => {
            const name = `answers.${question.id}`;
            const given = valuesOf(questionAnswers[question.id]);
            const label = (
              <>
                {question.prompt}
                {question.required ? <span className="font-normal text-slate-600"> (required if you're coming)</span> : null}
              </>
            );
            if (question.kind === "short_text") {
              return (
                <Field
                  key={question.id}
                  label={label}
                  inputProps={{ id: name, name, type: "text", defaultValue: given[0] ?? "", maxLength: SHORT_ANSWER_MAX }}
                  errors={errors[name]}
                />
              );
            }
            const type = question.kind === "single_choice" ? "radio" : "checkbox";
            return (
              <ChoiceGroup key={question.id} legend={label} hint={type === "checkbox" ? "Choose any that apply." : undefined} name={name} errors={errors[name]}>
                {question.options.map((option) => (
                  <Choice key={option} type={type} name={name} value={option} checked={given.includes(option)}>
                    {option}
                  </Choice>
                ))}
              </ChoiceGroup>
            );
          })}

          <Button type="submit" className="w-full sm:w-auto">
            {answered ? "Update my answer" : "Send my answer"}
          </Button>
        </Form>
      </CardBody>
    </Card>
  );
}

function ChoiceGroup({
  legend,
  hint,
  name,
  errors,
  large = false,
  children,
}: {
  legend: ReactNode;
  hint?: string;
  name: string;
  errors: string[] | null | undefined;
  large?: boolean;
  children: ReactNode;
}) {
  const hintId = `${name}-hint`;
  const errorId = `${name}-error`;
  const describedBy = [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset aria-describedby={describedBy} aria-invalid={errors?.length ? true : undefined}>
      <legend className={large ? "text-lg font-semibold text-slate-900" : "text-sm font-medium text-slate-900"}>{legend}</legend>
      {hint ? (
        <p id={hintId} className="mt-1 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <div className="mt-2 space-y-2">{children}</div>
      <ErrorList id={errorId} errors={errors} />
    </fieldset>
  );
}

/** A radio or checkbox with its whole row as the tap target. */
function Choice({
  type,
  name,
  value,
  checked,
  required,
  errorId,
  invalid,
  children,
}: {
  type: "radio" | "checkbox";
  name: string;
  value?: string;
  checked: boolean;
  required?: boolean;
  errorId?: string;
  invalid?: boolean;
  children: ReactNode;
}) {
  return (
    <label className="flex cursor-pointer items-start gap-3 rounded-md border border-slate-300 px-3 py-2.5 text-sm has-checked:border-brand-600 has-checked:bg-brand-50">
      <input
        type={type}
        name={name}
        value={value}
        defaultChecked={checked}
        required={required}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? errorId : undefined}
        className="mt-0.5 size-4 shrink-0 accent-brand-600"
      />
      <span>{children}</span>
    </label>
  );
}
