import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, signInThroughEmail } from "./fixtures";

test("the home page renders with its styles and scripts, and nothing fails to load", async ({ page }) => {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("requestfailed", (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });

  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Partnerships are built face to face." })).toBeVisible();
  await expect(page.getByRole("link", { name: "Get started" })).toBeVisible();
  // `max-w-5xl` only takes effect when the stylesheet loaded under the CSP.
  await expect(page.getByRole("main")).toHaveCSS("max-width", "1024px");
  await page.waitForLoadState("networkidle");
  expect(problems).toEqual([]);
});

test("/healthz reports a reachable database", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
});

test("pages are sent with the security headers", async ({ request }) => {
  const response = await request.get("/");
  const headers = response.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+'/);
  expect(headers["strict-transport-security"]).toContain("max-age=");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-powered-by"]).toBeUndefined();
});

test("the home and sign-in pages have no WCAG 2.1 AA violations axe can find", async ({ page }) => {
  await page.goto("/");
  await expectNoAxeViolations(page);
  await page.goto("/sign-in");
  await expect(page.getByLabel("Work email")).toBeVisible();
  await expectNoAxeViolations(page);
});

test("a new address signs in from the emailed link and is asked to create a company", async ({ page }) => {
  await signInThroughEmail(page, `smoke-${randomBytes(4).toString("hex")}@example.com`);
  await expect(page.getByRole("heading", { name: "You're not part of a company yet" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
});
