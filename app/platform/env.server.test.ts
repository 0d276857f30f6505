import { describe, expect, test } from "vitest";
import { InvalidEnvironmentError, parseEnv } from "./env.server";

const development = {
  NODE_ENV: "development",
  DATABASE_URL: "postgresql://rapport@db.internal:5432/rapport",
  AUTH_SECRET: "a-development-secret-of-at-least-32-characters",
};

const production = { ...development, NODE_ENV: "production", APP_URL: "https://rapport.example.com", RESEND_API_KEY: "re_live_key" };

function problemsWith(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidEnvironmentError);
    return (error as InvalidEnvironmentError).problems;
  }
  throw new Error("parseEnv accepted an invalid environment");
}

describe("parseEnv", () => {
  test("a short AUTH_SECRET is refused with the command that makes a good one", () => {
    expect(problemsWith({ ...development, AUTH_SECRET: "too-short" })).toEqual([
      "AUTH_SECRET must be at least 32 characters: generate one with `openssl rand -base64 32`",
    ]);
    expect(problemsWith({ ...development, AUTH_SECRET: undefined })).toEqual([
      "AUTH_SECRET is required: generate one with `openssl rand -base64 32`",
    ]);
  });

  test("production needs APP_URL, because emailed links are built from it", () => {
    expect(problemsWith({ ...production, APP_URL: undefined })).toEqual([
      "APP_URL is required in production: the public URL used in emailed links, e.g. https://rapport.example.com",
    ]);
    expect(problemsWith({ ...production, APP_URL: "rapport.example.com" })).toEqual([
      "APP_URL must be the public URL of the app, e.g. https://rapport.example.com",
    ]);
  });

  test("production needs RESEND_API_KEY unless it is a demo that keeps email in the dev mailbox", () => {
    const [problem, ...others] = problemsWith({ ...production, RESEND_API_KEY: undefined });
    expect(others).toEqual([]);
    expect(problem).toMatch(/^RESEND_API_KEY is required to send email in production\. Set it, or set EMAIL_DELIVERY=dev-mailbox/);
    expect(problemsWith({ ...development, EMAIL_DELIVERY: "resend" })[0]).toMatch(/^RESEND_API_KEY is required/);

    const demo = parseEnv({ ...production, RESEND_API_KEY: undefined, EMAIL_DELIVERY: "dev-mailbox" });
    expect(demo.EMAIL_DELIVERY).toBe("dev-mailbox");
  });

  test("DATABASE_URL must be a PostgreSQL URL", () => {
    expect(problemsWith({ ...development, DATABASE_URL: "mysql://rapport@db.internal/rapport" })).toEqual([
      "DATABASE_URL must start with postgresql://",
    ]);
    expect(problemsWith({ ...development, DATABASE_URL: undefined })).toEqual([
      "DATABASE_URL is required: a postgresql:// URL (leave it unset in development to use the embedded database)",
    ]);
  });

  test("the field problems are listed together, in a message that says where to look", () => {
    try {
      parseEnv({ NODE_ENV: "production" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidEnvironmentError);
      const { message, problems } = error as InvalidEnvironmentError;
      expect(problems.map((problem) => problem.split(" ")[0])).toEqual(expect.arrayContaining(["DATABASE_URL", "AUTH_SECRET"]));
      expect(message).toMatch(/^Rapport cannot start because its configuration is invalid:/);
      for (const problem of problems) expect(message).toContain(`  - ${problem}`);
      expect(message).toContain("See .env.example");
    }
  });

  test("development without an email key keeps email in the dev mailbox at the local URL", () => {
    const config = parseEnv(development);
    expect(config.EMAIL_DELIVERY).toBe("dev-mailbox");
    expect(config.APP_URL).toBe("http://localhost:3000");
    expect(config.PORT).toBe(3000);
    expect(config.RUN_WORKER_IN_PROCESS).toBe(true);
    expect(config.TRUST_PROXY).toBe(false);
  });

  test("an email key turns on Resend delivery", () => {
    expect(parseEnv({ ...development, RESEND_API_KEY: "re_test_key" }).EMAIL_DELIVERY).toBe("resend");
    expect(parseEnv(production).EMAIL_DELIVERY).toBe("resend");
  });

  test("APP_URL loses a trailing slash, and flags read true/false and 1/0", () => {
    const config = parseEnv({ ...production, APP_URL: "https://rapport.example.com/", TRUST_PROXY: "1", RUN_WORKER_IN_PROCESS: "false" });
    expect(config.APP_URL).toBe("https://rapport.example.com");
    expect(config.TRUST_PROXY).toBe(true);
    expect(config.RUN_WORKER_IN_PROCESS).toBe(false);
  });
});
