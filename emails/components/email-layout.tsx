import {
  Body,
  Button,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Link,
  Preview,
  Section,
  Text,
} from "@react-email/components";
import type { ReactNode } from "react";

// Email clients ignore external stylesheets, so the product's look is repeated here as inline styles.
export const emailColors = {
  brand: "#4338ca",
  background: "#f8fafc",
  card: "#ffffff",
  border: "#e2e8f0",
  text: "#0f172a",
  mutedText: "#475569",
} as const;

const fontFamily = '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

export type EmailLayoutProps = {
  /** Inbox preview line shown next to the subject; not part of the visible body. */
  preview: string;
  /** Why the recipient got this email, shown in the footer. */
  reason: string;
  children: ReactNode;
};

export function EmailLayout({ preview, reason, children }: EmailLayoutProps) {
  return (
    <Html lang="en" dir="ltr">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: emailColors.background, fontFamily, margin: 0, padding: "24px 12px" }}>
        <Container style={{ maxWidth: "560px", margin: "0 auto" }}>
          <Text style={{ color: emailColors.brand, fontSize: "20px", fontWeight: 700, margin: "0 0 16px" }}>
            Rapport
          </Text>
          <Section
            style={{
              backgroundColor: emailColors.card,
              border: `1px solid ${emailColors.border}`,
              borderRadius: "12px",
              padding: "32px 28px",
            }}
          >
            {children}
          </Section>
          <Hr style={{ borderColor: emailColors.border, margin: "24px 0 16px" }} />
          <Text style={{ color: emailColors.mutedText, fontSize: "13px", lineHeight: "20px", margin: "0 0 8px" }}>
            {reason}
          </Text>
          <Text style={{ color: emailColors.mutedText, fontSize: "13px", lineHeight: "20px", margin: 0 }}>
            Rapport · partnerships built face to face
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

export function EmailHeading({ children }: { children: ReactNode }) {
  return (
    <Heading
      as="h1"
      style={{ color: emailColors.text, fontSize: "22px", lineHeight: "30px", fontWeight: 700, margin: "0 0 16px" }}
    >
      {children}
    </Heading>
  );
}

export function EmailText({ children, muted = false }: { children: ReactNode; muted?: boolean }) {
  return (
    <Text
      style={{
        color: muted ? emailColors.mutedText : emailColors.text,
        fontSize: muted ? "14px" : "16px",
        lineHeight: muted ? "22px" : "24px",
        margin: "0 0 16px",
      }}
    >
      {children}
    </Text>
  );
}

/** A link styled as a button; react-email's Button adds the padding hacks Outlook needs. */
export function EmailButton({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Section style={{ margin: "8px 0 24px" }}>
      <Button
        href={href}
        style={{
          backgroundColor: emailColors.brand,
          borderRadius: "8px",
          color: "#ffffff",
          fontSize: "16px",
          fontWeight: 600,
          lineHeight: "24px",
          padding: "12px 20px",
          textDecoration: "none",
        }}
      >
        {children}
      </Button>
    </Section>
  );
}

/** Spells out the URL for clients that block buttons or for copying into another browser. */
export function EmailFallbackLink({ href }: { href: string }) {
  return (
    <EmailText muted>
      If the button doesn't work, copy this link into your browser:{" "}
      <Link href={href} style={{ color: emailColors.brand, textDecoration: "underline", wordBreak: "break-all" }}>
        {href}
      </Link>
    </EmailText>
  );
}
