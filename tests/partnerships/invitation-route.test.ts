import { describe, expect, test } from "vitest";
import * as invitationRoute from "~/routes/partnerships.invitations.$partnershipId";
import { createOrganization, createSessionCookie, createUser, uniqueSuffix } from "#tests/factories";
import { callRoute } from "./route-calls";
import { invitationSnapshot, invitationToCompanyOwner } from "./world";

async function invitation() {
  const { initiator, contact, partner, partnershipId } = await invitationToCompanyOwner("Shall we?");
  const path = `/partnerships/invitations/${partnershipId}`;
  const params = { partnershipId };
  return {
    initiator,
    contact,
    partner,
    partnershipId,
    open: async (person: { id: string } | null) => callRoute(invitationRoute.loader, { path, params, cookie: person ? await createSessionCookie(person) : "" }),
    answer: async (person: { id: string }, form: Record<string, string>) => callRoute(invitationRoute.action, { path, params, cookie: await createSessionCookie(person), form }),
  };
}

describe("the partnership invitation page", () => {
  test("a signed-out visitor is sent to sign in and brought back", async () => {
    const { open, partnershipId } = await invitation();

    const outcome = await open(null);

    expect(outcome.status).toBe(302);
    expect(outcome.headers.get("location")).toBe(`/sign-in?${new URLSearchParams({ redirectTo: `/partnerships/invitations/${partnershipId}` })}`);
  });

  test("opening it never changes anything: as the contact, as someone else, and once answered", async () => {
    const { open, answer, contact, partnershipId } = await invitation();
    const stranger = await createUser();
    const before = await invitationSnapshot(partnershipId);

    expect((await open(contact)).body).toMatchObject({ invitation: { state: "pending", message: "Shall we?" } });
    expect((await open(stranger)).body).toMatchObject({ invitation: { state: "wrong-address", sentTo: "c•••@partner.example" } });
    expect(await invitationSnapshot(partnershipId)).toBe(before);

    await answer(contact, { intent: "decline" });
    const answered = await invitationSnapshot(partnershipId);
    expect((await open(contact)).body).toMatchObject({ invitation: { state: "answered", status: "declined" } });
    expect(await invitationSnapshot(partnershipId)).toBe(answered);
  });

  test("someone signed in with another address sees only a masked hint of the right one", async () => {
    const { open, contact } = await invitation();

    const { body } = await open(await createUser());

    expect(JSON.stringify(body)).not.toContain(contact.email);
  });

  test("accepting for an existing company leads to the partnership's page", async () => {
    const { answer, contact, partner, partnershipId } = await invitation();

    const outcome = await answer(contact, { intent: "accept", organizationId: partner.id });

    expect(outcome.status).toBe(302);
    expect(outcome.headers.get("location")).toBe(`/o/${partner.slug}/partners/${partnershipId}`);
  });

  test("accepting with a new company creates it; a taken address is explained next to the field", async () => {
    const { answer, contact, partner, partnershipId } = await invitation();

    const taken = await answer(contact, { intent: "accept-new", name: "Globex", slug: partner.slug });
    expect(taken.status).toBe(400);
    expect(taken.body).toMatchObject({ form: "accept-new", result: { error: { slug: [expect.stringContaining("taken")] } } });

    const slug = `globex-${uniqueSuffix()}`;
    const created = await answer(contact, { intent: "accept-new", name: "Globex", slug });
    expect(created.headers.get("location")).toBe(`/o/${slug}/partners/${partnershipId}`);
  });

  test("someone signed in with another address can't answer (403)", async () => {
    const { answer, partnershipId } = await invitation();
    const stranger = await createUser();
    const strangersCompany = await createOrganization(stranger);
    const before = await invitationSnapshot(partnershipId);

    expect((await answer(stranger, { intent: "accept", organizationId: strangersCompany.id })).status).toBe(403);
    expect((await answer(stranger, { intent: "decline" })).status).toBe(403);
    expect(await invitationSnapshot(partnershipId)).toBe(before);
  });

  test("an answered invitation says so when answered again (409)", async () => {
    const { answer, contact, partner } = await invitation();
    await answer(contact, { intent: "decline" });

    const outcome = await answer(contact, { intent: "accept", organizationId: partner.id });

    expect(outcome.status).toBe(409);
    expect(outcome.body).toMatchObject({ form: "accept", problem: { message: expect.stringContaining("already been answered") } });
  });

  test("signing out to switch address comes back to the invitation", async () => {
    const { answer, contact, partnershipId } = await invitation();

    const outcome = await answer(contact, { intent: "sign-out" });

    expect(outcome.status).toBe(302);
    expect(outcome.headers.get("location")).toBe(`/sign-in?${new URLSearchParams({ redirectTo: `/partnerships/invitations/${partnershipId}` })}`);
    expect(outcome.headers.get("set-cookie")).toContain("Max-Age=0");
  });
});
