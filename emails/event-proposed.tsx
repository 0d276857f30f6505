import { Column, Row, Section } from "@react-email/components";
import { EmailButton, EmailFallbackLink, EmailHeading, EmailLayout, EmailText, emailColors } from "./components/email-layout";

export type EventProposedEmailProps = {
  eventTitle: string;
  proposerCompany: string;
  recipientCompany: string;
  actorName: string;
  /** "Sat 14 Mar 2027, 18:00–21:00 (America/New_York)": already in the event's zone. */
  when: string;
  venue: string;
  eventUrl: string;
  /** Set when an approved or proposed plan changed: what is different now. */
  changes: { label: string; before: string; after: string }[] | null;
};

export function eventProposedSubject(proposerCompany: string, eventTitle: string, changed: boolean): string {
  return changed ? `${proposerCompany} changed “${eventTitle}”: please approve it again` : `${proposerCompany} proposed “${eventTitle}”: please review it`;
}

export default function EventProposedEmail({ eventTitle, proposerCompany, recipientCompany, actorName, when, venue, eventUrl, changes }: EventProposedEmailProps) {
  const changed = changes !== null;
  return (
    <EmailLayout
      preview={changed ? `${actorName} changed ${eventTitle}. It needs both companies' approval again.` : `${actorName} proposed ${eventTitle}. Review it and approve it for ${recipientCompany}.`}
      reason={`You received this email because you plan joint events for ${recipientCompany} on Rapport.`}
    >
      <EmailHeading>{changed ? `“${eventTitle}” changed` : `${proposerCompany} proposed “${eventTitle}”`}</EmailHeading>
      <EmailText>
        {changed
          ? `${actorName} (${proposerCompany}) changed the plan. The event is confirmed only when both companies approve the new version, so it needs ${recipientCompany}'s approval again.`
          : `${actorName} (${proposerCompany}) proposed this joint event. It is confirmed when both companies approve it.`}
      </EmailText>
      <EmailText>{`When: ${when}`}</EmailText>
      <EmailText>{`Where: ${venue}`}</EmailText>
      {changes?.length ? (
        <Section style={{ margin: "0 0 16px" }}>
          {changes.map((change) => (
            <Row key={`${change.label}:${change.after}`} style={{ borderTop: `1px solid ${emailColors.border}` }}>
              <Column style={{ padding: "8px 0", color: emailColors.text, fontSize: "14px", lineHeight: "22px" }}>
                {`${change.label}: ${change.before} → ${change.after}`}
              </Column>
            </Row>
          ))}
        </Section>
      ) : null}
      <EmailButton href={eventUrl}>{changed ? "Review the changes" : "Review the event"}</EmailButton>
      <EmailFallbackLink href={eventUrl} />
    </EmailLayout>
  );
}
