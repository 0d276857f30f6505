import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoAxeViolations, latestEmailTo, signInThroughEmail } from "./fixtures";

const EVENT_TIME_ZONE = "America/New_York";
// Planners' browsers sit in other zones than the event, so a time shown in the browser's zone would read wrong.
const NORTHWIND_BROWSER_ZONE = "Europe/Paris";
const GLOBEX_BROWSER_ZONE = "Asia/Tokyo";

/**
 * Issue 3's promise, walked in a browser by two companies' managers, each in a browser of their
 * own: Northwind invites Globex, whose contact signs in from the email and accepts for a company
 * they create there and then; Northwind drafts a volunteer day, Globex changes its seats, both
 * approve; Northwind moves the date, which needs both approvals again, with the change shown;
 * then a task and a comment go back and forth.
 */
test("two companies partner, co-plan a volunteer day through two rounds of approval, and trade tasks and comments", async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  const run = Date.now().toString(36);
  const northwind = { name: `Northwind ${run}`, slug: `northwind-${run}`, email: `planner-${run}@northwind.example` };
  const globex = { name: `Globex ${run}`, slug: `globex-${run}`, email: `contact-${run}@globex.example` };
  const year = new Date().getUTCFullYear() + 1;
  const firstDate = `${year}-06-14`;
  const movedDate = `${year}-06-21`;
  const invitationMessage = `Hi from Northwind (${run}): after the summer game, shall we plan a volunteer day together?`;

  const northwindContext = await browser.newContext({ timezoneId: NORTHWIND_BROWSER_ZONE });
  const globexContext = await browser.newContext({ timezoneId: GLOBEX_BROWSER_ZONE });
  const a = await northwindContext.newPage();
  const b = await globexContext.newPage();

  // Northwind's manager creates their company and invites a contact at Globex.
  await signInThroughEmail(a, northwind.email, { redirectTo: "/orgs/new" });
  await a.getByLabel("Company name").fill(northwind.name);
  await a.getByLabel("Web address").fill(northwind.slug);
  await a.getByRole("button", { name: "Create company" }).click();
  await expect(a).toHaveURL(`${baseURL}/o/${northwind.slug}`);
  await a.getByRole("link", { name: "Invite a partner company" }).first().click();
  await expect(a.getByRole("heading", { level: 1, name: "Invite a partner company" })).toBeVisible();
  await a.getByLabel("Your contact's work email").fill(globex.email);
  await a.getByLabel("A short message (optional)").fill(invitationMessage);
  await a.getByRole("button", { name: "Send the invitation" }).click();
  await expect(a.getByText("Invitation sent", { exact: true })).toBeVisible();
  await expect(a.getByRole("heading", { level: 1, name: `Invitation to ${globex.email}` })).toBeVisible();

  // The contact opens the email's link, signs in, and accepts for the company they add on the spot.
  const invitation = await latestEmailTo(a, globex.email, `${northwind.name} would like to plan joint events`);
  expect(invitation.text).toContain(invitationMessage);
  const invitationLink = linkIn(invitation.text, `${baseURL}/partnerships/invitations/`);
  await b.goto(invitationLink);
  await expect(b).toHaveURL(/\/sign-in\?redirectTo=/);
  const redirectTo = new URL(b.url()).searchParams.get("redirectTo")!;
  expect(redirectTo).toBe(new URL(invitationLink).pathname);
  await signInThroughEmail(b, globex.email, { redirectTo });
  await expect(b).toHaveURL(invitationLink);
  await expect(b.getByRole("heading", { level: 1, name: `${northwind.name} would like to plan joint events with your company` })).toBeVisible();
  await expect(b.getByText(invitationMessage)).toBeVisible();
  await expectNoAxeViolations(b);
  await b.getByLabel("Company name").fill(globex.name);
  await b.getByLabel("Web address").fill(globex.slug);
  await b.getByRole("button", { name: "Create the company and accept" }).click();
  await expect(b).toHaveURL(new RegExp(`/o/${globex.slug}/partners/[^/?]+$`));
  await expect(b.getByRole("heading", { level: 1, name: `${northwind.name} & ${globex.name}` })).toBeVisible();

  // Northwind sees the partnership on its home page and plans a volunteer day from the shared workspace.
  await a.goto(`/o/${northwind.slug}`);
  const partnershipLink = a.getByRole("link", { name: globex.name, exact: true });
  await expect(partnershipLink).toBeVisible();
  await expectNoAxeViolations(a);
  await partnershipLink.click();
  await expect(a.getByRole("heading", { level: 1, name: `${northwind.name} & ${globex.name}` })).toBeVisible();
  await expectNoAxeViolations(a);
  await a.getByRole("link", { name: "Plan a joint event" }).click();
  await a.getByRole("navigation", { name: "Kind of event" }).getByRole("link", { name: "Volunteer day" }).click();
  await expect(a.getByRole("heading", { level: 1, name: `Plan a volunteer day with ${globex.name}` })).toBeVisible();
  const when = a.getByRole("group", { name: "When" });
  // Once the page is interactive it starts from the planner's own zone; only then choose the event's.
  await expect(when.getByLabel("Time zone")).toHaveValue(NORTHWIND_BROWSER_ZONE);
  await expectNoAxeViolations(a);

  await a.getByLabel("Title", { exact: true }).fill(`Food bank day ${run}`);
  await a.getByLabel("Description (optional)").fill("Sorting and packing donations with the Riverside team.");
  await when.getByLabel("Time zone").selectOption(EVENT_TIME_ZONE);
  await when.getByLabel("Starts", { exact: true }).fill(`${firstDate}T09:00`);
  await when.getByLabel("Ends", { exact: true }).fill(`${firstDate}T15:00`);
  await a.getByLabel("Venue").fill("Riverside Food Bank");
  await a.getByLabel("Total seats").fill("20");
  await fillShift(a.getByRole("group", { name: "Shift 1" }), { role: "Sorting donations", starts: "09:00", ends: "12:00", people: "8" });
  await fillShift(a.getByRole("group", { name: "Shift 2" }), { role: "Packing food boxes", starts: "12:00", ends: "15:00", people: "8" });
  await a.getByRole("group", { name: "Question 1" }).getByLabel("Question", { exact: true }).fill("T-shirt size?");
  await a.getByRole("button", { name: "Save draft" }).click();

  await expect(a).toHaveURL(new RegExp(`/o/${northwind.slug}/events/[^/?]+\\?saved=created$`));
  const eventId = new URL(a.url()).pathname.split("/").at(-1)!;
  const eventTitle = `Food bank day ${run}`;
  await expect(a.getByRole("heading", { level: 1, name: eventTitle })).toBeVisible();
  await expect(statusOf(a)).toHaveText("Draft");
  // The planner's browser is in Paris; the event's times read as on New York's clocks, and say so.
  await expect(eventHeaderOf(a).locator("time")).toContainText(`14 Jun ${year}, 09:00–15:00 (${EVENT_TIME_ZONE})`);
  const shifts = a.getByRole("list").filter({ hasText: "Sorting donations" });
  await expect(shifts).toContainText(`14 Jun ${year}, 09:00–12:00 (${EVENT_TIME_ZONE})`);
  await expect(shifts).toContainText(`14 Jun ${year}, 12:00–15:00 (${EVENT_TIME_ZONE})`);

  // Globex's manager edits the draft: fewer seats for Globex.
  const globexEventPath = `/o/${globex.slug}/events/${eventId}`;
  await b.goto(globexEventPath);
  await expect(b.getByRole("heading", { level: 1, name: eventTitle })).toBeVisible();
  await b.getByRole("link", { name: "Edit the event" }).click();
  const seats = b.getByRole("group", { name: "Seats per company" });
  await expect(seats.getByLabel(northwind.name, { exact: true })).toHaveValue("10");
  await seats.getByLabel(`${globex.name} (you)`).fill("6");
  await b.getByRole("button", { name: "Save changes" }).click();
  await expect(b).toHaveURL(`${baseURL}${globexEventPath}?saved=details`);
  await expect(b.getByText(`${globex.name} (you): 6`)).toBeVisible();
  await expect(b.getByText(`${northwind.name}: 10`)).toBeVisible();

  // Northwind proposes; both approve version 1, and it is confirmed.
  await a.reload();
  await expect(a.getByText(`${globex.name}: 6`)).toBeVisible();
  await a.getByRole("button", { name: `Propose to ${globex.name}` }).click();
  await expect(a.getByText(`Proposed to ${globex.name}.`)).toBeVisible();
  await expect(statusOf(a)).toHaveText("Waiting for approval");
  await expectNoAxeViolations(a);
  await a.getByRole("button", { name: `Approve version 1 for ${northwind.name}` }).click();
  await expect(a.getByText(`It is confirmed once ${globex.name} approves it too.`)).toBeVisible();

  await b.reload();
  await b.getByRole("button", { name: `Approve version 1 for ${globex.name}` }).click();
  await expect(b.getByText("Both companies have now approved this version, so the event is confirmed.")).toBeVisible();
  await expect(statusOf(b)).toHaveText("Confirmed");

  // Northwind moves it a week later: a new version, back to proposed, for both to approve again.
  await a.reload();
  await expect(statusOf(a)).toHaveText("Confirmed");
  await a.getByRole("link", { name: "Edit the event" }).click();
  const editWhen = a.getByRole("group", { name: "When" });
  await expect(editWhen.getByLabel("Starts", { exact: true })).toHaveValue(`${firstDate}T09:00`);
  await editWhen.getByLabel("Starts", { exact: true }).fill(`${movedDate}T09:00`);
  await editWhen.getByLabel("Ends", { exact: true }).fill(`${movedDate}T15:00`);
  await a.getByRole("button", { name: "Save changes" }).click();
  await expect(a.getByText("this is a new version that both companies approve again")).toBeVisible();
  await expect(statusOf(a)).toHaveText("Waiting for approval");
  await expect(eventHeaderOf(a).locator("time")).toContainText(`21 Jun ${year}, 09:00–15:00 (${EVENT_TIME_ZONE})`);

  // Globex's approval shows what changed since Globex approved, the old date beside the new.
  await b.reload();
  await expect(statusOf(b)).toHaveText("Waiting for approval");
  const diff = b.getByRole("table", { name: "Changes since" });
  await expect(b.getByRole("heading", { name: `What changed since ${globex.name} approved version 1` })).toBeVisible();
  const whenRow = diff.getByRole("row", { name: /^When/ });
  await expect(whenRow.getByRole("cell").nth(0)).toContainText(`14 Jun ${year}, 09:00–15:00 (${EVENT_TIME_ZONE})`);
  await expect(whenRow.getByRole("cell").nth(1)).toContainText(`21 Jun ${year}, 09:00–15:00 (${EVENT_TIME_ZONE})`);
  await expectNoAxeViolations(b);
  await b.getByRole("button", { name: `Approve version 2 for ${globex.name}` }).click();
  // The company that made the change approves the new version like the other one.
  await expect(b.getByText(`It is confirmed once ${northwind.name} approves it too.`)).toBeVisible();
  await expect(statusOf(b)).toHaveText("Waiting for approval");

  await a.reload();
  await a.getByRole("button", { name: `Approve version 2 for ${northwind.name}` }).click();
  await expect(a.getByText("Both companies have now approved this version, so the event is confirmed.")).toBeVisible();
  await expect(statusOf(a)).toHaveText("Confirmed");

  // Northwind asks Globex to do a task; Globex ticks it off, and Northwind sees it done.
  const taskTitle = `Order volunteer t-shirts ${run}`;
  await a.getByRole("navigation", { name: "Event sections" }).getByRole("link", { name: "Planning" }).click();
  await expect(a.getByRole("heading", { name: "Checklist" })).toBeVisible();
  await expectNoAxeViolations(a);
  await a.getByRole("textbox", { name: "Task", exact: true }).fill(taskTitle);
  await a.getByLabel("Which company does it").selectOption({ label: globex.name });
  await a.getByRole("button", { name: "Add task" }).click();
  await expect(a.getByText(`Added “${taskTitle}” for ${globex.name}.`)).toBeVisible();
  const taskOf = (page: Page) => page.getByRole("listitem").filter({ hasText: taskTitle });
  await expect(taskOf(a)).toContainText(globex.name);
  await expect(taskOf(a).getByRole("button", { name: /Mark as done/ })).toHaveCount(0);

  await b.goto(`${globexEventPath}/planning`);
  await expect(taskOf(b)).toContainText(globex.name);
  await expectNoAxeViolations(b);
  // The button's name ends with the task's title, for people who hear it out of context.
  const markDone = taskOf(b).getByRole("button", { name: /^Mark as done/ });
  await expect(markDone).toHaveAccessibleName(new RegExp(`${escapeRegExp(taskTitle)}$`));
  await markDone.click();
  await expect(b.getByText(`Ticked off “${taskTitle}”.`)).toBeVisible();
  await expect(taskOf(b).getByText("Done", { exact: true })).toBeVisible();

  await a.reload();
  await expect(taskOf(a).getByText("Done", { exact: true })).toBeVisible();

  // Globex comments; Northwind reads it.
  const comment = `We'll bring gloves for everyone (${run}).`;
  await b.getByRole("navigation", { name: "Event sections" }).getByRole("link", { name: "Discussion" }).click();
  await expect(b.getByRole("heading", { name: "Add a comment" })).toBeVisible();
  await b.getByLabel("Comment", { exact: true }).fill(comment);
  await b.getByRole("button", { name: "Post comment" }).click();
  await expect(b.getByText("Comment posted.")).toBeVisible();
  await expect(b.getByRole("listitem").filter({ hasText: comment })).toContainText(`(${globex.name})`);

  await a.goto(`/o/${northwind.slug}/events/${eventId}/discussion`);
  const received = a.getByRole("listitem").filter({ hasText: comment });
  await expect(received).toContainText(`(${globex.name})`);
  await expectNoAxeViolations(a);

  await northwindContext.close();
  await globexContext.close();
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The first word of an email's plain text that starts with `prefix`. */
function linkIn(text: string, prefix: string): string {
  const link = text.split(/\s+/).find((word) => word.startsWith(prefix));
  if (!link) throw new Error(`The email has no link starting with ${prefix}. Its text:\n${text}`);
  return link;
}

async function fillShift(shift: Locator, values: { role: string; starts: string; ends: string; people: string }) {
  await shift.getByLabel("Role or task").fill(values.role);
  await shift.getByLabel("Starts", { exact: true }).fill(values.starts);
  await shift.getByLabel("Ends", { exact: true }).fill(values.ends);
  await shift.getByLabel("People needed").fill(values.people);
}

/** The event's own header, above its tabs (not the site's banner). */
function eventHeaderOf(page: Page): Locator {
  return page.getByRole("main").locator("header");
}

/** The status badge in the event's header. */
function statusOf(page: Page): Locator {
  return eventHeaderOf(page).getByText(/^(Draft|Waiting for approval|Confirmed|Completed|Cancelled)$/);
}
