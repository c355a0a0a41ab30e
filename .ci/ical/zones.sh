#!/usr/bin/env bash
# Run by check.sh in CI, and by hand after TestZones -update: parses talk/ical's golden calendar of talks in
# zones whose clocks change (testdata/zones.ics, written by TestZones) with
# ical.js, and checks every VEVENT's start and end instants, computed
# through the file's own VTIMEZONEs, against Go's zone database (testdata/zones.instants).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
if [ ! -d node_modules/ical.js ]; then
	npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi
node zones.mjs ../../talk/ical/testdata/zones.ics ../../talk/ical/testdata/zones.instants
