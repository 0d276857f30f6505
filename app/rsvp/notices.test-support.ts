import { jobDefinitions } from "~/platform/job-definitions.server";
import { startJobs } from "~/platform/jobs.server";
import { rsvpNoticeJob } from "./notices.server";

/** What the worker does: runs every queued RSVP notice job, so their emails are queued. */
export async function workRsvpNoticeJobs(): Promise<number> {
  const boss = await startJobs(jobDefinitions, { runWorkers: false });
  let worked = 0;
  for (;;) {
    const jobs = await boss.fetch<Parameters<typeof rsvpNoticeJob.handle>[0]>(rsvpNoticeJob.name, { batchSize: 100 });
    if (jobs.length === 0) return worked;
    for (const job of jobs) {
      await rsvpNoticeJob.handle(job.data, job);
      await boss.complete(rsvpNoticeJob.name, job.id);
      worked += 1;
    }
  }
}
