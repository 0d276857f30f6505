import { render } from "@react-email/render";
import type { ReactElement } from "react";
import { describe, expect, test } from "vitest";
import PartnershipEndedEmail, { partnershipEndedSubject } from "#emails/partnership-ended";
import PartnershipInvitationEmail, { partnershipInvitationSubject } from "#emails/partnership-invitation";
import PartnershipResponseEmail, { partnershipResponseSubject } from "#emails/partnership-response";

async function renderBothWays(element: ReactElement) {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  // React escapes "&" and "'" in markup, so copy is compared against the unescaped HTML.
  return { html: html.replaceAll("&#x27;", "'").replaceAll("&amp;", "&"), text };
}

describe("PartnershipInvitationEmail", () => {
  const invitationUrl = "https://rapport.test/partnerships/invitations/p_123";

  test("says who invites, quotes the message, and links to the invitation", async () => {
    const { html, text } = await renderBothWays(
      <PartnershipInvitationEmail initiatorName="Acme Analytics" inviterName="Sam Patel" message={"Loved the game!\nMore?"} invitationUrl={invitationUrl} />,
    );

    expect(html).toContain(`href="${invitationUrl}"`);
    expect(html).toContain("<blockquote");
    expect(html).toContain("Acme Analytics would like to plan joint events with your company");
    expect(text).toContain("> Loved the game!\n> More?");
    for (const output of [html, text]) {
      expect(output).toContain("Sam Patel at Acme Analytics invited your company");
      expect(output).toContain("Loved the game!");
      expect(output).toContain("— Sam Patel");
      expect(output).toContain(invitationUrl);
    }
  });

  test("leaves the quote out when there is no message", async () => {
    const { html } = await renderBothWays(<PartnershipInvitationEmail initiatorName="Acme" inviterName="Sam" message="" invitationUrl={invitationUrl} />);

    expect(html).not.toContain("<blockquote");
  });

  test("has the subject the contact expects", () => {
    expect(partnershipInvitationSubject("Acme Analytics")).toBe("Acme Analytics would like to plan joint events with your company on Rapport");
  });
});

describe("PartnershipResponseEmail", () => {
  const workspaceUrl = "https://rapport.test/o/acme/partners/p_123";

  test("an acceptance names the partner and links to the partnership", async () => {
    const response = { outcome: "accepted", partnerName: "Globex Logistics" } as const;
    const { text } = await renderBothWays(<PartnershipResponseEmail response={response} initiatorName="Acme Analytics" workspaceUrl={workspaceUrl} />);

    expect(partnershipResponseSubject(response)).toBe("Globex Logistics accepted your partnership invitation");
    expect(text).toContain("Acme Analytics and Globex Logistics are now partners.");
    expect(text).toContain(workspaceUrl);
  });

  test("a decline names the address it was sent to", async () => {
    const response = { outcome: "declined", contactEmail: "jordan@globex.example" } as const;
    const { text } = await renderBothWays(<PartnershipResponseEmail response={response} initiatorName="Acme Analytics" workspaceUrl={workspaceUrl} />);

    expect(partnershipResponseSubject(response)).toBe("Your partnership invitation to jordan@globex.example was declined");
    expect(text).toContain("jordan@globex.example declined the invitation to plan joint events with Acme Analytics.");
  });
});

describe("PartnershipEndedEmail", () => {
  test("says who ended it and that history stays readable", async () => {
    const { text } = await renderBothWays(
      <PartnershipEndedEmail endedByName="Acme Analytics" recipientCompanyName="Globex Logistics" workspaceUrl="https://rapport.test/o/globex/partners/p_1" />,
    );

    expect(partnershipEndedSubject("Acme Analytics", "Globex Logistics")).toBe("Acme Analytics ended its partnership with Globex Logistics on Rapport");
    expect(text).toContain("Acme Analytics ended its partnership with Globex Logistics.");
    expect(text).toContain("stay readable");
    expect(text).toContain("https://rapport.test/o/globex/partners/p_1");
  });
});
