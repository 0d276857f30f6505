import { EmailButton, EmailHeading, EmailLayout, EmailText } from "./components/email-layout";

export type RsvpNudgeEmailProps = {
  inviteeName: string;
  eventTitle: string;
  companies: [string, string];
  when: string;
  where: string;
  /** When answers close, in the event's zone. */
  deadline: string;
  /** Each opens the RSVP page with that answer chosen; nothing is recorded until it is confirmed there. */
  answerUrls: { yes: string; no: string; maybe: string };
};

export function rsvpNudgeSubject(eventTitle: string): string {
  return `Can you come to “${eventTitle}”? Please answer`;
}

const answers = [
  { answer: "yes", label: "Yes, I'll come" },
  { answer: "maybe", label: "Maybe" },
  { answer: "no", label: "No, I can't" },
] as const;

export default function RsvpNudgeEmail({ inviteeName, eventTitle, companies, when, where, deadline, answerUrls }: RsvpNudgeEmailProps) {
  return (
    <EmailLayout
      preview={`Please answer by ${deadline}: it takes one tap.`}
      reason={`You received this email because you were invited to “${eventTitle}”, a joint event of ${companies[0]} and ${companies[1]}, and haven't answered yet.`}
    >
      <EmailHeading>{`Can you come to “${eventTitle}”?`}</EmailHeading>
      <EmailText>{`${inviteeName ? `Hi ${inviteeName}, you` : "You"} haven't answered the invitation to “${eventTitle}”, the joint event of ${companies[0]} and ${companies[1]}, yet. Please answer by ${deadline}, so the organisers know how many people to expect.`}</EmailText>
      <EmailText>{`When: ${when}`}</EmailText>
      <EmailText>{`Where: ${where}`}</EmailText>
      {/* One under another: three side by side don't fit a phone's width. */}
      {answers.map(({ answer, label }) => (
        <EmailButton key={answer} href={answerUrls[answer]}>
          {label}
        </EmailButton>
      ))}
      <EmailText muted>Each button opens a page where you confirm your answer: nothing is recorded until you do.</EmailText>
    </EmailLayout>
  );
}
