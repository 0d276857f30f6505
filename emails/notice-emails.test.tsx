import { render } from "@react-email/render";
import { describe, expect, test } from "vitest";
import EventCancelledNoticeEmail, { eventCancelledNoticeSubject } from "#emails/event-cancelled-notice";
import EventChangedNoticeEmail, { eventChangedNoticeSubject } from "#emails/event-changed-notice";
import EventReminderEmail, { eventReminderSubject } from "#emails/event-reminder";
import RsvpNudgeEmail, { rsvpNudgeSubject } from "#emails/rsvp-nudge";

const companies: [string, string] = ["Acme", "Globex"];
const when = "Sat 14 Mar 2027, 18:00–21:00 (America/New_York)";
const rsvpUrl = "https://rapport.test/rsvp/evt_1/inv_1.abc.1.sig";

describe("invitee notices", () => {
  test("a reminder says when it is in plain words, with the details, the way to change the answer and the check-in code", async () => {
    const props = { inviteeName: "Ada", eventTitle: "Jazz night", companies, when, where: "Blue Note, 131 W 3rd St", details: ["Plus-one: Sam"], rsvpUrl, checkInQrUrl: "https://rapport.test/check-in/inv_1/qr.png" };
    const tomorrow = await render(<EventReminderEmail {...props} daysBefore={1} changeableUntil="Sat 14 Mar 2027, 12:00 (America/New_York)" />, { plainText: true });
    expect(eventReminderSubject("Jazz night", 1)).toBe("Reminder: “Jazz night” is tomorrow");
    expect(eventReminderSubject("Jazz night", 7)).toBe("Reminder: “Jazz night” is in 7 days");
    expect(tomorrow).toContain("Hi Ada, a quick reminder: you're going to “Jazz night”, the joint event of Acme and Globex.");
    expect(tomorrow).toContain(`When: ${when}`);
    expect(tomorrow).toContain("Plus-one: Sam");
    expect(tomorrow).toContain("Please change your answer by Sat 14 Mar 2027, 12:00 (America/New_York)");
    expect(tomorrow).toContain(rsvpUrl);

    const closed = await render(<EventReminderEmail {...props} daysBefore={1} changeableUntil={null} />);
    expect(closed).toContain("Answers are closed now");
    expect(closed).toContain('alt="Check-in code for Ada at Jazz night"');
  });

  test("a nudge offers Yes, Maybe and No, each opening the page that confirms it", async () => {
    const answerUrls = { yes: `${rsvpUrl}?answer=yes`, no: `${rsvpUrl}?answer=no`, maybe: `${rsvpUrl}?answer=maybe` };
    const text = await render(<RsvpNudgeEmail inviteeName="" eventTitle="Jazz night" companies={companies} when={when} where="Blue Note" deadline="Thu 12 Mar 2027, 17:00 (America/New_York)" answerUrls={answerUrls} />, { plainText: true });
    expect(rsvpNudgeSubject("Jazz night")).toBe("Can you come to “Jazz night”? Please answer");
    expect(text).toContain("You haven't answered the invitation to “Jazz night”, the joint event of Acme and Globex, yet. Please answer by Thu 12 Mar 2027, 17:00 (America/New_York)");
    for (const [label, url] of [["Yes, I'll come", answerUrls.yes], ["Maybe", answerUrls.maybe], ["No, I can't", answerUrls.no]]) {
      expect(text).toContain(`${label} ${url}`);
    }
    expect(text).toContain("nothing is recorded until you do");
  });

  test("a change notice lists before → after and names what changed in the subject", async () => {
    const changes = [{ label: "When", before: when, after: "Sun 15 Mar 2027, 18:00–21:00 (America/New_York)" }];
    const text = await render(
      <EventChangedNoticeEmail inviteeName="Ada" eventTitle="Jazz night" companies={companies} when={changes[0]!.after} where="Blue Note" changes={changes} details={[]} saidYes rsvpUrl={rsvpUrl} changeableUntil="Sun 15 Mar 2027, 12:00 (America/New_York)" />,
      { plainText: true },
    );
    expect(text).toContain(`When: ${when} → Sun 15 Mar 2027, 18:00–21:00 (America/New_York)`);
    expect(text).toContain("Still coming? Nothing to do.");
    expect(eventChangedNoticeSubject("Jazz night", changes)).toBe("Changed: “Jazz night” has a new date or time");
    expect(eventChangedNoticeSubject("Jazz night", [...changes, { label: "Venue" }])).toBe("Changed: “Jazz night” has a new time and place");
    expect(eventChangedNoticeSubject("Jazz night", [{ label: "Online link" }])).toBe("Changed: “Jazz night” has a new place");
    expect(eventChangedNoticeSubject("Jazz night", [])).toBe("Changed: “Jazz night” has an updated plan");

    const unknownBefore = await render(
      <EventChangedNoticeEmail inviteeName="" eventTitle="Jazz night" companies={companies} when={when} where="Blue Note" changes={[]} details={[]} saidYes={false} rsvpUrl={rsvpUrl} changeableUntil={null} />,
      { plainText: true },
    );
    expect(unknownBefore).toContain("Acme and Globex have agreed a new plan for “Jazz night”. Here are the latest details.");
  });

  test("a cancellation gives the reason and says there is nothing to do", async () => {
    const text = await render(<EventCancelledNoticeEmail inviteeName="Ada" eventTitle="Jazz night" companies={companies} when={when} reason="The band is ill." />, { plainText: true });
    expect(eventCancelledNoticeSubject("Jazz night")).toBe("Cancelled: “Jazz night”");
    expect(text).toContain(`“Jazz night”, the joint event of Acme and Globex planned for ${when}, won't take place.`);
    expect(text).toContain("The organisers' reason: The band is ill.");
    expect(text).toContain("There's nothing you need to do.");
  });
});
