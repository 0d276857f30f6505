import { useRouteError } from "@remix-run/react";
import { Alert } from "~/components/ui/alert";
import { routeErrorMessage } from "~/components/ui/route-error-message";

/** The message a thrown 403/404/409 carries, or a kind generic one. */
export function EventRouteError({ heading, headingAs: Heading = "h1" }: { heading: string; headingAs?: "h1" | "h2" }) {
  const error = useRouteError();
  const message = routeErrorMessage(error);
  return (
    <div className="space-y-4">
      <Heading className="text-xl font-semibold tracking-tight text-slate-900">{heading}</Heading>
      <Alert tone="error">{message}</Alert>
    </div>
  );
}
