# syntax=docker/dockerfile:1
# CALLpro: API, OpenAPI docs and admin UI in one image. Build: docker build -t callpro .
# Needs DATABASE_URL and JWT_SECRET at run time (see docker-compose.yml).

FROM node:20-bookworm-slim AS base
# the lockfile is npm 11's; Vite 8 does not install with the npm 10 that Node 20 ships
RUN npm install -g npm@11.19.1 && npm cache clean --force
WORKDIR /app

# --- build: all dependencies, then libs (tsc -b), API (nest build, Swagger plugin), UI (vite)
FROM base AS build
COPY package.json package-lock.json ./
COPY libs/contracts/package.json libs/contracts/
COPY libs/permissions/package.json libs/permissions/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# --- runtime: production dependencies and the built output only
FROM base AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/app/.data
COPY package.json package-lock.json ./
COPY libs/contracts/package.json libs/contracts/
COPY libs/permissions/package.json libs/permissions/
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/libs/contracts/dist libs/contracts/dist
COPY --from=build /app/libs/permissions/dist libs/permissions/dist
COPY --from=build /app/dist dist
COPY --from=build /app/admin-ui/dist admin-ui/dist
# DATA_DIR is used only without DATABASE_URL (embedded PostgreSQL); it must be writable by `node`
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/v1/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node is PID 1 and handles SIGTERM itself: it stops HTTP, then exits
CMD ["node", "dist/backend/main.js"]
