#!/usr/bin/env bash
# Builds the whole shared corpus as a site with "talkmeta site" (every
# talk, event and speaker page and the index) and checks every page with
# the W3C Nu HTML checker (vnu-jar, with the machine's Java): zero errors.
# Then checks a representative set of pages with axe-core in headless
# Chromium, at a desktop's and a phone's width, light and dark: zero
# violations. The set is the site's index, event and speaker pages of
# each kind the corpus has, talk pages with footnotes and tables, and
# the golden pages of talk/html's tests of the kinds the corpus lacks
# (right-to-left titles and tags, lightning-talk parts, talks without
# speakers or dates, several recordings, file videos with posters, blank
# labels, long reStructuredText and Markdown descriptions).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
corpus="${TALKMETA_CORPUS:?set TALKMETA_CORPUS to the pyvideo corpus}"
cd "$here"
. ../lib.sh
node_deps vnu-jar playwright-core axe-core
command -v java >/dev/null || apt_install default-jre-headless
need_chromium
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
(cd "$root" && go run ./examples/talkmeta site -o "$out/site" -base https://talks.example.org "$corpus")
java -Xss4m -jar node_modules/vnu-jar/build/dist/vnu.jar --errors-only --skip-non-html "$out/site"
echo "vnu: no errors in $(find "$out/site" -name '*.html' | wc -l) pages (talks, events, speakers, index)"
site=(
	index.html
	# A conference in Czech and English; a meetup with a description;
	# one in Japanese.
	events/pycon-cz-2016.html events/depy-2015.html events/pycon-japan-2012.html
	# Talks at several events; a name in Chinese; one talk.
	speaker/russell-keith-magee.html speaker/zong-li-hai.html speaker/kata-nagygyorgy.html
	# The seed talk; a footnote; lightning talks in a table; no
	# speaker and no player (a link to the recording).
	europython-2016/asyncawait-in-python-35-and-why-it-is-awesome.html
	pycon-cz-2016/feed-your-code-to-coala.html
	pycon-ireland-2017/lightning-talks.html
	chipy/chipy--chicago-python-user-group-jan----39-08-mee.html
)
golden=(
	odd-rst odd-markdown odd-parts odd-parts-ja odd-parts-event odd-rtl-tags odd-rtl-mixed
	odd-rtl-title odd-rtl-event odd-recordings odd-untitled odd-one-slide-poster
	odd-not-recorded odd-links odd-blank-labels odd-blank-labels-speaker
	odd-nameless-speakers odd-list-thumbnails odd-microsecond speaker zero-index
)
pages=()
for p in "${site[@]}"; do pages+=("$out/site/$p"); done
for g in "${golden[@]}"; do pages+=("$root/talk/html/testdata/$g.html"); done
# The site's pages link their style sheet under -base; axe.mjs serves it
# from the site, so that the colours checked are the pages' own.
node axe.mjs --map https://talks.example.org/="$out/site" "${pages[@]}"
