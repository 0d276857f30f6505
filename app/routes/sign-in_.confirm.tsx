import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { signInConfirmationSchema } from "~/auth/schemas";
import { confirmSignIn } from "~/auth/sign-in.server";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card, CardBody } from "~/components/ui/card";

export const meta: MetaFunction = () => [{ title: "Confirm sign-in · Rapport" }];

// The URL carries a sign-in token: never leak it to another site through the Referer header.
export const headers: HeadersFunction = () => ({ "Referrer-Policy": "no-referrer", "Cache-Control": "no-store" });

/** Showing this page changes nothing, so link scanners that open it neither sign in nor burn the link. */
export async function loader({ request }: LoaderFunctionArgs) {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = signInConfirmationSchema.safeParse(params);
  return data(
    parsed.success ? { status: "ready" as const, ...parsed.data } : { status: "invalid" as const },
    { headers: { "Referrer-Policy": "no-referrer", "Cache-Control": "no-store" } },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const parsed = signInConfirmationSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ failed: true }, { status: 400 });
  const outcome = await confirmSignIn(parsed.data);
  if (!outcome.ok) return data({ failed: true }, { status: 400 });
  return redirect(outcome.redirectTo, { headers: outcome.headers });
}

function ExpiredLink() {
  return (
    <>
      <h1 className="text-2xl font-semibold">This sign-in link can't be used</h1>
      <Alert tone="error" className="mt-4">
        It has expired, was already used, or was copied incompletely. Sign-in links work once, for 15 minutes.
      </Alert>
      <p className="mt-6">
        <Link to="/sign-in" className="font-medium text-brand-700 underline underline-offset-4">
          Request a new link
        </Link>
      </p>
    </>
  );
}

export default function ConfirmSignIn() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  return (
    <div className="mx-auto max-w-md">
      <Card>
        <CardBody>
          {loaderData.status === "invalid" || actionData?.failed ? (
            <ExpiredLink />
          ) : (
            <>
              <h1 className="text-2xl font-semibold">Sign in to Rapport</h1>
              <p className="mt-3 text-slate-700">
                You're signing in as <strong className="text-slate-900">{loaderData.email}</strong>.
              </p>
              <Form method="post" className="mt-6">
                <input type="hidden" name="token" value={loaderData.token} />
                <input type="hidden" name="email" value={loaderData.email} />
                {loaderData.callbackUrl ? <input type="hidden" name="callbackUrl" value={loaderData.callbackUrl} /> : null}
                <Button type="submit" className="w-full" disabled={navigation.state === "submitting"}>
                  {navigation.state === "submitting" ? "Signing in…" : "Continue to Rapport"}
                </Button>
              </Form>
            </>
          )}
        </CardBody>
      </Card>
    </div>
  );
}
