package bufpool

import (
	"strings"
	"testing"
)

// TestGetIsEmpty checks that a buffer given back is lent again empty, and
// that one grown past the limit is not kept.
func TestGetIsEmpty(t *testing.T) {
	for _, size := range []int{1, 64 << 10, 1 << 20} {
		b := Get()
		b.WriteString(strings.Repeat("x", size))
		Put(b)
		for range 4 {
			c := Get()
			if c.Len() != 0 {
				t.Fatalf("after a %d-byte output, Get lent a buffer holding %d bytes", size, c.Len())
			}
			if c.Cap() > 256<<10 {
				t.Fatalf("after a %d-byte output, Get lent a buffer of %d bytes, past the limit", size, c.Cap())
			}
			defer Put(c)
		}
	}
}
