#!/usr/bin/env bash
# Starts examples/server on the repository's records with -cors naming one
# origin, and has headless Chromium fetch from it with scripts of that
# origin and of another: Chromium's own CORS checks, not the server's
# tests, say whether a script may read what it asked for.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$here"
. ../lib.sh
node_deps playwright-core
need_chromium
bin="$(mktemp -d)"
log="$bin/server.log"
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$bin"' EXIT
(cd "$root" && go build -o "$bin/server" ./examples/server)
# The two pages' origins: the listed one and another, on ports of their own.
read -r listed other port < <(node -e '
  const net = require("node:net");
  const free = () => new Promise((ok) => { const s = net.createServer().listen(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => ok(p)); }); });
  Promise.all([free(), free(), free()]).then((ps) => console.log(ps.join(" ")));')
"$bin/server" -addr "127.0.0.1:$port" -cors "http://127.0.0.1:$listed" "$root/testdata/pyvideo" 2>"$log" &
pid=$!
for _ in $(seq 100); do
	grep -q '^serving' "$log" && break
	sleep 0.1
done
grep -q '^serving' "$log" || { cat "$log"; exit 1; }
node fetch.mjs "http://127.0.0.1:$port" "$listed" "$other"
