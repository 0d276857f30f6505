type RouteFunction = (args: never) => unknown;

const context = { clientAddress: "127.0.0.1" };

export type RouteOutcome = { status: number; body: unknown; headers: Headers };

/** Runs a loader or action the way Remix would, and reports thrown responses as outcomes too. */
export async function callRoute(
  handler: RouteFunction | undefined,
  options: { path: string; params: Record<string, string>; cookie: string; form?: Record<string, string> },
): Promise<RouteOutcome> {
  if (!handler) throw new Error(`The route for ${options.path} has no such handler.`);
  const url = `http://localhost:3000${options.path}`;
  const request = options.form
    ? new Request(url, {
        method: "POST",
        headers: { cookie: options.cookie, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(options.form),
      })
    : new Request(url, { headers: { cookie: options.cookie } });
  try {
    return outcomeOf(await handler({ request, params: options.params, context } as never));
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
