import { Link } from "@remix-run/react";
import { Badge } from "~/components/ui/badge";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import type { ResponseFilter } from "../responses.server";
import type { ResponsesPage } from "./response-types";
import { TableRegion } from "./table-region";

const filters: { filter: ResponseFilter; label: string }[] = [
  { filter: "all", label: "Everyone" },
  { filter: "attending", label: "Yes" },
  { filter: "maybe", label: "Maybe" },
  { filter: "declined", label: "No" },
  { filter: "waitlisted", label: "Waitlist" },
  { filter: "no_answer", label: "No answer" },
];

const headCell = "px-3 py-2 font-semibold whitespace-nowrap text-slate-900";
const bodyCell = "px-3 py-2 break-words text-slate-700";

/** The viewer's own people one by one, with their answers. The partner's never appear here. */
export function PeopleCard({ page, csvPath }: { page: ResponsesPage; csvPath: string }) {
  const { people } = page;
  return (
    <Card>
      <CardHeader
        title={`${page.ownCompanyName}'s people`}
        description={`Only your own company's list. ${page.partnerName}'s people are in the counts above.`}
        actions={
          <a href={csvPath} download className="inline-flex min-h-10 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-medium text-slate-900 shadow-sm hover:bg-slate-100">
            Download as CSV
          </a>
        }
      />
      <CardBody className="space-y-4">
        <nav aria-label="Filter by answer">
          <ul className="flex flex-wrap gap-2">
            {filters.map(({ filter, label }) => (
              <li key={filter}>
                <Link
                  to={filter === "all" ? "?" : `?status=${filter}`}
                  preventScrollReset
                  aria-current={people.filter === filter ? "page" : undefined}
                  className={`inline-flex min-h-10 items-center rounded-full border px-4 text-sm font-medium ${
                    people.filter === filter ? "border-brand-600 bg-brand-50 text-brand-800" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-100"
                  }`}
                >
                  {label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {people.rows.length === 0 ? (
          <p className="text-sm text-slate-700">Nobody here yet.</p>
        ) : (
          <TableRegion label={`${page.ownCompanyName}'s invitees`}>
            <table className="min-w-full divide-y divide-slate-200 text-left text-sm">
              <caption className="sr-only">{page.ownCompanyName}'s invitees and their answers</caption>
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className={headCell}>
                    Person
                  </th>
                  <th scope="col" className={headCell}>
                    Answer
                  </th>
                  <th scope="col" className={headCell}>
                    Plus-one
                  </th>
                  {page.isVolunteerDay ? (
                    <th scope="col" className={headCell}>
                      Shift
                    </th>
                  ) : null}
                  {page.questionPrompts.map((prompt, index) => (
                    <th key={`${index}-${prompt}`} scope="col" className="max-w-48 px-3 py-2 font-semibold break-words text-slate-900">
                      {prompt}
                    </th>
                  ))}
                  <th scope="col" className={headCell}>
                    Checked in
                  </th>
                  <th scope="col" className={headCell}>
                    Invitation
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200 bg-white">
                {people.rows.map((person) => (
                  <tr key={person.id} className="align-top">
                    <th scope="row" className="min-w-56 px-3 py-2 text-left font-normal">
                      <span className="block font-medium break-words text-slate-900">{person.name || person.email}</span>
                      {person.name && person.email ? <span className="block break-words text-slate-700">{person.email}</span> : null}
                      {person.team ? <span className="block text-slate-600">{person.team}</span> : null}
                    </th>
                    <td className={bodyCell}>
                      <span className="flex flex-wrap gap-1">
                        <Badge tone={person.statusTone}>{person.statusLabel}</Badge>
                        {person.walkIn ? <Badge>Walk-in</Badge> : null}
                      </span>
                    </td>
                    <td className={bodyCell}>{person.plusOne ?? "—"}</td>
                    {page.isVolunteerDay ? <td className={bodyCell}>{person.shift ?? "—"}</td> : null}
                    {person.answers.map((answer, index) => (
                      <td key={index} className={`${bodyCell} max-w-48`}>
                        {answer || "—"}
                      </td>
                    ))}
                    <td className={`${bodyCell} whitespace-nowrap`}>{person.checkedInAt ?? "—"}</td>
                    <td className={`${bodyCell} whitespace-nowrap`}>{person.deliveryLabel}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        )}
        {people.matching > people.rows.length ? (
          <p className="text-sm text-slate-700">
            Showing the first {people.rows.length} of {people.matching}. The CSV has everyone.
          </p>
        ) : null}
      </CardBody>
    </Card>
  );
}
