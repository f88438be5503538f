# syntax=docker/dockerfile:1
# Switchboard: a static binary on a distroless, non-root base.

# htmx comes from npm (pinned in package-lock.json), never from git.
FROM node:20-bookworm-slim AS assets
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund \
 && mkdir -p /out \
 && cp node_modules/htmx.org/dist/htmx.min.js /out/htmx.min.js

FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
COPY --from=assets /out/htmx.min.js static/vendor/htmx.min.js
RUN CGO_ENABLED=0 go build -trimpath -ldflags='-s -w' -o /out/switchboard ./cmd/switchboard \
 && mkdir -p /out/data

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/switchboard /switchboard
# The SQLite database (grants, audit trail, sessions) lives in a volume.
COPY --from=build --chown=65532:65532 /out/data /data
ENV SWITCHBOARD_ADDR=0.0.0.0:8080 \
    SWITCHBOARD_DATABASE_URL=sqlite:/data/switchboard.db
VOLUME /data
EXPOSE 8080
USER nonroot:nonroot
ENTRYPOINT ["/switchboard"]
