#!/usr/bin/env bash
# Runs examples/bench over the shared corpus with the peers beside it:
# ajv validating the same talk files against the same schema, and
# citeproc-js formatting the same CSL items with the same official styles
# (APA, MLA, Chicago author-date, IEEE, Harvard); then, as processes
# from the command line, `talkmeta check` against ajv-cli over the whole
# archive (cli.sh). This is the run the
# README's tables come from; it takes a few minutes (citeproc-js formats
# 13,239 entries four times in each style) and wants a quiet machine.
# Not part of .ci/run: timings on a shared CI machine mean little, and
# CI's budget is better spent on conformance.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export TALKMETA_SHARED="${TALKMETA_SHARED:-$root/../shared}"
corpus="${TALKMETA_CORPUS:-$TALKMETA_SHARED/corpus/pyvideo}"
. "$here/../lib.sh"
(cd "$here" && node_deps ajv ajv-cli ajv-formats citeproc)
cd "$root"
node --version
go run ./examples/bench -runs 3 -csl "$TALKMETA_SHARED/csl" -peers "$here" "$@" "$corpus"
bin="$(mktemp -d)"
trap 'rm -rf "$bin"' EXIT
go build -o "$bin/talkmeta" ./examples/talkmeta
bash "$here/cli.sh" "$corpus" "$bin/talkmeta"
