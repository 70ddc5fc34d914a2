#!/usr/bin/env bash
# Builds FerretDB v1.24.2 (the local and test MongoDB-compatible server) into .tools/bin.
# A plain `go install` yields a binary that panics because build/version/version.txt is
# git-ignored upstream and so missing from the module zip; we build from the module
# cache with that file restored, the way FerretDB's own production Dockerfile does.
#
# One expression is corrected on the way (docs/architecture.md, "The test database"): the SQLite
# handler creates its unique `_id` index on `_ferretdb_sjson->"_id"` but selects, updates and
# deletes by `_ferretdb_sjson->'$._id'`. Both name the same value, but SQLite uses an expression
# index only for the expression it was built on, so in the stock build every read, update and
# delete by `_id` goes through the whole table and parses every document's JSON (an update of
# one document among 2,000 took 0.7 s). With the index's own expression those statements use the
# index, as MongoDB, Atlas and Cosmos DB do with theirs. Nothing else changes: the same statements
# and results, the same files on disk.
set -euo pipefail

version="v1.24.2"
# Names what was built: a binary without this stamp beside it (a stock build) is built again.
build_id="$version+id-index-1"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin_dir="$root/.tools/bin"
bin="$bin_dir/ferretdb"
stamp="$bin_dir/ferretdb.build"

if [[ -x "$bin" && -f "$stamp" && "$(cat "$stamp")" == "$build_id" ]]; then
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

metadata="$work/internal/backends/sqlite/metadata/metadata.go"
stock="IDColumn = DefaultColumn + \"->'\$._id'\""
fixed='IDColumn = DefaultColumn + `->"_id"`'
if ! grep -F "$stock" "$metadata" >/dev/null; then
  echo "FerretDB $version: the _id expression to correct was not found in $metadata" >&2
  exit 1
fi
# A literal replacement (bash's ${var/pattern/text} with quoted parts), not a regular expression.
source_text="$(<"$metadata")"
printf '%s\n' "${source_text/"$stock"/"$fixed"}" > "$metadata"
grep -F "$fixed" "$metadata" >/dev/null

echo "Building FerretDB $version (first run only, about a minute)..." >&2
(
  cd "$work"
  CGO_ENABLED=0 go build -trimpath -ldflags=-checklinkname=0 -o "$bin" ./cmd/ferretdb
) >&2
echo "$build_id" > "$stamp"
echo "$bin"
