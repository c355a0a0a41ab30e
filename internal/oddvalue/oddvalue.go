// Package oddvalue makes the odd but legal values of a record that the
// property tests of talk's and pyvideo's round trips draw at random, one
// set for both.
package oddvalue

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/talkmeta/talkmeta/talk"
)

// Text is a string of pieces odd but legal in a record: non-ASCII,
// NUL, U+2028, a right-to-left mark, a combining accent, U+FFFD itself.
func Text(r *rand.Rand) string {
	pieces := []string{"", "a", "Zoë", "日本語", "\u2028", "\x00", "😀", " ", "<&>", `"\`, "\u200f", "e\u0301", "\ufffd", "\t\n"}
	s := ""
	for range r.IntN(4) {
		s += pieces[r.IntN(len(pieces))]
	}
	return s
}

// Date is a Date of any precision, year 0000 to 9999, with
// nanoseconds and half-hour offsets.
func Date(r *rand.Rand) talk.Date {
	switch r.IntN(6) {
	case 0:
		return talk.Date{}
	case 1:
		return talk.MustParseDate(fmt.Sprintf("%04d", r.IntN(10000)))
	case 2:
		return talk.MustParseDate(fmt.Sprintf("%04d-%02d", r.IntN(10000), 1+r.IntN(12)))
	case 3:
		d, _ := talk.DateOf(r.IntN(10000), time.Month(1+r.IntN(12)), 1+r.IntN(28))
		return d
	}
	tm := time.Date(1+r.IntN(9998), time.Month(1+r.IntN(12)), 1+r.IntN(28), r.IntN(24), r.IntN(60), r.IntN(60),
		r.IntN(3)*r.IntN(1e9), time.FixedZone("", (r.IntN(48)-24)*1800))
	return talk.DateTimeOf(tm, r.IntN(2) == 0)
}
