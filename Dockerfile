# syntax=docker/dockerfile:1
# One image for every PartnerGraph process: the gateway, each subgraph, and each subgraph's migrations alone,
# chosen by the command (docs/deployment.md). Build from the repository root:
#   docker build -t partnergraph:<version> .
#   docker run partnergraph:<version>                                      # the gateway
#   docker run partnergraph:<version> subgraphs/identity/dist/index.js     # a subgraph
#   docker run partnergraph:<version> subgraphs/identity/dist/migrate.js   # its migrations, then exit
ARG NODE_IMAGE=node:22-bookworm-slim

# Compile every package (`npm run build`: tsc with each package's tsconfig.build.json, into dist/), then lay out
# what production runs (deploy/assemble-release.sh). Install scripts are not needed to compile.
FROM ${NODE_IMAGE} AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.npm \
    npm ci --ignore-scripts --no-audit --no-fund \
 && npm run build \
 && sh deploy/assemble-release.sh /release

# The production dependencies of the gateway and the subgraphs alone: no compiler, test runner or embedded PostgreSQL.
FROM ${NODE_IMAGE} AS production-dependencies
WORKDIR /app
COPY --from=build /release ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
      --workspace=gateway \
      --workspace=subgraphs/identity \
      --workspace=subgraphs/subscriptions \
      --workspace=subgraphs/device-telemetry

# The files belong to root and are only read: the processes run as the node image's unprivileged user (1000),
# given by number so that Kubernetes can check runAsNonRoot, and write nothing but their logs to stdout and stderr.
FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
    HOST=0.0.0.0
WORKDIR /app
COPY --from=production-dependencies /app ./
USER 1000:1000
EXPOSE 4000 4001 4002 4003
ENTRYPOINT ["node", "--max-semi-space-size=64"]
CMD ["gateway/dist/index.js"]
