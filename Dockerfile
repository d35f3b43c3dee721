# Corridor route planner: HTTP service on Node 20 (>= 20.19, see package.json engines).
# Three stages: compile TypeScript with the development dependencies, install the
# production dependencies alone, then a runtime image with dist/, data/ and those.
# The base image is pinned to an exact Node release on Debian 12 (bookworm).
ARG NODE_IMAGE=node:20.20.2-bookworm-slim

# --- build: dist/ from src/ (tsc needs the development dependencies) ---
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts/build.mjs scripts/build-freshness.mjs ./scripts/
COPY src ./src
RUN npm run build

# --- deps: production dependencies only, from the lock file ---
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# --- runtime ---
FROM ${NODE_IMAGE} AS runtime
# tini as PID 1: forwards SIGTERM to node and reaps zombies (Node is not written to be PID 1).
RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0 \
    DATA_DIR=data
WORKDIR /app
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --chown=node:node package.json package-lock.json ./
COPY --chown=node:node data ./data
COPY --chown=node:node web ./web
USER node
EXPOSE 3000
# Liveness through the service's own /health, with Node's built-in fetch (no curl in the slim image).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--"]
# The compiled server closes cleanly on SIGTERM within SHUTDOWN_TIMEOUT_MS (src/server.ts).
CMD ["node", "dist/server.js"]
