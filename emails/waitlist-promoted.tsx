import { Img } from "@react-email/components";
import { EmailButton, EmailFallbackLink, EmailHeading, EmailLayout, EmailText } from "./components/email-layout";

export type WaitlistPromotedEmailProps = {
  inviteeName: string;
  eventTitle: string;
  companies: [string, string];
  /** The company whose waitlist the invitee was on. */
  company: string;
  when: string;
  where: string;
  /** "Plus-one: Sam" or a shift line, when they apply. */
  details: string[];
  rsvpUrl: string;
  checkInQrUrl: string;
  deadline: string;
};

export function waitlistPromotedSubject(eventTitle: string): string {
  return `You're in: a place opened up for “${eventTitle}”`;
}

export default function WaitlistPromotedEmail(props: WaitlistPromotedEmailProps) {
  const { inviteeName, eventTitle, companies, company, when, where, details, rsvpUrl, checkInQrUrl, deadline } = props;
  return (
    <EmailLayout
      preview={`A place opened up on ${company}'s list, so you're going to ${eventTitle}.`}
      reason={`You received this email because you joined ${company}'s waitlist for “${eventTitle}”.`}
    >
      <EmailHeading>{`You're in, ${inviteeName || "and you're going"}!`}</EmailHeading>
      <EmailText>{`A place opened up on ${company}'s list for “${eventTitle}”, the joint event of ${companies[0]} and ${companies[1]}, and it's yours: you're going. The calendar invitation is attached.`}</EmailText>
      <EmailText>{`When: ${when}`}</EmailText>
      <EmailText>{`Where: ${where}`}</EmailText>
      {details.map((line) => (
        <EmailText key={line}>{line}</EmailText>
      ))}
      <EmailText muted>{`Can't make it after all? Please let us know by ${deadline} so the next person on the waitlist gets your place.`}</EmailText>
      <EmailButton href={rsvpUrl}>See or change your answer</EmailButton>
      <EmailFallbackLink href={rsvpUrl} />
      <EmailText muted>Show this code at the door to check in:</EmailText>
      <Img src={checkInQrUrl} width="160" height="160" alt={`Check-in code for ${inviteeName || "you"} at ${eventTitle}`} />
    </EmailLayout>
  );
}
