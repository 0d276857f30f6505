import { seedDemoDataIfEmpty } from "../prisma/seed";
import { env } from "~/platform/env.server";
import { createApp } from "./app";
import { boot, exitOnSignals, reportStartupFailure } from "./boot";

try {
  const booted = await boot({ allowEmbeddedDatabase: true });
  const seeded = await seedDemoDataIfEmpty();
  const vite = await import("vite").then(({ createServer }) => createServer({ server: { middlewareMode: true } }));
  const app = createApp({
    build: () => vite.ssrLoadModule("virtual:remix/server-build") as never,
    assets: [vite.middlewares],
  });
  const { PORT, APP_URL, EMAIL_DELIVERY } = env();
  const server = app.listen(PORT, "127.0.0.1", () => {
    const mailbox = EMAIL_DELIVERY === "dev-mailbox" ? `${APP_URL}/dev/mail` : "your inbox (Resend)";
    console.log(
      [
        "",
        `  Rapport is running at ${APP_URL}`,
        seeded ? `  Demo data is ready: sign in as ${seeded.signInAs} (or any address) — the sign-in link lands in ${mailbox}` : `  Sign in with any address — the sign-in link lands in ${mailbox}`,
        "",
      ].join("\n"),
    );
  });
  exitOnSignals(async () => {
    server.close();
    await vite.close();
    await booted.shutdown();
  });
} catch (error) {
  reportStartupFailure(error);
}
