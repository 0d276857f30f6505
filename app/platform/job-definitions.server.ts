import { sendEmailJob } from "./email.server";
import type { JobDefinition } from "./jobs.server";

/** Every queue the app uses; web processes create them, worker processes work them. */
export const jobDefinitions = [sendEmailJob] as JobDefinition<object>[];
