#!/usr/bin/env bash
# Run by check.sh in CI, and by hand after TestZones -update: parses talk/ical's golden calendar of talks in
# zones whose clocks change (testdata/zones.ics, written by TestZones) with
# ical.js, and checks every VEVENT's start and end instants, computed
# through the file's own VTIMEZONEs, against Go's zone database (testdata/zones.instants).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
. ../lib.sh
node_deps ical.js
node zones.mjs ../../talk/ical/testdata/zones.ics ../../talk/ical/testdata/zones.instants
