package jsonx

import (
	"math/big"
	"strings"
)

// Decimal is a well-formed JSON number as its decimal digits, in a form
// found in time proportional to its text, unlike big.Rat's, which
// multiplies out the exponent (1e-999999 took 26 ms to read, and a record
// of a few thousand such numbers minutes), and compared by value, unlike
// float64s, which call every pair that rounds alike the same (1e-400 and
// 0, or 0.1234567890123456789 and 0.12345678901234568).
type Decimal struct {
	Neg    bool     // below zero; never for zero, as -0 is 0
	Digits string   // the significant digits, without leading or trailing zeros; "" for zero
	Exp    *big.Int // the power of ten of the last digit: 1.50e3 is 15 and 2
}

// ParseDecimal reads n, a well-formed JSON number.
func ParseDecimal(n string) Decimal {
	var d Decimal
	if strings.HasPrefix(n, "-") {
		d.Neg, n = true, n[1:]
	}
	mantissa, exponent, _ := strings.Cut(strings.ToLower(n), "e")
	whole, fraction, _ := strings.Cut(mantissa, ".")
	digits := strings.TrimLeft(whole+fraction, "0")
	trimmed := strings.TrimRight(digits, "0")
	d.Exp = new(big.Int)
	if trimmed == "" {
		d.Neg = false // -0 is 0
		return d
	}
	if exponent != "" {
		d.Exp.SetString(strings.TrimPrefix(exponent, "+"), 10)
	}
	d.Digits = trimmed
	d.Exp.Add(d.Exp, big.NewInt(int64(len(digits)-len(trimmed)-len(fraction))))
	return d
}

// Key is the same text for numbers equal in value, and differs for
// numbers that differ: 1, 1.0, 10e-1 and 0.1e1 are all "1e0".
func (d Decimal) Key() string {
	sign := ""
	if d.Neg {
		sign = "-"
	}
	return sign + d.Digits + "e" + d.Exp.String()
}

// IsWhole reports whether the number has no fractional part.
func (d Decimal) IsWhole() bool { return d.Digits == "" || d.Exp.Sign() >= 0 }

// Order is the power of ten of the number's first significant digit: 0
// for 1.5, -3 for 0.005, 2 for 150; 0 for zero.
func (d Decimal) Order() *big.Int {
	if d.Digits == "" {
		return new(big.Int)
	}
	return new(big.Int).Add(d.Exp, big.NewInt(int64(len(d.Digits)-1)))
}

// Within reports whether the number is zero or its order is within
// ±limit: 10^400 and 10^-400 are within 400, and big.Rat reads such a
// number at once.
func (d Decimal) Within(limit int64) bool {
	return d.Order().CmpAbs(big.NewInt(limit)) <= 0
}

// Sign is -1, 0 or +1.
func (d Decimal) Sign() int {
	switch {
	case d.Digits == "":
		return 0
	case d.Neg:
		return -1
	}
	return 1
}
