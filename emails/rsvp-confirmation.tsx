import { Img } from "@react-email/components";
import { EmailButton, EmailFallbackLink, EmailHeading, EmailLayout, EmailText } from "./components/email-layout";

export type RsvpConfirmationOutcome =
  | { status: "attending"; checkInQrUrl: string }
  | { status: "waitlisted"; company: string; position: number }
  | { status: "maybe" }
  | { status: "declined" };

export type RsvpConfirmationEmailProps = {
  inviteeName: string;
  eventTitle: string;
  companies: [string, string];
  when: string;
  where: string;
  outcome: RsvpConfirmationOutcome;
  /** Plus-one, shift and the invitee's answers to the event's questions, one line each. */
  details: string[];
  rsvpUrl: string;
  deadline: string;
};

const headings: Record<RsvpConfirmationOutcome["status"], string> = {
  attending: "You're going",
  waitlisted: "You're on the waitlist",
  maybe: "You said maybe",
  declined: "Thanks, you've declined",
};

export function rsvpConfirmationSubject(eventTitle: string, outcome: RsvpConfirmationOutcome): string {
  switch (outcome.status) {
    case "attending":
      return `You're going to “${eventTitle}”`;
    case "waitlisted":
      return `You're #${outcome.position} on the waitlist for “${eventTitle}”`;
    case "maybe":
      return `You said maybe to “${eventTitle}”`;
    case "declined":
      return `You've declined “${eventTitle}”`;
  }
}

function summary(outcome: RsvpConfirmationOutcome, eventTitle: string): string {
  switch (outcome.status) {
    case "attending":
      return `Your place at “${eventTitle}” is confirmed. The calendar invitation is attached.`;
    case "waitlisted":
      return `${outcome.company}'s places for “${eventTitle}” are all taken, so you're #${outcome.position} on ${outcome.company}'s waitlist. If a place opens up, you get it automatically and we email you.`;
    case "maybe":
      return `We've noted that you might come to “${eventTitle}”. A maybe doesn't hold a place: answer yes when you know.`;
    case "declined":
      return `We've let the organisers know you can't come to “${eventTitle}”.`;
  }
}

export default function RsvpConfirmationEmail(props: RsvpConfirmationEmailProps) {
  const { inviteeName, eventTitle, companies, when, where, outcome, details, rsvpUrl, deadline } = props;
  return (
    <EmailLayout
      preview={summary(outcome, eventTitle)}
      reason={`You received this email because you answered the invitation to “${eventTitle}”, a joint event of ${companies[0]} and ${companies[1]}.`}
    >
      <EmailHeading>{inviteeName ? `${headings[outcome.status]}, ${inviteeName}` : headings[outcome.status]}</EmailHeading>
      <EmailText>{summary(outcome, eventTitle)}</EmailText>
      <EmailText>{`When: ${when}`}</EmailText>
      <EmailText>{`Where: ${where}`}</EmailText>
      {details.map((line) => (
        <EmailText key={line}>{line}</EmailText>
      ))}
      <EmailText muted>{`You can change your answer until ${deadline}.`}</EmailText>
      <EmailButton href={rsvpUrl}>See or change your answer</EmailButton>
      <EmailFallbackLink href={rsvpUrl} />
      {outcome.status === "attending" ? (
        <>
          <EmailText muted>Show this code at the door to check in:</EmailText>
          <Img src={outcome.checkInQrUrl} width="160" height="160" alt={`Check-in code for ${inviteeName || "you"} at ${eventTitle}`} />
        </>
      ) : null}
    </EmailLayout>
  );
}
