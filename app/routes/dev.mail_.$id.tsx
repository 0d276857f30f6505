import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Card, CardBody } from "~/components/ui/card";
import { readDevMailboxEmail } from "~/dev-mailbox/dev-mailbox.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.email.subject ?? "Email"} · Dev mailbox` }];

export async function loader({ params }: LoaderFunctionArgs) {
  const email = await readDevMailboxEmail(params.id ?? "");
  if (!email) throw data({ message: "That email is not in the mailbox." }, { status: 404 });
  return { email };
}

/**
 * The email's HTML is shown in a sandboxed frame with scripts disabled; its links open at the top
 * level so the sign-in and invitation flows can be walked from here.
 */
export default function DevMailboxEmail() {
  const { email } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <Link to="/dev/mail" className="text-sm font-medium text-brand-700 underline underline-offset-4">
        ← All emails
      </Link>
      <h1 className="text-2xl font-semibold">{email.subject}</h1>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm text-slate-700">
        <dt className="font-medium">From</dt>
        <dd>{email.from}</dd>
        <dt className="font-medium">To</dt>
        <dd>{email.to}</dd>
      </dl>
      <Card>
        <CardBody>
          <iframe title="Email (HTML)" srcDoc={email.html} sandbox="allow-popups allow-top-navigation-by-user-activation" className="h-[32rem] w-full rounded border border-slate-200" />
        </CardBody>
      </Card>
      <details>
        <summary className="cursor-pointer text-sm font-medium text-slate-800">Plain-text version</summary>
        <pre className="mt-2 whitespace-pre-wrap rounded-md bg-white p-4 text-sm text-slate-800 ring-1 ring-slate-200">{email.text}</pre>
      </details>
    </div>
  );
}
