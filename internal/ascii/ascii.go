// Package ascii tests text eight bytes at a time: a loop over a page, a
// description or a JSON string can skip a word of bytes that need nothing
// done with one test instead of eight, which is most of such text. Each
// test is held to its byte-at-a-time definition by a fuzz target.
package ascii

const (
	ones  = 0x0101010101010101 // 0x01 in every byte
	highs = 0x8080808080808080 // the high bit of every byte
)

// Load64 returns the eight bytes of text from i, the first in the low
// byte. text must hold them.
func Load64[T string | []byte](text T, i int) uint64 {
	text = text[i : i+8]
	return uint64(text[0]) | uint64(text[1])<<8 | uint64(text[2])<<16 | uint64(text[3])<<24 |
		uint64(text[4])<<32 | uint64(text[5])<<40 | uint64(text[6])<<48 | uint64(text[7])<<56
}

// Printable reports whether all eight bytes of x are printable ASCII,
// 0x20 to 0x7E. Bytes at or above 0x80 show in the high bits; given none,
// subtracting 0x20 from every byte borrows into a high bit only where one
// is below 0x20, and adding 1 carries into one only from 0x7F.
func Printable(x uint64) bool {
	return x&highs == 0 && (x-0x20*ones)&^x&highs == 0 && (x+ones)&highs == 0
}

// Printable4 is Printable of a, b, c and d together, with one test for
// the four: thirty-two bytes at a time. Where a word has a high bit, the
// sums of the others may be off, but the word itself shows it.
func Printable4(a, b, c, d uint64) bool {
	low := (a-0x20*ones)&^a | (b-0x20*ones)&^b | (c-0x20*ones)&^c | (d-0x20*ones)&^d
	del := (a + ones) | (b + ones) | (c + ones) | (d + ones)
	return (a|b|c|d|low|del)&highs == 0
}

// Has reports whether any of the eight bytes of x is c. Where a byte of
// y is zero, y-1 borrows into its high bit, which y itself does not have;
// the borrow may flag a byte above it too, but never a word without a
// zero byte.
func Has(x uint64, c byte) bool {
	y := x ^ ones*uint64(c)
	return (y-ones)&^y&highs != 0
}

// PrintableString reports whether s holds only printable ASCII, 0x20 to
// 0x7E.
func PrintableString(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if !Printable(Load64(s, i)) {
			return false
		}
	}
	for ; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return false
		}
	}
	return true
}

// String reports whether s holds only ASCII, bytes below 0x80: text that
// needs no Unicode handling (case folding, normalization,
// transliteration) and so can skip it.
func String[T string | []byte](s T) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if Load64(s, i)&highs != 0 {
			return false
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
