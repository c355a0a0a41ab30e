// Package pageslug fits slugs to the file names of a static site's pages,
// gives records whose slugs are alike pages of their own ([Other]), and
// keeps each record's page from one build of the site to the next
// ([Pages]), for the programs that write such sites (talkmeta site,
// schedule2site).
package pageslug

import (
	"fmt"
	"hash/fnv"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

// Max is the longest slug, in bytes, that a site names a page or a
// directory with: file systems refuse names of more than 255 bytes, and
// a page's adds ".html", and a number or an ID's slug where another page
// has its slug, and a temporary name's dot and suffix while it is
// written. A talk with a very long title failed the whole build.
const Max = 200

// Fit returns slug when it is at most Max bytes long, and otherwise its
// start, cut at a "-" (or else at a character's start), and the hash of
// the whole: slugs that differ only past the cut stay apart, and
// speakers whose names do are not taken for one.
func Fit(slug string) string {
	if len(slug) <= Max {
		return slug
	}
	const hashLen = 1 + 8 // "-" and 32 bits in hexadecimal
	n := Max - hashLen
	if i := strings.LastIndexByte(slug[:n+1], '-'); i > 0 {
		n = i
	}
	for n > 0 && !utf8.RuneStart(slug[n]) {
		n--
	}
	h := fnv.New32a()
	h.Write([]byte(slug))
	return fmt.Sprintf("%s-%08x", slug[:n], h.Sum32())
}

// Other returns the page for a record whose page, page
// ("/<directory>/<slug>.html"), another record has: the same with the
// slug of the record's id after the slug ("c-cpp"), or else with the
// first number from next on (2 at least) whose page taken does not report
// ("c-2"); and the number to go on from for the next record of page.
// Numbers go on from the last one given (names are never given back), so
// that many records alike do not each count up from 2 again.
func Other(page, id string, taken func(page string) bool, next int) (string, int) {
	base := strings.TrimSuffix(page, ".html")
	page = byID(page, id)
	n := max(next, 2)
	for ; page == "" || taken(page); n++ {
		page = fmt.Sprintf("%s-%d.html", base, n)
	}
	return page, n
}

// byID returns the page Other gives first to a record of ID id whose
// page, page, another record has: its slug and the ID's; "" for an ID
// that slugs as "".
func byID(page, id string) string {
	s := pyvideo.Slugify(id)
	if s == "" {
		return ""
	}
	dir, slug := path.Split(strings.TrimSuffix(page, ".html"))
	return dir + Fit(slug+"-"+s) + ".html"
}
