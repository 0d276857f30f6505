import { EmailButton, EmailFallbackLink, EmailHeading, EmailLayout, EmailText } from "./components/email-layout";

export type EventConfirmedEmailProps = {
  eventTitle: string;
  recipientCompany: string;
  companies: [string, string];
  when: string;
  venue: string;
  eventUrl: string;
};

export function eventConfirmedSubject(eventTitle: string): string {
  return `“${eventTitle}” is confirmed`;
}

export default function EventConfirmedEmail({ eventTitle, recipientCompany, companies, when, venue, eventUrl }: EventConfirmedEmailProps) {
  return (
    <EmailLayout
      preview={`Both companies approved ${eventTitle}. It's on.`}
      reason={`You received this email because you plan joint events for ${recipientCompany} on Rapport.`}
    >
      <EmailHeading>{`“${eventTitle}” is confirmed`}</EmailHeading>
      <EmailText>{`${companies[0]} and ${companies[1]} both approved the plan, so it's on.`}</EmailText>
      <EmailText>{`When: ${when}`}</EmailText>
      <EmailText>{`Where: ${venue}`}</EmailText>
      <EmailButton href={eventUrl}>See the event</EmailButton>
      <EmailFallbackLink href={eventUrl} />
    </EmailLayout>
  );
}
