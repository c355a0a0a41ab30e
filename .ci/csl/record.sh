#!/usr/bin/env bash
# Records what citeproc-js makes of every talk of the shared corpus, in
# the five official styles, as hashes (digest.mjs) in
# talk/cite/csl/testdata/citeproc-corpus.tsv.gz, which TestCorpusDigests
# holds talk/cite/csl to in CI. Run it again when talk/cite's CSL-JSON
# mapping, the corpus or the citeproc version changes (the test says
# which talks differ); it takes about ten minutes on two cores.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export TALKMETA_SHARED="${TALKMETA_SHARED:-$root/../shared}"
export TALKMETA_CORPUS="${TALKMETA_CORPUS:-$TALKMETA_SHARED/corpus/pyvideo}"
csl="$TALKMETA_SHARED/csl"
cd "$here"
. ../lib.sh
node_deps citeproc
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
styles="apa modern-language-association chicago-author-date ieee harvard-cite-them-right"
(cd "$root" && go run ./.ci/csl/items "$TALKMETA_CORPUS") > "$out/corpus.json"
printf '%s\n' $styles | xargs -P 2 -I{} sh -c 'node citeproc.mjs "'"$csl"'/{}.csl" "'"$csl"'/locales-en-US.xml" "'"$out"'/corpus.json" > "'"$out"'/corpus.{}.json"'
version="$(node -p 'require("./node_modules/citeproc/package.json").version')"
node digest.mjs "$version" $(for s in $styles; do echo "$out/corpus.$s.json"; done) | gzip -9n > "$root/talk/cite/csl/testdata/citeproc-corpus.tsv.gz"
echo "recorded $(($(zcat "$root/talk/cite/csl/testdata/citeproc-corpus.tsv.gz" | wc -l) - 3)) talks in talk/cite/csl/testdata/citeproc-corpus.tsv.gz"
