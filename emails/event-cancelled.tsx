import { EmailButton, EmailFallbackLink, EmailHeading, EmailLayout, EmailText } from "./components/email-layout";

export type EventCancelledEmailProps = {
  eventTitle: string;
  cancellerCompany: string;
  recipientCompany: string;
  actorName: string;
  when: string;
  reason: string;
  eventUrl: string;
};

export function eventCancelledSubject(cancellerCompany: string, eventTitle: string): string {
  return `${cancellerCompany} cancelled “${eventTitle}”`;
}

export default function EventCancelledEmail({ eventTitle, cancellerCompany, recipientCompany, actorName, when, reason, eventUrl }: EventCancelledEmailProps) {
  return (
    <EmailLayout
      preview={`${actorName} cancelled ${eventTitle}: ${reason}`}
      reason={`You received this email because you plan joint events for ${recipientCompany} on Rapport.`}
    >
      <EmailHeading>{`“${eventTitle}” is cancelled`}</EmailHeading>
      <EmailText>{`${actorName} (${cancellerCompany}) cancelled the event that was planned for ${when}.`}</EmailText>
      <EmailText>{`Their reason: ${reason}`}</EmailText>
      <EmailButton href={eventUrl}>See the event</EmailButton>
      <EmailFallbackLink href={eventUrl} />
    </EmailLayout>
  );
}
