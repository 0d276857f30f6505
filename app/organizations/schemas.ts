import { z } from "zod";

export const RESERVED_SLUGS = ["new", "admin", "api", "app", "dev", "settings", "sign-in", "sign-out"];

export const organizationSlug = z
  .string({ message: "Choose a short web address for your company." })
  .trim()
  .toLowerCase()
  .min(2, { message: "Use at least 2 characters." })
  .max(40, { message: "Use at most 40 characters." })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: "Use lowercase letters, numbers and single dashes, e.g. acme-corp." })
  .refine((slug) => !RESERVED_SLUGS.includes(slug), { message: "That address is reserved. Try another." });

export const createOrganizationSchema = z.object({
  name: z
    .string({ message: "Enter your company's name." })
    .trim()
    .min(2, { message: "Use at least 2 characters." })
    .max(80, { message: "Use at most 80 characters." }),
  slug: organizationSlug,
});
