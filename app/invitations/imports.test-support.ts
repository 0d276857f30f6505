import { db } from "~/platform/db.server";
import { jobDefinitions } from "~/platform/job-definitions.server";
import { startJobs } from "~/platform/jobs.server";
import type { TenantScope } from "~/platform/tenancy.server";
import { invitationImportJob, startInvitationImport, type ImportSource } from "./import.server";

/** What the worker does: takes every queued import job, runs it, and marks it complete. */
export async function workImportJobs() {
  const boss = await startJobs(jobDefinitions, { runWorkers: false });
  const jobs = await boss.fetch<{ importId: string }>(invitationImportJob.name, { batchSize: 50 });
  for (const job of jobs) {
    await invitationImportJob.handle(job.data, job);
    await boss.complete(invitationImportJob.name, job.id);
  }
  return jobs.length;
}

/** Starts an import as the page does, lets the worker run it, and returns the finished import. */
export async function importAndWork(scope: TenantScope, eventId: string, source: ImportSource, content: string) {
  const { importId } = await startInvitationImport(scope, eventId, { source, content });
  await workImportJobs();
  return db.invitationImport.findUniqueOrThrow({ where: { id: importId } });
}

export function ownList(eventId: string, organizationId: string) {
  return db.eventInvitation.findMany({
    where: { eventId, organizationId },
    orderBy: { email: "asc" },
    select: { email: true, name: true, team: true, source: true, userId: true, revokedAt: true },
  });
}
