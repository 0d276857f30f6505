import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { organizationSlug } from "~/organizations/schemas";

/** The company switcher is a plain GET form, so it works without JavaScript. */
export async function loader({ request }: LoaderFunctionArgs) {
  const slug = organizationSlug.safeParse(new URL(request.url).searchParams.get("slug"));
  return redirect(slug.success ? `/o/${slug.data}` : "/");
}
