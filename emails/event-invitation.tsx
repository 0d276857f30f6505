import { Button, Link, Section } from "@react-email/components";
import { EmailFallbackLink, EmailHeading, EmailLayout, EmailText, emailColors } from "./components/email-layout";

export type EventInvitationEmailProps = {
  /** "Hi Ada," — the invitee's own line. */
  greeting: string;
  /** The invitee's company first: it is the one inviting them. */
  companies: [own: string, partner: string];
  eventTitle: string;
  description: string;
  /** "Sat 14 Mar 2031, 18:00–21:00 (America/New_York)": in the event's zone, naming it. */
  when: string;
  where: string;
  /** "Please answer by …", or null without a deadline. */
  deadline: string | null;
  /** How many of the company's seats are left, or that a yes joins the waitlist; null when no limit applies. */
  seats: string | null;
  answerUrls: { yes: string; no: string; maybe: string };
  /** The invitee's RSVP page, without a preselected answer. */
  invitationUrl: string;
  calendar: { google: string; outlook: string; ics: string };
};

export function eventInvitationSubject(eventTitle: string, partnerCompany: string): string {
  return `You're invited: ${eventTitle} with ${partnerCompany}`;
}

const answerButtons = [
  { answer: "yes", label: "Yes, I'll come", primary: true },
  { answer: "maybe", label: "Maybe", primary: false },
  { answer: "no", label: "No, I can't", primary: false },
] as const;

export default function EventInvitationEmail(props: EventInvitationEmailProps) {
  const [own, partner] = props.companies;
  return (
    <EmailLayout
      preview={`${own} and ${partner} invite you to ${props.eventTitle}. Answer with one tap.`}
      reason={`You received this email because ${own} put you on the guest list of a joint event with ${partner} on Rapport.`}
    >
      <EmailHeading>{`You're invited: ${props.eventTitle}`}</EmailHeading>
      <EmailText>{props.greeting}</EmailText>
      <EmailText>{`${own} and ${partner} invite you to ${props.eventTitle}.`}</EmailText>
      {props.description ? <EmailText>{props.description}</EmailText> : null}
      <EmailText>{`When: ${props.when}`}</EmailText>
      <EmailText>{`Where: ${props.where}`}</EmailText>
      {props.seats ? <EmailText>{props.seats}</EmailText> : null}
      <EmailText>{props.deadline ? `Will you come? Please answer by ${props.deadline}.` : "Will you come?"}</EmailText>
      {/* One button per row: a full line is an easy tap on a phone, and the text version gets one link per line. */}
      {answerButtons.map(({ answer, label, primary }) => (
        <Section key={answer} style={{ margin: answer === "no" ? "0 0 24px" : "0 0 8px" }}>
          <Button
            href={props.answerUrls[answer]}
            style={{
              backgroundColor: primary ? emailColors.brand : emailColors.card,
              border: `1px solid ${emailColors.brand}`,
              borderRadius: "8px",
              color: primary ? "#ffffff" : emailColors.brand,
              fontSize: "16px",
              fontWeight: 600,
              lineHeight: "24px",
              minWidth: "160px",
              padding: "10px 18px",
              textAlign: "center",
              textDecoration: "none",
            }}
          >
            {label}
          </Button>
        </Section>
      ))}
      <EmailText muted>
        Add to your calendar:{" "}
        <Link href={props.calendar.google} style={{ color: emailColors.brand, textDecoration: "underline" }}>
          Google Calendar
        </Link>
        {" · "}
        <Link href={props.calendar.outlook} style={{ color: emailColors.brand, textDecoration: "underline" }}>
          Outlook
        </Link>
        {" · "}
        <Link href={props.calendar.ics} style={{ color: emailColors.brand, textDecoration: "underline" }}>
          Calendar file (.ics)
        </Link>
      </EmailText>
      <EmailText muted>You can change your answer later from the same link.</EmailText>
      <EmailFallbackLink href={props.invitationUrl} />
    </EmailLayout>
  );
}
