import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { FAKE_RESEND_URL } from "./servers";

export const SIGN_IN_LINK_SUBJECT = "Your Rapport sign-in link";
// Delivery is asynchronous, and a new email waits behind any that earlier tests left queued.
const MAILBOX_TIMEOUT_MS = 30_000;
const MAILBOX_POLL_INTERVAL_MS = 250;

export type SentEmail = {
  id: string;
  to: string[];
  subject: string;
  html: string | null;
  text: string | null;
  attachments: { filename?: string; content?: string; content_type?: string }[];
  idempotencyKey: string | null;
  receivedAt: string;
};

export type MailboxEmail = { id: string; subject: string; text: string; html: string; attachments: SentEmail["attachments"] };

/**
 * Signs in the way a person does: requests a link, finds the email at the fake Resend, opens
 * the link from its plain-text version and confirms. Ends on the page the sign-in lands on
 * (`redirectTo`, when given).
 */
export async function signInThroughEmail(page: Page, email: string, options: { redirectTo?: string } = {}): Promise<void> {
  const previousEmailId = await newestEmailId(page, email, SIGN_IN_LINK_SUBJECT);
  await page.goto(options.redirectTo ? `/sign-in?${new URLSearchParams({ redirectTo: options.redirectTo })}` : "/sign-in");
  await page.getByLabel("Work email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page).toHaveURL(/\/sign-in\/check-email/);

  const { text } = await latestEmailTo(page, email, SIGN_IN_LINK_SUBJECT, { newerThan: previousEmailId });
  const link = linkInEmail(text, `${new URL(page.url()).origin}/sign-in/confirm?`);
  await page.goto(link);
  await page.getByRole("button", { name: "Continue to Rapport" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

/** The first link in an email's plain text that starts with `prefix`. */
export function linkInEmail(text: string, prefix: string): string {
  const link = text.split(/\s+/).find((word) => word.startsWith(prefix));
  if (!link) throw new Error(`The email has no link starting with ${prefix}. Its text:\n${text}`);
  return link;
}

/** Every email the fake Resend has accepted, oldest first. */
export async function sentEmails(page: Page): Promise<SentEmail[]> {
  const response = await page.request.get(`${FAKE_RESEND_URL}/_fake/emails`);
  expect(response.ok(), "the fake Resend lists what it received").toBe(true);
  return (await response.json()) as SentEmail[];
}

/**
 * The newest email to `address` whose subject contains `subjectIncludes`, waiting up to 30 s for
 * the worker to deliver it (or for one newer than the email `newerThan`).
 */
export async function latestEmailTo(
  page: Page,
  address: string,
  subjectIncludes: string,
  options: { newerThan?: string | null } = {},
): Promise<MailboxEmail> {
  const deadline = Date.now() + MAILBOX_TIMEOUT_MS;
  for (;;) {
    const email = newestMatching(await sentEmails(page), address, subjectIncludes);
    if (email && email.id !== options.newerThan) {
      return { id: email.id, subject: email.subject, text: email.text ?? "", html: email.html ?? "", attachments: email.attachments };
    }
    if (Date.now() > deadline) {
      throw new Error(`No ${options.newerThan ? "new " : ""}email to ${address} with "${subjectIncludes}" in its subject reached the fake Resend within ${MAILBOX_TIMEOUT_MS / 1000} s.`);
    }
    await page.waitForTimeout(MAILBOX_POLL_INTERVAL_MS);
  }
}

/** The id of the newest matching email already sent, or null; it does not wait. */
export async function newestEmailId(page: Page, address: string, subjectIncludes: string): Promise<string | null> {
  return newestMatching(await sentEmails(page), address, subjectIncludes)?.id ?? null;
}

function newestMatching(emails: SentEmail[], address: string, subjectIncludes: string): SentEmail | undefined {
  const wanted = address.toLowerCase();
  return emails.findLast((email) => email.to.some((to) => to.toLowerCase() === wanted) && email.subject.includes(subjectIncludes));
}

type AxeViolation = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"][number];

/**
 * WCAG 2.1 A and AA, as axe checks them, on the page as it is now. Sandboxed frames (the email
 * preview) are left out: axe cannot run inside a frame that forbids scripts, and waits on it forever.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).exclude("iframe[sandbox]").analyze();
  expect(violations.map(describeViolation), `accessibility violations on ${page.url()}`).toEqual([]);
}

function describeViolation(violation: AxeViolation): string {
  const elements = violation.nodes.map((node) => node.target.join(" ")).join(", ");
  return `${violation.id} (${violation.impact ?? "unknown impact"}): ${violation.help} — ${elements}`;
}
