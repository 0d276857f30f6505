import { Card, CardBody } from "~/components/ui/card";
import { Meter } from "./meter";

type CheckInSummaryProps = {
  companyName: string;
  counts: { expected: number; plusOnes: number; checkedIn: number; walkIns: number };
  partner: { name: string; expected: number; checkedIn: number };
};

/** How the door is doing: the company's own arrivals, and the partner's as a count only. */
export function CheckInSummary({ companyName, counts, partner }: CheckInSummaryProps) {
  return (
    <Card>
      <CardBody>
        <h2 className="sr-only">Arrivals so far</h2>
        <dl className="grid gap-5 sm:grid-cols-2">
          <div className="space-y-2">
            <dt className="text-sm font-medium text-slate-700">{companyName} checked in</dt>
            <dd className="space-y-2">
              <p className="text-3xl font-semibold tracking-tight text-slate-900">
                {counts.checkedIn} <span className="text-base font-normal text-slate-700">of {counts.expected} expected</span>
              </p>
              <Meter value={counts.checkedIn} max={counts.expected} tone="success" />
              <p className="text-sm text-slate-700">
                {[
                  counts.plusOnes > 0 ? `${counts.plusOnes} ${counts.plusOnes === 1 ? "plus-one arrives" : "plus-ones arrive"} with their hosts` : null,
                  counts.walkIns > 0 ? `${counts.walkIns} ${counts.walkIns === 1 ? "walk-in" : "walk-ins"} added at the door` : null,
                ]
                  .filter(Boolean)
                  .join(" · ") || "Plus-ones and walk-ins show here."}
              </p>
            </dd>
          </div>
          <div className="space-y-2">
            <dt className="text-sm font-medium text-slate-700">{partner.name} checked in</dt>
            <dd className="space-y-2">
              <p className="text-3xl font-semibold tracking-tight text-slate-900">
                {partner.checkedIn} <span className="text-base font-normal text-slate-700">of {partner.expected} expected</span>
              </p>
              <Meter value={partner.checkedIn} max={partner.expected} />
              <p className="text-sm text-slate-700">Their organisers check in their own people; you can check anyone in by scanning their QR code.</p>
            </dd>
          </div>
        </dl>
      </CardBody>
    </Card>
  );
}
