#!/usr/bin/env bash
# `npm run test:couchdb` (single) and `npm run test:cluster` (cluster): the integration suite on a real
# Apache CouchDB started for the run from ../shared/couchdb/, stopped afterwards whatever happens;
# exits with the suite's status. Further arguments go to Vitest (a file, `-t name`…).
set -euo pipefail
mode=${1:?usage: test-couchdb.sh single|cluster [vitest arguments]}
shift
cd "$(dirname "$0")/.."

start=$(realpath -m ../shared/couchdb/couchdb-start.sh)
if [ ! -x "$start" ]; then
  echo "test-couchdb: $start is missing: these tests need the CouchDB release of ../shared/couchdb/ beside the repository." >&2
  exit 2
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/cpts-couchdb-XXXXXX")
trap '"$start" stop "$dir" >/dev/null 2>&1 || true; rm -rf "$dir"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The start script takes PORT..PORT+2 for the nodes and PORT+100..PORT+103 for Erlang.
in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
range_free() {
  for p in "$1" $(($1 + 1)) $(($1 + 2)) $(($1 + 100)) $(($1 + 101)) $(($1 + 102)) $(($1 + 103)); do
    if in_use "$p"; then return 1; fi
  done
}
port=15984
until range_free "$port"; do
  port=$((port + 5))
  if [ "$port" -gt 16900 ]; then echo "test-couchdb: no free ports between 15984 and 17003" >&2; exit 2; fi
done

export COUCHDB_USER=admin COUCHDB_PASSWORD=admin
"$start" "$mode" "$dir" "$port" >/dev/null || exit 2
first_url=$(sed -n 's/^COUCHDB_URL=//p' "$dir/run/env")
echo "test-couchdb: CouchDB ($mode) at $first_url"

# COUCHDB_START: for the tests that start a cluster of their own to kill its nodes.
COUCHDB_START="$start" COUCHDB_URL="http://$COUCHDB_USER:$COUCHDB_PASSWORD@${first_url#http://}" npx vitest run --configLoader runner --project integration "$@"
