import { Link } from "@remix-run/react";
import { Badge } from "~/components/ui/badge";
import { Card, CardBody, CardHeader } from "~/components/ui/card";

export type PollSummary = { id: string; question: string; closedAt: Date | string | null; responseCount: number; path: string };

/** The partnership's interest polls, so what both teams said is one click from planning. */
export function PollList({ polls }: { polls: PollSummary[] }) {
  if (polls.length === 0) return null;
  return (
    <Card>
      <CardHeader title="What they'd enjoy" description="Interest polls asked of both companies' people." />
      <CardBody>
        <ul className="divide-y divide-slate-200">
          {polls.map((poll) => (
            <li key={poll.id} className="flex flex-wrap items-center justify-between gap-2 py-3 first:pt-0 last:pb-0">
              <Link to={poll.path} className="font-medium text-brand-700 underline-offset-4 hover:underline">
                {poll.question}
              </Link>
              <span className="flex items-center gap-2 text-sm text-slate-700">
                {poll.responseCount} answer{poll.responseCount === 1 ? "" : "s"}
                <Badge tone={poll.closedAt ? "neutral" : "success"}>{poll.closedAt ? "Closed" : "Open"}</Badge>
              </span>
            </li>
          ))}
        </ul>
      </CardBody>
    </Card>
  );
}
