import { EmailButton, EmailFallbackLink, EmailHeading, EmailLayout, EmailText } from "./components/email-layout";

export type EventApprovedEmailProps = {
  eventTitle: string;
  approverCompany: string;
  recipientCompany: string;
  actorName: string;
  when: string;
  eventUrl: string;
};

export function eventApprovedSubject(approverCompany: string, eventTitle: string): string {
  return `${approverCompany} approved “${eventTitle}”: your approval is the last one needed`;
}

export default function EventApprovedEmail({ eventTitle, approverCompany, recipientCompany, actorName, when, eventUrl }: EventApprovedEmailProps) {
  return (
    <EmailLayout
      preview={`${actorName} approved ${eventTitle} for ${approverCompany}. Approve it for ${recipientCompany} to confirm it.`}
      reason={`You received this email because you plan joint events for ${recipientCompany} on Rapport.`}
    >
      <EmailHeading>{`${approverCompany} approved “${eventTitle}”`}</EmailHeading>
      <EmailText>{`${actorName} approved the event for ${approverCompany}. Once someone approves it for ${recipientCompany}, it is confirmed for both companies.`}</EmailText>
      <EmailText>{`When: ${when}`}</EmailText>
      <EmailButton href={eventUrl}>Review and approve</EmailButton>
      <EmailFallbackLink href={eventUrl} />
    </EmailLayout>
  );
}
