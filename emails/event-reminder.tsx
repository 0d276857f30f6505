import { Img } from "@react-email/components";
import { EmailButton, EmailFallbackLink, EmailHeading, EmailLayout, EmailText } from "./components/email-layout";

export type EventReminderEmailProps = {
  inviteeName: string;
  eventTitle: string;
  companies: [string, string];
  /** Whole days until the start: 1 reads as "tomorrow". */
  daysBefore: number;
  /** "Sat 14 Mar 2027, 18:00–21:00 (America/New_York)": already in the event's zone. */
  when: string;
  where: string;
  /** "Plus-one: Sam", the shift and their answers, one line each. */
  details: string[];
  rsvpUrl: string;
  checkInQrUrl: string;
  /** Until when the answer can still change, in the event's zone; null once answers are closed. */
  changeableUntil: string | null;
};

function inHowLong(daysBefore: number): string {
  return daysBefore === 1 ? "tomorrow" : `in ${daysBefore} days`;
}

export function eventReminderSubject(eventTitle: string, daysBefore: number): string {
  return `Reminder: “${eventTitle}” is ${inHowLong(daysBefore)}`;
}

export default function EventReminderEmail(props: EventReminderEmailProps) {
  const { inviteeName, eventTitle, companies, daysBefore, when, where, details, rsvpUrl, checkInQrUrl, changeableUntil } = props;
  return (
    <EmailLayout
      preview={`You're going to ${eventTitle} ${inHowLong(daysBefore)}: ${when}.`}
      reason={`You received this email because you said yes to “${eventTitle}”, a joint event of ${companies[0]} and ${companies[1]}.`}
    >
      <EmailHeading>{`“${eventTitle}” is ${inHowLong(daysBefore)}`}</EmailHeading>
      <EmailText>{`${inviteeName ? `Hi ${inviteeName}, a` : "A"} quick reminder: you're going to “${eventTitle}”, the joint event of ${companies[0]} and ${companies[1]}. The calendar invitation is attached.`}</EmailText>
      <EmailText>{`When: ${when}`}</EmailText>
      <EmailText>{`Where: ${where}`}</EmailText>
      {details.map((line) => (
        <EmailText key={line}>{line}</EmailText>
      ))}
      <EmailText muted>
        {changeableUntil
          ? `Can't make it after all? Please change your answer by ${changeableUntil}, so someone else can have your place.`
          : "Answers are closed now, but your page still shows your answer and the details."}
      </EmailText>
      <EmailButton href={rsvpUrl}>{changeableUntil ? "See or change your answer" : "See your answer"}</EmailButton>
      <EmailFallbackLink href={rsvpUrl} />
      <EmailText muted>Show this code at the door to check in:</EmailText>
      <Img src={checkInQrUrl} width="160" height="160" alt={`Check-in code for ${inviteeName || "you"} at ${eventTitle}`} />
    </EmailLayout>
  );
}
