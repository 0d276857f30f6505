import { db } from "~/platform/db.server";
import { createResendTransport, type EmailTransport } from "~/platform/email.server";
import { databasePacer } from "~/platform/pacer.server";
import { uniqueSuffix } from "#tests/factories";
import type { FakeResend } from "#tests/fakes/resend";
import { dispatchSend, handleSendBatchJob } from "./batch-send.server";

/** A Resend transport aimed at the fake, paced through a pacer row of its own so tests don't share slots. */
export function fakeResendTransport(fake: FakeResend, options: { requestsPerSecond?: number; timeoutMs?: number; pacerName?: string } = {}): EmailTransport {
  return createResendTransport("re_test", {
    baseUrl: fake.url,
    timeoutMs: options.timeoutMs ?? 2000,
    pacer: databasePacer(options.pacerName ?? `test-${uniqueSuffix()}`, options.requestsPerSecond ?? 50),
  });
}

export function batchesOf(sendId: string) {
  return db.invitationBatch.findMany({ where: { sendId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

/** What the workers would do: start the send, then send each of its batches once. */
export async function runSend(sendId: string, via: EmailTransport) {
  await dispatchSend(sendId);
  for (const batch of await batchesOf(sendId)) await handleSendBatchJob({ batchId: batch.id }, { retryCount: 0 }, via);
}

export type QueuedJob = { id: string; data: Record<string, string>; start_after: Date; state: string };

export function queuedJobs(name: string, key: string, value: string): Promise<QueuedJob[]> {
  return db.$queryRaw<QueuedJob[]>`
    SELECT id::text, data, start_after, state::text FROM pgboss.job
    WHERE name = ${name} AND data->>${key} = ${value}
    ORDER BY created_on`;
}
