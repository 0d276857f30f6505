import { pino } from "pino";

export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: "rapport" },
  redact: { paths: ["req.headers.cookie", "req.headers.authorization", "*.token", "*.html"], remove: true },
});
