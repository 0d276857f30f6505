# One stateless Rapport web instance. Run as many as you like against one PostgreSQL server
# (DATABASE_URL); each applies pending migrations at start under an advisory lock.
#
#   docker build -t rapport .
#   docker run -p 3000:3000 -e DATABASE_URL=… -e AUTH_SECRET=… -e APP_URL=https://… -e RESEND_API_KEY=… rapport

FROM node:20-bookworm-slim AS build
WORKDIR /app
# Dependencies first, so this layer is reused until the lockfile changes. The postinstall
# `prisma generate` needs the schema and its config.
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma/schema.prisma prisma/schema.prisma
RUN npm ci --no-audit --no-fund
COPY . .
# The server runs its TypeScript through tsx, which is a runtime dependency, so the build tools
# can go once the client and server bundles exist.
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    PORT=3000
WORKDIR /app
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# What `npm start` runs, started directly: npm does not pass SIGTERM on to the server, which then
# cannot finish its requests and jobs before `docker stop` kills it; tsx does.
CMD ["node_modules/.bin/tsx", "server/production.ts"]
