import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Badge } from "~/components/ui/badge";
import { ButtonLink } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { listOrganizationsOf } from "~/organizations/organizations.server";
import { roleLabels } from "~/organizations/permissions";
import { getSessionUser } from "~/platform/auth.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  if (!user) return { signedIn: false as const };
  const memberships = await listOrganizationsOf(user.id);
  if (memberships.length === 1) throw redirect(`/o/${memberships[0]!.organization.slug}`);
  return { signedIn: true as const, memberships };
}

export default function Home() {
  const data = useLoaderData<typeof loader>();
  return data.signedIn ? <CompanyPicker memberships={data.memberships} /> : <Welcome />;
}

function Welcome() {
  return (
    <section className="py-10 text-center sm:py-16">
      <h1 className="text-4xl font-bold tracking-tight text-slate-900 sm:text-5xl">Partnerships are built face to face.</h1>
      <p className="mx-auto mt-5 max-w-2xl text-lg text-slate-700">
        Rapport lets two partner companies co-plan outings and volunteer days, invite their people with one-tap RSVPs, and turn
        what attendees say into follow-up.
      </p>
      <div className="mt-8 flex justify-center gap-3">
        <ButtonLink to="/sign-in">Get started</ButtonLink>
      </div>
    </section>
  );
}

function CompanyPicker({ memberships }: { memberships: Awaited<ReturnType<typeof listOrganizationsOf>> }) {
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-2xl font-semibold">Your companies</h1>
      {memberships.length === 0 ? (
        <EmptyState
          title="You're not part of a company yet"
          description="Create your company to start planning joint events with partners. If a colleague invited you, sign in with the address they used."
          action={<ButtonLink to="/orgs/new">Create your company</ButtonLink>}
        />
      ) : (
        <Card>
          <CardHeader title="Choose a company" actions={<ButtonLink to="/orgs/new" variant="secondary" size="sm">New company</ButtonLink>} />
          <CardBody>
            <ul className="divide-y divide-slate-200">
              {memberships.map(({ organization, role }) => (
                <li key={organization.id} className="flex items-center justify-between gap-3 py-3">
                  <Link to={`/o/${organization.slug}`} className="font-medium text-brand-700 underline-offset-4 hover:underline">
                    {organization.name}
                  </Link>
                  <Badge tone="neutral">{roleLabels[role]}</Badge>
                </li>
              ))}
            </ul>
          </CardBody>
        </Card>
      )}
    </div>
  );
}
