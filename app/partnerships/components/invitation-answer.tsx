import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, useNavigation } from "@remix-run/react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { Field, SelectField } from "~/components/ui/field";
import type { InvitationView } from "../responses.server";
import { acceptWithNewCompanySchema } from "../schemas";

type PendingInvitation = Extract<InvitationView, { state: "pending" }>;

/** A refusal from the server, with a link that resolves it when there is one. */
export type AnswerProblem = { message: string; link?: { href: string; label: string } };

export function InvitationAnswer({
  invitation,
  acceptProblem,
  newCompanyResult,
  declineProblem,
}: {
  invitation: PendingInvitation;
  acceptProblem: AnswerProblem | undefined;
  newCompanyResult: SubmissionResult<string[]> | undefined;
  declineProblem: AnswerProblem | undefined;
}) {
  const hasCompanies = invitation.companies.length > 0;
  return (
    <div className="space-y-6">
      {hasCompanies ? <AcceptForExistingCompany invitation={invitation} problem={acceptProblem} /> : null}
      <AcceptWithNewCompany invitation={invitation} hasCompanies={hasCompanies} result={newCompanyResult} />
      {invitation.companiesWithoutPermission.length > 0 ? (
        <p className="text-sm text-slate-700">
          You're also in {invitation.companiesWithoutPermission.join(", ")}, but only managers, admins and owners can accept a partnership for a company.
          Ask an admin or owner there to make you a manager, then come back to this page.
        </p>
      ) : null}
      <Decline invitation={invitation} problem={declineProblem} />
    </div>
  );
}

function Problem({ problem }: { problem: AnswerProblem | undefined }) {
  if (!problem) return null;
  return (
    <Alert tone="error">
      {problem.message}
      {problem.link ? (
        <>
          {" "}
          <Link to={problem.link.href} className="font-medium underline underline-offset-4">
            {problem.link.label}
          </Link>
        </>
      ) : null}
    </Alert>
  );
}

function useSubmittingIntent(intent: string) {
  const navigation = useNavigation();
  return navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
}

function AcceptForExistingCompany({ invitation, problem }: { invitation: PendingInvitation; problem: AnswerProblem | undefined }) {
  const submitting = useSubmittingIntent("accept");
  const alreadyPartners = invitation.companies.filter((company) => company.existingPartnershipPath);
  return (
    <Card>
      <CardHeader title="Accept for your company" description={`Your company and ${invitation.initiatorName} will plan joint events together as equals.`} />
      <CardBody>
        <Form method="post" className="space-y-4">
          <Problem problem={problem} />
          <input type="hidden" name="intent" value="accept" />
          <SelectField
            label="Your company"
            selectProps={{ name: "organizationId", defaultValue: invitation.companies[0]?.id, required: true }}
            options={invitation.companies.map((company) => ({ value: company.id, label: company.name }))}
          />
          {alreadyPartners.map((company) => (
            <p key={company.id} className="text-sm text-slate-700">
              {company.name} already works with {invitation.initiatorName}.{" "}
              <Link to={company.existingPartnershipPath!} className="font-medium text-brand-700 underline underline-offset-4">
                Open that partnership
              </Link>
            </p>
          ))}
          <Button type="submit" disabled={submitting}>
            {submitting ? "Accepting…" : "Accept the invitation"}
          </Button>
        </Form>
      </CardBody>
    </Card>
  );
}

function AcceptWithNewCompany({
  invitation,
  hasCompanies,
  result,
}: {
  invitation: PendingInvitation;
  hasCompanies: boolean;
  result: SubmissionResult<string[]> | undefined;
}) {
  const submitting = useSubmittingIntent("accept-new");
  const [form, fields] = useForm({
    id: "accept-new",
    lastResult: result,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: acceptWithNewCompanySchema }),
  });
  return (
    <Card>
      <CardHeader
        title={hasCompanies ? "Or add another company to Rapport" : "Add your company to Rapport and accept"}
        description={`You'll be its owner, and it becomes ${invitation.initiatorName}'s partner right away. You can invite your teammates next.`}
      />
      <CardBody>
        <Form method="post" {...getFormProps(form)} className="space-y-4">
          {form.errors?.length ? <Alert tone="error">{form.errors.join(" ")}</Alert> : null}
          <input type="hidden" name="intent" value="accept-new" />
          <Field label="Company name" inputProps={{ ...getInputProps(fields.name, { type: "text" }), autoComplete: "organization" }} errors={fields.name.errors} />
          <Field
            label="Web address"
            description="Lowercase letters, numbers and dashes. Your pages will live at /o/your-address."
            inputProps={{ ...getInputProps(fields.slug, { type: "text" }), placeholder: "globex", autoCapitalize: "none", spellCheck: false }}
            errors={fields.slug.errors}
          />
          <Button type="submit" variant={hasCompanies ? "secondary" : "primary"} disabled={submitting}>
            {submitting ? "Creating…" : "Create the company and accept"}
          </Button>
        </Form>
      </CardBody>
    </Card>
  );
}

function Decline({ invitation, problem }: { invitation: PendingInvitation; problem: AnswerProblem | undefined }) {
  const submitting = useSubmittingIntent("decline");
  return (
    <Card>
      <CardHeader title="Not the right fit?" description={`Decline, and we'll let ${invitation.initiatorName} know. They can invite you again later.`} />
      <CardBody>
        <Form method="post" className="space-y-4">
          <Problem problem={problem} />
          <input type="hidden" name="intent" value="decline" />
          <Button type="submit" variant="secondary" disabled={submitting}>
            {submitting ? "Declining…" : "Decline the invitation"}
          </Button>
        </Form>
      </CardBody>
    </Card>
  );
}
