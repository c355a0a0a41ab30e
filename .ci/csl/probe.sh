#!/usr/bin/env bash
# Formats ITEMS.json in STYLE.csl with citeproc-js (probe.mjs) and with
# talk/cite/csl (probe/main.go) and prints where they differ. Run by
# hand, to check a hand-written style against citeproc-js; CI does not.
#
#	.ci/csl/probe.sh STYLE.csl ITEMS.json [LOCALE.xml]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
style="$(realpath "$1")"
items="$(realpath "$2")"
locale="$(realpath "${3:-${TALKMETA_SHARED:-$root/../shared}/csl/locales-en-US.xml}")"
. "$here/../lib.sh"
(cd "$here" && node_deps citeproc)
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
node "$here/probe.mjs" "$style" "$locale" "$items" > "$out/js.json"
(cd "$root" && go run ./.ci/csl/probe "$style" "$locale" "$items") > "$out/go.json"
node -e '
const [js, go] = process.argv.slice(1).map((p) => JSON.parse(require("fs").readFileSync(p, "utf8")));
let n = 0;
const cmp = (where, a, b) => { if (a !== b) { n++; console.log(where + "\n  js: " + JSON.stringify(a) + "\n  go: " + JSON.stringify(b)); } };
js.items.forEach((it, i) => { for (const k of ["entry", "citation"]) for (const f of ["text", "html"]) cmp(it.id + " " + k + " " + f, it[k][f], go.items[i][k][f]); });
for (const k of ["bibliography", "cluster"]) for (const f of ["text", "html"]) cmp(k + " " + f, js[k][f], go[k][f]);
console.log(n ? n + " differences" : "same");
' "$out/js.json" "$out/go.json"
