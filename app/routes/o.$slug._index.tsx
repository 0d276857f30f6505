import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ButtonLink } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { getOrganizationOverview } from "~/organizations/overview.server";
import { requireTenant } from "~/platform/tenancy.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.name ?? "Company"} · Rapport` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireTenant(request, params.slug);
  return getOrganizationOverview(scope);
}

export default function OrganizationOverview() {
  const overview = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Overview</h1>
      <div className="grid gap-4 sm:grid-cols-2">
        <Card>
          <CardHeader title="Your team" description="The people who plan and attend joint events for your company." />
          <CardBody>
            <p className="text-3xl font-semibold">{overview.memberCount}</p>
            <p className="text-sm text-slate-700">
              member{overview.memberCount === 1 ? "" : "s"}
              {overview.pendingInvitationCount ? `, ${overview.pendingInvitationCount} invitation${overview.pendingInvitationCount === 1 ? "" : "s"} pending` : ""}
            </p>
          </CardBody>
        </Card>
      </div>
      {overview.memberCount === 1 && overview.canInvite ? (
        <EmptyState
          title="Bring your team in"
          description="Invite the account managers and colleagues who look after your partners. They'll get an email and join when they sign in."
          action={<ButtonLink to={`/o/${overview.slug}/members`}>Invite teammates</ButtonLink>}
        />
      ) : null}
    </div>
  );
}
