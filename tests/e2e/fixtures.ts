import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const SIGN_IN_LINK_SUBJECT = "Your Rapport sign-in link";
// Delivery is asynchronous, and a new email waits behind any that earlier tests left queued.
const MAILBOX_TIMEOUT_MS = 30_000;
const MAILBOX_POLL_INTERVAL_MS = 250;

export type MailboxEmail = { id: string; subject: string; text: string };

/**
 * Signs in the way a person does: requests a link, finds the email in the dev mailbox, opens
 * the link from its plain-text version and confirms. Ends on the page the sign-in lands on
 * (`redirectTo`, when given).
 */
export async function signInThroughDevMailbox(page: Page, email: string, options: { redirectTo?: string } = {}): Promise<void> {
  const previousEmailId = await newestEmailId(page, email, SIGN_IN_LINK_SUBJECT);
  await page.goto(options.redirectTo ? `/sign-in?${new URLSearchParams({ redirectTo: options.redirectTo })}` : "/sign-in");
  await page.getByLabel("Work email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page).toHaveURL(/\/sign-in\/check-email/);

  const { text } = await latestEmailTo(page, email, SIGN_IN_LINK_SUBJECT, { newerThan: previousEmailId });
  const confirmationPrefix = `${new URL(page.url()).origin}/sign-in/confirm?`;
  const link = text.split(/\s+/).find((word) => word.startsWith(confirmationPrefix));
  if (!link) throw new Error(`The sign-in email has no link starting with ${confirmationPrefix}. Its text:\n${text}`);

  await page.goto(link);
  await page.getByRole("button", { name: "Continue to Rapport" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

/**
 * The newest email to `address` whose subject contains `subjectIncludes`, waiting up to 30 s for
 * the worker to deliver it (or for one newer than the email `newerThan`). The mailbox is read in
 * a tab of its own, so `page` stays where it is.
 */
export async function latestEmailTo(
  page: Page,
  address: string,
  subjectIncludes: string,
  options: { newerThan?: string | null } = {},
): Promise<MailboxEmail> {
  return withMailboxTab(page, async (mailbox) => {
    const deadline = Date.now() + MAILBOX_TIMEOUT_MS;
    let id = await findNewestEmailId(mailbox, address, subjectIncludes);
    while (!id || id === options.newerThan) {
      if (Date.now() > deadline) {
        throw new Error(`No ${options.newerThan ? "new " : ""}email to ${address} with "${subjectIncludes}" in its subject reached /dev/mail within ${MAILBOX_TIMEOUT_MS / 1000} s.`);
      }
      await mailbox.waitForTimeout(MAILBOX_POLL_INTERVAL_MS);
      id = await findNewestEmailId(mailbox, address, subjectIncludes);
    }
    await mailbox.goto(`/dev/mail/${id}`);
    const main = mailbox.getByRole("main");
    const plainText = main.locator("details pre");
    await expect(plainText, `the page of email ${id} shows its plain-text version`).toBeAttached();
    const subject = (await main.getByRole("heading", { level: 1 }).textContent()) ?? "";
    const text = (await plainText.textContent()) ?? "";
    return { id, subject, text };
  });
}

/** The id of the newest matching email already in the mailbox, or null; it does not wait. */
export async function newestEmailId(page: Page, address: string, subjectIncludes: string): Promise<string | null> {
  return withMailboxTab(page, (mailbox) => findNewestEmailId(mailbox, address, subjectIncludes));
}

async function withMailboxTab<T>(page: Page, read: (mailbox: Page) => Promise<T>): Promise<T> {
  const mailbox = await page.context().newPage();
  try {
    return await read(mailbox);
  } finally {
    await mailbox.close();
  }
}

async function findNewestEmailId(mailbox: Page, address: string, subjectIncludes: string): Promise<string | null> {
  await mailbox.goto(`/dev/mail?${new URLSearchParams({ to: address })}`);
  // The list is newest first.
  const newest = mailbox.locator('main a[href^="/dev/mail/"]', { hasText: subjectIncludes }).first();
  if ((await newest.count()) === 0) return null;
  const href = await newest.getAttribute("href");
  return href?.slice("/dev/mail/".length) ?? null;
}

type AxeViolation = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"][number];

/** WCAG 2.1 A and AA, as axe checks them, on the page as it is now. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(violations.map(describeViolation), `accessibility violations on ${page.url()}`).toEqual([]);
}

function describeViolation(violation: AxeViolation): string {
  const elements = violation.nodes.map((node) => node.target.join(" ")).join(", ");
  return `${violation.id} (${violation.impact ?? "unknown impact"}): ${violation.help} — ${elements}`;
}
