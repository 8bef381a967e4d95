#!/usr/bin/env bash
# The whole test suite on a fresh machine: installs what the tests need (PostgreSQL, Chromium, poppler-utils,
# zbar-tools, an SMTP listener, fonts) when missing, runs every test and ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

need=()
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || need+=(postgresql)
command -v chromium >/dev/null || need+=(chromium)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
command -v zbarimg >/dev/null || need+=(zbar-tools)
/usr/bin/python3 -c "import aiosmtpd" 2>/dev/null || need+=(python3-aiosmtpd)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing: ${need[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null \
    || { echo "Could not install ${need[*]}"; echo "0 passed, 1 failed"; exit 1; }
fi

results="$(mktemp -d)"
dotnet test Sidig.Tests/Sidig.Tests.csproj -c Release --logger "trx;LogFileName=results.trx" --results-directory "$results" "$@"
code=$?

trx="$results/results.trx"
if [ -f "$trx" ]; then
  read -r passed failed skipped < <(/usr/bin/python3 - "$trx" <<'PY'
import sys, xml.etree.ElementTree as ET
c = ET.parse(sys.argv[1]).getroot().find('{*}ResultSummary/{*}Counters')
total, executed, passed = (int(c.get(k)) for k in ('total', 'executed', 'passed'))
failed = int(c.get('failed')) + int(c.get('error')) + int(c.get('timeout')) + int(c.get('aborted'))
print(passed, failed, total - executed)
PY
)
else
  passed=0; failed=1; skipped=0; echo "No test results were written (build failure?)."
fi
[ "$code" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1
[ "$passed" -eq 0 ] && [ "$failed" -eq 0 ] && { echo "No test ran."; failed=1; }
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
[ "$failed" -eq 0 ]
