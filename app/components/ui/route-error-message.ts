import { isRouteErrorResponse } from "@remix-run/react";

/** The message a thrown 403/404/409 carries for the user, or a kind generic one. */
export function routeErrorMessage(error: unknown): string {
  return isRouteErrorResponse(error) && typeof error.data === "object" && error.data && "message" in error.data
    ? String(error.data.message)
    : "Something went wrong on our side. Reload the page to try again.";
}
