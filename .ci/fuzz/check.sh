#!/usr/bin/env bash
# Runs every fuzz target of the module briefly (FUZZTIME each, 3s by
# default), on top of the seed corpora that go test already replays: a
# short run per change still finds the shallow crashers. A failure leaves
# the crasher under the package's testdata/fuzz/, to commit as a
# regression test.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
fuzztime="${FUZZTIME:-3s}"
n=0
while IFS=: read -r file name; do
	pkg="./$(dirname "$file")"
	if ! out=$(go test -run '^$' -fuzz "^${name}\$" -fuzztime "$fuzztime" "$pkg" 2>&1); then
		echo "$out"
		echo "fuzz: $name in $pkg failed"
		exit 1
	fi
	n=$((n + 1))
done < <(git ls-files '*_test.go' | xargs grep -Ho '^func Fuzz[A-Za-z0-9_]*' | sed 's/func //')
echo "fuzz: $n targets, $fuzztime each, no failure"
