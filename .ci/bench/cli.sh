#!/usr/bin/env bash
# Times validating a whole pyvideo archive from the command line, as
# people run the tools: `talkmeta check DIR` against ajv-cli validating
# every talk file with the same schema (all errors, formats asserted, as
# ajv.mjs does). Each command runs as its own process, start-up
# included, with its output to /dev/null; one warm-up run, then the best
# wall time of five. talkmeta check does more than ajv: category.json
# files too, reStructuredText, unique ids and slugs.
#
#	bash .ci/bench/cli.sh CORPUS TALKMETA-BINARY
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
corpus="$1"
talkmeta="$2"
ajv="${AJV:-$here/node_modules/.bin/ajv}" # $AJV: a stand-in, in examples/bench's tests
ajv_version="$(node -p "require('$here/node_modules/ajv-cli/package.json').version")"

# best prints the best wall time of five runs of a command, in seconds.
# A run that fails stops the script with the command's errors: timed as
# if it had done its work, a command that stops at once would make its
# side look fast (bash does not pass set -e into $(best ...)).
best() {
  local errors
  errors="$(mktemp)"
  if ! "$@" >/dev/null 2>"$errors"; then
    echo "cli.sh: $* failed:" >&2
    cat "$errors" >&2
    rm -f "$errors"
    exit 1
  fi
  rm -f "$errors"
  local b=""
  for _ in 1 2 3 4 5; do
    local start end t
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || { echo "cli.sh: $* failed" >&2; exit 1; }
    end=$(date +%s%N)
    t=$(( end - start ))
    if [ -z "$b" ] || [ "$t" -lt "$b" ]; then b=$t; fi
  done
  awk -v ns="$b" 'BEGIN { printf "%.3f", ns / 1e9 }'
}

all=$(best "$talkmeta" check "$corpus")
one=$(GOMAXPROCS=1 best "$talkmeta" check "$corpus")
peer=$(best "$ajv" validate --spec=draft2020 --strict=false --all-errors -c ajv-formats \
  -s "$root/schema/pyvideo/talk.json" -d "$corpus/*/videos/*.json")
echo
echo "validating the archive from the command line (wall time, start-up included, best of five):"
awk -v all="$all" -v one="$one" -v peer="$peer" -v v="$ajv_version" 'BEGIN {
  printf "%-68s %8s s\n", "talkmeta check DIR (all cores)", all
  printf "%-68s %8s s\n", "talkmeta check DIR (GOMAXPROCS=1)", one
  printf "%-68s %8s s\n", "ajv-cli " v ": ajv validate -s talk.json -d \"DIR/*/videos/*.json\"", peer
  printf "ajv-cli ÷ talkmeta: %.2f× (all cores), %.2f× (one core)\n", peer / all, peer / one
}'
