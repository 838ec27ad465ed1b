# syntax=docker/dockerfile:1
# The production image. Its final stage is exactly the layout that CI tests (e2e/production.test.ts): package.json and
# package-lock.json, `npm ci --omit=dev --omit=optional`, the build output dist/ and content/, started with
# `node dist/server/main.js`. Base images cannot be pulled on the machines this is developed on, so the image itself
# is not built there; the test reads this file and fails when the two drift apart.
#
#   docker build -t verbetertool .
#   docker run -p 3000:3000 -e PUBLIC_URL=http://localhost:3000 -v verbetertool-data:/data verbetertool
ARG NODE_VERSION=20.20
ARG NPM_VERSION=11.19.1

# ---- build: all dependencies, then `npm run build` (web app with Vite, server and scripts with esbuild) ----
FROM node:${NODE_VERSION}-bookworm-slim AS build
ARG NPM_VERSION
RUN npm install --global --no-audit --no-fund npm@${NPM_VERSION}
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# ---- production: production dependencies only, the build output and the content; runs as the non-root node user ----
FROM node:${NODE_VERSION}-bookworm-slim AS production
ARG NPM_VERSION
RUN npm install --global --no-audit --no-fund npm@${NPM_VERSION}
# MALLOC_MMAP_THRESHOLD_: the server's environment (src/server/server-env.ts, decision 0050).
ENV NODE_ENV=production \
    MALLOC_MMAP_THRESHOLD_=131072 \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --omit=optional --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY content ./content
# The embedded database and generated secrets live in DATA_DIR (mount a volume there); with DATABASE_URL and
# APP_SECRET set nothing is written but development mails (DATA_DIR/mail, without SMTP_URL) and a cache of the
# parsed content YAML (DATA_DIR/cache, optional: a read-only DATA_DIR only means parsing on every start).
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/api/health/live`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/server/main.js"]
