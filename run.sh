#!/usr/bin/env bash
# Starts Sidig on its embedded default (SQLite file, in-memory jobs), migrates, seeds the demo tenants and prints
# the URLs and demo sign-in details. Open http://demo.localhost:5000 in a browser.
set -euo pipefail
cd "$(dirname "$0")"
# Links made without a request (reminders) point at this local address unless configured otherwise.
export Sidig__Tenancy__PublicScheme="${Sidig__Tenancy__PublicScheme:-http}"
export Sidig__Tenancy__PublicPort="${Sidig__Tenancy__PublicPort:-5000}"
exec dotnet run --project Sidig.Web -c Release --no-launch-profile -- --urls "${SIDIG_URLS:-http://0.0.0.0:5000}" "$@"
