package ascii

import (
	"encoding/binary"
	"strings"
	"testing"
)

// word returns the eight bytes of s from 0, padded with 'a'.
func word(s string) uint64 {
	var b [8]byte
	copy(b[:], s+strings.Repeat("a", 8))
	return binary.LittleEndian.Uint64(b[:])
}

func FuzzWordTests(f *testing.F) {
	for _, s := range []string{"", "abcdefgh", "abc\x1fdefg", "~~~~~~~\x7f", "\x80aaaaaaa", "{}{}{}{}", "\x00\x01\x02\x03\x04\x05\x06\x07", " \x7e\x20\x21\xff\xfe\x7b\x7d",
		// A fault in the second, third or fourth word of thirty-two
		// bytes, and in the bytes after the last whole word.
		"abcdefghijk\x01mnopqrstuvwxyz012345", "abcdefghijklmnopqrs\x7fuvwxyz012345", "abcdefghijklmnopqrstuvwxyz0\x1f2345",
		"abcdefghijklmnopqrstuvwxyz01234\x7f", "abcdefghijklmnopqrstuvwxyz01234\xff", "abcdefgh\x7f", "abcdefgh\x80", "abcdefghij k", "abcdefgh\x1f"} {
		f.Add(s, byte('{'))
	}
	f.Fuzz(func(t *testing.T, s string, c byte) {
		x := word(s)
		var b [8]byte
		binary.LittleEndian.PutUint64(b[:], x)
		if got := Load64(string(b[:]), 0); got != x {
			t.Errorf("Load64(%q) = %#x, want %#x", b, got, x)
		}
		printable, has := true, false
		for _, e := range b {
			printable = printable && e >= 0x20 && e <= 0x7e
			has = has || e == c
		}
		if got := Printable(x); got != printable {
			t.Errorf("Printable(%q) = %v, want %v", b, got, printable)
		}
		y, z, w := word(s[min(len(s), 8):]), word(s[min(len(s), 16):]), word(s[min(len(s), 24):])
		if got, want := Printable4(x, y, z, w), Printable(x) && Printable(y) && Printable(z) && Printable(w); got != want {
			t.Errorf("Printable4(%q) = %v, want %v", s, got, want)
		}
		if got := Has(x, c); got != has {
			t.Errorf("Has(%q, %q) = %v, want %v", b, c, got, has)
		}
		want := true
		for i := 0; i < len(s); i++ {
			want = want && s[i] >= 0x20 && s[i] <= 0x7e
		}
		if got := PrintableString(s); got != want {
			t.Errorf("PrintableString(%q) = %v, want %v", s, got, want)
		}
		isASCII := true
		for i := 0; i < len(s); i++ {
			isASCII = isASCII && s[i] < 0x80
		}
		if got := String(s); got != isASCII {
			t.Errorf("String(%q) = %v, want %v", s, got, isASCII)
		}
	})
}

func BenchmarkPrintableString(b *testing.B) {
	s := strings.Repeat("async/await in Python 3.5 and why it is awesome. ", 20)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		PrintableString(s)
	}
}
