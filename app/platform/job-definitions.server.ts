import { dispatchSendJob, sendBatchJob } from "~/invitations/batch-send.server";
import { pruneProcessedWebhooksJob } from "~/invitations/delivery.server";
import { invitationImportJob } from "~/invitations/import.server";
import { eventCancelledNoticesJob } from "~/notices/cancellation-notices.server";
import { eventChangedNoticesJob } from "~/notices/change-notices.server";
import { dueNoticesJob } from "~/notices/due-notices.server";
import { commentDigestJob } from "~/planning/comment-digest.server";
import { overdueTasksJob } from "~/planning/overdue-tasks.server";
import { rsvpNoticeJob } from "~/rsvp/notices.server";
import { sendEmailJob } from "./email.server";
import type { JobDefinition } from "./jobs.server";
import { logger } from "./logger.server";
import { pruneExpiredRateLimits } from "./rate-limit.server";

export const pruneRateLimitsJob: JobDefinition<object> = {
  name: "maintenance.prune-rate-limits",
  queue: { retryLimit: 0, expireInSeconds: 300 },
  cron: "*/15 * * * *",
  handle: async () => {
    const pruned = await pruneExpiredRateLimits();
    logger.info({ pruned }, "pruned expired rate limit counters");
  },
};

/** Every queue the app uses; web processes create them, worker processes work them. */
export const jobDefinitions: JobDefinition<object>[] = [sendEmailJob, pruneRateLimitsJob, commentDigestJob, overdueTasksJob, dueNoticesJob, eventChangedNoticesJob, eventCancelledNoticesJob, invitationImportJob, dispatchSendJob, sendBatchJob, pruneProcessedWebhooksJob, rsvpNoticeJob];
