package osfs

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// FoldName is what tells file names apart on the file systems of macOS
// and Windows, which take "Intro.json" and "intro.json", or "café" in
// composed and decomposed Unicode, for one name: the name in composed
// Unicode (NFC) and folded case. Writers of many files (a site, an
// archive) compare names by it, so that a second file does not
// overwrite the first there.
func FoldName(name string) string {
	for i := range len(name) {
		if name[i] >= utf8.RuneSelf {
			return cases.Fold().String(norm.NFC.String(name))
		}
	}
	// ASCII, as most names are, folds to lower case: strings.ToLower
	// returns a name without capitals as it is, where the full fold made
	// a Caser and two strings for each (check of the shared corpus took
	// 5-15% longer with it; FuzzFoldName holds the two to one answer).
	return strings.ToLower(name)
}
