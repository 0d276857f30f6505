import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { listDevMailbox } from "~/dev-mailbox/dev-mailbox.server";

export const meta: MetaFunction = () => [{ title: "Dev mailbox · Rapport" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const to = new URL(request.url).searchParams.get("to") ?? "";
  return { to, emails: await listDevMailbox({ to }) };
}

export default function DevMailbox() {
  const { to, emails } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Development mailbox</h1>
        <p className="mt-1 text-slate-700">No email provider is configured, so every email Rapport sends lands here instead. Newest first.</p>
      </div>
      <Form method="get" className="flex flex-wrap items-end gap-2" role="search">
        <div>
          <label htmlFor="mailbox-to" className="block text-sm font-medium text-slate-700">
            Recipient
          </label>
          <input id="mailbox-to" name="to" type="email" defaultValue={to} className="mt-1 rounded-md border border-slate-500 px-3 py-2 text-sm" />
        </div>
        <Button type="submit" variant="secondary" size="sm">
          Filter
        </Button>
      </Form>
      {emails.length === 0 ? (
        <EmptyState title="No emails yet" description="Request a sign-in link or invite a teammate; the email will appear here within a second or two." />
      ) : (
        <Card>
          <CardHeader title={`${emails.length} email${emails.length === 1 ? "" : "s"}`} />
          <CardBody>
            <ul className="divide-y divide-slate-200">
              {emails.map((email) => (
                <li key={email.id} className="py-3">
                  <Link to={`/dev/mail/${email.id}`} className="font-medium text-brand-700 underline-offset-4 hover:underline">
                    {email.subject}
                  </Link>
                  <p className="text-sm text-slate-700">
                    To {email.to} · {email.sentAt ? new Date(email.sentAt).toLocaleString("en") : "queued"}
                  </p>
                </li>
              ))}
            </ul>
          </CardBody>
        </Card>
      )}
    </div>
  );
}
