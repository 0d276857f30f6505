import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ButtonLink } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { PageHeader } from "~/components/ui/page-header";
import { getOrganizationOverview } from "~/organizations/overview.server";
import { roleCan } from "~/organizations/permissions";
import { hasPartnerships, PartnershipList } from "~/partnerships/components/partnership-list";
import { listCompanyPartnerships } from "~/partnerships/partnerships.server";
import { requireTenant } from "~/platform/tenancy.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.overview.name ?? "Company"} · Rapport` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireTenant(request, params.slug);
  const [overview, partnerships] = await Promise.all([getOrganizationOverview(scope), listCompanyPartnerships(scope)]);
  return { overview, partnerships, canInvitePartners: roleCan(scope.role, "partnerships:manage") };
}

export default function OrganizationOverview() {
  const { overview, partnerships, canInvitePartners } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageHeader
        title="Overview"
        description="Your partner companies and the joint events you plan with them."
        actions={canInvitePartners && hasPartnerships(partnerships) ? <ButtonLink to={`/o/${overview.slug}/partners/new`}>Invite a partner company</ButtonLink> : undefined}
      />
      <section id="partnerships" aria-label="Partnerships" className="scroll-mt-6">
        <PartnershipList organizationSlug={overview.slug} partnerships={partnerships} canInvite={canInvitePartners} />
      </section>
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
