import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Alert } from "~/components/ui/alert";
import { Button, ButtonLink } from "~/components/ui/button";
import { Card, CardBody } from "~/components/ui/card";
import { ErrorList } from "~/components/ui/error-list";
import { Field } from "~/components/ui/field";
import { PageHeader } from "~/components/ui/page-header";
import { EventRouteError } from "~/events/components/event-error";
import { requirePartnership } from "~/partnerships/access.server";
import { partnershipWorkspacePath } from "~/partnerships/paths";
import { requireTenant } from "~/platform/tenancy.server";
import { createPoll, pollPath } from "~/polls/polls.server";
import {
  createPollSchema,
  DEFAULT_POLL_OPTIONS,
  DEFAULT_POLL_QUESTION,
  MAX_POLL_OPTIONS,
  POLL_OPTION_MAX_LENGTH,
  POLL_QUESTION_MAX_LENGTH,
} from "~/polls/schemas";

export const meta: MetaFunction = () => [{ title: "Ask both companies · Rapport" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireTenant(request, params.slug, "partnerships:manage");
  const access = await requirePartnership(scope, params.partnershipId!);
  return {
    ownName: scope.organizationName,
    partnerName: access.otherOrganization?.name ?? null,
    active: access.status === "active",
    workspacePath: partnershipWorkspacePath(scope.organizationSlug, access.partnershipId),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope } = await requireTenant(request, params.slug, "partnerships:manage");
  const access = await requirePartnership(scope, params.partnershipId!);
  const submission = parseWithZod(await request.formData(), { schema: createPollSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const poll = await createPoll(scope, access.partnershipId, submission.value);
  return redirect(pollPath(scope.organizationSlug, poll.id));
}

const blankOptions = Array.from({ length: MAX_POLL_OPTIONS - DEFAULT_POLL_OPTIONS.length }, () => "");

export default function NewPoll() {
  const { ownName, partnerName, active, workspacePath } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting";
  const [form, fields] = useForm({
    id: "new-poll",
    lastResult,
    defaultValue: { question: DEFAULT_POLL_QUESTION, options: [...DEFAULT_POLL_OPTIONS, ...blankOptions] },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: createPollSchema }),
  });
  const everyone = partnerName ? `everyone at ${ownName} and ${partnerName}` : `everyone at ${ownName}`;
  return (
    <div className="space-y-6">
      <PageHeader
        title="Ask both companies"
        description={`Find out what people would enjoy before you plan. We'll email ${everyone} a link; each company sees the totals, and nobody sees who answered what.`}
      />
      {active ? (
        <Card>
          <CardBody>
            <Form method="post" {...getFormProps(form)} className="space-y-6">
              {form.errors?.length ? <Alert tone="error">{form.errors.join(" ")}</Alert> : null}
              <Field
                label="Question"
                inputProps={{ ...getInputProps(fields.question, { type: "text" }), maxLength: POLL_QUESTION_MAX_LENGTH }}
                errors={fields.question.errors}
              />
              <fieldset aria-describedby={fields.options.errors?.length ? `${fields.options.id}-error` : undefined}>
                <legend className="text-sm font-medium text-slate-900">Choices</legend>
                <p className="mt-1 text-sm text-slate-600">Between 2 and {MAX_POLL_OPTIONS}. Leave the boxes you don't need empty.</p>
                <ErrorList id={`${fields.options.id}-error`} errors={fields.options.errors} />
                <div className="mt-3 grid gap-4 sm:grid-cols-2">
                  {fields.options.getFieldList().map((option, index) => (
                    <Field
                      key={option.key}
                      label={`Choice ${index + 1}`}
                      inputProps={{ ...getInputProps(option, { type: "text" }), maxLength: POLL_OPTION_MAX_LENGTH }}
                      errors={option.errors}
                    />
                  ))}
                </div>
              </fieldset>
              <div className="flex flex-col gap-2 sm:flex-row">
                <Button type="submit" disabled={submitting}>
                  {submitting ? "Sending…" : "Send the poll"}
                </Button>
                <ButtonLink to={workspacePath} variant="secondary">
                  Cancel
                </ButtonLink>
              </div>
            </Form>
          </CardBody>
        </Card>
      ) : (
        <Alert tone="info">
          Polls are for active partnerships. This one isn't active, so nobody can be asked through it.{" "}
          <a href={workspacePath} className="font-medium underline">
            Back to the partnership
          </a>
        </Alert>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <EventRouteError heading="Ask both companies" />;
}
