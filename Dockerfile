# syntax=docker/dockerfile:1
# Incident Scribe. Build: docker build -t incident-scribe .
# Run:   docker run -d --env-file .env -v scribe-data:/data -p 3000:3000 incident-scribe

# ── build: install every dependency (better-sqlite3 compiles here), compile src/ to dist/, then keep
#    only the production dependencies ──
FROM node:20-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY bin ./bin
COPY src ./src
RUN npm run build && npm prune --omit=dev

# ── runtime: node:20-slim with git, a non-root user and the data directory as a volume ──
FROM node:20-slim
RUN apt-get update && apt-get install -y --no-install-recommends git ca-certificates openssh-client && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production SCRIBE_DATA_DIR=/data PORT=3000
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY bin ./bin
COPY config ./config
COPY templates ./templates
COPY manifest.yml ./
RUN groupadd --system scribe && useradd --system --gid scribe --home-dir /data scribe \
  && mkdir -p /data && chown scribe:scribe /data
USER scribe
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "bin/scribe.js", "start"]
