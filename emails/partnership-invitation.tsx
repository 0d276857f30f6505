import { Text } from "@react-email/components";
import { Fragment } from "react";
import { EmailButton, emailColors, EmailFallbackLink, EmailHeading, EmailLayout, EmailText } from "./components/email-layout";

export function partnershipInvitationSubject(initiatorName: string): string {
  return `${initiatorName} would like to plan joint events with your company on Rapport`;
}

export type PartnershipInvitationEmailProps = {
  initiatorName: string;
  inviterName: string;
  /** The inviter's own words; empty when they wrote none. */
  message: string;
  invitationUrl: string;
};

export default function PartnershipInvitationEmail({ initiatorName, inviterName, message, invitationUrl }: PartnershipInvitationEmailProps) {
  return (
    <EmailLayout
      preview={`${inviterName} at ${initiatorName} invited your company to plan outings and volunteer days together.`}
      reason={`You received this email because ${inviterName} at ${initiatorName} invited this address to partner with them on Rapport.`}
    >
      <EmailHeading>{`${initiatorName} would like to plan joint events with your company`}</EmailHeading>
      <EmailText>
        {`${inviterName} at ${initiatorName} invited your company to a partnership on Rapport, where two companies plan outings and volunteer days together, as equals.`}
      </EmailText>
      {message ? <QuotedMessage author={inviterName} message={message} /> : null}
      <EmailButton href={invitationUrl}>See the invitation</EmailButton>
      <EmailText>You can accept for your company, create your company on Rapport first, or decline.</EmailText>
      <EmailFallbackLink href={invitationUrl} />
      <EmailText muted>If you weren't expecting this invitation, you can ignore this email.</EmailText>
    </EmailLayout>
  );
}

function QuotedMessage({ author, message }: { author: string; message: string }) {
  return (
    <blockquote style={{ borderLeft: `4px solid ${emailColors.border}`, margin: "0 0 16px", padding: "4px 0 4px 16px" }}>
      <Text style={{ color: emailColors.text, fontSize: "16px", lineHeight: "24px", margin: "0 0 4px" }}>
        {message.split(/\r?\n/).map((line, index) => (
          <Fragment key={index}>
            {index > 0 ? <br /> : null}
            {line}
          </Fragment>
        ))}
      </Text>
      <Text style={{ color: emailColors.mutedText, fontSize: "14px", lineHeight: "22px", margin: 0 }}>{`— ${author}`}</Text>
    </blockquote>
  );
}
