import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { confirmSubmit } from "~/components/ui/confirm-submit";
import { PageHeader } from "~/components/ui/page-header";
import { EventRouteError } from "~/events/components/event-error";
import { PartnershipBreadcrumb } from "~/partnerships/components/partnership-breadcrumb";
import { partnershipWorkspacePath } from "~/partnerships/paths";
import { requireTenant } from "~/platform/tenancy.server";
import { PollResults } from "~/polls/components/poll-results";
import { answerPoll, closePoll, getPollResults, requirePoll } from "~/polls/polls.server";
import { PollRuleError } from "~/polls/rules";
import { pollActionSchema } from "~/polls/schemas";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.poll.question ?? "Poll"} · Rapport` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireTenant(request, params.slug, "partnerships:view");
  const results = await getPollResults(scope, params.pollId!);
  return { ...results, organizationSlug: scope.organizationSlug };
}

type PollActionResult = { ok: boolean; message: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope } = await requireTenant(request, params.slug, "partnerships:view");
  await requirePoll(scope, params.pollId!);
  const submission = parseWithZod(await request.formData(), { schema: pollActionSchema });
  if (submission.status !== "success") {
    return data<PollActionResult>({ ok: false, message: "Pick one of the choices, then save your answer." }, { status: 400 });
  }
  try {
    if (submission.value.intent === "close") {
      await closePoll(scope, params.pollId!);
      return { ok: true, message: "The poll is closed. The results below are final." } satisfies PollActionResult;
    }
    const answer = await answerPoll(scope, params.pollId!, submission.value.choice);
    return { ok: true, message: `Thanks! Your answer: ${answer.choice}. You can change it until the poll closes.` } satisfies PollActionResult;
  } catch (error) {
    if (error instanceof PollRuleError) return data<PollActionResult>({ ok: false, message: error.message }, { status: error.status });
    throw error;
  }
}

const longDate = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });

export default function PollPage() {
  const { poll, companies, yourAnswer, closedReason, canClose, organizationSlug } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const partner = companies.find((company) => !company.isYou);
  return (
    <div className="space-y-6">
      <PartnershipBreadcrumb
        organizationSlug={organizationSlug}
        workspacePath={partnershipWorkspacePath(organizationSlug, poll.partnershipId)}
        label={partner?.name ?? "Partnership"}
      />
      <PageHeader
        title={poll.question}
        description={`Asked by ${poll.askedBy} (${poll.askedByCompany}) on ${longDate.format(new Date(poll.createdAt))}. Each company sees the totals; nobody sees who answered what.`}
        actions={poll.closedAt ? <Badge tone="neutral">Closed</Badge> : <Badge tone="success">Open</Badge>}
      />
      {outcome ? <Alert tone={outcome.ok ? "success" : "error"}>{outcome.message}</Alert> : null}
      <Card>
        <CardHeader title="Your answer" description={yourAnswer ? `You chose ${yourAnswer}.` : "You haven't answered yet."} />
        <CardBody>
          {closedReason ? (
            <p className="text-sm text-slate-700">{closedReason}</p>
          ) : (
            <Form method="post" className="space-y-4">
              <input type="hidden" name="intent" value="answer" />
              <fieldset>
                <legend className="sr-only">{poll.question}</legend>
                <div className="grid gap-2 sm:grid-cols-2">
                  {poll.options.map((option) => (
                    <label
                      key={option}
                      className="flex min-h-11 cursor-pointer items-center gap-3 rounded-lg border border-slate-300 px-3 py-2 text-sm text-slate-900 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
                    >
                      <input type="radio" name="choice" value={option} defaultChecked={option === yourAnswer} required className="size-4 accent-brand-600" />
                      {option}
                    </label>
                  ))}
                </div>
              </fieldset>
              <Button type="submit" disabled={busy} className="w-full sm:w-auto">
                {yourAnswer ? "Change my answer" : "Save my answer"}
              </Button>
            </Form>
          )}
        </CardBody>
      </Card>
      <section aria-labelledby="poll-results-heading" className="space-y-4">
        <h2 id="poll-results-heading" className="text-lg font-semibold text-slate-900">
          Results by company
        </h2>
        <PollResults companies={companies} />
      </section>
      {canClose ? (
        <Form method="post" onSubmit={confirmSubmit("Close the poll? Nobody will be able to answer or change their answer.")}>
          <input type="hidden" name="intent" value="close" />
          <Button type="submit" variant="danger" disabled={busy}>
            Close the poll
          </Button>
        </Form>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <EventRouteError heading="Poll" />;
}
