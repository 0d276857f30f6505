import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, latestEmailTo, sentEmails, signInThroughEmail } from "./fixtures";
import { createConfirmedJointEvent } from "./joint-event";

const BATCH_LIMIT = 100;
const FILLER_ROWS = 148;

/**
 * Issue 4's promise, walked in a browser: a manager imports an invite list from a CSV with one bad
 * row and sends it (one batch call per 100 at the fake Resend); an invitee answers Yes from the
 * email's link, with the event's question, and gets a confirmation carrying the calendar part;
 * Acme's only seat taken, a second invitee lands on the waitlist; the first changes to No, the
 * second is promoted and told; at the door the manager opens the promoted person's QR entry and
 * checks them in.
 */
test("invite from a CSV, send in batches, answer from the email, waitlist promotion, check-in", async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const world = await createConfirmedJointEvent({ acmeSeats: 1, globexSeats: 3 });
  const run = world.acme.slug;
  const xavier = { name: "Xavier Quinn", email: `xavier-${run}@invitee.example` };
  const wendy = { name: "Wendy Park", email: `wendy-${run}@invitee.example` };
  const fillers = Array.from({ length: FILLER_ROWS }, (_, index) => `Guest ${index + 1},guest-${index + 1}-${run}@invitee.example,Sales`);
  const csv = ["name,email,team", `${xavier.name},${xavier.email},Finance`, `${wendy.name},${wendy.email},Sales`, "Broken Row,not-an-email,Ops", ...fillers].join("\n");
  const invitationCount = FILLER_ROWS + 2;
  const eventPath = `/o/${world.acme.slug}/events/${world.event.id}`;

  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  await signInThroughEmail(manager, world.manager.email, { redirectTo: `${eventPath}/invitations` });
  await expect(manager.getByRole("heading", { level: 1, name: world.event.title })).toBeVisible();
  await expectNoAxeViolations(manager);

  // The CSV: every good row is kept, the bad one is listed with its line and reason.
  await manager.getByLabel("CSV file").setInputFiles({ name: "invitees.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await manager.getByRole("button", { name: "Import CSV" }).click();
  const rejected = manager.getByRole("table", { name: "Rows not added, with the reason" });
  await expect(rejected).toBeVisible({ timeout: 30_000 });
  await expect(rejected.getByRole("row", { name: /not-an-email/ })).toContainText("4");
  await expectNoAxeViolations(manager);
  await manager.getByRole("link", { name: "Back to the invite list" }).first().click();
  await manager.getByLabel("Search by name, email or team").fill(xavier.name);
  await manager.getByLabel("Search by name, email or team").press("Enter");
  await expect(manager.getByRole("row", { name: new RegExp(xavier.name) })).toBeVisible();

  // Preview, then send: the fake Resend gets one batch call per 100 invitations.
  await manager.getByRole("link", { name: `Preview and send (${invitationCount} ready)` }).click();
  await expect(manager.getByRole("heading", { name: "Preview" }).first()).toBeVisible();
  await expect(manager.getByRole("button", { name: "Send invitations" })).toBeVisible();
  await expectNoAxeViolations(manager);
  await manager.getByRole("button", { name: "Send invitations" }).click();
  await expect(manager.getByText(`${invitationCount} of ${invitationCount} invitations handled`)).toBeVisible({ timeout: 60_000 });
  const invitations = (await sentEmails(manager)).filter((email) => email.subject === `You're invited: ${world.event.title} with ${world.globex.name}`);
  expect(invitations).toHaveLength(invitationCount);
  const perBatch = new Map<string, number>();
  for (const email of invitations) perBatch.set(email.idempotencyKey ?? "none", (perBatch.get(email.idempotencyKey ?? "none") ?? 0) + 1);
  expect([...perBatch.values()].sort((a, b) => b - a)).toEqual([BATCH_LIMIT, invitationCount - BATCH_LIMIT]);
  expect([...perBatch.keys()].every((key) => key.startsWith("invitation-batch/"))).toBe(true);

  // Xavier answers Yes from the email, on a phone, with the question answered. The page ships no
  // JavaScript at all, so what works here works without it (axe itself needs a script-enabled page).
  const xavierPhone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const xavierPage = await xavierPhone.newPage();
  const xavierInvitation = await latestEmailTo(manager, xavier.email, "You're invited");
  await xavierPage.goto(answerLink(xavierInvitation.text, baseURL!, "yes"));
  await expect(xavierPage.getByRole("radio", { name: "Yes, I'll be there" })).toBeChecked();
  await expect(xavierPage.locator("script[src], link[rel=modulepreload]")).toHaveCount(0);
  await expectNoAxeViolations(xavierPage);
  await xavierPage.getByRole("radio", { name: "Pretzel" }).check();
  await xavierPage.getByRole("button", { name: "Send my answer" }).click();
  await expect(xavierPage.getByText("You're going", { exact: true })).toBeVisible();
  const confirmation = await latestEmailTo(manager, xavier.email, `You're going to “${world.event.title}”`);
  expect(confirmation.attachments.some((file) => String(file.content_type).startsWith("text/calendar"))).toBe(true);
  const calendar = Buffer.from(confirmation.attachments.find((file) => String(file.content_type).startsWith("text/calendar"))!.content!, "base64").toString();
  expect(calendar).toContain("METHOD:REQUEST");
  expect(calendar).toContain("PARTSTAT=ACCEPTED");

  // Acme's only seat is taken, so Wendy's Yes puts her on Acme's waitlist.
  const wendyContext = await browser.newContext({ javaScriptEnabled: false });
  const wendyPage = await wendyContext.newPage();
  const wendyInvitation = await latestEmailTo(manager, wendy.email, "You're invited");
  await wendyPage.goto(answerLink(wendyInvitation.text, baseURL!, "yes"));
  await wendyPage.getByRole("radio", { name: "Hot dog" }).check();
  await wendyPage.getByRole("button", { name: "Send my answer" }).click();
  await expect(wendyPage.getByText(`You're on ${world.acme.name}'s waitlist — #1`)).toBeVisible();

  // Xavier can't make it after all: his seat goes to Wendy, who is told by email.
  await xavierPage.goto(answerLink(xavierInvitation.text, baseURL!, "no"));
  await expect(xavierPage.getByRole("radio", { name: "No, I can't make it" })).toBeChecked();
  await xavierPage.getByRole("button", { name: "Update my answer" }).click();
  await expect(xavierPage.getByText("Thanks, you've declined", { exact: true })).toBeVisible();
  const promotion = await latestEmailTo(manager, wendy.email, "a place opened up");
  const checkInEntry = promotion.html.match(/\/check-in\/([a-z0-9]+)\/qr\.png/);
  expect(checkInEntry, "the promotion email carries Wendy's check-in QR code").not.toBeNull();

  // At the door, the manager scans Wendy's QR code and checks her in.
  await manager.goto(`/check-in/${checkInEntry![1]}`);
  await expect(manager).toHaveURL(new RegExp(`${eventPath}/check-in\\?entry=`));
  await expectNoAxeViolations(manager);
  await manager.getByRole("button", { name: new RegExp(`^Mark attended\\W+${wendy.name}$`) }).first().click();
  await expect(manager.getByText(/Checked in at/).first()).toBeVisible();

  for (const context of [managerContext, xavierPhone, wendyContext]) await context.close();
});

function answerLink(text: string, baseURL: string, answer: "yes" | "no" | "maybe"): string {
  const link = text.split(/\s+/).find((word) => word.startsWith(`${baseURL}/rsvp/`) && word.includes(`answer=${answer}`));
  if (!link) throw new Error(`The invitation has no "${answer}" link. Its text:\n${text}`);
  return link;
}

