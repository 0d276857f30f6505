import { EmailButton, EmailFallbackLink, EmailHeading, EmailLayout, EmailText } from "./components/email-layout";

export function partnershipEndedSubject(endedByName: string, recipientCompanyName: string): string {
  return `${endedByName} ended its partnership with ${recipientCompanyName} on Rapport`;
}

export type PartnershipEndedEmailProps = {
  endedByName: string;
  recipientCompanyName: string;
  /** The partnership's workspace as the recipient's company sees it. */
  workspaceUrl: string;
};

export default function PartnershipEndedEmail({ endedByName, recipientCompanyName, workspaceUrl }: PartnershipEndedEmailProps) {
  return (
    <EmailLayout
      preview={`${endedByName} ended its partnership with ${recipientCompanyName}.`}
      reason={`You received this email because you manage partnerships for ${recipientCompanyName} on Rapport.`}
    >
      <EmailHeading>{`${endedByName} ended the partnership`}</EmailHeading>
      <EmailText>
        {`${endedByName} ended its partnership with ${recipientCompanyName}. Your joint events, shared notes and history stay readable, but nothing new can be planned in this partnership.`}
      </EmailText>
      <EmailText>If you'd like to work together again, either company can send a new invitation.</EmailText>
      <EmailButton href={workspaceUrl}>Open the partnership</EmailButton>
      <EmailFallbackLink href={workspaceUrl} />
    </EmailLayout>
  );
}
