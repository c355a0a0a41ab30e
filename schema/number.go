package schema

import (
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
