import { browserRequest, routeContext } from "#tests/requests";

type RouteFunction = (args: never) => unknown;

export type RouteOutcome = { status: number; body: unknown; headers: Headers };

/** Runs a loader or action the way Remix would, and reports thrown responses as outcomes too. */
export async function callRoute(
  handler: RouteFunction | undefined,
  options: { path: string; params: Record<string, string>; cookie: string; form?: Record<string, string> },
): Promise<RouteOutcome> {
  if (!handler) throw new Error(`The route for ${options.path} has no such handler.`);
  const request = browserRequest(options.path, options.cookie, options.form);
  try {
    return outcomeOf(await handler({ request, params: options.params, context: routeContext } as never));
  } catch (thrown) {
    if (thrown instanceof Response || isDataWithInit(thrown)) return outcomeOf(thrown);
    throw thrown;
  }
}

function isDataWithInit(value: unknown): value is { data: unknown; init: ResponseInit | null } {
  return Boolean(value && typeof value === "object" && "init" in value && "data" in value);
}

function outcomeOf(result: unknown): RouteOutcome {
  if (result instanceof Response) return { status: result.status, body: null, headers: result.headers };
  if (isDataWithInit(result)) return { status: result.init?.status ?? 200, body: result.data, headers: new Headers(result.init?.headers) };
  return { status: 200, body: result, headers: new Headers() };
}
