import { z } from "zod";

export const emailAddress = z
  .string({ message: "Enter your work email address." })
  .trim()
  .toLowerCase()
  .min(1, { message: "Enter your work email address." })
  .max(254, { message: "That address is too long." })
  .pipe(z.email({ message: "Enter an address like name@company.com." }));

const SAME_SITE = "http://same-site.invalid";

/**
 * Only same-site paths: an open redirect here would turn our sign-in link into a phishing tool.
 * The path is resolved as a browser would, which drops tabs and newlines and reads "\\" as "/".
 */
export const safeRedirectPath = z
  .string()
  .optional()
  .transform((value) => {
    if (!value?.startsWith("/") || !URL.canParse(value, SAME_SITE)) return "/";
    const url = new URL(value, SAME_SITE);
    return url.origin === SAME_SITE ? `${url.pathname}${url.search}${url.hash}` : "/";
  });

export const signInRequestSchema = z.object({ email: emailAddress, redirectTo: safeRedirectPath });

export const signInConfirmationSchema = z.object({
  token: z.string().min(1),
  email: emailAddress,
  callbackUrl: z.string().optional(),
});
