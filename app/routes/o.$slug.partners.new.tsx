import { getFormProps, getInputProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Alert } from "~/components/ui/alert";
import { Button, ButtonLink } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { Field, TextareaField } from "~/components/ui/field";
import { PageHeader } from "~/components/ui/page-header";
import { invitePartner } from "~/partnerships/invitations.server";
import { partnershipWorkspacePath } from "~/partnerships/paths";
import { PartnershipRuleError } from "~/partnerships/rules";
import { INVITATION_MESSAGE_MAX_LENGTH, invitePartnerSchema } from "~/partnerships/schemas";
import { requireTenant } from "~/platform/tenancy.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Invite a partner company · ${data?.organization.name ?? "Company"} · Rapport` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireTenant(request, params.slug, "partnerships:manage");
  return { organization: { name: scope.organizationName, slug: scope.organizationSlug } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope } = await requireTenant(request, params.slug, "partnerships:manage");
  const submission = parseWithZod(await request.formData(), { schema: invitePartnerSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  try {
    const invitation = await invitePartner(scope, submission.value);
    return redirect(`${partnershipWorkspacePath(scope.organizationSlug, invitation.id)}?sent=${invitation.resent ? "again" : "new"}`);
  } catch (error) {
    if (error instanceof PartnershipRuleError) return data(submission.reply({ fieldErrors: { email: [error.message] } }), { status: error.status });
    throw error;
  }
}

export default function InvitePartner() {
  const { organization } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: invitePartnerSchema }),
  });
  const sending = navigation.state === "submitting";
  return (
    <div className="space-y-6">
      <PageHeader
        title="Invite a partner company"
        description={`Invite a contact at a company ${organization.name} works with. Once they accept, your two companies plan outings and volunteer days together, as equals.`}
      />
      <div className="grid gap-6 lg:grid-cols-3 lg:items-start">
        <Card className="lg:col-span-2">
          <CardBody>
            <Form method="post" {...getFormProps(form)} className="space-y-4">
              {form.errors?.length ? <Alert tone="error">{form.errors.join(" ")}</Alert> : null}
              <Field
                label="Your contact's work email"
                description="Someone who can speak for their company, like your account manager there."
                inputProps={{ ...getInputProps(fields.email, { type: "email" }), autoComplete: "off", placeholder: "name@partner.com" }}
                errors={fields.email.errors}
              />
              <TextareaField
                label="A short message (optional)"
                description={`We quote it in the invitation email. Up to ${INVITATION_MESSAGE_MAX_LENGTH.toLocaleString("en")} characters.`}
                textareaProps={{
                  ...getTextareaProps(fields.message),
                  rows: 5,
                  maxLength: INVITATION_MESSAGE_MAX_LENGTH,
                  placeholder: "Hi Jordan, after the summer game we'd love to plan a few more outings with your team…",
                }}
                errors={fields.message.errors}
              />
              <div className="flex flex-wrap gap-3">
                <Button type="submit" disabled={sending}>
                  {sending ? "Sending…" : "Send the invitation"}
                </Button>
                <ButtonLink to={`/o/${organization.slug}`} variant="secondary">
                  Cancel
                </ButtonLink>
              </div>
            </Form>
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="What happens next" />
          <CardBody>
            <ol className="list-decimal space-y-2 pl-5 text-sm text-slate-700">
              <li>We email your contact a link to the invitation.</li>
              <li>They sign in with that address, choose their company (or add it to Rapport), and accept.</li>
              <li>You both get a shared page to plan joint events, keep notes about each other, and see what happened.</li>
            </ol>
            <p className="mt-4 text-sm text-slate-600">Invited the wrong address? You can withdraw the invitation from its page until it's answered.</p>
          </CardBody>
        </Card>
      </div>
    </div>
  );
}
