#!/usr/bin/env bash
# Builds the whole shared corpus as a site with "talkmeta site" (every
# talk, event and speaker page and the index) and checks every page with
# the W3C Nu HTML checker (vnu-jar, with the machine's Java): zero errors.
# Then checks the seed talk's page with axe-core in headless Chromium:
# zero violations.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
corpus="${TALKMETA_CORPUS:?set TALKMETA_CORPUS to the pyvideo corpus}"
cd "$here"
. ../lib.sh
node_deps vnu-jar playwright-core axe-core
command -v java >/dev/null || apt_install default-jre-headless
need_chromium
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
(cd "$root" && go run ./examples/talkmeta site -o "$out/site" -base https://talks.example.org "$corpus")
java -Xss4m -jar node_modules/vnu-jar/build/dist/vnu.jar --errors-only --skip-non-html "$out/site"
echo "vnu: no errors in $(find "$out/site" -name '*.html' | wc -l) pages (talks, events, speakers, index)"
node axe.mjs "$out/site/europython-2016/asyncawait-in-python-35-and-why-it-is-awesome.html"
