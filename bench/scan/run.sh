#!/usr/bin/env bash
# Public scan page benchmark (issue 5): a throwaway PostgreSQL cluster (as the tests make it), the app's migrations and
# demo seed, 1,000,000 units bulk-loaded for the demo tenant, the app in Release against it (scan logging on), then
# wrk — 32 connections, 30 s — on /health (plain text) and on /u/<random code>, in one run. Prints requests/s, p99 and
# the ratio. Usage: bench/scan/run.sh [units=1000000] [duration=30s] [connections=32]  (BENCH_HOLD=1: stop before wrk, keep all up)
set -euo pipefail
cd "$(dirname "$0")/../.."
UNITS=${1:-1000000}; DURATION=${2:-30s}; CONNECTIONS=${3:-32}
command -v wrk >/dev/null || { SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo; $SUDO apt-get install -y -qq wrk >/dev/null 2>&1 \
  || { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq wrk >/dev/null; }; } # a fresh machine has no package lists yet
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
WORK=$(mktemp -d /tmp/sidig-scan-bench.XXXX); chmod 755 "$WORK"
PGPORT=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
APPPORT=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$WORK"
APP_PID=""
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  as_pg "$BIN/pg_ctl" -D "$WORK/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== PostgreSQL cluster on port $PGPORT"
as_pg "$BIN/initdb" -D "$WORK/data" --auth=trust -E UTF8 --no-locale --no-sync -U postgres >/dev/null
as_pg "$BIN/pg_ctl" -D "$WORK/data" -l "$WORK/pg.log" -w -t 60 \
  -o "-p $PGPORT -k $WORK -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
PSQL="$BIN/psql -h 127.0.0.1 -p $PGPORT -U postgres -v ON_ERROR_STOP=1 -qAt"
$PSQL -d postgres -c "CREATE ROLE sidig_owner LOGIN PASSWORD 'bench'; CREATE ROLE sidig_app LOGIN PASSWORD 'bench' NOSUPERUSER NOBYPASSRLS;"
$PSQL -d postgres -c "CREATE DATABASE sidig OWNER sidig_owner"

echo "== Release build, migrations and demo seed"
dotnet build -c Release Sidig.Web/Sidig.Web.csproj -v q -nologo 2>&1 | grep -E " error |rror\(s\)" || true
APP_DLL=Sidig.Web/bin/Release/net10.0/Sidig.Web.dll
export ASPNETCORE_ENVIRONMENT=Production
export Sidig__Database__Provider=Postgres
export Sidig__Database__ConnectionString="Host=127.0.0.1;Port=$PGPORT;Database=sidig;Username=sidig_app;Password=bench;Maximum Pool Size=100"
export Sidig__Database__MigrationConnectionString="Host=127.0.0.1;Port=$PGPORT;Database=sidig;Username=sidig_owner;Password=bench"
export Sidig__Database__AppRole=sidig_app
export Sidig__Tenancy__BaseDomain=localhost
export Sidig__Jobs__Server=false
# Request logging at Information would write a console line per request for both endpoints alike; the bench measures the app.
export Serilog__MinimumLevel__Default=Warning
dotnet "$APP_DLL" --migrate --seed >/dev/null

echo "== Bulk load of $UNITS units for tenant demo"
T0=$(date +%s)
$PSQL -d sidig <<SQL
-- As the superuser: RLS is FORCEd for every other role. The units join the demo's first serialised product's batch.
CREATE TEMP TABLE base AS
  SELECT b.tenant_id, b.product_id, b.id AS batch_id, b.warehouse_id FROM unit_batches b
  JOIN tenants t ON t.id = b.tenant_id AND t.slug = 'demo' ORDER BY b.created_at LIMIT 1;
INSERT INTO units (id, tenant_id, product_id, batch_id, serial, public_code, status, warehouse_id, created_at)
SELECT gen_random_uuid(), base.tenant_id, base.product_id, base.batch_id, 'BENCH-' || lpad(i::text, 7, '0'),
       -- 12 hex digits of md5 spelled in code letters: well-formed, deterministic, no collision for these inputs (48 bits)
       translate(left(md5('bench' || i), 12), '0123456789abcdef', 'abcdefghjkmnpqrs'),
       0, base.warehouse_id, now()
FROM base, generate_series(1, $UNITS) i;
ANALYZE;
SQL
echo "   loaded in $(( $(date +%s) - T0 )) s; units in the database: $($PSQL -d sidig -c 'SELECT count(*) FROM units')"
CODES="$WORK/codes.txt"
$PSQL -d sidig -c "COPY (SELECT public_code FROM units WHERE serial LIKE 'BENCH-%' ORDER BY random() LIMIT 100000) TO STDOUT" > "$CODES"
chmod 644 "$CODES"

echo "== App on port $APPPORT"
dotnet "$APP_DLL" --urls "http://127.0.0.1:$APPPORT" > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$APPPORT/health" >/dev/null && break; sleep 0.5; done
SAMPLE=$(head -1 "$CODES")
curl -s -o "$WORK/sample.html" -w '%{http_code}\n' -H "Host: demo.localhost" "http://127.0.0.1:$APPPORT/u/$SAMPLE"
grep -q 'data-testid="scan-genuine"' "$WORK/sample.html" \
  || { echo "the scan page does not show a genuine unit for $SAMPLE"; head -c 600 "$WORK/sample.html"; grep -E 'ERR|WRN' "$WORK/app.log" | tail -5; exit 1; }
if [ -n "${BENCH_HOLD:-}" ]; then # keep the cluster and the app up to profile by hand; Ctrl-C ends and cleans up
  echo "app http://127.0.0.1:$APPPORT (Host: demo.localhost), codes $CODES, psql: $PSQL -d sidig, app log $WORK/app.log"; sleep infinity
fi
SCANS_BEFORE=$($PSQL -d sidig -c "SELECT count(*) FROM unit_scans")

run() { # name url [script]
  local out; out=$(SCAN_CODES="$CODES" wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "Host: demo.localhost" ${3:+-s "$3"} "$2")
  echo "$out" | sed 's/^/   /' >&2
  local rps p99 errors
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  errors=$(echo "$out" | awk '/Non-2xx/ {print $5}')
  echo "$1 $rps $p99 ${errors:-0}"
}
echo "== Warm-up (10 s each, not counted)"
SCAN_CODES="$CODES" wrk -t2 -c"$CONNECTIONS" -d10s -H "Host: demo.localhost" "http://127.0.0.1:$APPPORT/health" >/dev/null
SCAN_CODES="$CODES" wrk -t2 -c"$CONNECTIONS" -d10s -H "Host: demo.localhost" -s bench/scan/random-codes.lua "http://127.0.0.1:$APPPORT/" >/dev/null
sleep 3
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
echo "== Measured: plain text /health, then the scan page (load average before: $LOAD_BEFORE)"
read -r _ PLAIN_RPS PLAIN_P99 PLAIN_ERR < <(run plain "http://127.0.0.1:$APPPORT/health")
SCANS_MID=$($PSQL -d sidig -c "SELECT count(*) FROM unit_scans")
read -r _ SCAN_RPS SCAN_P99 SCAN_ERR < <(run scan "http://127.0.0.1:$APPPORT/" bench/scan/random-codes.lua)
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
sleep 3 # the scan writer drains its queue
SCANS_AFTER=$($PSQL -d sidig -c "SELECT count(*) FROM unit_scans")
DROPPED=$( (grep -o 'queue was full: [0-9]*' "$WORK/app.log" || true) | awk '{s += $4} END {print s + 0}')

echo
echo "== Results ($(nproc) cores; load average before $LOAD_BEFORE, after $LOAD_AFTER)"
printf '   %-22s %12s %10s %8s\n' endpoint "requests/s" p99 non-2xx
printf '   %-22s %12s %10s %8s\n' "/health (plain text)" "$PLAIN_RPS" "$PLAIN_P99" "$PLAIN_ERR"
printf '   %-22s %12s %10s %8s\n' "/u/<code> (scan page)" "$SCAN_RPS" "$SCAN_P99" "$SCAN_ERR"
echo "   ratio scan / plain: $(/usr/bin/python3 -c "print(f'{$SCAN_RPS / $PLAIN_RPS * 100:.1f} %')")"
echo "   scans logged during the measured scan run: $((SCANS_AFTER - SCANS_MID)) (warm-up: $((SCANS_MID - SCANS_BEFORE))), dropped (queue full): $DROPPED"
grep -E '\[(ERR|FTL)\]' "$WORK/app.log" | head -5 || true
