#!/bin/sh
# Builds .bin/ferretdb-runner: our tiny Go main embedding FerretDB v1 (SQLite handler), fetched only
# through the Go module proxy (see infra/ferretdb/go.mod). The first build compiles a huge transpiled
# SQLite (minutes on 2 cores), so the build is skipped when the binary is newer than every input.
set -eu

root=$(cd "$(dirname "$0")/../.." && pwd)
src="$root/infra/ferretdb"
out="$root/.bin/ferretdb-runner"

if [ -x "$out" ] && [ "${FORCE:-0}" != 1 ]; then
  newer=$(find "$src" -type f \( -name '*.go' -o -name 'go.mod' -o -name 'go.sum' \) -newer "$out" | head -n 1)
  if [ -z "$newer" ]; then
    echo "ferretdb-runner is up to date: $out"
    exit 0
  fi
fi

if ! command -v go >/dev/null 2>&1; then
  echo "build-ferretdb: Go is not installed (need Go >= 1.24)" >&2
  exit 1
fi

mkdir -p "$root/.bin"
echo "building ferretdb-runner (first build takes several minutes)..."
start=$(date +%s)
# modernc.org/sqlite is pure Go, so no C toolchain is needed. Go 1.26 links FerretDB v1.24.2 as is;
# should a future Go refuse one of its //go:linkname pulls, add -checklinkname=0 to -ldflags.
# -mod=readonly keeps go.mod/go.sum exactly as committed (never upgrade FerretDB's pinned sqlite/libc).
# Build into a temp file and rename so an interrupted build never leaves a half-written binary
# that the up-to-date check above would accept.
CGO_ENABLED=0 go build -C "$src" -mod=readonly -trimpath \
  -ldflags='-s -w' -o "$out.tmp" .
mv "$out.tmp" "$out"
echo "built $out in $(( $(date +%s) - start ))s"
