import { Card, CardBody, CardHeader } from "~/components/ui/card";

export type CompanyResults = {
  id: string;
  name: string;
  isYou: boolean;
  respondents: number;
  results: { option: string; count: number; percent: number }[];
};

/**
 * One card per company: each choice with its count and share as text, and a bar for the eye.
 * The bar is a native <progress>, so it needs no inline style (the CSP forbids them); screen
 * readers get the same numbers from the text and skip the bar.
 */
export function PollResults({ companies }: { companies: CompanyResults[] }) {
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      {companies.map((company) => (
        <Card key={company.id}>
          <CardHeader
            titleAs="h3"
            title={company.isYou ? `${company.name} (you)` : company.name}
            description={company.respondents === 1 ? "1 person answered" : `${company.respondents} people answered`}
          />
          <CardBody>
            <ul className="space-y-4">
              {company.results.map((result) => (
                <li key={result.option}>
                  <div className="flex items-baseline justify-between gap-3 text-sm">
                    <span className="font-medium break-words text-slate-900">{result.option}</span>
                    <span className="shrink-0 text-slate-700">
                      {result.count} ({result.percent}%)
                    </span>
                  </div>
                  <progress
                    aria-hidden="true"
                    max={100}
                    value={result.percent}
                    className="mt-1.5 block h-2.5 w-full appearance-none overflow-hidden rounded-full bg-slate-200 [&::-moz-progress-bar]:bg-brand-600 [&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-brand-600"
                  />
                </li>
              ))}
            </ul>
          </CardBody>
        </Card>
      ))}
    </div>
  );
}
