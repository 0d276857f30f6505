import { pino } from "pino";

// Reads LOG_LEVEL directly rather than through env(): the logger must work before the environment
// is validated, to report why validation or start-up failed.
export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: "rapport" },
  redact: { paths: ["req.headers.cookie", "req.headers.authorization", "*.token", "*.html"], remove: true },
});
