#!/usr/bin/env bash
# Formats talks of the shared corpus (as CSL-JSON from talk/cite's
# mapping, .ci/csl/items) with citeproc-js, the reference CSL processor,
# and with talk/cite/csl, in the five official styles and in talkmeta's
# built-in ones: each talk alone (bibliography entry and citation, text
# and HTML) and all of them as one bibliography per style (sorting, year
# suffixes, names added to tell talks apart, MLA's "———", IEEE's
# numbers). It prints the agreement per style and fails unless every
# entry, citation and bibliography is the same character for character.
#
# Every talk, through recorded hashes: TestCorpusDigests formats every
# talk of the corpus in the five official styles and in the built-in
# ones and compares each entry and citation (text and HTML) with the hash
# of citeproc-js's output, recorded by record.sh in
# talk/cite/csl/testdata/citeproc-corpus.tsv.gz. citeproc-js itself
# needs about six minutes of two cores for that, more than CI can spend.
#
# Live, on a sample: citeproc-js runs here on about 450 talks, whole
# outputs are compared, and multi-item bibliographies too. It takes about 6 ms per talk and style
# for single entries and 6 to 35 ms for a bibliography; this part must
# stay under 90 seconds (it takes about 45 on an idle machine).
# sample.mjs picks a deterministic, stratified sample of about 450 talks:
# every 80th talk, the first of every shape (no speakers, one to
# twenty-two, literal names, particles, suffixes, no date, each
# language, no URL...), and groups of talks by the same first speaker in
# the same year, or by speakers sharing a family name, which exercise
# disambiguation. TALKMETA_CSL_STEP=N takes every Nth talk instead.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export TALKMETA_SHARED="${TALKMETA_SHARED:-$root/../shared}"
export TALKMETA_CORPUS="${TALKMETA_CORPUS:-$TALKMETA_SHARED/corpus/pyvideo}"
csl="$TALKMETA_SHARED/csl"
for d in "$TALKMETA_CORPUS" "$csl"; do
	if [ ! -d "$d" ]; then
		echo "csl check: $d is missing" >&2
		exit 1
	fi
done
cd "$here"
. ../lib.sh
node_deps citeproc
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

(cd "$root" && go run ./.ci/csl/items "$TALKMETA_CORPUS") > "$out/all.json"
node sample.mjs "$out/all.json" "${TALKMETA_CSL_STEP:-80}" > "$out/corpus.json"

# citeproc-js, two processes at a time: corpus.<style>.citeproc.json
# (talk by talk) and corpus.<style>.bibliography.json (one bibliography).
for style in apa modern-language-association chicago-author-date ieee harvard-cite-them-right; do
	printf '%s\n' "citeproc.mjs $style citeproc" "citeproc-bib.mjs $style bibliography"
done | xargs -P 2 -L 1 sh -c 'node "$0" "'"$csl"'/$1.csl" "'"$csl"'/locales-en-US.xml" "'"$out"'/corpus.json" > "'"$out"'/corpus.$1.$2.json"'

# talk/cite/csl, on the same talks (TestCiteprocCorpus).
status=0
# With it, the conformance tests over the stored citeproc-js runs, which
# skip themselves under .ci/run's -race (tenfold slower, and they start no
# goroutines).
(cd "$root" && TALKMETA_CITEPROC_DIR="$out" go test -count=1 -run '^(TestCiteprocCorpus|TestEntriesMatchCiteproc|TestBuiltinMatchesOfficial|TestCorpusDigests)$' -v ./talk/cite/csl) > "$out/test.log" 2>&1 || status=$?
grep -E 'agree|%\)' "$out/test.log" | sed -E 's/^ *[a-z_]+_test.go:[0-9]+: /  /'
if [ "$status" -ne 0 ]; then
	grep -vE '^=== RUN|agree|%\)' "$out/test.log" | head -200
	echo "csl: talk/cite/csl and citeproc-js disagree (above)" >&2
	exit "$status"
fi
echo "csl: talk/cite/csl agrees with citeproc-js on every talk of the corpus (recorded hashes) and on $(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1])).length)' "$out/corpus.json") sampled talks run live, in every style, official and built-in"
