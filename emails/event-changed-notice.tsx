import { Column, Row, Section } from "@react-email/components";
import { EmailButton, EmailFallbackLink, EmailHeading, EmailLayout, EmailText, emailColors } from "./components/email-layout";

export type EventChangedNoticeEmailProps = {
  inviteeName: string;
  eventTitle: string;
  companies: [string, string];
  /** The new plan, in the event's zone. */
  when: string;
  where: string;
  /** What differs from the plan the invitee was last told about; empty when that isn't known. */
  changes: { label: string; before: string; after: string }[];
  /** Their plus-one, shift and answers as they stand now, one line each. */
  details: string[];
  /** Whether the invitee holds a place or a waitlist spot (rather than maybe or no answer). */
  saidYes: boolean;
  rsvpUrl: string;
  /** Until when the answer can still change, in the event's zone; null once answers are closed. */
  changeableUntil: string | null;
};

export function eventChangedNoticeSubject(eventTitle: string, changes: { label: string }[]): string {
  const when = changes.some((change) => change.label === "When");
  const where = changes.some((change) => change.label !== "When" && !change.label.startsWith("Shift"));
  const what = when && where ? "a new time and place" : when ? "a new date or time" : where ? "a new place" : "an updated plan";
  return `Changed: “${eventTitle}” has ${what}`;
}

export default function EventChangedNoticeEmail(props: EventChangedNoticeEmailProps) {
  const { inviteeName, eventTitle, companies, when, where, changes, details, saidYes, rsvpUrl, changeableUntil } = props;
  return (
    <EmailLayout
      preview={`${companies[0]} and ${companies[1]} changed the plan for ${eventTitle}. Here's what's different.`}
      reason={`You received this email because you were invited to “${eventTitle}”, a joint event of ${companies[0]} and ${companies[1]}.`}
    >
      <EmailHeading>{`“${eventTitle}” has changed`}</EmailHeading>
      <EmailText>
        {`${inviteeName ? `Hi ${inviteeName}, ${companies[0]}` : companies[0]} and ${companies[1]} have agreed a new plan for “${eventTitle}”. ${
          changes.length ? "Here's what changed:" : "Here are the latest details."
        }`}
      </EmailText>
      {changes.length ? (
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
      <EmailText>{`When: ${when}`}</EmailText>
      <EmailText>{`Where: ${where}`}</EmailText>
      {details.map((line) => (
        <EmailText key={line}>{line}</EmailText>
      ))}
      <EmailText muted>The updated calendar invitation is attached: opening it updates the entry in your calendar.</EmailText>
      <EmailText muted>
        {changeableUntil
          ? `${saidYes ? "Still coming? Nothing to do. If the new plan doesn't work for you" : "If the new plan changes your answer"}, please update it by ${changeableUntil}.`
          : "Answers are closed now, but your page shows your answer and the latest details."}
      </EmailText>
      <EmailButton href={rsvpUrl}>{changeableUntil ? "See or change your answer" : "See your answer"}</EmailButton>
      <EmailFallbackLink href={rsvpUrl} />
    </EmailLayout>
  );
}
