import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, ButtonLink } from "~/components/ui/button";
import { Card, CardBody } from "~/components/ui/card";
import { SlugTakenError } from "~/organizations/organizations.server";
import { InvitationAnswer, type AnswerProblem } from "~/partnerships/components/invitation-answer";
import { partnershipInvitationPath } from "~/partnerships/paths";
import {
  acceptPartnershipInvitation,
  acceptPartnershipInvitationWithNewCompany,
  declinePartnershipInvitation,
  getPartnershipInvitation,
  type InvitationView,
} from "~/partnerships/responses.server";
import { PartnershipRuleError } from "~/partnerships/rules";
import { invitationResponseSchema } from "~/partnerships/schemas";
import { requireUser, signOut } from "~/platform/auth.server";

export const meta: MetaFunction = () => [{ title: "Partnership invitation · Rapport" }];

/** Shows the invitation to the person it was sent to. Opening it changes nothing: only the forms below do. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  try {
    return { invitation: await getPartnershipInvitation(user, params.partnershipId!) };
  } catch (error) {
    if (error instanceof PartnershipRuleError) throw data({ error: "invitation", message: error.message }, { status: error.status });
    throw error;
  }
}

type AnswerResult =
  | { form: "accept" | "decline"; problem: AnswerProblem }
  | { form: "accept-new"; result: SubmissionResult<string[]> };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const partnershipId = params.partnershipId!;
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: invitationResponseSchema });
  if (submission.status !== "success") {
    const result: AnswerResult =
      formData.get("intent") === "accept-new"
        ? { form: "accept-new", result: submission.reply() }
        : { form: "accept", problem: { message: "Choose the company you're accepting for." } };
    return data(result, { status: 400 });
  }
  const input = submission.value;
  try {
    switch (input.intent) {
      case "accept":
        return redirect((await acceptPartnershipInvitation(user, partnershipId, input.organizationId)).workspacePath);
      case "accept-new":
        return redirect((await acceptPartnershipInvitationWithNewCompany(user, partnershipId, input)).workspacePath);
      case "decline":
        await declinePartnershipInvitation(user, partnershipId);
        return redirect(partnershipInvitationPath(partnershipId));
      case "sign-out":
        // Back to this page after signing in with the right address.
        return redirect(`/sign-in?${new URLSearchParams({ redirectTo: partnershipInvitationPath(partnershipId) })}`, { headers: await signOut(request) });
    }
  } catch (error) {
    if (input.intent === "accept-new" && error instanceof SlugTakenError) {
      const result: AnswerResult = { form: "accept-new", result: submission.reply({ fieldErrors: { slug: ["That address is taken. Try another, e.g. with your city or industry."] } }) };
      return data(result, { status: 400 });
    }
    if (error instanceof PartnershipRuleError) {
      const problem: AnswerProblem = { message: error.message, link: error.link };
      const result: AnswerResult =
        input.intent === "accept-new" ? { form: "accept-new", result: submission.reply({ formErrors: [error.message] }) } : { form: input.intent === "decline" ? "decline" : "accept", problem };
      return data(result, { status: error.status });
    }
    throw error;
  }
}

export default function PartnershipInvitation() {
  const { invitation } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      {invitation.state === "pending" ? (
        <>
          <PendingHeader invitation={invitation} />
          <InvitationAnswer
            invitation={invitation}
            acceptProblem={actionData?.form === "accept" ? actionData.problem : undefined}
            newCompanyResult={actionData?.form === "accept-new" ? actionData.result : undefined}
            declineProblem={actionData?.form === "decline" ? actionData.problem : undefined}
          />
        </>
      ) : invitation.state === "wrong-address" ? (
        <WrongAddress invitation={invitation} />
      ) : (
        <Answered invitation={invitation} />
      )}
    </div>
  );
}

function PendingHeader({ invitation }: { invitation: Extract<InvitationView, { state: "pending" }> }) {
  return (
    <>
      <div>
        <p className="text-sm font-semibold text-brand-700">Partnership invitation</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight text-slate-900 sm:text-3xl">
          {invitation.initiatorName} would like to plan joint events with your company
        </h1>
        <p className="mt-2 text-slate-700">
          On Rapport, two partner companies plan outings and volunteer days together, as equals: ball games, dinners, a day at the food bank.
        </p>
      </div>
      <Card>
        <CardBody>
          {invitation.message ? (
            <figure>
              <blockquote className="border-l-4 border-brand-200 pl-4 break-words whitespace-pre-line text-slate-900">{invitation.message}</blockquote>
              <figcaption className="mt-2 text-sm text-slate-600">
                {invitation.inviterName}, {invitation.initiatorName} · sent {invitation.sentOn}
              </figcaption>
            </figure>
          ) : (
            <p className="text-slate-700">
              {invitation.inviterName} at {invitation.initiatorName} sent this invitation on {invitation.sentOn}.
            </p>
          )}
        </CardBody>
      </Card>
    </>
  );
}

function WrongAddress({ invitation }: { invitation: Extract<InvitationView, { state: "wrong-address" }> }) {
  return (
    <Card>
      <CardBody className="space-y-4">
        <h1 className="text-2xl font-semibold text-slate-900">This invitation was sent to another address</h1>
        <p className="text-slate-700">
          It was sent to <span className="font-medium text-slate-900">{invitation.sentTo}</span>, and you're signed in as{" "}
          <span className="font-medium break-all text-slate-900">{invitation.signedInAs}</span>. Sign out, then sign in with the address the invitation was
          sent to.
        </p>
        <Form method="post">
          <input type="hidden" name="intent" value="sign-out" />
          <Button type="submit">Sign out and use another address</Button>
        </Form>
      </CardBody>
    </Card>
  );
}

function Answered({ invitation }: { invitation: Extract<InvitationView, { state: "answered" }> }) {
  const { title, body } = answeredCopy(invitation);
  return (
    <Card>
      <CardBody className="space-y-4">
        <h1 className="text-2xl font-semibold text-slate-900">{title}</h1>
        <p className="text-slate-700">{body}</p>
        <div className="flex flex-wrap gap-3">
          {invitation.workspacePath ? <ButtonLink to={invitation.workspacePath}>Open the partnership</ButtonLink> : null}
          <Link to="/" className="self-center text-sm font-medium text-brand-700 underline underline-offset-4">
            Go to your companies
          </Link>
        </div>
      </CardBody>
    </Card>
  );
}

function answeredCopy(invitation: Extract<InvitationView, { state: "answered" }>): { title: string; body: string } {
  if (invitation.withdrawn) {
    return { title: "This invitation was withdrawn", body: `${invitation.initiatorName} took the invitation back, so there's nothing to answer. If that's a surprise, ask your contact there.` };
  }
  switch (invitation.status) {
    case "active":
      return { title: "This invitation has been accepted", body: `${invitation.initiatorName} and ${invitation.partnerName} already plan joint events together.` };
    case "declined":
      return { title: "This invitation was declined", body: `${invitation.initiatorName} has been told. If you change your mind, ask them to invite you again.` };
    case "ended":
      return {
        title: "This partnership has ended",
        body: `${invitation.initiatorName} and ${invitation.partnerName} no longer work together on Rapport. Its past events stay readable to both companies.`,
      };
  }
}
