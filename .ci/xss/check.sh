#!/usr/bin/env bash
# Puts each of the hostile strings in hostile.json into every field a talk
# page shows, renders the pages, and loads each in headless Chromium with
# hooks that record any script execution, dialog, popup or navigation, and
# an audit for event handlers and script URLs: there must be none.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$here"
. ../lib.sh
node_deps playwright-core
need_chromium
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
(cd "$root" && go run ./.ci/xss/gen -o "$out" .ci/xss/hostile.json)
node run.mjs "$out"
