# One image for every SSS process; docker-compose.yml picks the command per service.
FROM node:22-bookworm-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY contracts/package.json contracts/
COPY http-kit/package.json http-kit/
COPY write-side/package.json write-side/
COPY read-side/package.json read-side/
COPY infra/package.json infra/
COPY ui/package.json ui/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build:ui

# The UI and the gateway in front of both sides.
FROM nginx:1.27-alpine AS ui
COPY --from=build /app/ui/dist /usr/share/nginx/html
COPY infra/docker/gateway.conf /etc/nginx/conf.d/default.conf

FROM node:22-bookworm-slim AS app
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
COPY --from=build /app /app
USER node
EXPOSE 3000
CMD ["node", "--import", "tsx", "infra/src/main/embedded.ts"]
