import { describe, expect, test } from "vitest";
import type { Role } from "~/generated/prisma/enums";
import { db } from "~/platform/db.server";
import { requireTenant } from "~/platform/tenancy.server";
import * as membersPage from "~/routes/o.$slug.members";
import { addMember, createCompanyWithEveryRole, createOrganization, createSessionCookie, createUser, scopeFor, uniqueSuffix } from "#tests/factories";
import { browserRequest, routeContext } from "#tests/requests";
import { changeMemberRole, leaveOrganization, listMembers, removeMember } from "./members.server";
import { MemberRuleError } from "./rules";

async function ownedCompany() {
  const owner = await createUser();
  const organization = await createOrganization(owner);
  const ownerMembership = await db.membership.findFirstOrThrow({ where: { organizationId: organization.id, userId: owner.id } });
  return { owner, organization, ownerMembershipId: ownerMembership.id, scope: scopeFor(organization, owner, "owner") };
}

function roleOf(membershipId: string) {
  return db.membership.findUnique({ where: { id: membershipId }, select: { role: true } }).then((membership) => membership?.role ?? null);
}

function membersPageRequest(slug: string, cookie: string, form?: Record<string, string>) {
  return browserRequest(`/o/${slug}/members`, cookie, form);
}

async function postToMembersPage(slug: string, user: { id: string }, form: Record<string, string>) {
  const request = membersPageRequest(slug, await createSessionCookie(user), form);
  return membersPage.action({ request, params: { slug }, context: routeContext });
}

/** The action answers with a plain object, `data(…, { status })`, or a redirect Response. */
function statusAndBody(result: Awaited<ReturnType<typeof membersPage.action>>) {
  if (result instanceof Response) return { status: result.status, location: result.headers.get("Location"), body: undefined };
  if ("init" in result && "data" in result) return { status: result.init?.status ?? 200, location: null, body: result.data };
  return { status: 200, location: null, body: result };
}

describe("changeMemberRole", () => {
  test("an admin can't promote anyone to owner", async () => {
    const company = await createCompanyWithEveryRole();
    const { membershipId } = await addMember(company.organization, "manager");

    await expect(changeMemberRole(scopeFor(company.organization, company.admin, "admin"), membershipId, "owner")).rejects.toThrow(
      "As an admin, you can't make someone an owner.",
    );

    expect(await roleOf(membershipId)).toBe("manager");
  });

  test("an admin can't change or remove an owner", async () => {
    const { organization, ownerMembershipId } = await ownedCompany();
    const { user: admin } = await addMember(organization, "admin");
    const adminScope = scopeFor(organization, admin, "admin");

    await expect(changeMemberRole(adminScope, ownerMembershipId, "member")).rejects.toThrow("As an admin, you can't change the role of an owner.");
    await expect(removeMember(adminScope, ownerMembershipId)).rejects.toThrow("As an admin, you can't remove an owner.");

    expect(await roleOf(ownerMembershipId)).toBe("owner");
  });

  test("an admin can change roles up to admin", async () => {
    const company = await createCompanyWithEveryRole();
    const { membershipId } = await addMember(company.organization, "member");

    const changed = await changeMemberRole(scopeFor(company.organization, company.admin, "admin"), membershipId, "admin");

    expect(changed.role).toBe("admin");
    expect(await roleOf(membershipId)).toBe("admin");
  });

  test("the last owner can't be demoted, with a message that says what to do", async () => {
    const { organization, ownerMembershipId, scope } = await ownedCompany();

    await expect(changeMemberRole(scope, ownerMembershipId, "admin")).rejects.toThrow(
      `${organization.name} needs at least one owner. Make someone else an owner first.`,
    );

    expect(await roleOf(ownerMembershipId)).toBe("owner");
  });

  test("an owner can demote another owner while two exist, but not the one who remains", async () => {
    const { organization, ownerMembershipId, scope } = await ownedCompany();
    const { user: coOwner, membershipId: coOwnerMembershipId } = await addMember(organization, "owner");

    await changeMemberRole(scope, coOwnerMembershipId, "admin");

    expect(await roleOf(coOwnerMembershipId)).toBe("admin");
    await expect(changeMemberRole(scopeFor(organization, coOwner, "owner"), ownerMembershipId, "admin")).rejects.toThrow(MemberRuleError);
    expect(await roleOf(ownerMembershipId)).toBe("owner");
  });

  test.each<Role>(["manager", "member"])("a %s can't change roles: 403", async (role) => {
    const company = await createCompanyWithEveryRole();
    const { membershipId } = await addMember(company.organization, "member");

    await expect(changeMemberRole(scopeFor(company.organization, company[role], role), membershipId, "manager")).rejects.toMatchObject({
      init: { status: 403 },
    });

    expect(await roleOf(membershipId)).toBe("member");
  });

  test("a membership from another company is out of reach, and that company's row is untouched", async () => {
    const ours = await ownedCompany();
    const theirs = await ownedCompany();
    const { membershipId: theirMembershipId } = await addMember(theirs.organization, "member");

    await expect(changeMemberRole(ours.scope, theirMembershipId, "admin")).rejects.toThrow("That person is no longer a member.");
    await expect(removeMember(ours.scope, theirMembershipId)).rejects.toThrow("That person is no longer a member.");

    const untouched = await db.membership.findUniqueOrThrow({ where: { id: theirMembershipId } });
    expect(untouched).toMatchObject({ organizationId: theirs.organization.id, role: "member" });
  });
});

describe("removeMember", () => {
  test("a removed member loses access on their very next request", async () => {
    const { organization, scope } = await ownedCompany();
    const { user: colleague, membershipId } = await addMember(organization, "manager");
    const cookie = await createSessionCookie(colleague);
    const request = () => membersPageRequest(organization.slug, cookie);
    await expect(requireTenant(request(), organization.slug)).resolves.toMatchObject({ scope: { role: "manager" } });

    await removeMember(scope, membershipId);

    await expect(requireTenant(request(), organization.slug)).rejects.toMatchObject({ init: { status: 404 } });
  });

  test("the last owner can't remove themselves", async () => {
    const { ownerMembershipId, scope } = await ownedCompany();

    await expect(removeMember(scope, ownerMembershipId)).rejects.toThrow("needs at least one owner");

    expect(await roleOf(ownerMembershipId)).toBe("owner");
  });

  test("a manager can't remove anyone: 403", async () => {
    const company = await createCompanyWithEveryRole();
    const { membershipId } = await addMember(company.organization, "member");

    await expect(removeMember(scopeFor(company.organization, company.manager, "manager"), membershipId)).rejects.toMatchObject({ init: { status: 403 } });

    expect(await roleOf(membershipId)).toBe("member");
  });
});

describe("leaveOrganization", () => {
  test("a member without members:manage can leave, and loses access at once", async () => {
    const company = await createCompanyWithEveryRole();
    const cookie = await createSessionCookie(company.member);

    await leaveOrganization(scopeFor(company.organization, company.member, "member"));

    expect(await db.membership.count({ where: { organizationId: company.organization.id, userId: company.member.id } })).toBe(0);
    await expect(requireTenant(membersPageRequest(company.organization.slug, cookie), company.organization.slug)).rejects.toMatchObject({
      init: { status: 404 },
    });
  });

  test("the last owner can't leave", async () => {
    const { organization, owner, ownerMembershipId, scope } = await ownedCompany();

    await expect(leaveOrganization(scope)).rejects.toThrow(`${organization.name} needs at least one owner.`);
    // The role is read from the database, not trusted from a scope that may be out of date.
    await expect(leaveOrganization(scopeFor(organization, owner, "member"))).rejects.toThrow(MemberRuleError);

    expect(await roleOf(ownerMembershipId)).toBe("owner");
  });

  test("an owner can leave when another owner remains", async () => {
    const { organization, owner, ownerMembershipId, scope } = await ownedCompany();
    await addMember(organization, "owner");

    await leaveOrganization(scope);

    expect(await roleOf(ownerMembershipId)).toBeNull();
    expect(await db.membership.count({ where: { userId: owner.id } })).toBe(0);
  });
});

describe("listMembers", () => {
  test("lists the company's members, owners first, and nobody else's", async () => {
    const company = await createCompanyWithEveryRole();
    const other = await ownedCompany();

    const members = await listMembers(scopeFor(company.organization, company.member, "member"));

    expect(members.map((member) => member.role)).toEqual(["owner", "admin", "manager", "member"]);
    expect(members.map((member) => member.user.id)).not.toContain(other.owner.id);
  });
});

describe("the members page", () => {
  test("the loader offers controls only where the viewer may use them", async () => {
    const company = await createCompanyWithEveryRole();
    const slug = company.organization.slug;
    const load = async (user: { id: string }) =>
      membersPage.loader({ request: membersPageRequest(slug, await createSessionCookie(user)), params: { slug }, context: routeContext });

    const asAdmin = await load(company.admin);
    expect(asAdmin.assignableRoles).toEqual(["admin", "manager", "member"]);
    expect(Object.fromEntries(asAdmin.members.map((member) => [member.role, member.manageable]))).toEqual({
      owner: false,
      admin: true,
      manager: true,
      member: true,
    });
    expect(asAdmin.members.find((member) => member.isYou)?.role).toBe("admin");
    expect(asAdmin.isSoleOwner).toBe(false);

    const asManager = await load(company.manager);
    expect(asManager.canInvite).toBe(true);
    expect(asManager.members.some((member) => member.manageable)).toBe(false);

    const asOwner = await load(company.owner);
    expect(asOwner.isSoleOwner).toBe(true);
  });

  test("an invitation posted through the action is saved and its email queued", async () => {
    const { organization, owner } = await ownedCompany();
    const email = `invitee-${uniqueSuffix()}@example.com`;

    const { status, body } = statusAndBody(await postToMembersPage(organization.slug, owner, { intent: "invite", email: `  ${email.toUpperCase()} `, role: "member" }));

    expect(status).toBe(200);
    expect(body).toMatchObject({ form: "invite", sentTo: email });
    expect(await db.teammateInvitation.count({ where: { organizationId: organization.id, email } })).toBe(1);
    expect(await db.outboundEmail.count({ where: { to: email } })).toBe(1);
  });

  test("an invalid email is a 400 with an error on the email field, and nothing is saved", async () => {
    const { organization, owner } = await ownedCompany();
    const emailsBefore = await db.outboundEmail.count();

    const { status, body } = statusAndBody(await postToMembersPage(organization.slug, owner, { intent: "invite", email: "not-an-address", role: "member" }));

    expect(status).toBe(400);
    expect(body).toMatchObject({ form: "invite", sentTo: null, result: { error: { email: ["Enter an address like name@company.com."] } } });
    expect(await db.teammateInvitation.count({ where: { organizationId: organization.id } })).toBe(0);
    expect(await db.outboundEmail.count()).toBe(emailsBefore);
  });

  test("an unknown intent is a 400", async () => {
    const { organization, owner } = await ownedCompany();

    const { status, body } = statusAndBody(await postToMembersPage(organization.slug, owner, { intent: "delete-company" }));

    expect(status).toBe(400);
    expect(body).toMatchObject({ form: "page", ok: false });
  });

  test("a broken rule is a 400 whose message belongs to the row it is about", async () => {
    const { organization, owner, ownerMembershipId } = await ownedCompany();

    const { status, body } = statusAndBody(await postToMembersPage(organization.slug, owner, { intent: "change-role", membershipId: ownerMembershipId, role: "member" }));

    expect(status).toBe(400);
    expect(body).toEqual({
      form: "member",
      membershipId: ownerMembershipId,
      ok: false,
      message: `${organization.name} needs at least one owner. Make someone else an owner first.`,
    });
    expect(await roleOf(ownerMembershipId)).toBe("owner");
  });

  test("a manager posting a role change gets 403 and nothing changes", async () => {
    const company = await createCompanyWithEveryRole();
    const { membershipId } = await addMember(company.organization, "member");

    await expect(
      postToMembersPage(company.organization.slug, company.manager, { intent: "change-role", membershipId, role: "manager" }),
    ).rejects.toMatchObject({ init: { status: 403 } });

    expect(await roleOf(membershipId)).toBe("member");
  });

  test("leaving through the action sends the person home", async () => {
    const company = await createCompanyWithEveryRole();

    const { status, location } = statusAndBody(await postToMembersPage(company.organization.slug, company.member, { intent: "leave" }));

    expect(status).toBe(302);
    expect(location).toBe("/");
    expect(await db.membership.count({ where: { organizationId: company.organization.id, userId: company.member.id } })).toBe(0);
  });

  test("an owner removing their own membership is sent home too, once another owner remains", async () => {
    const { organization, owner, ownerMembershipId } = await ownedCompany();
    await addMember(organization, "owner");

    const { status, location } = statusAndBody(await postToMembersPage(organization.slug, owner, { intent: "remove", membershipId: ownerMembershipId }));

    expect(status).toBe(302);
    expect(location).toBe("/");
    expect(await roleOf(ownerMembershipId)).toBeNull();
  });

  test("the last owner trying to leave gets the reason in the danger zone", async () => {
    const { organization, owner, ownerMembershipId } = await ownedCompany();

    const { status, body } = statusAndBody(await postToMembersPage(organization.slug, owner, { intent: "leave" }));

    expect(status).toBe(400);
    expect(body).toMatchObject({ form: "leave", ok: false, message: expect.stringContaining("needs at least one owner") });
    expect(await roleOf(ownerMembershipId)).toBe("owner");
  });
});
