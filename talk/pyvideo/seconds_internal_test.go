package pyvideo

import (
	"math/big"
	"math/rand/v2"
	"strconv"
	"testing"
)

// TestNanosecondsExact holds nanoseconds to big.Rat's exact arithmetic,
// rounding a half up, for numbers spelled in every way JSON allows.
func TestNanosecondsExact(t *testing.T) {
	type result struct {
		ns       int64
		ok, tiny bool
	}
	exact := func(s string) result {
		r, ok := new(big.Rat).SetString(s)
		if !ok {
			t.Fatalf("big.Rat cannot read %s", s)
		}
		r.Mul(r, big.NewRat(1e9, 1))
		half := new(big.Rat).Add(r, big.NewRat(1, 2))
		q := new(big.Int).Quo(half.Num(), half.Denom())
		switch {
		case !q.IsInt64():
			return result{}
		case q.Sign() == 0 && r.Sign() != 0:
			return result{ok: true, tiny: true}
		}
		return result{ns: q.Int64(), ok: true}
	}
	numbers := []string{"0", "-0", "0.0", "-0.0e5", "0e999", "00", "1508", "1508.0", "1.005", "0.3",
		"1e-10", "5e-10", "4.9e-10", "1e400", "1e-400", "1E+3", "100e-2", "0.000000001",
		"9223372036.854775807", "9223372036.854775808", "9223372036.8547758075", "9223372036.8547758074",
		"123456789.123456789", "99999999999999999999999", "0.0000000005"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		f := rng.Float64() * 1e4
		numbers = append(numbers, strconv.FormatFloat(f, 'f', -1, 64), strconv.FormatFloat(f, 'e', rng.IntN(20), 64),
			strconv.FormatFloat(f, 'f', rng.IntN(14), 64))
	}
	// Exponents big.Rat cannot read, nor any float64 hold.
	for n, want := range map[string]result{"1e99999999999999999999": {}, "1e-99999999999999999999": {ok: true, tiny: true},
		"0e99999999999999999999": {ok: true}} {
		var got result
		got.ns, got.ok, got.tiny = nanoseconds([]byte(n))
		if got != want {
			t.Errorf("nanoseconds(%s) = %+v, want %+v", n, got, want)
		}
	}
	for _, n := range numbers {
		var got result
		got.ns, got.ok, got.tiny = nanoseconds([]byte(n))
		if want := exact(n); got != want {
			t.Errorf("nanoseconds(%s) = %+v, want %+v", n, got, want)
		}
	}
}
