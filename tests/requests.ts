/** The load context the Express server hands to Remix loaders and actions. */
export const routeContext = { clientAddress: "127.0.0.1" };

/** The request a browser sends for `path`: a page load, or a form post when `form` is given. */
export function browserRequest(path: string, cookie: string, form?: Record<string, string>): Request {
  const url = `http://localhost:3000${path}`;
  return form
    ? new Request(url, { method: "POST", headers: { cookie, "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(form) })
    : new Request(url, { headers: { cookie } });
}
