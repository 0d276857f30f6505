import { EmailButton, EmailFallbackLink, EmailHeading, EmailLayout, EmailText } from "./components/email-layout";

export type PartnershipResponse =
  | { outcome: "accepted"; partnerName: string }
  | { outcome: "declined"; contactEmail: string };

export function partnershipResponseSubject(response: PartnershipResponse): string {
  return response.outcome === "accepted"
    ? `${response.partnerName} accepted your partnership invitation`
    : `Your partnership invitation to ${response.contactEmail} was declined`;
}

export type PartnershipResponseEmailProps = {
  response: PartnershipResponse;
  initiatorName: string;
  /** The partnership's workspace as the inviting company sees it. */
  workspaceUrl: string;
};

export default function PartnershipResponseEmail({ response, initiatorName, workspaceUrl }: PartnershipResponseEmailProps) {
  const reason = `You received this email because you manage partnerships for ${initiatorName} on Rapport.`;
  if (response.outcome === "accepted") {
    return (
      <EmailLayout preview={`${initiatorName} and ${response.partnerName} are now partners on Rapport.`} reason={reason}>
        <EmailHeading>{`${response.partnerName} accepted`}</EmailHeading>
        <EmailText>
          {`${initiatorName} and ${response.partnerName} are now partners. You can plan joint events together, ask their people what they'd enjoy, and keep shared notes about each other.`}
        </EmailText>
        <EmailButton href={workspaceUrl}>Open the partnership</EmailButton>
        <EmailFallbackLink href={workspaceUrl} />
      </EmailLayout>
    );
  }
  return (
    <EmailLayout preview={`${response.contactEmail} declined the invitation to partner with ${initiatorName}.`} reason={reason}>
      <EmailHeading>Your partnership invitation was declined</EmailHeading>
      <EmailText>
        {`${response.contactEmail} declined the invitation to plan joint events with ${initiatorName}. If you think this was a mistake, you can invite them, or someone else at their company, again.`}
      </EmailText>
      <EmailButton href={workspaceUrl}>See the invitation</EmailButton>
      <EmailFallbackLink href={workspaceUrl} />
    </EmailLayout>
  );
}
