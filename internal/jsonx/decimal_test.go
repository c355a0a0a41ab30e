package jsonx

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestDecimalKey: numbers equal in value share a key, as big.Rat would
// find them equal, and others do not.
func TestDecimalKey(t *testing.T) {
	groups := [][]string{
		{"0", "-0", "0.0", "0e5", "-0.000e-99999999999999999999"},
		{"1", "1.0", "10e-1", "0.1e1", "1E0", "1e+0", "100e-2"},
		{"-1", "-1.000"},
		{"1500", "1.5e3", "15e2", "0.0015e6"},
		{"0.005", "5e-3", "50E-4"},
		{"1e400", "10e399", "0.1e401"},
		{"1e99999999999999999999", "10e99999999999999999998"},
		{"1e-999999"},
		{"123456789012345678901234567890"},
	}
	var want, got []string
	for _, g := range groups {
		want = append(want, strings.Repeat(ParseDecimal(g[0]).Key()+" ", len(g)))
		var keys string
		for _, n := range g {
			keys += ParseDecimal(n).Key() + " "
		}
		got = append(got, keys)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("keys (-want +got):\n%s", diff)
	}
	seen := map[string]string{}
	for _, g := range groups {
		k := ParseDecimal(g[0]).Key()
		if other, ok := seen[k]; ok {
			t.Errorf("%s and %s share the key %s", g[0], other, k)
		}
		seen[k] = g[0]
	}
	for n, whole := range map[string]bool{"1.5e1": true, "1.50e1": true, "1.5e0": false, "1.5": false, "1.5e2": true, "0.0": true, "1e-1": false, "12e-1": false, "120e-1": true} {
		if ParseDecimal(n).IsWhole() != whole {
			t.Errorf("%s: isWhole() = %v", n, !whole)
		}
	}
}

// TestDecimalOrder: the order, sign and range of numbers however they
// are spelled, at the edges of a limit.
func TestDecimalOrder(t *testing.T) {
	type number struct {
		N      string
		Order  string
		Sign   int
		Within bool // within 400
	}
	var got, want []number
	for _, n := range []number{
		{"0", "0", 0, true}, {"-0.0e9999", "0", 0, true},
		{"1.5", "0", 1, true}, {"150", "2", 1, true}, {"-150e-2", "0", -1, true},
		{"0.005", "-3", 1, true}, {"-2E3", "3", -1, true},
		{"1e400", "400", 1, true}, {"9.99e400", "400", 1, true}, {"10e400", "401", 1, false},
		{"1e-400", "-400", 1, true}, {"-0.1e-400", "-401", -1, false},
	} {
		want = append(want, n)
		d := ParseDecimal(n.N)
		got = append(got, number{n.N, d.Order().String(), d.Sign(), d.Within(400)})
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
