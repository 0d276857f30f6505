import { db } from "~/platform/db.server";
import { createSessionCookie } from "#tests/factories";
import { browserRequest, routeContext } from "#tests/requests";

type RouteFunction = (args: never) => unknown;

/** Calls a route's loader (no form) or action (with a form) as the user's browser would. */
export async function callRoute(run: RouteFunction, path: string, params: Record<string, string>, user: { id: string } | null, form?: Record<string, string>) {
  const cookie = user ? await createSessionCookie(user) : "";
  return run({ request: browserRequest(path, cookie, form), params, context: routeContext } as never);
}

/** What a thrown or returned `data()` / Response carries: its status and body. */
export async function outcomeOf(run: () => unknown): Promise<{ status: number; body: unknown; headers: Headers | null }> {
  try {
    return describe(await run());
  } catch (thrown) {
    if (thrown instanceof Response || (thrown && typeof thrown === "object" && "init" in thrown)) return describe(thrown);
    throw thrown;
  }
}

async function describe(result: unknown): Promise<{ status: number; body: unknown; headers: Headers | null }> {
  if (result instanceof Response) {
    const type = result.headers.get("content-type") ?? "";
    return { status: result.status, body: type.includes("json") ? await result.json() : await result.text(), headers: result.headers };
  }
  if (result && typeof result === "object" && "init" in result && "data" in result) {
    const { init, data } = result as { init?: { status?: number }; data: unknown };
    return { status: init?.status ?? 200, body: data, headers: null };
  }
  return { status: 200, body: result, headers: null };
}

/** Everything check-in or an answer could change on one invitee, as one string. */
export async function invitationSnapshot(invitationId: string) {
  return JSON.stringify(await db.eventInvitation.findUnique({ where: { id: invitationId } }));
}
