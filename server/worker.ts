import { logger } from "~/platform/logger.server";
import { boot, exitOnSignals, reportStartupFailure } from "./boot";

try {
  const booted = await boot({ runWorkers: true, allowEmbeddedDatabase: false });
  logger.info("Rapport worker is running");
  exitOnSignals(booted.shutdown);
} catch (error) {
  reportStartupFailure(error);
}
