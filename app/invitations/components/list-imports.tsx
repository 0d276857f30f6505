import type { InvitationImportStatus } from "~/generated/prisma/enums";
import { Link } from "@remix-run/react";
import { Alert } from "~/components/ui/alert";
import { Badge, type BadgeTone } from "~/components/ui/badge";
import { ButtonLink } from "~/components/ui/button";
import { Card, CardBody, CardHeader } from "~/components/ui/card";
import { Figures, formatCount } from "~/components/ui/figures";
import type { InvitationImportView } from "../import.server";
import { suppressionLabels } from "../labels";

// A fixed zone keeps the server-rendered text identical to the hydrated text; it says which.
const instantFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

const statusLabels = {
  pending: { label: "Waiting to start", tone: "neutral" },
  importing: { label: "Importing", tone: "brand" },
  done: { label: "Done", tone: "success" },
  failed: { label: "Failed", tone: "danger" },
} as const satisfies Record<InvitationImportStatus, { label: string; tone: BadgeTone }>;

const sourceLabels = { csv: "CSV file", pasted: "Pasted addresses" } as const;

export function ImportStatusBadge({ status }: { status: InvitationImportStatus }) {
  const { label, tone } = statusLabels[status];
  return <Badge tone={tone}>{label}</Badge>;
}

export function isImportRunning(status: InvitationImportStatus) {
  return status === "pending" || status === "importing";
}

type RecentImport = {
  id: string;
  source: string;
  status: InvitationImportStatus;
  createdAt: string;
  totalRows: number;
  addedCount: number;
  mergedCount: number;
};

/** The company's last few imports, so a result (or one still running) is easy to get back to. */
export function RecentImports({ imports, importHref }: { imports: RecentImport[]; importHref: (id: string) => string }) {
  if (imports.length === 0) return null;
  return (
    <Card>
      <CardHeader title="Recent imports" titleAs="h2" />
      <CardBody>
        <ul className="divide-y divide-slate-200 text-sm">
          {imports.map((entry) => (
            <li key={entry.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium text-slate-900">{entry.source === "csv" ? sourceLabels.csv : sourceLabels.pasted}</span>
                <time dateTime={entry.createdAt} className="text-slate-700">
                  {instantFormat.format(new Date(entry.createdAt))} UTC
                </time>
                <ImportStatusBadge status={entry.status} />
                {entry.status === "done" ? (
                  <span className="text-slate-700">
                    {formatCount(entry.addedCount)} added, {formatCount(entry.mergedCount)} already there
                  </span>
                ) : null}
              </div>
              <Link to={importHref(entry.id)} className="font-medium text-brand-700 underline underline-offset-4">
                {isImportRunning(entry.status) ? "See progress" : "See result"}
                <span className="sr-only"> of the import from {instantFormat.format(new Date(entry.createdAt))} UTC</span>
              </Link>
            </li>
          ))}
        </ul>
      </CardBody>
    </Card>
  );
}

/** Where a running import is; the page around it reloads until it is done. */
export function ImportProgress({ entry }: { entry: InvitationImportView }) {
  const progressLabel =
    entry.status === "pending"
      ? `Waiting to start: ${formatCount(entry.totalRows)} rows to check.`
      : `Processed ${formatCount(entry.processedRows)} of ${formatCount(entry.totalRows)} rows.`;
  return (
    <div className="space-y-3" role="status">
      <label htmlFor="import-progress" className="block text-sm font-medium text-slate-900">
        {progressLabel}
      </label>
      <progress
        id="import-progress"
        max={Math.max(entry.totalRows, 1)}
        value={entry.status === "pending" ? undefined : entry.processedRows}
        className="h-3 w-full overflow-hidden rounded-full accent-brand-600"
      >
        {progressLabel}
      </progress>
      <p className="text-sm text-slate-700">
        Nothing appears on your list until every row is processed; then they all appear at once. This page updates by itself, and you can leave it and come
        back.
      </p>
    </div>
  );
}

/** What an import did: counts first, then every row left out and every address flagged. */
export function ImportResult({ entry, listPath }: { entry: InvitationImportView; listPath: string }) {
  if (entry.status === "failed") {
    return (
      <div className="space-y-4">
        <Alert tone="error" title="Nothing was added">
          {entry.error}
        </Alert>
        <ButtonLink to={listPath} variant="secondary">
          Back to the invite list
        </ButtonLink>
      </div>
    );
  }
  const figures = [
    { label: "Added", value: entry.addedCount },
    { label: "Already on the list (updated)", value: entry.mergedCount },
    { label: "Flagged", value: entry.flaggedRows.length },
    { label: "Not added", value: entry.rejectedCount },
  ];
  return (
    <div className="space-y-6">
      <Figures figures={figures} />
      {entry.rejectedCount > 0 ? (
        <section aria-labelledby="rejected-heading" className="space-y-2">
          <h2 id="rejected-heading" className="text-base font-semibold text-slate-900">
            Rows not added
          </h2>
          <p className="text-sm text-slate-700">
            Fix these in your file (or paste them again, corrected); the rows already added won't be added twice.
            {entry.rejectedRows.length < entry.rejectedCount
              ? ` Showing the first ${formatCount(entry.rejectedRows.length)} of ${formatCount(entry.rejectedCount)}.`
              : ""}
          </p>
          <ResultTable
            caption="Rows not added, with the reason"
            headers={["Line", "As written", "Why"]}
            rows={entry.rejectedRows.map((row, index) => ({ key: String(index), line: row.line, cells: [row.value, row.reason] }))}
          />
        </section>
      ) : null}
      {entry.flaggedRows.length > 0 ? (
        <section aria-labelledby="flagged-heading" className="space-y-2">
          <h2 id="flagged-heading" className="text-base font-semibold text-slate-900">
            Added, but flagged
          </h2>
          <p className="text-sm text-slate-700">
            Earlier emails to these addresses bounced or were marked as spam. They are on your list, but invitations skip them: check the spelling or ask for
            another address.
          </p>
          <ResultTable
            caption="Addresses added but flagged"
            headers={["Line", "Email", "Flag"]}
            rows={entry.flaggedRows.map((row, index) => ({ key: String(index), line: row.line, cells: [row.email, suppressionLabels[row.reason]] }))}
          />
        </section>
      ) : null}
      <ButtonLink to={listPath}>Back to the invite list</ButtonLink>
    </div>
  );
}

function ResultTable({ caption, headers, rows }: { caption: string; headers: [string, string, string]; rows: { key: string; line: number; cells: [string, string] }[] }) {
  return (
    <div className="max-h-[32rem] overflow-auto rounded-lg border border-slate-200">
      <table className="min-w-full divide-y divide-slate-200 text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 bg-slate-50">
          <tr>
            {headers.map((header) => (
              <th key={header} scope="col" className="px-3 py-2 font-semibold text-slate-900">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 bg-white">
          {rows.map((row) => (
            <tr key={row.key} className="align-top">
              <th scope="row" className="px-3 py-2 font-medium whitespace-nowrap text-slate-900">
                Line {row.line}
              </th>
              <td className="px-3 py-2 break-all text-slate-700">{row.cells[0]}</td>
              <td className="px-3 py-2 break-words text-slate-900">{row.cells[1]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
