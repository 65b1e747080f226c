# One image for every SSS process; docker-compose.yml picks the command per service.
# The app runs the production build (`npm run build`: plain JavaScript in dist/) on plain node,
# with only the runtime dependencies installed: no tsx, no devDependencies, no compiler.
FROM node:22-bookworm-slim AS toolchain
WORKDIR /app
# better-sqlite3 compiles its native module when no prebuilt binary fits.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY contracts/package.json contracts/
COPY http-kit/package.json http-kit/
COPY write-side/package.json write-side/
COPY read-side/package.json read-side/
COPY infra/package.json infra/
COPY ui/package.json ui/

FROM toolchain AS build
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# The package files and `npm ci --omit=dev`: the node_modules the app stage runs with.
FROM toolchain AS runtime-deps
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# The UI and the gateway in front of both sides; nginx's unprivileged image runs as a non-root user
# and listens on 8080, where gateway.conf listens.
FROM nginxinc/nginx-unprivileged:1.27-alpine AS ui
COPY --from=build /app/ui/dist /usr/share/nginx/html
COPY infra/docker/gateway.conf /etc/nginx/conf.d/default.conf

FROM node:22-bookworm-slim AS app
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 SSS_DATA_DIR=/app/data
COPY --from=runtime-deps /app /app
COPY --from=build /app/dist dist
COPY --from=build /app/ui/dist ui/dist
# The embedded default keeps its event store, read store and session secret here.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
CMD ["node", "dist/embedded.js"]
