package schema

import (
	"fmt"

	"github.com/talkmeta/talkmeta/internal/jsonx"
)

// boundOrder is the order of magnitude past which a number is beyond
// every bound of talkmeta's schemas (minimum and maximum, at most 2^63)
// and every float64, whatever the bound: 10^400, 10^-400.
const boundOrder = 400

// longDigits is how many significant digits make a number long: big.Rat
// reads a number in time growing with the square of its digits, 1.5 s
// for a million, and only a fraction has more than boundOrder+1.
const longDigits = 1000

// isLong reports whether the number has more than longDigits
// significant digits.
func isLong(d jsonx.Decimal) bool { return len(d.Digits) > longDigits }

// shortFor returns, for a long number d, a short one of the same sign
// and whole part and no whole number either, which compares with every
// whole number as d does: -12.34... is -12.5k, where k, 15 digits, is
// given, so that numbers that differ may have stand-ins that do too.
func shortFor(d jsonx.Decimal, k int) string {
	whole := "0"
	if n := len(d.Digits) + int(d.Exp.Int64()); n > 0 { // Exp is small: the number is within boundOrder
		whole = d.Digits[:n]
	}
	sign := ""
	if d.Neg {
		sign = "-"
	}
	return fmt.Sprintf("%s%s.5%015d", sign, whole, k)
}
