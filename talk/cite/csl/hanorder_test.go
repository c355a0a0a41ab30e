package csl

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// TestHanOrder sorts family names by collationKey as the bibliography
// does: in English, ideographs go by radical and stroke count as in
// citeproc-js's ICU ("𠮷" before "国", the compatibility "﨑" beside
// "崎", "豈" U+F900 as the "豈" it stands for); in Japanese, x/text's own
// order of them is kept.
func TestHanOrder(t *testing.T) {
	names := []string{"山田", "国", "山﨑", "𠮷田", "山崎", "豈", "一", "乙", "㐀"}
	sorted := func(lang string) []string {
		col := collate.New(language.MustParse(lang), collate.Loose)
		out := slices.Clone(names)
		slices.SortStableFunc(out, func(a, b string) int {
			return col.CompareString(collationKey(a, hanByRadical(lang)), collationKey(b, hanByRadical(lang)))
		})
		return out
	}
	// The order of node -e 'names.sort(new Intl.Collator("en-US").compare)'.
	if diff := cmp.Diff("一 㐀 乙 𠮷田 国 山崎 山﨑 山田 豈", strings.Join(sorted("en-US"), " ")); diff != "" {
		t.Errorf("en-US (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff("㐀 𠮷田 一 乙 国 山﨑 山崎 山田 豈", strings.Join(sorted("ja"), " ")); diff != "" {
		t.Errorf("ja (-want +got):\n%s", diff)
	}
}
