import { z } from "zod";

const booleanFlag = z
  .enum(["true", "false", "1", "0"])
  .transform((value) => value === "true" || value === "1");

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    APP_URL: z
      .url({ message: "must be the public URL of the app, e.g. https://rapport.example.com" })
      .optional(),
    DATABASE_URL: z
      .string({ message: "is required: a postgresql:// URL (leave it unset in development to use the embedded database)" })
      .regex(/^postgres(ql)?:\/\//, { message: "must start with postgresql://" }),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    AUTH_SECRET: z
      .string({ message: "is required: generate one with `openssl rand -base64 32`" })
      .min(32, { message: "must be at least 32 characters: generate one with `openssl rand -base64 32`" }),
    RESEND_API_KEY: z.string().min(1).optional(),
    RESEND_BASE_URL: z.url().optional(),
    RESEND_WEBHOOK_SECRET: z
      .string()
      .regex(/^whsec_[A-Za-z0-9+/=]+$/, { message: "must be the signing secret Resend shows for the webhook, starting with whsec_" })
      .optional(),
    RESEND_REQUESTS_PER_SECOND: z.coerce.number().positive().max(1000).default(2),
    EMAIL_FROM: z
      .string()
      .regex(/^(.+<[^@\s]+@[^@\s]+>|[^@\s]+@[^@\s]+)$/, {
        message: 'must be an address or "Name <address>", e.g. "Rapport <hello@example.com>"',
      })
      .default("Rapport <hello@rapport.localhost>"),
    EMAIL_DELIVERY: z.enum(["resend", "dev-mailbox"]).optional(),
    RUN_WORKER_IN_PROCESS: booleanFlag.default(true),
    TRUST_PROXY: booleanFlag.default(false),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  })
  .transform((env, context) => {
    const emailDelivery = env.EMAIL_DELIVERY ?? (env.RESEND_API_KEY ? "resend" : defaultDeliveryWithoutKey(env.NODE_ENV));
    if (emailDelivery === "resend" && !env.RESEND_API_KEY) {
      context.addIssue({
        code: "custom",
        path: ["RESEND_API_KEY"],
        message:
          "is required to send email in production. Set it, or set EMAIL_DELIVERY=dev-mailbox for a demo instance whose emails are only shown at /dev/mail",
      });
    }
    if (env.NODE_ENV === "production" && !env.APP_URL) {
      context.addIssue({
        code: "custom",
        path: ["APP_URL"],
        message: "is required in production: the public URL used in emailed links, e.g. https://rapport.example.com",
      });
    }
    return {
      ...env,
      APP_URL: (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ""),
      EMAIL_DELIVERY: emailDelivery,
    };
  });

function defaultDeliveryWithoutKey(nodeEnv: string): "resend" | "dev-mailbox" {
  return nodeEnv === "production" ? "resend" : "dev-mailbox";
}

export type Env = z.infer<typeof envSchema>;

export class InvalidEnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(`Rapport cannot start because its configuration is invalid:\n${problems.map((p) => `  - ${p}`).join("\n")}\nSee .env.example for every variable.`);
    this.name = "InvalidEnvironmentError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  throw new InvalidEnvironmentError(
    result.error.issues.map((issue) => `${issue.path.join(".") || "environment"} ${issue.message}`),
  );
}

let cachedEnv: Env | undefined;

/** Validated once, at start; every later call returns the same object. */
export function env(): Env {
  cachedEnv ??= parseEnv(process.env);
  return cachedEnv;
}

/** What the browser may see: nothing secret belongs here. */
export function publicEnv() {
  const { NODE_ENV, EMAIL_DELIVERY } = env();
  return { NODE_ENV, EMAIL_DELIVERY };
}
