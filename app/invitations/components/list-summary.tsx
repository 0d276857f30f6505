import { Alert } from "~/components/ui/alert";
import { ButtonLink } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { Figures, formatCount } from "~/components/ui/figures";
import type { ListCounts } from "../list.server";


type ListSummaryProps = {
  companyName: string;
  counts: ListCounts;
  sendPath: string;
  sendingClosedReason: string | null;
};

/** The counts a manager checks first, and the way on to sending. */
export function ListSummary({ companyName, counts, sendPath, sendingClosedReason }: ListSummaryProps) {
  const figures = [
    { label: "On the list", value: counts.onList },
    { label: "Ready to send", value: counts.readyToSend },
    { label: "Sent", value: counts.sent },
    { label: "Attending", value: counts.attending },
    { label: "Waitlisted", value: counts.waitlisted },
    { label: "Maybe", value: counts.maybe },
    { label: "Declined", value: counts.declined },
    { label: "No answer", value: counts.noAnswer },
  ];
  return (
    <Card>
      <CardHeader
        title={`${companyName}'s invite list`}
        description="Your company's own list for this event. Your partner builds theirs; neither of you sees the other's addresses or answers."
        actions={
          sendingClosedReason ? undefined : (
            <ButtonLink to={sendPath}>Preview and send ({formatCount(counts.readyToSend)} ready)</ButtonLink>
          )
        }
      />
      <CardBody className="space-y-4">
        {sendingClosedReason ? <Alert tone="info">{sendingClosedReason}</Alert> : null}
        <Figures figures={figures} />
        {counts.flagged > 0 ? (
          <Alert tone="warning">
            {formatCount(counts.flagged)} {counts.flagged === 1 ? "address has" : "addresses have"} bounced or complained before. They stay on your list, marked below,
            but invitations skip them. Check the spelling, or ask those people for another address.
          </Alert>
        ) : null}
      </CardBody>
    </Card>
  );
}
