package schema

import (
	"fmt"
	"math/big"
	"strings"
)

// boundOrder is the order of magnitude past which a number is beyond
// every bound of talkmeta's schemas (minimum and maximum, at most 2^63)
// and every float64, whatever the bound: 10^400, 10^-400.
const boundOrder = 400

// decimal is a well-formed JSON number in a form that takes time in
// proportion to its text to find, unlike big.Rat's, which multiplies out
// its exponent: 1e-999999 took 26 ms to read, and a record of a few
// thousand such numbers minutes.
type decimal struct {
	neg    bool
	digits string   // the significant digits, without leading or trailing zeros; "" for zero
	exp    *big.Int // the power of ten of the last digit: 1.50e3 is 15 and 2
}

// parseDecimal reads n, a well-formed JSON number.
func parseDecimal(n string) decimal {
	var d decimal
	if strings.HasPrefix(n, "-") {
		d.neg, n = true, n[1:]
	}
	mantissa, exponent, _ := strings.Cut(strings.ToLower(n), "e")
	whole, fraction, _ := strings.Cut(mantissa, ".")
	digits := strings.TrimLeft(whole+fraction, "0")
	trimmed := strings.TrimRight(digits, "0")
	d.exp = new(big.Int)
	if trimmed == "" {
		d.neg = false // -0 is 0
		return d
	}
	if exponent != "" {
		d.exp.SetString(strings.TrimPrefix(exponent, "+"), 10)
	}
	d.digits = trimmed
	d.exp.Add(d.exp, big.NewInt(int64(len(digits)-len(trimmed)-len(fraction))))
	return d
}

// key is the same text for numbers equal in value, and differs for
// numbers that differ: 1, 1.0, 10e-1 and 0.1e1 are all "1e0".
func (d decimal) key() string {
	sign := ""
	if d.neg {
		sign = "-"
	}
	return sign + d.digits + "e" + d.exp.String()
}

// isWhole reports whether the number has no fractional part.
func (d decimal) isWhole() bool { return d.digits == "" || d.exp.Sign() >= 0 }

// order is the power of ten of the number's first significant digit: 0
// for 1.5, -3 for 0.005, 2 for 150; 0 for zero.
func (d decimal) order() *big.Int {
	if d.digits == "" {
		return new(big.Int)
	}
	return new(big.Int).Add(d.exp, big.NewInt(int64(len(d.digits)-1)))
}

// within reports whether the number is zero or its order is within
// ±limit: 10^400 and 10^-400 are within 400, and big.Rat reads such a
// number at once.
func (d decimal) within(limit int64) bool {
	o := d.order()
	return o.CmpAbs(big.NewInt(limit)) <= 0
}

// sign is -1, 0 or +1.
func (d decimal) sign() int {
	switch {
	case d.digits == "":
		return 0
	case d.neg:
		return -1
	}
	return 1
}

// longDigits is how many significant digits make a number long: big.Rat
// reads a number in time growing with the square of its digits, 1.5 s
// for a million, and only a fraction has more than boundOrder+1.
const longDigits = 1000

// isLong reports whether the number has more than longDigits
// significant digits.
func (d decimal) isLong() bool { return len(d.digits) > longDigits }

// shortFor returns, for a long number, a short one of the same sign and
// whole part and no whole number either, which compares with every
// whole number as d does: -12.34... is -12.5k, where k, 15 digits, is
// given, so that numbers that differ may have stand-ins that do too.
func (d decimal) shortFor(k int) string {
	whole := "0"
	if n := len(d.digits) + int(d.exp.Int64()); n > 0 { // exp is small: the number is within boundOrder
		whole = d.digits[:n]
	}
	sign := ""
	if d.neg {
		sign = "-"
	}
	return fmt.Sprintf("%s%s.5%015d", sign, whole, k)
}
