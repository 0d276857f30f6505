import { Link, Section } from "@react-email/components";
import { EmailHeading, EmailLayout, EmailText, emailColors } from "./components/email-layout";

export type CommentDigestItem = {
  eventTitle: string;
  authorName: string;
  companyName: string;
  excerpt: string;
  url: string;
};

export function planningCommentDigestSubject(count: number): string {
  return count === 1 ? "You were mentioned in a comment on Rapport" : `You were mentioned in ${count} comments on Rapport`;
}

export type PlanningCommentDigestEmailProps = { recipientName: string; items: CommentDigestItem[] };

/** Every comment that mentioned the recipient since their last digest; at most one digest an hour. */
export default function PlanningCommentDigestEmail({ recipientName, items }: PlanningCommentDigestEmailProps) {
  const count = items.length === 1 ? "a comment" : `${items.length} comments`;
  return (
    <EmailLayout
      preview={`${items[0]?.authorName ?? "Someone"} mentioned you on Rapport.`}
      reason="You received this email because someone mentioned you in a comment on a joint event. Mentions are gathered into at most one email an hour."
    >
      <EmailHeading>{`You were mentioned in ${count}`}</EmailHeading>
      <EmailText>{`Hi ${recipientName}, here's what people said while planning your joint events.`}</EmailText>
      {items.map((item) => (
        <Section key={item.url} style={{ borderLeft: `3px solid ${emailColors.border}`, paddingLeft: "12px", margin: "0 0 20px" }}>
          <EmailText muted>{`${item.authorName} (${item.companyName}) on “${item.eventTitle}”:`}</EmailText>
          <EmailText>{item.excerpt}</EmailText>
          <Link href={item.url} style={{ color: emailColors.brand, textDecoration: "underline", wordBreak: "break-all" }}>
            Open the discussion
          </Link>
        </Section>
      ))}
    </EmailLayout>
  );
}
