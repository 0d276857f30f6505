import { data, MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import type { InvitationImportStatus } from "~/generated/prisma/enums";
import { db } from "~/platform/db.server";
import { enqueueJob, type JobDefinition } from "~/platform/jobs.server";
import { logger } from "~/platform/logger.server";
import type { TenantScope } from "~/platform/tenancy.server";
import { decodeUploadedText, parseInviteeCsv, parsePastedInvitees, type ParseOutcome, type RejectedRow } from "./csv";
import { assertInviteListOpen, InviteListError } from "./list-rules";
import { describeInviteListEvent, loadInviteListEvent, writeInvitees, type FlaggedRow } from "./list.server";
import { MAX_IMPORT_BYTES } from "./schemas";

export type ImportSource = "pasted" | "csv";

function parseImport(source: ImportSource, content: string): ParseOutcome {
  return source === "csv" ? parseInviteeCsv(content) : parsePastedInvitees(content);
}

// A pasted list is form-encoded, which can triple its size; anything larger is refused unread.
const MAX_FORM_BYTES = 3 * MAX_IMPORT_BYTES + 64 * 1024;

export type InviteListForm =
  | { ok: true; formData: FormData }
  | { ok: false; form: "paste" | "import-csv"; field: "text" | "file"; message: string };

/**
 * Reads the Invitations tab's form post, an uploaded file included, without ever holding more
 * than the upload limit of it in memory.
 */
export async function readInviteListForm(request: Request): Promise<InviteListForm> {
  const multipart = request.headers.get("content-type")?.startsWith("multipart/form-data") ?? false;
  const refusal = multipart
    ? ({ ok: false, form: "import-csv", field: "file", message: "That file is larger than 2 MB. Split it into smaller files and upload them one by one." } as const)
    : ({ ok: false, form: "paste", field: "text", message: "That's more than 2 MB of text. Split it into smaller pastes, or upload it as a CSV file." } as const);
  if (Number(request.headers.get("content-length") ?? 0) > MAX_FORM_BYTES) return refusal;
  if (!multipart) return { ok: true, formData: await request.formData() };
  try {
    return { ok: true, formData: await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_IMPORT_BYTES })) };
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return refusal;
    throw error;
  }
}

export async function readUploadedCsv(file: File): Promise<string> {
  return decodeUploadedText(new Uint8Array(await file.arrayBuffer()));
}

/**
 * Queues a pasted list or an uploaded CSV to be added to the scope's company's list. Input that
 * cannot be imported at all (no email column, too many rows) is refused here, before anything is
 * stored; row-by-row problems are reported by the import itself.
 */
export async function startInvitationImport(scope: TenantScope, eventId: string, input: { source: ImportSource; content: string }): Promise<{ importId: string }> {
  const event = await loadInviteListEvent(scope, eventId);
  assertInviteListOpen(event);
  const readable = parseImport(input.source, input.content);
  if (!readable.ok) throw new InviteListError(readable.error, 400);
  return db.$transaction(async (tx) => {
    const created = await tx.invitationImport.create({
      data: {
        eventId: event.id,
        organizationId: event.own.id,
        createdById: scope.userId,
        source: input.source,
        content: input.content,
        totalRows: readable.parsed.totalRows,
      },
      select: { id: true },
    });
    await enqueueJob(tx, invitationImportJob, { importId: created.id }, { singletonKey: created.id });
    return { importId: created.id };
  });
}

export type InvitationImportJob = { importId: string };

export const invitationImportJob: JobDefinition<InvitationImportJob> = {
  name: "invitations.import",
  // An attempt that dies midway has written nothing (one transaction), so a retry starts over.
  queue: { retryLimit: 2, retryDelay: 10, expireInSeconds: 600 },
  handle: ({ importId }) => runInvitationImport(importId),
};

// Generous: 20,000 rows take seconds on a busy database, and a timeout would throw them all away.
const IMPORT_TRANSACTION_TIMEOUT_MS = 120_000;

const UNEXPECTED_FAILURE = "Something went wrong while adding these rows, so none of them were added. Import the list again; if it fails again, tell us.";

/**
 * Validates the import's rows and writes the good ones in one transaction: every row or none.
 * Progress (processedRows) is written from outside that transaction so the page can show it while
 * the transaction is still open; those writes are not awaited inside it, because on the embedded
 * database (one session for every connection) they wait for the transaction to end.
 */
export async function runInvitationImport(importId: string): Promise<void> {
  const claimed = await db.invitationImport.updateMany({
    where: { id: importId, status: { in: ["pending", "importing"] } },
    data: { status: "importing", processedRows: 0 },
  });
  if (claimed.count === 0) return;
  const record = await db.invitationImport.findUniqueOrThrow({
    where: { id: importId },
    select: { eventId: true, organizationId: true, createdById: true, source: true, content: true },
  });
  // One write at a time, in order, so the count the page reads never goes backwards. A progress
  // write that fails only costs the page an update; it never fails the import.
  let progressWrites: Promise<unknown> = Promise.resolve();
  const reportProgress = (processedRows: number) => {
    progressWrites = progressWrites
      .then(() => db.invitationImport.updateMany({ where: { id: importId, status: "importing" }, data: { processedRows } }))
      .catch((error: unknown) => logger.warn({ err: error, importId }, "could not record an import's progress"));
  };
  try {
    if (record.source !== "csv" && record.source !== "pasted") throw new Error(`An import can't come from ${record.source}.`);
    const readable = parseImport(record.source, record.content);
    if (!readable.ok) throw new InviteListError(readable.error);
    const { invitees, rejected, duplicates, totalRows } = readable.parsed;
    const event = await describeInviteListEvent(record.eventId, record.organizationId);
    assertInviteListOpen(event);
    // Bad and repeated rows are settled by reading them; the rest as they are written.
    const settledByReading = totalRows - invitees.length;
    await db.invitationImport.update({ where: { id: importId }, data: { totalRows, processedRows: settledByReading } });

    await db.$transaction(
      async (tx) => {
        const outcome = await writeInvitees(tx, { event, addedById: record.createdById, source: record.source }, invitees, (written) =>
          reportProgress(settledByReading + written),
        );
        await tx.invitationImport.update({
          where: { id: importId },
          data: {
            status: "done",
            processedRows: totalRows,
            addedCount: outcome.added,
            mergedCount: outcome.merged + duplicates,
            rejectedRows: [...rejected, ...outcome.rejected].sort((a, b) => a.line - b.line),
            flaggedRows: outcome.flagged,
            content: "",
            finishedAt: new Date(),
          },
        });
      },
      { timeout: IMPORT_TRANSACTION_TIMEOUT_MS },
    );
    await progressWrites;
  } catch (error) {
    await progressWrites;
    if (!(error instanceof InviteListError)) logger.error({ err: error, importId }, "invitation import failed");
    await db.invitationImport.update({
      where: { id: importId },
      data: { status: "failed", error: error instanceof InviteListError ? error.message : UNEXPECTED_FAILURE, content: "", finishedAt: new Date() },
    });
  }
}

/** Shown beside the result; the rest are summarised, so a file of thousands of bad rows stays a page. */
export const REJECTED_ROWS_SHOWN = 1000;

export type InvitationImportView = {
  id: string;
  source: ImportSource;
  status: InvitationImportStatus;
  totalRows: number;
  processedRows: number;
  addedCount: number;
  mergedCount: number;
  rejectedCount: number;
  rejectedRows: RejectedRow[];
  flaggedRows: FlaggedRow[];
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
};

/** One of the scope's company's imports for this event; anyone else's is a 404. */
export async function getInvitationImport(scope: TenantScope, eventId: string, importId: string): Promise<InvitationImportView> {
  const event = await loadInviteListEvent(scope, eventId);
  const record = await db.invitationImport.findFirst({
    where: { id: importId, eventId: event.id, organizationId: event.own.id },
    select: {
      id: true,
      source: true,
      status: true,
      totalRows: true,
      processedRows: true,
      addedCount: true,
      mergedCount: true,
      rejectedRows: true,
      flaggedRows: true,
      error: true,
      createdAt: true,
      finishedAt: true,
    },
  });
  if (!record || (record.source !== "csv" && record.source !== "pasted")) {
    throw data({ error: "not_found", message: "We couldn't find that import. It may belong to another company's list." }, { status: 404 });
  }
  // Written only by runInvitationImport above, in these shapes.
  const rejectedRows = record.rejectedRows as RejectedRow[];
  return {
    ...record,
    source: record.source,
    rejectedCount: rejectedRows.length,
    rejectedRows: rejectedRows.slice(0, REJECTED_ROWS_SHOWN),
    flaggedRows: record.flaggedRows as FlaggedRow[],
    createdAt: record.createdAt.toISOString(),
    finishedAt: record.finishedAt?.toISOString() ?? null,
  };
}
