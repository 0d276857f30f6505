import { z } from "zod";

export const emailAddress = z
  .string({ message: "Enter your work email address." })
  .trim()
  .toLowerCase()
  .min(1, { message: "Enter your work email address." })
  .max(254, { message: "That address is too long." })
  .pipe(z.email({ message: "Enter an address like name@company.com." }));

/** Only same-site paths: an open redirect here would turn our sign-in link into a phishing tool. */
export const safeRedirectPath = z
  .string()
  .optional()
  .transform((value) => (value && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") ? value : "/"));

export const signInRequestSchema = z.object({ email: emailAddress, redirectTo: safeRedirectPath });

export const signInConfirmationSchema = z.object({
  token: z.string().min(1),
  email: emailAddress,
  callbackUrl: z.string().optional(),
});
