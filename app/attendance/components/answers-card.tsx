import { Card, CardBody, CardHeader } from "~/components/ui/card";
import type { QuestionSummary } from "../responses.server";
import { TableRegion } from "./table-region";

/**
 * The event's questions, answered: counts and shares per company for choices; for short answers,
 * the viewer's own company's texts and only a count for the partner's (ADR 009).
 */
export function AnswersCard({ questions, partnerName }: { questions: QuestionSummary[]; partnerName: string }) {
  if (questions.length === 0) return null;
  return (
    <Card>
      <CardHeader
        title="Answers"
        description={`From everyone who said yes or maybe, or is on the waitlist. ${partnerName}'s answers are shown only as totals.`}
      />
      <CardBody className="space-y-8">
        {questions.map((question) => (
          <section key={question.id} aria-labelledby={`question-${question.id}`} className="space-y-3">
            <h3 id={`question-${question.id}`} className="font-semibold break-words text-slate-900">
              {question.prompt}
            </h3>
            {question.kind === "short_text" ? <TextAnswers question={question} /> : <ChoiceAnswers question={question} />}
          </section>
        ))}
      </CardBody>
    </Card>
  );
}

function ChoiceAnswers({ question }: { question: Extract<QuestionSummary, { kind: "single_choice" | "multiple_choice" }> }) {
  const labels = question.companies[0]?.options.map((option) => option.label) ?? [];
  const hasOther = question.companies.some((company) => company.otherCount > 0);
  return (
    <TableRegion label={`${question.prompt}: answers per company`}>
      <table className="min-w-full divide-y divide-slate-200 text-left text-sm">
        <caption className="sr-only">
          {question.prompt}: answers per company{question.kind === "multiple_choice" ? " (people could pick more than one)" : ""}
        </caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold text-slate-900">
              Answer
            </th>
            {question.companies.map((company) => (
              <th key={company.companyName} scope="col" className="px-3 py-2 text-right font-semibold text-slate-900">
                {company.companyName}
                <span className="block text-xs font-normal text-slate-600">
                  {company.respondents} answered
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 bg-white">
          {labels.map((label, index) => (
            <tr key={label}>
              <th scope="row" className="px-3 py-2 font-medium break-words text-slate-900">
                {label}
              </th>
              {question.companies.map((company) => {
                const option = company.options[index]!;
                return (
                  <td key={company.companyName} className="px-3 py-2 text-right whitespace-nowrap tabular-nums text-slate-900">
                    {option.count} ({option.percent}%)
                  </td>
                );
              })}
            </tr>
          ))}
          {hasOther ? (
            <tr>
              <th scope="row" className="px-3 py-2 font-medium text-slate-700">
                A choice no longer offered
              </th>
              {question.companies.map((company) => (
                <td key={company.companyName} className="px-3 py-2 text-right tabular-nums text-slate-700">
                  {company.otherCount}
                </td>
              ))}
            </tr>
          ) : null}
        </tbody>
      </table>
    </TableRegion>
  );
}

function TextAnswers({ question }: { question: Extract<QuestionSummary, { kind: "short_text" }> }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {question.companies.map((company) => (
        <div key={company.companyName} className="space-y-2 rounded-lg border border-slate-200 p-4">
          <p className="text-sm font-medium text-slate-900">
            {company.companyName}: {company.respondents} answered
          </p>
          {company.texts ? (
            company.texts.length > 0 ? (
              <ul className="list-disc space-y-1 pl-5 text-sm break-words text-slate-700">
                {company.texts.map((text, index) => (
                  <li key={`${index}-${text}`}>{text}</li>
                ))}
              </ul>
            ) : null
          ) : (
            <p className="text-sm text-slate-700">Their answers stay with {company.companyName}.</p>
          )}
        </div>
      ))}
    </div>
  );
}
