import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, latestEmailTo, signInThroughEmail } from "./fixtures";

/**
 * The foundation's promise, walked in a browser: a person signs in from the email, creates their
 * company, invites a teammate who joins by signing in, then the owner changes the teammate's role
 * and removes them, and the teammate loses access at once.
 */
test("sign in, create a company, invite a teammate who joins, change their role, remove them", async ({ browser, baseURL }) => {
  const run = Date.now().toString(36);
  const ownerEmail = `owner-${run}@northwind.example`;
  const teammateEmail = `teammate-${run}@northwind.example`;
  const slug = `northwind-${run}`;

  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await signInThroughEmail(owner, ownerEmail);

  await expect(owner.getByRole("heading", { name: "Your companies" })).toBeVisible();
  await expectNoAxeViolations(owner);
  await owner.getByRole("link", { name: "Create your company" }).click();
  await expectNoAxeViolations(owner);
  await owner.getByLabel("Company name").fill("Northwind Traders");
  await owner.getByLabel("Web address").fill(slug);
  await owner.getByRole("button", { name: "Create company" }).click();
  await expect(owner).toHaveURL(`${baseURL}/o/${slug}`);
  await expect(owner.getByText("Northwind Traders").first()).toBeVisible();
  await expectNoAxeViolations(owner);

  await owner.getByRole("link", { name: "Members" }).click();
  await expect(owner.getByRole("heading", { name: "Members", level: 1 })).toBeVisible();
  await owner.getByLabel("Work email").fill(teammateEmail);
  await owner.getByLabel("Role", { exact: true }).selectOption("member");
  await owner.getByRole("button", { name: "Send invitation" }).click();
  await expect(owner.getByText(`Invitation sent to ${teammateEmail}`)).toBeVisible();
  await expect(owner.getByRole("listitem").filter({ hasText: teammateEmail })).toBeVisible();
  await expectNoAxeViolations(owner);

  const invitation = await latestEmailTo(owner, teammateEmail, "invited you to join Northwind Traders");
  expect(invitation.text).toContain(`${baseURL}/sign-in?email=`);

  const teammateContext = await browser.newContext();
  const teammate = await teammateContext.newPage();
  await signInThroughEmail(teammate, teammateEmail, { redirectTo: `/o/${slug}` });
  await expect(teammate).toHaveURL(`${baseURL}/o/${slug}`);
  await expect(teammate.getByText("Your role: Member")).toBeVisible();

  await owner.reload();
  const teammateRow = () => owner.getByRole("listitem").filter({ has: owner.getByText(teammateEmail, { exact: true }) });
  await teammateRow().getByLabel(/Role for/).selectOption("manager");
  await teammateRow().getByRole("button", { name: /Change role/ }).click();
  // The select shows "manager" as soon as it is chosen; the confirmation is what says it was saved.
  await expect(owner.getByText(/is now manager\./)).toBeVisible();
  await expect(teammateRow().getByLabel(/Role for/)).toHaveValue("manager");

  await teammate.reload();
  await expect(teammate.getByText("Your role: Manager")).toBeVisible();

  owner.once("dialog", (dialog) => dialog.accept());
  await teammateRow().getByRole("button", { name: /Remove/ }).click();
  await expect(teammateRow()).toHaveCount(0);

  await teammate.reload();
  await expect(teammate.getByRole("heading", { name: /couldn't find that company/ })).toBeVisible();

  await ownerContext.close();
  await teammateContext.close();
});

test("a signed-in user can sign out, and the old session no longer works", async ({ page, baseURL }) => {
  await signInThroughEmail(page, `leaver-${Date.now().toString(36)}@example.com`);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
  await page.goto(`${baseURL}/orgs/new`);
  await expect(page).toHaveURL(/\/sign-in\?redirectTo=%2Forgs%2Fnew/);
});
