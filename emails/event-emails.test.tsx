import { render } from "@react-email/render";
import { describe, expect, test } from "vitest";
import EventApprovedEmail, { eventApprovedSubject } from "#emails/event-approved";
import EventCancelledEmail, { eventCancelledSubject } from "#emails/event-cancelled";
import EventConfirmedEmail, { eventConfirmedSubject } from "#emails/event-confirmed";
import EventProposedEmail, { eventProposedSubject } from "#emails/event-proposed";

const eventUrl = "https://rapport.test/o/globex/events/evt_1";
const when = "Sat 14 Mar 2027, 18:00–21:00 (America/New_York)";

describe("event emails", () => {
  test("a proposal names who proposed, when and where, and links to the event", async () => {
    const email = <EventProposedEmail eventTitle="Jazz night" proposerCompany="Acme" recipientCompany="Globex" actorName="Ada" when={when} venue="Blue Note, 131 W 3rd St" eventUrl={eventUrl} changes={null} />;
    const text = await render(email, { plainText: true });
    expect(eventProposedSubject("Acme", "Jazz night", false)).toBe("Acme proposed “Jazz night”: please review it");
    expect(text).toContain("Ada (Acme) proposed this joint event.");
    expect(text).toContain(`When: ${when}`);
    expect(text).toContain("Where: Blue Note, 131 W 3rd St");
    expect(text).toContain(eventUrl);
  });

  test("a change lists what changed, before and after", async () => {
    const changes = [{ label: "When", before: when, after: "Sun 15 Mar 2027, 18:00–21:00 (America/New_York)" }];
    const text = await render(
      <EventProposedEmail eventTitle="Jazz night" proposerCompany="Acme" recipientCompany="Globex" actorName="Ada" when={when} venue="Blue Note" eventUrl={eventUrl} changes={changes} />,
      { plainText: true },
    );
    expect(eventProposedSubject("Acme", "Jazz night", true)).toBe("Acme changed “Jazz night”: please approve it again");
    expect(text).toContain(`When: ${when} → Sun 15 Mar 2027, 18:00–21:00 (America/New_York)`);
    expect(text).toContain("needs Globex's approval again");
  });

  test("approval, confirmation and cancellation say what happened and link to the event", async () => {
    const approved = await render(<EventApprovedEmail eventTitle="Jazz night" approverCompany="Acme" recipientCompany="Globex" actorName="Ada" when={when} eventUrl={eventUrl} />, { plainText: true });
    expect(eventApprovedSubject("Acme", "Jazz night")).toBe("Acme approved “Jazz night”: your approval is the last one needed");
    expect(approved).toContain("Once someone approves it for Globex, it is confirmed for both companies.");

    const confirmed = await render(<EventConfirmedEmail eventTitle="Jazz night" recipientCompany="Globex" companies={["Acme", "Globex"]} when={when} venue="Blue Note" eventUrl={eventUrl} />, { plainText: true });
    expect(eventConfirmedSubject("Jazz night")).toBe("“Jazz night” is confirmed");
    expect(confirmed).toContain("Acme and Globex both approved the plan");

    const cancelled = await render(<EventCancelledEmail eventTitle="Jazz night" cancellerCompany="Acme" recipientCompany="Globex" actorName="Ada" when={when} reason="The band is ill." eventUrl={eventUrl} />, { plainText: true });
    expect(eventCancelledSubject("Acme", "Jazz night")).toBe("Acme cancelled “Jazz night”");
    expect(cancelled).toContain("Their reason: The band is ill.");
    for (const text of [approved, confirmed, cancelled]) expect(text).toContain(eventUrl);
  });
});
