import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { EMAIL_PROVIDER_ID, handleAuthRequest } from "~/platform/auth.server";

// Auth.js would consume a magic-link token on GET; send such requests to the confirmation page.
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  if (url.pathname.endsWith(`/callback/${EMAIL_PROVIDER_ID}`)) return redirect(`/sign-in/confirm${url.search}`);
  return handleAuthRequest(request);
}

export async function action({ request }: ActionFunctionArgs) {
  return handleAuthRequest(request);
}
