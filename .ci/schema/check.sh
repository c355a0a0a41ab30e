#!/usr/bin/env bash
# Holds talkmeta's embedded JSON Schemas to ajv, an independent validator:
# they compile strictly as draft 2020-12, accept the whole shared corpus
# (as talkmeta's pyvideo profile does) and refuse planted faults.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
corpus="${TALKMETA_CORPUS:?set TALKMETA_CORPUS to the pyvideo corpus}"
cd "$here"
. ../lib.sh
node_deps ajv ajv-formats
node check.mjs "$corpus"
