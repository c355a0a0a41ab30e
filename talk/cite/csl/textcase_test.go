package csl

import (
	"regexp"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// FuzzDoppelScanners holds the scanners that split text for text-case and
// initials to the regular expressions of citeproc-js they replace or
// guard: the same matches on any input, valid UTF-8 or not.
func FuzzDoppelScanners(f *testing.F) {
	tagRe := regexp.MustCompile(`(?:‘|’|“|”| "| '|"|'|[-–—/.,;?!:]|\[|\]|\(|\)|<span style="font-variant: small-caps;">|<span class="no(?:case|decor)">|</span>|</?(?:i|sc|b|sub|sup)>)`)
	spaceRe := regexp.MustCompile("[\u00A0\u0020\u2000-\u200B\u205F\u3000]+")
	for _, s := range []string{
		`The "Quoted" 'word', l'état: a—b–c / d. (e) [f]?!;`,
		`<span class="nocase">iPhone</span> <i>it</i> <sc>sc</sc></b><sub>2</sub><sup>n</sup>`,
		`<span style="font-variant: small-caps;">x</span> <span class="nodecor">y</span> <span>z</span> </sc`,
		"a\u00a0b\u2000\u200b c\u205f\u3000d\te\u2028f   ",
		"\xe2\x80 \xe2\x80\x98\xff ‘x’ “y”",
		"Jean-Paul <i>Marie</i> Ann\u3000Lee\u2009K.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if diff := cmp.Diff(tagRe.FindAllStringIndex(s, -1), findTags(s)); diff != "" {
			t.Errorf("findTags(%q) (-regexp +scanner):\n%s", s, diff)
		}
		if diff := cmp.Diff(spaceRe.FindAllStringIndex(s, -1), findSpaceRuns(s)); diff != "" {
			t.Errorf("findSpaceRuns(%q) (-regexp +scanner):\n%s", s, diff)
		}
		if diff := cmp.Diff(nameSplitRe.FindAllStringIndex(s, -1), findNameSplits(s)); diff != "" {
			t.Errorf("findNameSplits(%q) (-regexp +fast path):\n%s", s, diff)
		}
	})
}
