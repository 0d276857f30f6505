import { describe, expect, test } from "vitest";
import { db } from "~/platform/db.server";
import { verifyRsvpToken } from "~/rsvp/tokens.server";
import { addInvitees, confirmedEventWorld } from "#tests/invitations/world";
import { buildInvitationMessage, escapeHtml, findInvitationEvent, invitationPersonaliser, recipientSlots } from "./invitation-email.server";

async function templateFor(world: Awaited<ReturnType<typeof confirmedEventWorld>>, company: "acme" | "globex") {
  const event = await findInvitationEvent(world.eventId);
  return buildInvitationMessage(event!, world[company].organization.id);
}

function tokenOf(url: string): string {
  return new URL(url).pathname.split("/")[3]!;
}

describe("the invitation template", () => {
  test("each invitee's email is the template with their own name and signed links, and nothing else changes", async () => {
    const world = await confirmedEventWorld({ capacity: 20, quotas: { initiator: 12, partner: 8 } });
    const [ada, bob] = await addInvitees(world, "acme", 2, { delivery: "not_sent" });
    const message = await templateFor(world, "acme");
    const personalise = invitationPersonaliser(message);
    const endsAt = new Date(message.eventEndsAt);

    const email = personalise(recipientSlots(ada!, endsAt));
    expect(email.subject).toBe(`You're invited: Team dinner with ${world.globex.organization.name}`);
    expect(email.text).toContain(`Hi ${ada!.name},`);
    expect(email.text).toContain(`${world.acme.organization.name} and ${world.globex.organization.name} invite you to Team dinner.`);
    expect(email.text).toContain("(America/New_York)");
    expect(email.text).toContain(`${world.acme.organization.name} has 12 seats for its people; 12 are left.`);
    expect(email.html).not.toMatch(/rapport[0-9a-f]{12}slot/);
    expect(email.text).not.toMatch(/rapport[0-9a-f]{12}slot/);

    const slots = recipientSlots(ada!, endsAt);
    for (const answer of ["yes", "no", "maybe"] as const) {
      const url = slots[`${answer}Url`];
      expect(url).toMatch(new RegExp(`^http://localhost:3000/rsvp/${world.eventId}/[^/?]+\\?answer=${answer}$`));
      expect(email.html).toContain(`href="${url}"`);
      expect(email.text).toContain(url);
      expect(verifyRsvpToken(tokenOf(url), ada!, world.eventId)).toBeNull();
    }
    expect(email.html).toContain(`href="${slots.invitationUrl}/calendar.ics"`);

    // A second invitee differs only in their slots; the same invitee twice is byte-identical.
    const again = personalise(recipientSlots(ada!, endsAt));
    expect(again).toEqual(email);
    const other = personalise(recipientSlots(bob!, endsAt));
    expect(other.text.replaceAll(bob!.name, ada!.name).replaceAll(tokenOf(recipientSlots(bob!, endsAt).yesUrl), tokenOf(slots.yesUrl))).toBe(email.text);
  });

  test("a name is HTML-escaped in the HTML part and left as typed in the text part", async () => {
    const world = await confirmedEventWorld();
    const [invitee] = await addInvitees(world, "acme", 1, { delivery: "not_sent" });
    const name = `<script>alert("x")</script> & 'Bob'`;
    const message = await templateFor(world, "acme");
    const email = invitationPersonaliser(message)(recipientSlots({ ...invitee!, name }, new Date(message.eventEndsAt)));

    expect(email.html).toContain(`Hi ${escapeHtml(name)},`);
    expect(email.html).toContain("Hi &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;Bob&#x27;,");
    expect(email.html).not.toContain("<script>");
    expect(email.text).toContain(`Hi ${name},`);
  });

  test("an event title with markup stays text, and a company whose seats are gone says a yes joins the waitlist", async () => {
    const world = await confirmedEventWorld({ title: `Dinner <b>& drinks</b>`, capacity: 10, quotas: { initiator: 6, partner: 4 } });
    await db.eventQuota.update({ where: { eventId_organizationId: { eventId: world.eventId, organizationId: world.globex.organization.id } }, data: { seatsTaken: 4 } });
    const message = await templateFor(world, "globex");
    const globex = world.globex.organization.name;

    expect(message.subject).toBe(`You're invited: Dinner <b>& drinks</b> with ${world.acme.organization.name}`);
    expect(message.html).toContain("Dinner &lt;b&gt;&amp; drinks&lt;/b&gt;");
    expect(message.text).toContain(`${globex} and ${world.acme.organization.name} invite you to Dinner <b>& drinks</b>.`);
    expect(message.text).toContain(`${globex}'s 4 seats are all taken: answering Yes puts you on ${globex}'s waitlist.`);
  });

  test("someone without a name is greeted without one", async () => {
    const world = await confirmedEventWorld();
    const [invitee] = await addInvitees(world, "acme", 1, { delivery: "not_sent" });
    const message = await templateFor(world, "acme");
    const email = invitationPersonaliser(message)(recipientSlots({ ...invitee!, name: "  " }, new Date(message.eventEndsAt)));
    expect(email.text).toContain("Hello,");
  });
});
