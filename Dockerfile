# ispgraph container image. Build: `docker build -t ispgraph .`; run with PostgreSQL: `docker compose up`
# (compose.yaml), or alone with the embedded database in the /data volume:
#   docker run -p 8080:8080 -v ispgraph-data:/data ispgraph
# docs/OPERATIONS.md describes every setting.

# ---- dependencies: production packages only, with the postgres.js patch (patches/) applied by postinstall
FROM node:20-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY patches ./patches
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# ---- build: the server bundled into one module, dist/main.mjs (src/build/bundle.mjs), as `npm start` does
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY patches ./patches
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
RUN npm run build

# ---- runtime: the bundle, its npm packages (loaded from node_modules), the migrations
FROM node:20-slim
ENV NODE_ENV=production \
    PORT=8080 \
    HOST=0.0.0.0 \
    DATA_DIR=/data \
    WIB_FILES_DIR=/data/wib \
    ATTACHMENTS_DIR=/data/attachments
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
# drizzle/ holds the migrations run at start; src/ stays for the command-line tools (`npx tsx
# src/tenancy/cli/admin.ts …`, tsconfig.json has their decorator settings) and GraphiQL's login bar.
COPY package.json tsconfig.json ./
COPY src ./src
COPY drizzle ./drizzle
COPY --from=build /app/dist ./dist
# The embedded database (when DATABASE_URL is unset), WIB files and attachments live in /data, owned by
# the unprivileged `node` user the image runs as.
RUN mkdir -p /data && chown node:node /data && chmod 0700 /data
USER node
VOLUME ["/data"]
EXPOSE 8080
# /readyz answers 200 once start-up is done and the database answers (503 while starting, draining or cut off).
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# exec form: node is PID 1 and receives SIGTERM from `docker stop` directly (graceful drain, exit 0).
CMD ["node", "--max-semi-space-size=16", "--max-old-space-size=512", "dist/main.mjs"]
