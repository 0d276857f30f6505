import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { Meter } from "./meter";
import type { ResponsesPage } from "./response-types";

/** How the room will be made up: each company's attendees and plus-ones, as a share of everyone. */
export function AttendanceMixCard({ page }: { page: ResponsesPage }) {
  return (
    <Card>
      <CardHeader title="Attendance mix" description={`${page.headcount} ${page.headcount === 1 ? "person" : "people"} coming, plus-ones included.`} />
      <CardBody>
        {page.headcount === 0 ? (
          <p className="text-sm text-slate-700">Nobody has said yes yet.</p>
        ) : (
          <ul className="space-y-4">
            {page.mix.map((company) => (
              <li key={company.name} className="space-y-1.5">
                <p className="flex flex-wrap justify-between gap-2 text-sm text-slate-900">
                  <span className="font-medium">{company.name}</span>
                  <span className="tabular-nums">
                    {company.headcount} ({company.percent}%)
                    {page.plusOnesAllowed || company.plusOnes > 0 ? ` · ${company.people} attending + ${company.plusOnes} plus-ones` : ""}
                  </span>
                </p>
                <Meter value={company.headcount} max={page.headcount} tone={company.isYou ? "brand" : "success"} />
              </li>
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}
