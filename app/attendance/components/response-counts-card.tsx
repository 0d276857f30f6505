import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { Meter } from "./meter";
import type { ResponsesPage } from "./response-types";
import { TableRegion } from "./table-region";

const cell = "px-3 py-2 text-right tabular-nums";

/** Yes / maybe / no / waitlist / no answer / checked in for each company, against its quota. */
export function ResponseCountsCard({ page }: { page: ResponsesPage }) {
  const total = (pick: (company: ResponsesPage["companies"][number]) => number) => page.companies.reduce((sum, company) => sum + pick(company), 0);
  return (
    <Card>
      <CardHeader title="Who's coming" description="Seats count each attendee and their plus-one. Walk-ins added at the door count as “Yes” but hold no seat." />
      <CardBody className="space-y-6">
        <TableRegion label="Answers per company">
          <table className="min-w-full divide-y divide-slate-200 text-left text-sm">
            <caption className="sr-only">Answers per company</caption>
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className="px-3 py-2 font-semibold text-slate-900">
                  Company
                </th>
                {["Yes", "Maybe", "No", "Waitlist", "No answer", "Checked in", "Seats held"].map((heading) => (
                  <th key={heading} scope="col" className="px-3 py-2 text-right font-semibold whitespace-nowrap text-slate-900">
                    {heading}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 bg-white">
              {page.companies.map((company) => (
                <tr key={company.id}>
                  <th scope="row" className="px-3 py-2 font-medium break-words text-slate-900">
                    {company.name}
                    {company.isYou ? " (you)" : ""}
                  </th>
                  <td className={cell}>
                    {company.counts.attending}
                    {company.counts.walkIns > 0 ? <span className="block text-xs text-slate-600">incl. {company.counts.walkIns} walk-in{company.counts.walkIns === 1 ? "" : "s"}</span> : null}
                  </td>
                  <td className={cell}>{company.counts.maybe}</td>
                  <td className={cell}>{company.counts.declined}</td>
                  <td className={cell}>{company.counts.waitlisted}</td>
                  <td className={cell}>{company.counts.noAnswer}</td>
                  <td className={cell}>{company.counts.checkedIn}</td>
                  <td className={`${cell} whitespace-nowrap`}>
                    {company.quotaSeatsTaken} of {company.quotaSeats}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot className="bg-slate-50">
              <tr>
                <th scope="row" className="px-3 py-2 font-semibold text-slate-900">
                  Both companies
                </th>
                <td className={`${cell} font-semibold`}>{total((company) => company.counts.attending)}</td>
                <td className={`${cell} font-semibold`}>{total((company) => company.counts.maybe)}</td>
                <td className={`${cell} font-semibold`}>{total((company) => company.counts.declined)}</td>
                <td className={`${cell} font-semibold`}>{total((company) => company.counts.waitlisted)}</td>
                <td className={`${cell} font-semibold`}>{total((company) => company.counts.noAnswer)}</td>
                <td className={`${cell} font-semibold`}>{total((company) => company.counts.checkedIn)}</td>
                <td className={`${cell} font-semibold whitespace-nowrap`}>
                  {page.seatsTaken} of {page.capacity}
                </td>
              </tr>
            </tfoot>
          </table>
        </TableRegion>
        <ul className="space-y-4">
          {page.companies.map((company) => (
            <li key={company.id} className="space-y-1.5">
              <p className="flex flex-wrap justify-between gap-2 text-sm text-slate-900">
                <span className="font-medium">{company.name}'s quota</span>
                <span className="tabular-nums">
                  {company.quotaSeatsTaken} of {company.quotaSeats} seats taken
                  {company.quotaSeatsTaken >= company.quotaSeats && company.quotaSeats > 0 ? " · full" : ""}
                </span>
              </p>
              <Meter value={company.quotaSeatsTaken} max={company.quotaSeats} tone={company.quotaSeatsTaken >= company.quotaSeats ? "warning" : "brand"} />
            </li>
          ))}
          <li className="space-y-1.5">
            <p className="flex flex-wrap justify-between gap-2 text-sm text-slate-900">
              <span className="font-semibold">Whole event</span>
              <span className="tabular-nums">
                {page.seatsTaken} of {page.capacity} seats taken
              </span>
            </p>
            <Meter value={page.seatsTaken} max={page.capacity} tone={page.seatsTaken >= page.capacity ? "warning" : "success"} />
          </li>
        </ul>
      </CardBody>
    </Card>
  );
}
