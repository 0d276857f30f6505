import { EmailButton, EmailFallbackLink, EmailHeading, EmailLayout, EmailText } from "./components/email-layout";

export type InvitationRole = "owner" | "admin" | "manager" | "member";

const roleCopy: Record<InvitationRole, { asRole: string; canDo: string }> = {
  owner: { asRole: "an owner", canDo: "Owners can do everything, including billing." },
  admin: { asRole: "an admin", canDo: "Admins manage members and all partnerships." },
  manager: { asRole: "a manager", canDo: "Managers plan joint events and partnerships." },
  member: { asRole: "a member", canDo: "Members see and join events." },
};

// Recipients may be in any time zone, so the deadline is stated in UTC rather than guessed.
const expiryFormat = new Intl.DateTimeFormat("en-US", {
  dateStyle: "long",
  timeStyle: "short",
  timeZone: "UTC",
});

export function teammateInvitationSubject(organizationName: string, inviterName: string): string {
  return `${inviterName} invited you to join ${organizationName} on Rapport`;
}

export type TeammateInvitationEmailProps = {
  organizationName: string;
  inviterName: string;
  role: InvitationRole;
  acceptUrl: string;
  expiresAt: Date;
};

export default function TeammateInvitationEmail({
  organizationName,
  inviterName,
  role,
  acceptUrl,
  expiresAt,
}: TeammateInvitationEmailProps) {
  const { asRole, canDo } = roleCopy[role];
  const expiry = `${expiryFormat.format(expiresAt)} UTC`;
  return (
    <EmailLayout
      preview={`${inviterName} invited you to join ${organizationName} on Rapport.`}
      reason={`You received this email because ${inviterName} invited this address to join ${organizationName} on Rapport.`}
    >
      <EmailHeading>{`Join ${organizationName} on Rapport`}</EmailHeading>
      <EmailText>{`${inviterName} invited you to join ${organizationName} as ${asRole}. ${canDo}`}</EmailText>
      <EmailButton href={acceptUrl}>{`Join ${organizationName} on Rapport`}</EmailButton>
      <EmailText>{`This invitation expires on ${expiry}.`}</EmailText>
      <EmailFallbackLink href={acceptUrl} />
      <EmailText muted>If you weren't expecting this invitation, you can ignore this email.</EmailText>
    </EmailLayout>
  );
}
