import { describe, expect, test } from "vitest";
import { safeRedirectPath } from "~/auth/schemas";
import { signInRateLimits } from "~/auth/sign-in.server";
import { getSessionUser, requireUser } from "~/platform/auth.server";
import { db } from "~/platform/db.server";
import * as authApiRoute from "~/routes/api.auth.$";
import * as signInRoute from "~/routes/sign-in";
import * as confirmRoute from "~/routes/sign-in_.confirm";
import * as signOutRoute from "~/routes/sign-out";
import { createOrganization, createSessionCookie, createUser, uniqueSuffix } from "#tests/factories";

const APP_URL = "http://localhost:3000";

function asResponse(result: unknown): Response {
  expect(result).toBeInstanceOf(Response);
  return result as Response;
}

/** What `data(value, init)` returns: a body and status for Remix to send, not yet a Response. */
function asData<Result>(result: Result): Extract<Result, { init: ResponseInit | null }> {
  expect(result).not.toBeInstanceOf(Response);
  return result as Extract<Result, { init: ResponseInit | null }>;
}

function uniqueAddress(label: string): string {
  return `${label}-${uniqueSuffix()}@example.com`;
}

/** Each test signs in from its own address so the per-client limit never carries over. */
function uniqueClient(): string {
  return `198.51.100.${uniqueSuffix()}`;
}

async function requestLink(email: string, options: { clientAddress?: string; redirectTo?: string } = {}) {
  const body = new URLSearchParams({ email });
  if (options.redirectTo) body.set("redirectTo", options.redirectTo);
  return signInRoute.action({
    request: new Request(`${APP_URL}/sign-in`, { method: "POST", body }),
    params: {},
    context: { clientAddress: options.clientAddress ?? uniqueClient() },
  });
}

async function signInEmailsTo(email: string) {
  return db.outboundEmail.findMany({ where: { to: email, kind: "sign-in-link" }, orderBy: { createdAt: "desc" } });
}

async function emailedLinkFor(email: string): Promise<URL> {
  const [latest] = await signInEmailsTo(email);
  if (!latest) throw new Error(`no sign-in email was queued for ${email}`);
  const link = /https?:\/\/\S+/.exec(latest.text)?.[0];
  if (!link) throw new Error(`the sign-in email to ${email} holds no link`);
  return new URL(link);
}

function viewConfirmation(link: URL, method: "GET" | "HEAD" = "GET") {
  return confirmRoute.loader({ request: new Request(link, { method }), params: {}, context: { clientAddress: uniqueClient() } });
}

function submitConfirmation(fields: URLSearchParams) {
  return confirmRoute.action({
    request: new Request(`${APP_URL}/sign-in/confirm`, { method: "POST", body: new URLSearchParams(fields) }),
    params: {},
    context: { clientAddress: uniqueClient() },
  });
}

function sessionCookieFrom(response: Response): string {
  const cookie = response.headers.getSetCookie().find((header) => header.startsWith("authjs.session-token="));
  if (!cookie) throw new Error("the response set no session cookie");
  return cookie.split(";")[0]!;
}

function sessionsOf(email: string) {
  return db.session.count({ where: { user: { email } } });
}

function pendingTokensOf(email: string) {
  return db.verificationToken.count({ where: { identifier: email } });
}

/** Fixed windows restart on the clock: a burst that straddled the edge would be split across two windows. */
async function awayFromWindowEdge(windowSeconds: number, burstMs: number) {
  const windowMs = windowSeconds * 1000;
  const msLeft = windowMs - (Date.now() % windowMs);
  if (msLeft < burstMs) await new Promise((resolve) => setTimeout(resolve, msLeft + 250));
}

async function signInThroughEmailedLink(email: string, redirectTo?: string) {
  asResponse(await requestLink(email, { redirectTo }));
  const link = await emailedLinkFor(email);
  return { link, response: asResponse(await submitConfirmation(link.searchParams)) };
}

describe("requesting a sign-in link", () => {
  test("known and unknown addresses get the same answer, and each gets one link to the confirmation page", async () => {
    const known = await createUser();
    const unknown = uniqueAddress("newcomer");

    const answers = [];
    for (const email of [known.email, unknown]) {
      const response = asResponse(await requestLink(email));
      answers.push({
        status: response.status,
        location: response.headers.get("location")?.replace(encodeURIComponent(email), "<email>"),
        setsCookies: response.headers.getSetCookie().length > 0,
      });
      const emails = await signInEmailsTo(email);
      expect(emails).toHaveLength(1);
      expect(emails[0]!.html).not.toContain("/api/auth/");
      expect(emails[0]!.text).not.toContain("/api/auth/");
      const link = await emailedLinkFor(email);
      expect(`${link.origin}${link.pathname}`).toBe(`${APP_URL}/sign-in/confirm`);
      expect(link.searchParams.get("email")).toBe(email);
      expect(link.searchParams.get("token")).toMatch(/^\w{32,}$/);
    }
    expect(answers[0]).toEqual({ status: 302, location: "/sign-in/check-email?email=<email>", setsCookies: false });
    expect(answers[1]).toEqual(answers[0]);
  });

  test("an invalid address is refused with a field error and nothing is queued", async () => {
    const emailsBefore = await db.outboundEmail.count();
    const result = asData(await requestLink("not-an-address"));
    expect(result.init?.status).toBe(400);
    expect(result.data.result).toMatchObject({ status: "error", error: { email: ["Enter an address like name@company.com."] } });
    expect(await db.outboundEmail.count()).toBe(emailsBefore);
  });

  test("the sixth link for one address within the window is refused with the minutes to wait", async () => {
    const { limit, windowSeconds } = signInRateLimits.perAddress;
    await awayFromWindowEdge(windowSeconds, 10_000);
    const email = uniqueAddress("eager");
    for (let attempt = 0; attempt < limit; attempt++) asResponse(await requestLink(email, { clientAddress: uniqueClient() }));

    const refused = asData(await requestLink(email, { clientAddress: uniqueClient() }));
    expect(refused.init?.status).toBe(429);
    const retryAfter = Number(new Headers(refused.init?.headers).get("Retry-After"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
    const minutes = Math.ceil(retryAfter / 60);
    expect(refused.data.retryAfterMinutes).toBe(minutes);
    expect(refused.data.result?.error?.[""]).toEqual([
      `Too many sign-in links were requested. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    ]);
    expect(await signInEmailsTo(email)).toHaveLength(limit);
  }, 30_000);

  test("one client asking for links to many addresses is refused once it passes its limit", async () => {
    const { limit, windowSeconds } = signInRateLimits.perClient;
    await awayFromWindowEdge(windowSeconds, 15_000);
    const clientAddress = uniqueClient();
    for (let attempt = 0; attempt < limit; attempt++) asResponse(await requestLink(uniqueAddress("spray"), { clientAddress }));

    const email = uniqueAddress("one-too-many");
    const refused = asData(await requestLink(email, { clientAddress }));
    expect(refused.init?.status).toBe(429);
    expect(Number(new Headers(refused.init?.headers).get("Retry-After"))).toBeGreaterThan(0);
    expect(refused.data.result?.error?.[""]?.[0]).toMatch(/^Too many sign-in links were requested\. Try again in \d+ minutes?\.$/);
    expect(await signInEmailsTo(email)).toHaveLength(0);

    // The refusal was for the client, not the address: the same person elsewhere still gets a link.
    asResponse(await requestLink(email, { clientAddress: uniqueClient() }));
    expect(await signInEmailsTo(email)).toHaveLength(1);
  }, 45_000);
});

describe("confirming a sign-in link", () => {
  test("opening the link (GET or HEAD) shows the confirmation and changes nothing", async () => {
    const email = uniqueAddress("scanned");
    asResponse(await requestLink(email));
    const link = await emailedLinkFor(email);

    for (const method of ["GET", "HEAD"] as const) {
      const page = asData(await viewConfirmation(link, method));
      expect(page.data).toMatchObject({ status: "ready", email, token: link.searchParams.get("token") });
      expect(new Headers(page.init?.headers).get("Referrer-Policy")).toBe("no-referrer");
    }
    expect(await pendingTokensOf(email)).toBe(1);
    expect(await sessionsOf(email)).toBe(0);
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  test("submitting the link signs in once, sets the session cookie and goes to the requested page", async () => {
    const email = uniqueAddress("confirmed");
    const { link, response } = await signInThroughEmailedLink(email, "/o/acme?tab=people");

    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/o/acme?tab=people");
    const cookie = sessionCookieFrom(response);
    expect(response.headers.getSetCookie().find((header) => header.startsWith("authjs.session-token="))).toMatch(/HttpOnly/i);
    const user = await getSessionUser(new Request(`${APP_URL}/`, { headers: { cookie } }));
    expect(user?.email).toBe(email);
    expect(await pendingTokensOf(email)).toBe(0);
    expect(await sessionsOf(email)).toBe(1);

    const replay = asData(await submitConfirmation(link.searchParams));
    expect(replay.init?.status).toBe(400);
    expect(replay.data).toEqual({ failed: true });
    expect(await sessionsOf(email)).toBe(1);
  });

  test("a link lives for 15 minutes and is refused after that", async () => {
    const email = uniqueAddress("late");
    const requestedAt = Date.now();
    asResponse(await requestLink(email));
    const link = await emailedLinkFor(email);
    const token = await db.verificationToken.findFirstOrThrow({ where: { identifier: email } });
    expect(token.expires.getTime() - requestedAt).toBeGreaterThan(14 * 60 * 1000);
    expect(token.expires.getTime() - requestedAt).toBeLessThanOrEqual(15 * 60 * 1000 + 5_000);

    await db.verificationToken.updateMany({ where: { identifier: email }, data: { expires: new Date(Date.now() - 60_000) } });
    const refused = asData(await submitConfirmation(link.searchParams));
    expect(refused.init?.status).toBe(400);
    expect(refused.data).toEqual({ failed: true });
    expect(await sessionsOf(email)).toBe(0);
  });

  test("a tampered token is refused and the real one still works", async () => {
    const email = uniqueAddress("tampered");
    asResponse(await requestLink(email));
    const link = await emailedLinkFor(email);
    const token = link.searchParams.get("token")!;
    const tampered = new URLSearchParams(link.searchParams);
    tampered.set("token", `${token.slice(0, -1)}${token.endsWith("0") ? "1" : "0"}`);

    const refused = asData(await submitConfirmation(tampered));
    expect(refused.init?.status).toBe(400);
    expect(await sessionsOf(email)).toBe(0);

    const otherAddress = new URLSearchParams(link.searchParams);
    otherAddress.set("email", uniqueAddress("someone-else"));
    expect(asData(await submitConfirmation(otherAddress)).init?.status).toBe(400);

    expect(asResponse(await submitConfirmation(link.searchParams)).status).toBe(302);
    expect(await sessionsOf(email)).toBe(1);
  });

  test("Auth.js's own callback URL, opened with GET, only forwards to the confirmation page", async () => {
    const email = uniqueAddress("raw-callback");
    asResponse(await requestLink(email));
    const link = await emailedLinkFor(email);

    const response = asResponse(
      await authApiRoute.loader({
        request: new Request(`${APP_URL}/api/auth/callback/email${link.search}`),
        params: { "*": "callback/email" },
        context: { clientAddress: uniqueClient() },
      }),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/sign-in/confirm${link.search}`);
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(await pendingTokensOf(email)).toBe(1);
    expect(await sessionsOf(email)).toBe(0);
  });

  test("signing in accepts the address's pending teammate invitations", async () => {
    const email = uniqueAddress("invitee");
    const inviter = await createUser();
    const inviting = await createOrganization(inviter);
    const lapsed = await createOrganization(inviter);
    await db.teammateInvitation.createMany({
      data: [
        { organizationId: inviting.id, email, role: "manager", invitedById: inviter.id, expiresAt: new Date(Date.now() + 86_400_000) },
        { organizationId: lapsed.id, email, role: "admin", invitedById: inviter.id, expiresAt: new Date(Date.now() - 60_000) },
      ],
    });

    const { response } = await signInThroughEmailedLink(email, `/o/${inviting.slug}`);
    expect(response.headers.get("location")).toBe(`/o/${inviting.slug}`);

    const memberships = await db.membership.findMany({ where: { user: { email } }, select: { organizationId: true, role: true } });
    expect(memberships).toEqual([{ organizationId: inviting.id, role: "manager" }]);
    const invitation = await db.teammateInvitation.findUniqueOrThrow({ where: { organizationId_email: { organizationId: inviting.id, email } } });
    expect(invitation.acceptedAt).toBeInstanceOf(Date);
  });
});

describe("sessions", () => {
  test("signing out deletes the session, clears the cookie, and the old cookie no longer works", async () => {
    const user = await createUser();
    const cookie = await createSessionCookie(user);
    const asBrowser = () => new Request(`${APP_URL}/`, { headers: { cookie } });
    expect((await getSessionUser(asBrowser()))?.id).toBe(user.id);

    const response = asResponse(
      await signOutRoute.action({
        request: new Request(`${APP_URL}/sign-out`, { method: "POST", headers: { cookie } }),
        params: {},
        context: { clientAddress: uniqueClient() },
      }),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/");
    const cleared = response.headers.getSetCookie().find((header) => header.startsWith("authjs.session-token="));
    expect(cleared).toMatch(/^authjs\.session-token=;.*Max-Age=0/);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await getSessionUser(asBrowser())).toBeNull();
  });

  test("a protected page sends a visitor without a session to sign in, then back", async () => {
    const thrown = await requireUser(new Request(`${APP_URL}/o/acme/members?tab=pending`)).catch((error: unknown) => error);
    const response = asResponse(thrown);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/sign-in?${new URLSearchParams({ redirectTo: "/o/acme/members?tab=pending" })}`);
  });
});

describe("safeRedirectPath", () => {
  test.each(["//evil.com", "https://evil.com", "/\\evil.com", "/\t/evil.com", "evil.com", "", undefined])(
    "sends %j home",
    (value) => {
      expect(safeRedirectPath.parse(value)).toBe("/");
    },
  );

  test("keeps a same-site path with its query", () => {
    expect(safeRedirectPath.parse("/o/acme/events?view=past")).toBe("/o/acme/events?view=past");
  });
});
