package csl

import (
	_ "embed"
	"encoding/binary"
	"sort"
	"strings"
	"sync"

	"golang.org/x/text/unicode/norm"
)

// hanOrderData is every Unified_Ideograph in the order of ICU's root
// collation, as runs of code points (see testdata/gen-hanorder.mjs,
// which wrote it with ICU 78.2, Unicode 17).
//
//go:embed hanorder.bin
var hanOrderData []byte

// hanRun is a run of consecutive ideographs that follow each other in
// collation order, the first of them rank'th.
type hanRun struct {
	first, last rune
	rank        int32
}

// hanRuns are the runs of hanOrderData sorted by code point, decoded on
// the first sort key with an ideograph in it.
var hanRuns = sync.OnceValue(func() []hanRun {
	var runs []hanRun
	data := hanOrderData
	prev, rank := int64(0), int32(0)
	for len(data) > 0 {
		delta, n := binary.Varint(data)
		data = data[n:]
		length, m := binary.Uvarint(data)
		data = data[m:]
		first := prev + delta
		last := first + int64(length)
		runs = append(runs, hanRun{first: rune(first), last: rune(last), rank: rank})
		rank += int32(length) + 1
		prev = last
	}
	sort.Slice(runs, func(i, j int) bool { return runs[i].first < runs[j].first })
	return runs
})

// hanRank is r's place among the ideographs in ICU's root collation;
// ok is false when r is not an ideograph.
func hanRank(r rune) (rank int32, ok bool) {
	if r < 0x3400 || r > 0x3ffff {
		return 0, false
	}
	runs := hanRuns()
	i := sort.Search(len(runs), func(i int) bool { return runs[i].last >= r })
	if i == len(runs) || runs[i].first > r {
		return 0, false
	}
	return runs[i].rank + int32(r-runs[i].first), true
}

// hanBase is how many ideographs x/text's collation tables (Unicode
// 6.2) weigh in code point order from U+4E00: U+4E00 to U+9FCC.
const hanBase = 0x9fcc - 0x4e00 + 1

// writeHanRank writes the ideograph of the given rank as two ideographs
// that x/text's collation puts in rank order, since x/text orders
// ideographs by code point (and those of Unicode 6.3 and later after
// all others) where citeproc-js's ICU orders them by radical and
// stroke count: "﨑" (U+FA11) with "崎", "𠮷" before "国".
func writeHanRank(b *strings.Builder, rank int32) {
	b.WriteRune(0x4e00 + rune(rank/hanBase))
	b.WriteRune(0x4e00 + rune(rank%hanBase))
}

// hanByRadical reports whether the collation of a locale's language
// orders ideographs as ICU's root collation does, by radical and
// stroke count: all but Chinese, Japanese and Korean (whose tailorings
// order them by reading or by a national standard, as x/text does).
func hanByRadical(lang string) bool {
	base, _, _ := strings.Cut(strings.ToLower(lang), "-")
	switch base {
	case "zh", "ja", "ko", "yue":
		return false
	}
	return true
}

// compatIdeograph returns the unified ideograph a CJK compatibility
// ideograph stands for (canonically equivalent, so collation does not
// tell them apart), or r.
func compatIdeograph(r rune) rune {
	if (r < 0xf900 || r > 0xfaff) && (r < 0x2f800 || r > 0x2fa1f) {
		return r
	}
	d := norm.NFD.String(string(r))
	for _, u := range d {
		return u
	}
	return r
}
