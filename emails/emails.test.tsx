import { render } from "@react-email/render";
import type { ReactElement } from "react";
import { describe, expect, it } from "vitest";
import SignInLinkEmail, { signInLinkSubject } from "#emails/sign-in-link";
import TeammateInvitationEmail, { teammateInvitationSubject } from "#emails/teammate-invitation";

async function renderBothWays(element: ReactElement) {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { html, text };
}

// React escapes "&" and "'" in markup, so copy is compared against the unescaped HTML.
function unescapeHtml(html: string) {
  return html.replaceAll("&#x27;", "'").replaceAll("&amp;", "&");
}

describe("SignInLinkEmail", () => {
  const url = "https://rapport.test/auth/verify?token=abc123&email=ada%40example.com";

  it("renders the link and key copy as HTML and as plain text", async () => {
    const { html, text } = await renderBothWays(<SignInLinkEmail url={url} expiresInMinutes={15} />);

    expect(html).toContain('lang="en"');
    expect(unescapeHtml(html)).toContain(`href="${url}"`);
    expect(text).toContain(url);

    for (const output of [unescapeHtml(html), text]) {
      expect(output).toContain("Sign in to Rapport");
      expect(output).toContain("expires in 15 minutes and can be used once");
      expect(output).toContain("If you didn't ask for this, you can ignore this email.");
      expect(output).toContain("Rapport · partnerships built face to face");
      expect(output).toContain("someone asked to sign in to Rapport with this address");
    }
  });

  it("has a fixed subject", () => {
    expect(signInLinkSubject).toBe("Your Rapport sign-in link");
  });
});

describe("TeammateInvitationEmail", () => {
  const acceptUrl = "https://rapport.test/invitations/inv_123/accept?token=xyz&ref=email";
  const props = {
    organizationName: "Acme Outdoors",
    inviterName: "Grace Hopper",
    acceptUrl,
    expiresAt: new Date("2030-06-05T14:00:00Z"),
  };

  it("renders the link and key copy as HTML and as plain text", async () => {
    const { html, text } = await renderBothWays(<TeammateInvitationEmail {...props} role="manager" />);

    expect(unescapeHtml(html)).toContain(`href="${acceptUrl}"`);
    expect(text).toContain(acceptUrl);

    for (const output of [unescapeHtml(html), text]) {
      expect(output).toContain("Join Acme Outdoors on Rapport");
      expect(output).toContain("Grace Hopper invited you to join Acme Outdoors as a manager.");
      expect(output).toContain("Managers plan joint events and partnerships.");
      expect(output).toContain("June 5, 2030");
      expect(output).toContain("UTC");
      expect(output).toContain("Rapport · partnerships built face to face");
      expect(output).toContain("Grace Hopper invited this address to join Acme Outdoors");
    }
  });

  it.each([
    ["owner", "as an owner", "Owners can do everything, including billing."],
    ["admin", "as an admin", "Admins manage members and all partnerships."],
    ["member", "as a member", "Members see and join events."],
  ] as const)("explains what the %s role can do", async (role, asRole, canDo) => {
    const text = await render(<TeammateInvitationEmail {...props} role={role} />, { plainText: true });

    expect(text).toContain(asRole);
    expect(text).toContain(canDo);
  });

  it("names the inviter and organization in the subject", () => {
    expect(teammateInvitationSubject("Acme Outdoors", "Grace Hopper")).toBe(
      "Grace Hopper invited you to join Acme Outdoors on Rapport",
    );
  });
});
