import { Badge } from "~/components/ui/badge";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { roleLabels } from "~/organizations/permissions";
import type { PartnershipSidePeople } from "../people.server";

export function PartnershipPeople({ own, other }: { own: PartnershipSidePeople; other: PartnershipSidePeople | null }) {
  return (
    <Card>
      <CardHeader
        title="People"
        description="The managers who run this partnership on each side. Each company sees the other's names, never their email addresses."
      />
      <CardBody className="space-y-6">
        <Side side={own} />
        {other ? <Side side={other} /> : <p className="text-sm text-slate-600">The other company's people appear here once the invitation is accepted.</p>}
      </CardBody>
    </Card>
  );
}

function Side({ side }: { side: PartnershipSidePeople }) {
  return (
    <section aria-label={side.organizationName}>
      <h3 className="text-sm font-semibold text-slate-900">{side.organizationName}</h3>
      {side.people.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">No managers yet.</p>
      ) : (
        <ul className="mt-2 space-y-3">
          {side.people.map((person) => (
            <li key={person.id} className="min-w-0">
              <p className="flex flex-wrap items-center gap-2 text-sm">
                <span className="font-medium break-words text-slate-900">
                  {person.name}
                  {person.isYou ? <span className="font-normal text-slate-600"> (you)</span> : null}
                </span>
                <Badge>{roleLabels[person.role]}</Badge>
              </p>
              {person.email && person.email !== person.name ? <p className="text-sm break-all text-slate-600">{person.email}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
