import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { Figures } from "~/components/ui/figures";
import type { Pagination, StatusCounts } from "../list.server";
import { PageLinks } from "./list-table";

type PartnerListCardProps = {
  companyName: string;
  counts: StatusCounts;
  names: string[];
  pagination: Pagination;
  pageHref: (page: number) => string;
};

/** The partner's list by name only, with counts: addresses and each person's answer stay with them (ADR 009). */
export function PartnerListCard({ companyName, counts, names, pagination, pageHref }: PartnerListCardProps) {
  const figures = [
    { label: "Invited", value: counts.onList },
    { label: "Attending", value: counts.attending },
    { label: "Waitlisted", value: counts.waitlisted },
    { label: "Maybe", value: counts.maybe },
    { label: "Declined", value: counts.declined },
    { label: "No answer", value: counts.noAnswer },
  ];
  return (
    <Card>
      <CardHeader
        title={`${companyName}'s invitations`}
        description={`Who ${companyName} has invited, by name. Their addresses and answers stay with them, as yours stay with you.`}
      />
      <CardBody className="space-y-4">
        <Figures figures={figures} />
        {names.length === 0 ? (
          <p className="text-sm text-slate-700">{companyName} hasn't invited anyone yet. Their names appear here as they add people to their list.</p>
        ) : (
          <ul aria-label={`People ${companyName} has invited`} className="grid gap-x-6 gap-y-1 text-sm text-slate-900 sm:grid-cols-2 lg:grid-cols-3">
            {names.map((name, index) => (
              <li key={index} className="break-words">
                {name}
              </li>
            ))}
          </ul>
        )}
        <PageLinks pagination={pagination} pageHref={pageHref} label={`Pages of ${companyName}'s invitations`} />
      </CardBody>
    </Card>
  );
}
