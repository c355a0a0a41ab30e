#!/usr/bin/env bash
# Writes every talk of the shared corpus as BibTeX (Unicode and ASCII),
# BibLaTeX and RIS with talk/cite, reads the files back with independent
# parsers pinned in package.json (@retorquere/bibtex-parser, citation-js's
# RIS plugin), and fails unless every talk's fields read back to the
# model's values (talk/cite's TestIndependentParsers); and formats the
# seed and a hostile talk with citeproc-js in the five shared styles, with
# and without event-date, against golden references (TestCiteprocEventDate);
# and runs real BibTeX 0.99d over every talk's BibTeX (Unicode and ASCII)
# with talksplit.bst, failing on any warning or error in its log, on any
# author's name BibTeX splits (first|von|last|jr, by format.name$) other
# than talk/cite's CSL-JSON does (given, particles, family, suffix), and on
# any title plain.bst's case change ("t" change.case$) alters
# (TestRealBibTeX). bibtex comes from Debian's texlive-binaries, installed
# here without recommends when it is missing; texmf.cnf, the only kpathsea
# configuration the test gives it, stands in for texlive-base's.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export TALKMETA_CORPUS="${TALKMETA_CORPUS:-$root/../shared/corpus/pyvideo}"
if [ ! -d "$TALKMETA_CORPUS" ]; then
	echo "bibtex check: the shared corpus is not at $TALKMETA_CORPUS" >&2
	exit 1
fi
. "$here/../lib.sh"
command -v bibtex >/dev/null || apt_install --no-install-recommends texlive-binaries
version=$(bibtex --version) # a bibtex that does not run fails here, not as a skipped test
echo "${version%%$'\n'*}"
cd "$here"
node_deps @retorquere/bibtex-parser @citation-js/plugin-ris citeproc
cd "$root"
status=0
TALKMETA_BIBTEX_CHECK="$here" go test -count=1 -run '^(TestIndependentParsers|TestCiteprocEventDate|TestRealBibTeX)$' -v ./talk/cite || status=$?
exit "$status"
