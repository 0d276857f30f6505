import { render } from "@react-email/render";
import { describe, expect, test } from "vitest";
import EventInvitationEmail, { eventInvitationSubject, type EventInvitationEmailProps } from "#emails/event-invitation";

const props: EventInvitationEmailProps = {
  greeting: "Hi Ada,",
  companies: ["Acme", "Globex"],
  eventTitle: "Jazz night",
  description: "A table for both teams, then the late set.",
  when: "Sat 14 Mar 2031, 18:00–21:00 (America/New_York)",
  where: "Blue Note, 131 W 3rd St",
  deadline: "Fri 7 Mar 2031, 17:00 (America/New_York)",
  seats: "Acme has 20 seats for its people; 12 are left.",
  answerUrls: { yes: "https://rapport.test/rsvp/e1/t1?answer=yes", no: "https://rapport.test/rsvp/e1/t1?answer=no", maybe: "https://rapport.test/rsvp/e1/t1?answer=maybe" },
  invitationUrl: "https://rapport.test/rsvp/e1/t1",
  calendar: { google: "https://calendar.google.com/calendar/render?x=1", outlook: "https://outlook.office.com/calendar/deeplink/compose?x=1", ics: "https://rapport.test/rsvp/e1/t1/calendar.ics" },
};

describe("the invitation email", () => {
  test("names both companies, what, when in the event's zone, where, the seats, and the deadline", async () => {
    const text = await render(<EventInvitationEmail {...props} />, { plainText: true });
    expect(eventInvitationSubject("Jazz night", "Globex")).toBe("You're invited: Jazz night with Globex");
    expect(text).toContain("Hi Ada,");
    expect(text).toContain("Acme and Globex invite you to Jazz night.");
    expect(text).toContain("A table for both teams, then the late set.");
    expect(text).toContain("When: Sat 14 Mar 2031, 18:00–21:00 (America/New_York)");
    expect(text).toContain("Where: Blue Note, 131 W 3rd St");
    expect(text).toContain("Acme has 20 seats for its people; 12 are left.");
    expect(text).toContain("Please answer by Fri 7 Mar 2031, 17:00 (America/New_York).");
  });

  test("answers with one tap: Yes, No and Maybe link to the invitee's RSVP page with the answer preselected", async () => {
    const html = await render(<EventInvitationEmail {...props} />);
    const text = await render(<EventInvitationEmail {...props} />, { plainText: true });
    for (const url of Object.values(props.answerUrls)) {
      expect(html).toContain(`href="${url}"`);
      expect(text).toContain(url);
    }
    expect(html).toMatch(/Yes, I(&#x27;|')ll come/);
    expect(html).toContain("Maybe");
    expect(html).toMatch(/No, I can(&#x27;|')t/);
    expect(text).toContain(props.invitationUrl);
  });

  test("offers Google, Outlook and an .ics file instead of an attachment", async () => {
    const html = await render(<EventInvitationEmail {...props} />);
    expect(html).toContain(`href="${props.calendar.google.replace("&", "&amp;")}"`);
    expect(html).toContain(`href="${props.calendar.outlook}"`);
    expect(html).toContain(`href="${props.calendar.ics}"`);
  });

  test("leaves out what does not apply: no description, no deadline, no seat limit", async () => {
    const text = await render(<EventInvitationEmail {...props} description="" deadline={null} seats={null} />, { plainText: true });
    expect(text).toContain("Will you come?");
    expect(text).not.toContain("Please answer by");
    expect(text).not.toContain("seats");
  });
});
