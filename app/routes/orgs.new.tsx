import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { Card, CardBody } from "~/components/ui/card";
import { Field } from "~/components/ui/field";
import { createOrganization, SlugTakenError } from "~/organizations/organizations.server";
import { createOrganizationSchema } from "~/organizations/schemas";
import { requireUser } from "~/platform/auth.server";

export const meta: MetaFunction = () => [{ title: "Create your company · Rapport" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseWithZod(await request.formData(), { schema: createOrganizationSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  try {
    const organization = await createOrganization(user, submission.value);
    return redirect(`/o/${organization.slug}`);
  } catch (error) {
    if (error instanceof SlugTakenError) {
      return data(submission.reply({ fieldErrors: { slug: ["That address is taken. Try another, e.g. with your city or industry."] } }), { status: 400 });
    }
    throw error;
  }
}

export default function NewOrganization() {
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: createOrganizationSchema }),
  });
  return (
    <div className="mx-auto max-w-lg">
      <h1 className="text-2xl font-semibold">Create your company</h1>
      <p className="mt-2 text-slate-700">You'll be its owner. You can invite teammates next.</p>
      <Card className="mt-6">
        <CardBody>
          <Form method="post" {...getFormProps(form)} className="space-y-4">
            <Field label="Company name" inputProps={{ ...getInputProps(fields.name, { type: "text" }), autoComplete: "organization" }} errors={fields.name.errors} />
            <Field
              label="Web address"
              description="Lowercase letters, numbers and dashes. Your pages will live at /o/your-address."
              inputProps={{ ...getInputProps(fields.slug, { type: "text" }), placeholder: "acme", autoCapitalize: "none", spellCheck: false }}
              errors={fields.slug.errors}
            />
            <Button type="submit" disabled={navigation.state === "submitting"}>
              Create company
            </Button>
          </Form>
        </CardBody>
      </Card>
    </div>
  );
}
