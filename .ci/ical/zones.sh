#!/usr/bin/env bash
# Run by check.sh in CI, and by hand after TestZones -update: parses with
# ical.js talk/ical's golden calendar of talks in zones whose clocks change
# (testdata/zones.ics, written by TestZones), and a calendar of talks from
# 2000 to 2030 in zones whose rules changed (years.ics, written by
# `go run ./.ci/ical -years`), and checks every VEVENT's start and end
# instants, computed through the file's own VTIMEZONEs (their RRULEs too),
# against Go's zone database (zones.instants, years.instants).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$here"
. ../lib.sh
node_deps ical.js
node zones.mjs ../../talk/ical/testdata/zones.ics ../../talk/ical/testdata/zones.instants
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
(cd "$root" && go run ./.ci/ical -years -o "$out")
node zones.mjs "$out/years.ics" "$out/years.instants"
