import { EmailButton, EmailFallbackLink, EmailHeading, EmailLayout, EmailText } from "./components/email-layout";

export function pollInvitationSubject(askerCompanyName: string, partnerCompanyName: string): string {
  return `Quick question from ${askerCompanyName} and ${partnerCompanyName}: what would you enjoy?`;
}

export type PollInvitationEmailProps = {
  askerName: string;
  askerCompanyName: string;
  partnerCompanyName: string;
  /** The recipient's own company, of the two. */
  recipientCompanyName: string;
  question: string;
  options: string[];
  url: string;
};

export default function PollInvitationEmail({ askerName, askerCompanyName, partnerCompanyName, recipientCompanyName, question, options, url }: PollInvitationEmailProps) {
  return (
    <EmailLayout
      preview={`${question} One click, and it helps plan a joint event.`}
      reason={`You received this email because you're part of ${recipientCompanyName}, and ${askerName} asked everyone at ${askerCompanyName} and ${partnerCompanyName}.`}
    >
      <EmailHeading>{question}</EmailHeading>
      <EmailText>{`${askerName} at ${askerCompanyName} is planning a joint event with ${partnerCompanyName} and would like to know what you'd enjoy. The choices: ${options.join(", ")}.`}</EmailText>
      <EmailText muted>Answers are counted per company. Both companies see the totals; nobody sees who answered what.</EmailText>
      <EmailButton href={url}>Answer the poll</EmailButton>
      <EmailFallbackLink href={url} />
    </EmailLayout>
  );
}
