import { EmailButton, EmailFallbackLink, EmailHeading, EmailLayout, EmailText } from "./components/email-layout";

export const signInLinkSubject = "Your Rapport sign-in link";

export type SignInLinkEmailProps = {
  url: string;
  expiresInMinutes: number;
};

export default function SignInLinkEmail({ url, expiresInMinutes }: SignInLinkEmailProps) {
  const minutes = expiresInMinutes === 1 ? "1 minute" : `${expiresInMinutes} minutes`;
  return (
    <EmailLayout
      preview={`Your sign-in link expires in ${minutes}.`}
      reason="You received this email because someone asked to sign in to Rapport with this address."
    >
      <EmailHeading>Sign in to Rapport</EmailHeading>
      <EmailText>Use the button below to sign in. No password needed.</EmailText>
      <EmailButton href={url}>Sign in to Rapport</EmailButton>
      <EmailText>{`This link expires in ${minutes} and can be used once.`}</EmailText>
      <EmailFallbackLink href={url} />
      <EmailText muted>If you didn't ask for this, you can ignore this email.</EmailText>
    </EmailLayout>
  );
}
