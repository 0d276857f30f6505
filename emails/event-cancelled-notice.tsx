import { EmailHeading, EmailLayout, EmailText } from "./components/email-layout";

export type EventCancelledNoticeEmailProps = {
  inviteeName: string;
  eventTitle: string;
  companies: [string, string];
  /** When it was planned, in the event's zone. */
  when: string;
  /** Why the organisers cancelled; they always give one. */
  reason: string;
};

export function eventCancelledNoticeSubject(eventTitle: string): string {
  return `Cancelled: “${eventTitle}”`;
}

export default function EventCancelledNoticeEmail({ inviteeName, eventTitle, companies, when, reason }: EventCancelledNoticeEmailProps) {
  return (
    <EmailLayout
      preview={`${eventTitle} on ${when} won't take place. ${reason}`}
      reason={`You received this email because you were invited to “${eventTitle}”, a joint event of ${companies[0]} and ${companies[1]}.`}
    >
      <EmailHeading>{`“${eventTitle}” is cancelled`}</EmailHeading>
      <EmailText>{`${inviteeName ? `Hi ${inviteeName}, we're sorry: ` : "We're sorry: "}“${eventTitle}”, the joint event of ${companies[0]} and ${companies[1]} planned for ${when}, won't take place.`}</EmailText>
      {reason ? <EmailText>{`The organisers' reason: ${reason}`}</EmailText> : null}
      <EmailText muted>There's nothing you need to do. The attached cancellation removes the event from your calendar when you open it.</EmailText>
    </EmailLayout>
  );
}
