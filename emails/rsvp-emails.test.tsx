import { render } from "@react-email/render";
import { describe, expect, test } from "vitest";
import RsvpConfirmationEmail, { rsvpConfirmationSubject, type RsvpConfirmationEmailProps } from "#emails/rsvp-confirmation";
import WaitlistPromotedEmail, { waitlistPromotedSubject } from "#emails/waitlist-promoted";

const base: Omit<RsvpConfirmationEmailProps, "outcome"> = {
  inviteeName: "Ada",
  eventTitle: "Jazz night",
  companies: ["Acme", "Globex"],
  when: "Sat 14 Mar 2027, 18:00–21:00 (America/New_York)",
  where: "Blue Note, 131 W 3rd St",
  details: ["Plus-one: Sam", "Any dietary needs? Vegan"],
  rsvpUrl: "https://rapport.test/rsvp/evt_1/token",
  deadline: "Fri 13 Mar 2027, 12:00 (America/New_York)",
};

describe("RSVP emails", () => {
  test("a yes confirms the place, repeats the details, links back to change it and shows the check-in code with alt text", async () => {
    const outcome = { status: "attending", checkInQrUrl: "https://rapport.test/check-in/inv_1/qr.png" } as const;
    const html = await render(<RsvpConfirmationEmail {...base} outcome={outcome} />);
    const text = await render(<RsvpConfirmationEmail {...base} outcome={outcome} />, { plainText: true });
    expect(rsvpConfirmationSubject("Jazz night", outcome)).toBe("You're going to “Jazz night”");
    expect(text).toContain("YOU'RE GOING, ADA");
    expect(text).toContain(`When: ${base.when}`);
    expect(text).toContain("Plus-one: Sam");
    expect(text).toContain("You can change your answer until Fri 13 Mar 2027, 12:00 (America/New_York).");
    expect(text).toContain(base.rsvpUrl);
    expect(html).toContain('src="https://rapport.test/check-in/inv_1/qr.png"');
    expect(html).toContain('alt="Check-in code for Ada at Jazz night"');
  });

  test("the waitlist, maybe and no say where the invitee stands, without a check-in code", async () => {
    const waitlisted = { status: "waitlisted", company: "Acme", position: 3 } as const;
    expect(rsvpConfirmationSubject("Jazz night", waitlisted)).toBe("You're #3 on the waitlist for “Jazz night”");
    const waitlistText = await render(<RsvpConfirmationEmail {...base} outcome={waitlisted} />, { plainText: true });
    expect(waitlistText).toContain("you're #3 on Acme's waitlist");
    expect(rsvpConfirmationSubject("Jazz night", { status: "declined" })).toBe("You've declined “Jazz night”");
    const declined = await render(<RsvpConfirmationEmail {...base} outcome={{ status: "declined" }} />);
    expect(declined).toContain("Thanks, you&#x27;ve declined");
    expect(declined).not.toContain("qr.png");
    expect(await render(<RsvpConfirmationEmail {...base} outcome={{ status: "maybe" }} />, { plainText: true })).toContain("A maybe doesn't hold a place");
  });

  test("a promotion says the place is theirs and how to give it back", async () => {
    const text = await render(
      <WaitlistPromotedEmail {...base} company="Acme" checkInQrUrl="https://rapport.test/check-in/inv_1/qr.png" />,
      { plainText: true },
    );
    expect(waitlistPromotedSubject("Jazz night")).toBe("You're in: a place opened up for “Jazz night”");
    expect(text).toContain("A place opened up on Acme's list");
    expect(text).toContain("so the next person on the waitlist gets your place");
    expect(text).toContain(base.rsvpUrl);
  });
});
