import type { Submission, SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { Alert } from "~/components/ui/alert";
import { OutcomeAlert } from "~/components/ui/outcome-alert";
import { PageHeader } from "~/components/ui/page-header";
import { routeErrorMessage } from "~/components/ui/route-error-message";
import { InviteTeammateForm } from "~/members/components/invite-teammate-form";
import { LeaveOrganization } from "~/members/components/leave-organization";
import { MembersList } from "~/members/components/members-list";
import { PendingInvitations } from "~/members/components/pending-invitations";
import { INVITATION_VALID_DAYS, inviteTeammate, listPendingInvitations, resendInvitation, revokeInvitation } from "~/members/invitations.server";
import { changeMemberRole, leaveOrganization, listMembers, removeMember } from "~/members/members.server";
import { MemberRuleError } from "~/members/rules";
import { memberActionSchema } from "~/members/schemas";
import { canAssignRole, roleCan, roleLabels, rolesAssignableBy } from "~/organizations/permissions";
import { requireTenant, type TenantScope } from "~/platform/tenancy.server";
import type { z } from "zod";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Members · ${data?.organization.name ?? "Company"} · Rapport` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireTenant(request, params.slug, "members:view");
  const [members, invitations] = await Promise.all([listMembers(scope), listPendingInvitations(scope)]);
  const canManage = roleCan(scope.role, "members:manage");
  const canInvite = roleCan(scope.role, "members:invite");
  return {
    organization: { name: scope.organizationName, slug: scope.organizationSlug },
    canInvite,
    assignableRoles: rolesAssignableBy(scope.role),
    invitationValidDays: INVITATION_VALID_DAYS,
    isSoleOwner: scope.role === "owner" && members.filter((member) => member.role === "owner").length === 1,
    members: members.map((member) => ({
      id: member.id,
      name: member.user.name ?? member.user.email,
      email: member.user.email,
      role: member.role,
      joinedAt: member.createdAt,
      isYou: member.user.id === scope.userId,
      manageable: canManage && canAssignRole(scope.role, member.role),
    })),
    invitations: invitations.map((invitation) => ({
      id: invitation.id,
      email: invitation.email,
      role: invitation.role,
      invitedBy: invitation.invitedBy.name ?? invitation.invitedBy.email,
      sentAt: invitation.lastSentAt,
      expiresAt: invitation.expiresAt,
      manageable: canInvite && canAssignRole(scope.role, invitation.role),
    })),
  };
}

type MemberAction = Extract<Submission<z.output<typeof memberActionSchema>>, { status: "success" }>;

/** Tells the page which of its forms a response is about. */
type MemberActionResult =
  | { form: "invite"; result: SubmissionResult<string[]>; sentTo: string | null }
  | { form: "member"; membershipId: string; ok: boolean; message: string }
  | { form: "invitation"; invitationId: string; ok: boolean; message: string }
  | { form: "leave"; ok: false; message: string }
  | { form: "page"; ok: false; message: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope } = await requireTenant(request, params.slug, "members:view");
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: memberActionSchema });
  if (submission.status !== "success") {
    // Only the invite form takes typed input; any other malformed post comes from a stale or edited page.
    const result: MemberActionResult =
      formData.get("intent") === "invite"
        ? { form: "invite", result: submission.reply(), sentTo: null }
        : { form: "page", ok: false, message: "We couldn't make sense of that request. Reload the page and try again." };
    return data(result, { status: 400 });
  }
  try {
    return await performMemberAction(scope, submission);
  } catch (error) {
    if (error instanceof MemberRuleError) return data(ruleBroken(submission, error.message), { status: 400 });
    throw error;
  }
}

async function performMemberAction(scope: TenantScope, submission: MemberAction): Promise<MemberActionResult | Response> {
  const input = submission.value;
  switch (input.intent) {
    case "invite": {
      const invitation = await inviteTeammate(scope, input);
      return { form: "invite", result: submission.reply({ resetForm: true }), sentTo: invitation.email };
    }
    case "change-role": {
      const member = await changeMemberRole(scope, input.membershipId, input.role);
      return { form: "member", membershipId: input.membershipId, ok: true, message: `${member.name} is now ${roleLabels[member.role].toLowerCase()}.` };
    }
    case "remove": {
      const member = await removeMember(scope, input.membershipId);
      if (member.userId === scope.userId) return redirect("/");
      return { form: "member", membershipId: input.membershipId, ok: true, message: `${member.name} was removed from ${scope.organizationName}.` };
    }
    case "resend-invitation": {
      const invitation = await resendInvitation(scope, input.invitationId);
      return { form: "invitation", invitationId: input.invitationId, ok: true, message: `Invitation sent to ${invitation.email} again.` };
    }
    case "revoke-invitation": {
      const invitation = await revokeInvitation(scope, input.invitationId);
      return { form: "invitation", invitationId: input.invitationId, ok: true, message: `The invitation to ${invitation.email} was revoked.` };
    }
    case "leave":
      await leaveOrganization(scope);
      return redirect("/");
  }
}

function ruleBroken(submission: MemberAction, message: string): MemberActionResult {
  const input = submission.value;
  switch (input.intent) {
    case "invite":
      return { form: "invite", result: submission.reply({ formErrors: [message] }), sentTo: null };
    case "change-role":
    case "remove":
      return { form: "member", membershipId: input.membershipId, ok: false, message };
    case "resend-invitation":
    case "revoke-invitation":
      return { form: "invitation", invitationId: input.invitationId, ok: false, message };
    case "leave":
      return { form: "leave", ok: false, message };
  }
}

export default function Members() {
  const { organization, canInvite, assignableRoles, invitationValidDays, isSoleOwner, members, invitations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="space-y-6">
      <PageHeader title="Members" description={`The people in ${organization.name}, and what each of them can do.`} />
      <OutcomeAlert outcome={actionData?.form === "page" ? actionData : undefined} />
      <div className="grid gap-6 lg:grid-cols-3 lg:items-start">
        <div className="space-y-6 lg:col-span-2">
          <MembersList
            organizationName={organization.name}
            members={members}
            assignableRoles={assignableRoles}
            outcome={actionData?.form === "member" ? actionData : undefined}
          />
          <PendingInvitations invitations={invitations} canInvite={canInvite} outcome={actionData?.form === "invitation" ? actionData : undefined} />
        </div>
        {canInvite ? (
          <InviteTeammateForm
            organizationName={organization.name}
            assignableRoles={assignableRoles}
            invitationValidDays={invitationValidDays}
            outcome={actionData?.form === "invite" ? actionData : undefined}
          />
        ) : null}
      </div>
      <LeaveOrganization organizationName={organization.name} isSoleOwner={isSoleOwner} outcome={actionData?.form === "leave" ? actionData : undefined} />
    </div>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const message = routeErrorMessage(error);
  return (
    <div className="space-y-6">
      <PageHeader title="Members" />
      <Alert tone="error">{message}</Alert>
    </div>
  );
}
