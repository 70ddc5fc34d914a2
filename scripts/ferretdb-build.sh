#!/usr/bin/env bash
# Builds FerretDB v1.24.2 (the local and test MongoDB-compatible server) into .tools/bin.
# A plain `go install` yields a binary that panics because build/version/version.txt is
# git-ignored upstream and so missing from the module zip; we build from the module
# cache with that file restored, the way FerretDB's own production Dockerfile does.
set -euo pipefail

version="v1.24.2"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin_dir="$root/.tools/bin"
bin="$bin_dir/ferretdb"

# grep without -q: with pipefail, -q closing the pipe early made the check fail now and then (SIGPIPE), rebuilding for a minute.
if [[ -x "$bin" ]] && "$bin" --version 2>/dev/null | grep "$version" >/dev/null; then
  echo "$bin"
  exit 0
fi

if ! command -v go >/dev/null 2>&1; then
  echo "Go is required to build FerretDB (https://go.dev/dl/)." >&2
  exit 1
fi

mkdir -p "$bin_dir"
work="$(mktemp -d)"
trap 'chmod -R u+w "$work" 2>/dev/null || true; rm -rf "$work"' EXIT

GOFLAGS=-mod=mod go mod download "github.com/FerretDB/FerretDB@$version" >&2
src="$(go env GOMODCACHE)/github.com/!ferret!d!b/!ferret!d!b@$version"
cp -r "$src/." "$work/"
chmod -R u+w "$work"
echo "$version" > "$work/build/version/version.txt"

echo "Building FerretDB $version (first run only, about a minute)..." >&2
(
  cd "$work"
  CGO_ENABLED=0 go build -trimpath -ldflags=-checklinkname=0 -o "$bin" ./cmd/ferretdb
) >&2
echo "$bin"
