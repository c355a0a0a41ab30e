#!/usr/bin/env bash
# Type-checks the JSON-LD of every talk of the shared corpus, and the
# graphs of talk/jsonld's golden files (constructed talks), against
# schema.org's types from schema-dts, with tsc --strict: an unknown property
# or a value of the wrong type fails.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
corpus="${TALKMETA_CORPUS:?set TALKMETA_CORPUS to the pyvideo corpus}"
cd "$here"
. ../lib.sh
node_deps schema-dts typescript
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
(cd "$root" && go run ./.ci/jsonld -o "$out" "$corpus" talk/jsonld/testdata/*.jsonld)
cp -r node_modules "$out/node_modules"
cat > "$out/tsconfig.json" <<'JSON'
{ "compilerOptions": { "strict": true, "noEmit": true, "skipLibCheck": true, "target": "es2022", "module": "es2022", "moduleResolution": "node" }, "include": ["*.ts"] }
JSON
(cd "$out" && node node_modules/typescript/bin/tsc -p tsconfig.json)
echo "jsonld: every talk's JSON-LD, and every golden graph's, type-checks against schema-dts with tsc --strict"
