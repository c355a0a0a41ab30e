package osfs

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"

	"github.com/talkmeta/talkmeta/talk"
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

// Names makes the names of one directory's files unique, as
// talk.SlugSet does ("intro", "intro-2"), and unique by FoldName too:
// "Intro.json" and "intro.json", which a record's ID may give and Linux
// keeps apart, written on macOS or Windows would leave one file where
// there were two. The zero Names is ready to use.
type Names struct {
	names  talk.SlugSet
	folded map[string]bool
}

// Unique returns base, or base with the smallest suffix that makes it
// unique.
func (n *Names) Unique(base string) string {
	if n.folded == nil {
		n.folded = make(map[string]bool)
	}
	for {
		name := n.names.Unique(base)
		key := FoldName(name)
		if !n.folded[key] {
			n.folded[key] = true
			return name
		}
	}
}
