#!/usr/bin/env bash
# Writes every talk of the shared corpus as BibTeX (Unicode and ASCII),
# BibLaTeX and RIS with talk/cite, reads the files back with independent
# parsers pinned in package.json (@retorquere/bibtex-parser, citation-js's
# RIS plugin), and fails unless every talk's fields read back to the
# model's values (talk/cite's TestIndependentParsers); and formats the
# seed and a hostile talk with citeproc-js in the five shared styles, with
# and without event-date, against golden references (TestCiteprocEventDate).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export TALKMETA_CORPUS="${TALKMETA_CORPUS:-$root/../shared/corpus/pyvideo}"
if [ ! -d "$TALKMETA_CORPUS" ]; then
	echo "bibtex check: the shared corpus is not at $TALKMETA_CORPUS" >&2
	exit 1
fi
cd "$here"
if [ ! -d node_modules/@retorquere/bibtex-parser ] || [ ! -d node_modules/@citation-js/plugin-ris ] || [ ! -d node_modules/citeproc ]; then
	npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi
cd "$root"
status=0
TALKMETA_BIBTEX_CHECK="$here" go test -count=1 -run '^(TestIndependentParsers|TestCiteprocEventDate)$' -v ./talk/cite || status=$?
exit "$status"
