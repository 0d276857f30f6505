import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { useNonce } from "~/components/nonce";
import { Button, ButtonLink } from "~/components/ui/button";
import { getSessionUser } from "~/platform/auth.server";
import { publicEnv } from "~/platform/env.server";
import stylesheet from "~/styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [
  { title: "Rapport — partnerships built face to face" },
  { name: "description", content: "Co-plan outings and volunteer days with your partner companies, invite your people, and act on what they tell you." },
];

export async function loader({ request }: LoaderFunctionArgs) {
  return { user: await getSessionUser(request), env: publicEnv() };
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const data = useRouteLoaderData<typeof loader>("root");
  // A route whose `handle` says `hydrate: false` is served as plain HTML: no client bundle, no
  // module preloads. Its forms post like any HTML form.
  const hydrate = !useMatches().some((match) => (match.handle as { hydrate?: boolean } | undefined)?.hydrate === false);
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded-md focus:bg-white focus:px-4 focus:py-2">
          Skip to content
        </a>
        <SiteHeader user={data?.user ?? null} devMailbox={data?.env.EMAIL_DELIVERY === "dev-mailbox"} />
        <main id="main" className="mx-auto w-full max-w-5xl px-4 py-8 sm:px-6">
          {children}
        </main>
        {hydrate ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

function SiteHeader({ user, devMailbox }: { user: { email: string; name: string | null } | null; devMailbox: boolean }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
        <Link to="/" className="flex items-center gap-2 text-lg font-semibold text-brand-700">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          Rapport
        </Link>
        <nav aria-label="Account" className="flex flex-wrap items-center gap-3 text-sm">
          {devMailbox ? (
            <Link to="/dev/mail" className="text-slate-700 underline-offset-4 hover:underline">
              Dev mailbox
            </Link>
          ) : null}
          {user ? (
            <>
              <span className="text-slate-700" title={user.email}>
                {user.name ?? user.email}
              </span>
              <Form method="post" action="/sign-out">
                <Button type="submit" variant="secondary" size="sm">
                  Sign out
                </Button>
              </Form>
            </>
          ) : (
            <ButtonLink to="/sign-in" size="sm">
              Sign in
            </ButtonLink>
          )}
        </nav>
      </div>
    </header>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message =
    isRouteErrorResponse(error) && typeof error.data === "object" && error.data && "message" in error.data
      ? String(error.data.message)
      : status === 404
        ? "We couldn't find that page."
        : "Something went wrong on our side. Please try again in a moment.";
  return (
    <div className="mx-auto max-w-lg rounded-lg border border-slate-200 bg-white p-8 text-center shadow-sm">
      <p className="text-sm font-semibold text-brand-700">{status === 404 ? "Not found" : status === 403 ? "Not allowed" : "Error"}</p>
      <h1 className="mt-2 text-2xl font-semibold">{message}</h1>
      <p className="mt-4">
        <Link to="/" className="font-medium text-brand-700 underline underline-offset-4">
          Go to your companies
        </Link>
      </p>
    </div>
  );
}
