#!/usr/bin/env bash
# Validates the frab XML that talk/schedule writes against the format's own
# schedule.xml.xsd with xmllint (Debian's libxml2-utils), an independent
# validator: the democon export and the repository's JSON fixture must be
# valid; camp2019's source breaks two patterns of the schema itself (an
# upper-case acronym and slugs), and only those errors are allowed there.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
shared="${TALKMETA_SHARED:-$root/../shared}/formats/schedule"
if [ ! -d "$shared" ]; then
	echo "schedule check: the shared schedule exports are not at $shared" >&2
	exit 1
fi
. "$here/../lib.sh"
command -v xmllint >/dev/null || apt_install libxml2-utils
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
(cd "$root" && go run ./.ci/schedule -o "$out" "$shared/pretalx-democon.json" "$shared/frab-camp2019.json" talk/schedule/testdata/pair.json)
xsd="$shared/schedule.xml.xsd"
xmllint --noout --schema "$xsd" "$out/pretalx-democon.xml" "$out/pair.xml"
if xmllint --noout --schema "$xsd" "$out/frab-camp2019.xml" 2>"$out/camp.err"; then
	echo "frab-camp2019.xml validates"
else
	unexpected=$(grep -v -e "Element 'acronym': \[facet 'pattern'\] The value 'Camp2019'" \
		-e "Element 'slug'" -e "fails to validate" "$out/camp.err" || true)
	if [ -n "$unexpected" ]; then
		echo "frab-camp2019.xml: unexpected schema errors:"; echo "$unexpected"; exit 1
	fi
	echo "frab-camp2019.xml: only the source's own acronym and slug pattern errors ($(grep -c "Element 'slug'.*pattern" "$out/camp.err") slugs)"
fi
