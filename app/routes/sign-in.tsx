import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { signInRequestSchema } from "~/auth/schemas";
import { requestSignInLink } from "~/auth/sign-in.server";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card, CardBody } from "~/components/ui/card";
import { Field } from "~/components/ui/field";
import { requireAnonymous } from "~/platform/auth.server";
import { tryAgainIn } from "~/platform/rate-limit.server";

export const meta: MetaFunction = () => [{ title: "Sign in · Rapport" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  const url = new URL(request.url);
  return { email: url.searchParams.get("email") ?? "", redirectTo: url.searchParams.get("redirectTo") ?? "" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: signInRequestSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), retryAfterMinutes: null }, { status: 400 });
  const outcome = await requestSignInLink({ ...submission.value, clientAddress: context.clientAddress });
  if (!outcome.ok) {
    const retryAfterMinutes = Math.ceil(outcome.retryAfterSeconds / 60);
    return data(
      { result: submission.reply({ formErrors: [`Too many sign-in links were requested. ${tryAgainIn(outcome.retryAfterSeconds)}`] }), retryAfterMinutes },
      { status: 429, headers: { "Retry-After": String(outcome.retryAfterSeconds) } },
    );
  }
  return redirect(`/sign-in/check-email?${new URLSearchParams({ email: submission.value.email })}`);
}

export default function SignIn() {
  const { email, redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    defaultValue: { email, redirectTo },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: signInRequestSchema }),
  });
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-semibold">Sign in to Rapport</h1>
      <p className="mt-2 text-slate-700">We'll email you a link that signs you in. No password to remember. New here? The same link creates your account.</p>
      <Card className="mt-6">
        <CardBody>
          <Form method="post" {...getFormProps(form)} className="space-y-4">
            {form.errors?.length ? <Alert tone="error">{form.errors.join(" ")}</Alert> : null}
            <input {...getInputProps(fields.redirectTo, { type: "hidden" })} />
            <Field
              label="Work email"
              inputProps={{ ...getInputProps(fields.email, { type: "email" }), autoComplete: "email", autoFocus: true }}
              errors={fields.email.errors}
            />
            <Button type="submit" className="w-full" disabled={navigation.state === "submitting"}>
              {navigation.state === "submitting" ? "Sending…" : "Email me a sign-in link"}
            </Button>
          </Form>
        </CardBody>
      </Card>
    </div>
  );
}
