import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveResendWebhook } from "~/invitations/delivery.server";

/** Resend posts delivery events here; the signature, not a session or an origin check, authenticates them. */
export async function action({ request }: ActionFunctionArgs) {
  const { status, body } = await receiveResendWebhook(request);
  return Response.json(body, { status });
}
