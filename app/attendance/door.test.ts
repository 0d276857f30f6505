import QRCode from "qrcode";
import { describe, expect, test } from "vitest";
import { db } from "~/platform/db.server";
import { env } from "~/platform/env.server";
import { action as doorAction, loader as doorLoader } from "~/routes/check-in.$invitationId";
import { loader as qrLoader } from "~/routes/check-in.$invitationId.qr[.]png";
import { createOrganization, createSessionCookie, createUser } from "#tests/factories";
import { addInvitees, confirmedEventWorld } from "#tests/invitations/world";
import { routeContext } from "#tests/requests";
import { checkInEntryPath, checkInListPath, checkInQrImagePath } from "./paths";
import { CHECK_IN_QR_OPTIONS } from "./qr.server";
import { callRoute, invitationSnapshot, outcomeOf } from "./test-world.test-support";

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

async function openEntry(invitationId: string, user: { id: string } | null, method: "GET" | "HEAD" = "GET") {
  const cookie = user ? await createSessionCookie(user) : "";
  const request = new Request(`http://localhost:3000${checkInEntryPath(invitationId)}`, { method, headers: { cookie } });
  return outcomeOf(() => doorLoader({ request, params: { invitationId }, context: routeContext } as never));
}

function postEntry(invitationId: string, user: { id: string }, intent: string) {
  return outcomeOf(() => callRoute(doorAction, checkInEntryPath(invitationId), { invitationId }, user, { intent }));
}

describe("the QR code's entry page", () => {
  test("a signed-out visitor is sent to sign in and back", async () => {
    const world = await confirmedEventWorld();
    const [invitee] = await addInvitees(world, "acme", 1, { status: "attending" });

    const outcome = await openEntry(invitee!.id, null);

    expect(outcome.status).toBe(302);
    expect(outcome.headers!.get("location")).toBe(`/sign-in?${new URLSearchParams({ redirectTo: checkInEntryPath(invitee!.id) })}`);
  });

  test("the invitee's own organisers go to the entry in their check-in list, and GET or HEAD changes nothing", async () => {
    const world = await confirmedEventWorld();
    const [invitee] = await addInvitees(world, "acme", 1, { status: "attending" });
    const before = await invitationSnapshot(invitee!.id);

    for (const method of ["GET", "HEAD"] as const) {
      const outcome = await openEntry(invitee!.id, world.acme.manager, method);
      expect(outcome.status).toBe(302);
      expect(outcome.headers!.get("location")).toBe(checkInListPath(world.acme.organization.slug, world.eventId, invitee!.id));
    }
    expect(await invitationSnapshot(invitee!.id)).toBe(before);
  });

  test("the partner's organisers see the name and company only, and can check the person in", async () => {
    const world = await confirmedEventWorld();
    const [invitee] = await addInvitees(world, "acme", 1, { status: "attending" });
    const before = await invitationSnapshot(invitee!.id);

    const page = await openEntry(invitee!.id, world.globex.manager);

    expect(page).toMatchObject({ status: 200, body: { side: "partner", name: invitee!.name, companyName: world.acme.organization.name, checkedIn: null, closedReason: null } });
    expect(JSON.stringify(page.body)).not.toContain(invitee!.email);
    expect(await invitationSnapshot(invitee!.id)).toBe(before);

    expect((await postEntry(invitee!.id, world.globex.manager, "mark-attended")).body).toMatchObject({ ok: true, message: expect.stringContaining(`Checked in ${invitee!.name}`) });
    expect(await db.eventInvitation.findUniqueOrThrow({ where: { id: invitee!.id } })).toMatchObject({ checkedInById: world.globex.manager.id, checkedInAt: expect.any(Date) });
    expect((await postEntry(invitee!.id, world.globex.manager, "mark-attended")).body).toMatchObject({ ok: true, message: expect.stringContaining("already checked in") });
    expect((await openEntry(invitee!.id, world.globex.manager)).body).toMatchObject({ checkedIn: { by: world.globex.manager.name } });
  });

  test("anyone else gets a 404, and so does an unknown code or someone taken off the list", async () => {
    const world = await confirmedEventWorld();
    const [invitee] = await addInvitees(world, "acme", 1, { status: "attending" });
    const outsider = await createUser();
    await createOrganization(outsider);
    const before = await invitationSnapshot(invitee!.id);

    for (const user of [outsider, world.acme.member, world.globex.member]) {
      expect((await openEntry(invitee!.id, user)).status).toBe(404);
      expect((await postEntry(invitee!.id, user, "mark-attended")).status).toBe(404);
    }
    expect((await openEntry("no-such-invitation", world.acme.manager)).status).toBe(404);
    expect(await invitationSnapshot(invitee!.id)).toBe(before);

    await db.eventInvitation.update({ where: { id: invitee!.id }, data: { revokedAt: new Date() } });
    expect((await openEntry(invitee!.id, world.acme.manager)).status, "taken off the list").toBe(404);
  });
});

describe("the QR code image", () => {
  test("is a PNG of the entry page's full URL, cacheable by anyone", async () => {
    const world = await confirmedEventWorld();
    const [invitee] = await addInvitees(world, "acme", 1, { status: "attending" });

    const response = (await callRoute(qrLoader, checkInQrImagePath(invitee!.id), { invitationId: invitee!.id }, null)) as Response;

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("cache-control")).toContain("public");
    expect(response.headers.get("cross-origin-resource-policy"), "webmail shows it from another origin").toBe("cross-origin");
    const png = Buffer.from(await response.arrayBuffer());
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    const expected = await QRCode.toBuffer(`${env().APP_URL}/check-in/${invitee!.id}`, CHECK_IN_QR_OPTIONS);
    expect(png.equals(expected)).toBe(true);
  });

  test("an unknown id is a 404", async () => {
    const outcome = await outcomeOf(() => callRoute(qrLoader, checkInQrImagePath("no-such-invitation"), { invitationId: "no-such-invitation" }, null));
    expect(outcome.status).toBe(404);
  });
});
