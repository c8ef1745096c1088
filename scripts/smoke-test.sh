#!/usr/bin/env bash
# Starts the whole stack as `npm start` does (embedded PostgreSQL unless
# DATABASE_URL is set), runs the partner dashboard's cross-subgraph query
# through the gateway as the demo partner admin, checks it got data from all
# three subgraphs and that an anonymous caller gets none, and stops the stack.
set -euo pipefail
cd "$(dirname "$0")/.."
export APOLLO_TELEMETRY_DISABLED=1 TURBO_TELEMETRY_DISABLED=1

data_dir=$(mktemp -d)
chmod 755 "$data_dir"
log="$data_dir/stack.log"
export DATA_DIR="$data_dir"
unset DATABASE_URL

started=$(date +%s.%N)
npm start >"$log" 2>&1 &
stack=$!
cleanup() {
  if kill -0 "$stack" 2>/dev/null; then kill -TERM "$stack"; wait "$stack" || true; fi
  rm -rf "$data_dir"
}
trap cleanup EXIT

for _ in $(seq 1 180); do
  grep -q 'PartnerGraph is ready' "$log" && break
  kill -0 "$stack" 2>/dev/null || { cat "$log"; echo "the stack stopped before it was ready"; exit 1; }
  sleep 1
done
grep -q 'PartnerGraph is ready' "$log" || { cat "$log"; echo "the stack was not ready within 180 s"; exit 1; }

# The partner dashboard's query, as the demo partner admin (the README's way to get a token).
query='{"query":"{ organizations { nodes { name kind partnerId subscriptions { product status } devices { nodes { name make model serialNumber firmwareRevision ipAddress } } } } }"}'
token=$(npm run -s token -- admin@northwind.example)
response=$(curl -sS --max-time 30 -H 'content-type: application/json' -H "authorization: Bearer $token" -d "$query" http://127.0.0.1:${GATEWAY_PORT:-4000}/graphql)
answered=$(date +%s.%N)
anonymous=$(curl -sS --max-time 30 -H 'content-type: application/json' -d "$query" http://127.0.0.1:${GATEWAY_PORT:-4000}/graphql)
node -e '
  const body = JSON.parse(process.argv[1]);
  if (body.errors) { console.error(JSON.stringify(body.errors)); process.exit(1); }
  const orgs = body.data.organizations.nodes;
  const withSubscriptions = orgs.filter((o) => o.subscriptions.length > 0).length;
  const devices = orgs.flatMap((o) => o.devices.nodes);
  const masked = devices.filter((d) => d.ipAddress?.startsWith("x")).length;
  if (orgs.length === 0 || withSubscriptions === 0 || devices.length === 0 || masked === 0) { console.error("missing data", JSON.stringify(body)); process.exit(1); }
  console.log(`smoke test: the partner admin sees ${orgs.length} organizations, ${withSubscriptions} with subscriptions, ${devices.length} devices (${masked} IP addresses cut to the last two segments)`);
  const anonymous = JSON.parse(process.argv[2]);
  if (anonymous.errors || anonymous.data.organizations.nodes.length !== 0) { console.error("an anonymous caller saw", JSON.stringify(anonymous)); process.exit(1); }
  console.log("smoke test: an anonymous caller sees no organization");
' "$response" "$anonymous"
awk -v a="$answered" -v s="$started" 'BEGIN { printf "smoke test: first answer %.1f s after npm start\n", a - s }'

# A supervisor stops `npm start` with SIGTERM; npm itself then exits 143 without passing the signal on,
# and the launcher notices within a second that its parent is gone and stops everything it started.
kill -TERM "$stack"
wait "$stack" || true
root=$(pwd)
for _ in $(seq 1 30); do
  left=$(pgrep -af "$data_dir|$root/(gateway|subgraphs)/" || true)
  [ -z "$left" ] && break
  sleep 0.5
done
if [ -n "$left" ]; then echo "processes left behind after stop:"; echo "$left"; exit 1; fi
echo "smoke test: the stack stopped cleanly"
