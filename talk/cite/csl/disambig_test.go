package csl

import "testing"

// FuzzNameReg holds a registry that keeps its keys in lists to one that
// keeps them in maps from the start, and to one that moves them to maps
// part way: the same lookups after every key registered, and the same
// cached keys. Each byte of the input registers one of a few family,
// initials and given keys, empty ones among them.
func FuzzNameReg(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3})
	f.Add([]byte{7, 7, 15, 23, 31, 63, 0, 8, 9, 10, 200, 201, 99})
	parts := []string{"", "a", "b", "c"}
	f.Fuzz(func(t *testing.T, ops []byte) {
		regs := []*nameReg{
			{limit: 1 << 30}, // lists only
			{limit: 0},       // maps only
			{limit: 3},       // lists, then maps
		}
		for n, op := range ops {
			p, ik, s := parts[op&3], parts[op>>2&3], parts[op>>4&3]
			if p == "" {
				p = "z"
			}
			name := nameCacheKey{family: p, given: ik}
			for _, g := range regs {
				g.add(p, ik, s)
				if _, ok := g.cached(name); !ok { // as nameKeys caches
					g.setCached(name, nameKey{p, ik, s})
				}
			}
			for _, qp := range parts {
				for _, qik := range parts {
					found, initials, givens := regs[0].lookup(qp, qik)
					for _, g := range regs[1:] {
						f2, i2, g2 := g.lookup(qp, qik)
						if f2 != found || i2 != initials || g2 != givens {
							t.Fatalf("after %d keys, lookup(%q, %q): lists give %v %d %d, limit %d gives %v %d %d",
								n+1, qp, qik, found, initials, givens, g.limit, f2, i2, g2)
						}
					}
					want, ok := regs[0].cached(nameCacheKey{family: qp, given: qik})
					for _, g := range regs[1:] {
						if got, ok2 := g.cached(nameCacheKey{family: qp, given: qik}); got != want || ok2 != ok {
							t.Fatalf("after %d keys, cached(%q, %q) differs with limit %d", n+1, qp, qik, g.limit)
						}
					}
				}
			}
		}
	})
}
