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

// FuzzCapitalizeFirst holds capitalize-first's shortcuts, for a string
// that starts with a capital and for lower-case words, to the whole
// pass, in languages whose lower case differs.
func FuzzCapitalizeFirst(f *testing.F) {
	for _, s := range []string{"", "Async/await in Python", "async", "Ilk", "İstanbul", "A <span class=\"nocase\">b</span>", `X "quoted" 'a'`, "Q: why?", "Z\u2028y", "N\xff", "original work published", "i", "a b", "in  press", "ibid ", " at"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, lang := range []string{"en", "tr", "de"} {
			c := &caseCtx{langs: []string{lang}}
			if got, want := c.capitalizeFirst(s), c.capitalizeFirstRun(s); got != want {
				t.Errorf("%s: capitalizeFirst(%q) = %q, the whole pass gives %q", lang, s, got, want)
			}
		}
	})
}
