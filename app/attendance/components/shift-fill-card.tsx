import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { Meter } from "./meter";
import type { ResponsesPage } from "./response-types";

/** A volunteer day's shifts: places taken against each shift's capacity, and from which company. */
export function ShiftFillCard({ shifts }: { shifts: ResponsesPage["shifts"] }) {
  if (shifts.length === 0) return null;
  return (
    <Card>
      <CardHeader title="Shifts" description="Volunteers with a seat, per shift." />
      <CardBody>
        <ul className="space-y-5">
          {shifts.map((shift) => (
            <li key={shift.id} className="space-y-1.5">
              <div className="flex flex-wrap justify-between gap-2 text-sm">
                <p className="min-w-0">
                  <span className="font-medium break-words text-slate-900">{shift.role}</span>
                  <span className="block text-slate-700">{shift.when}</span>
                </p>
                <p className="text-right text-slate-900 tabular-nums">
                  {shift.seatsTaken} of {shift.capacity} places taken{shift.seatsTaken >= shift.capacity ? " · full" : ""}
                  <span className="block text-slate-700">{shift.companies.map((company) => `${company.name}: ${company.volunteers}`).join(" · ")}</span>
                </p>
              </div>
              <Meter value={shift.seatsTaken} max={shift.capacity} tone={shift.seatsTaken >= shift.capacity ? "warning" : "brand"} />
            </li>
          ))}
        </ul>
      </CardBody>
    </Card>
  );
}
