import type { getResponsesPage } from "../responses.server";

/** The responses view's data, as its cards receive it. */
export type ResponsesPage = Awaited<ReturnType<typeof getResponsesPage>>;
