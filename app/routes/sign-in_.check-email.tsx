import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Card, CardBody } from "~/components/ui/card";
import { SIGN_IN_LINK_MAX_AGE_SECONDS } from "~/platform/auth.server";
import { publicEnv } from "~/platform/env.server";

export const meta: MetaFunction = () => [{ title: "Check your email · Rapport" }];

export async function loader({ request }: LoaderFunctionArgs) {
  return {
    email: new URL(request.url).searchParams.get("email") ?? "your inbox",
    minutes: SIGN_IN_LINK_MAX_AGE_SECONDS / 60,
    devMailbox: publicEnv().EMAIL_DELIVERY === "dev-mailbox",
  };
}

export default function CheckEmail() {
  const { email, minutes, devMailbox } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-md">
      <Card>
        <CardBody>
          <h1 className="text-2xl font-semibold">Check your email</h1>
          <p className="mt-3 text-slate-700">
            If <strong className="text-slate-900">{email}</strong> can sign in, a link is on its way. It works once and expires in {minutes} minutes.
          </p>
          {devMailbox ? (
            <p className="mt-3 text-slate-700">
              This instance has no email provider: open the <Link to="/dev/mail" className="font-medium text-brand-700 underline underline-offset-4">development mailbox</Link> to find the link.
            </p>
          ) : null}
          <p className="mt-6 text-sm text-slate-700">
            Nothing arrived? Check spam, or <Link to="/sign-in" className="font-medium text-brand-700 underline underline-offset-4">request another link</Link>.
          </p>
        </CardBody>
      </Card>
    </div>
  );
}
