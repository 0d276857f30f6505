import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { ButtonLink } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import type { CompanyPartnerships, PartnershipListItem } from "../partnerships.server";
import { partnershipWorkspacePath } from "../paths";
import { PartnershipStatusBadge } from "./badges";

export function hasPartnerships({ active, pending, past }: CompanyPartnerships): boolean {
  return active.length + pending.length + past.length > 0;
}

/** The invite button sits in the page header once there is a list; an empty list carries it itself. */
export function PartnershipList({
  organizationSlug,
  partnerships,
  canInvite,
}: {
  organizationSlug: string;
  partnerships: CompanyPartnerships;
  canInvite: boolean;
}) {
  const { active, pending, past } = partnerships;
  if (!hasPartnerships(partnerships)) {
    return (
      <EmptyState
        title={canInvite ? "Invite your first partner company" : "No partner companies yet"}
        description={
          canInvite
            ? "Rapport is for planning outings and volunteer days with the companies you work with. Invite a contact at a partner company: once they accept, you'll plan joint events together here."
            : "Your company's managers invite partner companies. Once a partnership starts, it shows up here with its joint events."
        }
        action={canInvite ? <ButtonLink to={`/o/${organizationSlug}/partners/new`}>Invite a partner company</ButtonLink> : undefined}
      />
    );
  }
  return (
    <div className="space-y-6">
      {active.length > 0 || pending.length > 0 ? (
        <Card>
          <CardHeader title="Partner companies" description="The companies you plan joint events with." />
          <CardBody>
            <ul className="divide-y divide-slate-200">
              {active.map((partnership) => (
                <ActivePartnership key={partnership.id} organizationSlug={organizationSlug} partnership={partnership} />
              ))}
              {pending.map((partnership) => (
                <PendingInvitation key={partnership.id} organizationSlug={organizationSlug} partnership={partnership} />
              ))}
            </ul>
            {active.length === 0 ? (
              <p className="mt-4 text-sm text-slate-600">Once your contact accepts, you'll plan joint events together from the partnership's page.</p>
            ) : null}
          </CardBody>
        </Card>
      ) : (
        <EmptyState
          title="No active partnerships"
          description={canInvite ? "Invite a contact at a company you'd like to work with again, or at a new one." : "Your company's managers invite partner companies."}
        />
      )}
      {past.length > 0 ? (
        <Card>
          <CardHeader title="Past partnerships" description="Their joint events, notes and history stay readable." />
          <CardBody>
            <ul className="divide-y divide-slate-200">
              {past.map((partnership) => (
                <PastPartnership key={partnership.id} organizationSlug={organizationSlug} partnership={partnership} />
              ))}
            </ul>
          </CardBody>
        </Card>
      ) : null}
    </div>
  );
}

type ItemProps = { organizationSlug: string; partnership: PartnershipListItem };

/** One partnership in a list: a link to its workspace, what to know about it, and its status. */
function PartnershipRow({ organizationSlug, partnership, title, children }: ItemProps & { title: string; children: ReactNode }) {
  return (
    <li className="flex flex-col gap-2 py-4 first:pt-0 last:pb-0 sm:flex-row sm:items-start sm:justify-between">
      <div className="min-w-0 space-y-1">
        <p>
          <Link to={partnershipWorkspacePath(organizationSlug, partnership.id)} className="font-medium break-words text-brand-700 underline-offset-4 hover:underline">
            {title}
          </Link>
        </p>
        {children}
      </div>
      <div className="shrink-0"><PartnershipStatusBadge status={partnership.status} withdrawn={partnership.withdrawn} /></div>
    </li>
  );
}

function ActivePartnership({ organizationSlug, partnership }: ItemProps) {
  return (
    <PartnershipRow organizationSlug={organizationSlug} partnership={partnership} title={partnership.title}>
      <p className="text-sm text-slate-700">
        {partnership.nextEvent ? (
          <>
            <span className="font-medium text-slate-900">Next: {partnership.nextEvent.title}</span>, {partnership.nextEvent.when}
          </>
        ) : (
          "No joint event planned yet"
        )}
      </p>
      <p className="text-sm text-slate-600">{partnership.lastEventAgo ? `Last joint event ${partnership.lastEventAgo}` : "No joint events yet"}</p>
    </PartnershipRow>
  );
}

function PendingInvitation({ organizationSlug, partnership }: ItemProps) {
  return (
    <PartnershipRow organizationSlug={organizationSlug} partnership={partnership} title={`Invitation to ${partnership.title}`}>
      <p className="text-sm break-words text-slate-600">
        Waiting for {partnership.waitingFor} · sent {partnership.sentOn}
      </p>
    </PartnershipRow>
  );
}

function PastPartnership({ organizationSlug, partnership }: ItemProps) {
  const closed = partnership.closedOn ? ` on ${partnership.closedOn}` : "";
  const outcome = partnership.withdrawn
    ? `Invitation withdrawn${closed}`
    : partnership.status === "declined"
      ? `Invitation declined${closed}`
      : `Ended${closed}`;
  return (
    <PartnershipRow organizationSlug={organizationSlug} partnership={partnership} title={partnership.title}>
      <p className="text-sm text-slate-600">
        {outcome}
        {partnership.lastEventAgo ? ` · last joint event ${partnership.lastEventAgo}` : ""}
      </p>
    </PartnershipRow>
  );
}
