#!/usr/bin/env bash
# Writes the calendars of the two shared schedule exports with talk/ical and
# parses them with ical.js (pinned in package.json), an independent parser,
# checking every VEVENT's UID, SUMMARY, DTSTART and length (DURATION, or
# DTEND across a change of the clocks).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
shared="${TALKMETA_SHARED:-$root/../shared}/formats/schedule"
if [ ! -d "$shared" ]; then
	echo "ical check: the shared schedule exports are not at $shared" >&2
	exit 1
fi
cd "$here"
. ../lib.sh
node_deps ical.js
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
(cd "$root" && go run ./.ci/ical -o "$out" "$shared/frab-camp2019.json" "$shared/pretalx-democon.json")
node check.mjs "$out/frab-camp2019.ics" "$out/pretalx-democon.ics"
# And the golden calendar of talks across zones' changes of the clocks.
bash "$here/zones.sh"
