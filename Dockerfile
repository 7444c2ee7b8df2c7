# syntax=docker/dockerfile:1
# The facade as a container: `docker build -t stuf-zkn-facade .` (deploy/README.md).

# Build stage: all dependencies (esbuild, TypeScript sources), `npm run build` makes dist/.
FROM node:20-slim AS build
WORKDIR /app
# better-sqlite3 compiles when no prebuilt binary fits
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends python3 make g++ >/dev/null && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY build ./build
COPY src ./src
COPY schema ./schema
COPY resolvers ./resolvers
COPY soap-clients ./soap-clients
COPY bench/processes ./bench/processes
COPY bench/harness ./bench/harness
RUN npm run build

# Production dependencies only, compiled in the same image family as the runtime stage.
FROM node:20-slim AS deps
WORKDIR /app
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends python3 make g++ >/dev/null && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# Runtime stage: node, the production node_modules and the bundles; no compiler, no sources, no npm run.
FROM node:20-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    STUF_FACADE_CONFIG=/etc/facade/facade.json \
    STUF_FACADE_DATA_DIR=/var/lib/facade
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=deps /app/package.json ./package.json
COPY --from=build /app/dist ./dist
# the image's own non-root user (uid 1000); the data directory is the only place it writes
RUN mkdir -p /var/lib/facade /etc/facade && chown node:node /var/lib/facade
USER node
VOLUME ["/var/lib/facade"]
# 3000: the API; 9464: the management listener (beheer.poort: /health/live, /health/ready, /metrics)
EXPOSE 3000 9464
# liveness on the API port, which serves /health/live whether or not beheer.poort is set; node:20-slim has no curl
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/server.js"]
