#!/usr/bin/env bash
# Production image path without Docker: does what the Dockerfile does in a
# temporary folder (build dist/ with the development dependencies; copy package
# files, dist, data and web; `npm ci --omit=dev`; start with the image's command,
# `node dist/server.js`), then checks that the service becomes ready, plans a
# route on the real data set, and exits 0 on SIGTERM. Proves the compiled
# output runs with production dependencies only.
set -euo pipefail
cd "$(dirname "$0")/.."

work="$(mktemp -d)"
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

npm run build --silent
# The same files the Dockerfile copies into its runtime stage.
cp package.json package-lock.json "$work/"
cp -R dist data web "$work/"

cd "$work"
npm ci --omit=dev --no-audit --no-fund --prefer-offline --loglevel=error
if [ -d node_modules/typescript ] || [ -d node_modules/fast-check ]; then
  echo "prod-smoke: development dependencies were installed" >&2
  exit 1
fi

port="$(node -e "const s = require('node:net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); })")"
base="http://127.0.0.1:$port"

start_ms=$(date +%s%3N)
NODE_ENV=production PORT="$port" HOST=127.0.0.1 DATA_DIR=data node dist/server.js >server.log 2>&1 &
pid=$!

# Ready within 30 s (loading and preparing the network takes about a second).
for _ in $(seq 1 300); do
  if curl -fsS "$base/ready" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "prod-smoke: the service exited during start-up:" >&2
    cat server.log >&2
    exit 1
  fi
  sleep 0.1
done
curl -fsS "$base/ready" >/dev/null || { echo "prod-smoke: not ready after 30 s" >&2; cat server.log >&2; exit 1; }
ready_ms=$(( $(date +%s%3N) - start_ms ))
rss_kb=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
echo "prod-smoke: ready after ${ready_ms} ms (polled every 0.1 s), RSS $(( rss_kb / 1024 )) MB"
echo "${ready_ms} ${rss_kb}" > "${PROD_SMOKE_METRICS:-/dev/null}"

# The answer goes through stdin: one argument may hold at most 128 KiB, and a route answer is larger.
curl -fsS -H 'X-Request-Id: prod-smoke-1' "$base/v1/routes?from=Almaty&to=Karachi" >answer.json
node -e '
  const text = require("node:fs").readFileSync(0, "utf8");
  const a = JSON.parse(text);
  if (!Array.isArray(a.routes) || a.routes.length === 0 || !(a.routes[0].distanceKm > 0)) {
    console.error("prod-smoke: unexpected route answer", text.slice(0, 300));
    process.exit(1);
  }
  console.log(`prod-smoke: Almaty → Karachi ${a.routes[0].distanceKm} km on data ${a.dataVersion}`);
' <answer.json
# The planner page and the libraries it loads from node_modules come with production dependencies only.
{ curl -fsS "$base/ui/vendor/leaflet/leaflet-src.esm.js" >/dev/null && curl -fsS "$base/" -o page.html && grep -q '/ui/js/main.js' page.html; } ||
  { echo "prod-smoke: the planner page is not served" >&2; exit 1; }
curl -fsS "$base/metrics" | grep -q '^corridor_data_info' || { echo "prod-smoke: /metrics lacks corridor_data_info" >&2; exit 1; }

# SIGTERM, as the container runtime sends it (through the init process): the server must close and exit 0.
kill -TERM "$pid"
set +e
wait "$pid"
rc=$?
set -e
pid=""
if [ "$rc" -ne 0 ]; then
  echo "prod-smoke: exit code $rc after SIGTERM" >&2
  cat server.log >&2
  exit 1
fi
grep -q '"msg":"server closed"' server.log || { echo "prod-smoke: no clean close in the log" >&2; cat server.log >&2; exit 1; }
echo "prod-smoke: ok"
