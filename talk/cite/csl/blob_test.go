package csl

import (
	"strings"
	"testing"
)

// narrowSpacesByCopy is narrowSpaces as it was first written, after
// citeproc-js's replacements: the definition narrowSpaces is held to.
func narrowSpacesByCopy(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' && i+1 < len(s) {
			n := s[i+1]
			if n == ':' || n == ';' || n == '?' || n == '!' || strings.HasPrefix(s[i+1:], "»") {
				b.WriteString("\u202f")
				continue
			}
		}
		b.WriteByte(c)
	}
	return strings.ReplaceAll(b.String(), "« ", "«\u202f")
}

// FuzzNarrowSpaces holds narrowSpaces, which copies only a string with a
// space to narrow, to narrowSpacesByCopy.
func FuzzNarrowSpaces(f *testing.F) {
	for _, s := range []string{"", " ", "a b", "Why? Because !", "a : b ; c", "« Bonjour »", "«  x  »", "« »", "end ", "\xab \xbb", "x\xc2 \xbb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := narrowSpaces(s), narrowSpacesByCopy(s); got != want {
			t.Errorf("narrowSpaces(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestPieceText holds the texts of pieces, made of fragments and
// decorated around them, to the strings the same steps make: appended,
// prepended and joined, and decorated in text and HTML, "$" patterns,
// empty texts and "normal" markup included; and whether they have a
// "$", which HTML keeps track of (piece.dollar), to their strings.
func TestPieceText(t *testing.T) {
	st, err := BuiltinStyle("apa")
	if err != nil {
		t.Fatal(err)
	}
	pr, err := New(st)
	if err != nil {
		t.Fatal(err)
	}
	r := pr.newRenderer(pr.p.bibliography, &itemData{}, false)
	defer pr.release(r)
	decorations := []decoration{{decFontStyle, "italic"}, {decFontWeight, "normal"}, {decQuotes, "true"},
		{decQuotes, "inner"}, {decQuotes, "false"}, {decDisplay, "block"}, {decDisplay, "left-margin"},
		{decDisplay, "indent"}, {decDisplay, "right-inline"}, {decBibliography, "entry"}, {decVertical, "sup"},
		{decStripPeriods, "true"}}
	parts := [][]string{{}, {""}, {"a"}, {"a", "b"}, {"$", "&"}, {"x$", "'y"}, {"", "", "z"}, {"$$"}, {"$`", "c"}, {"d", "e$"}}
	for _, f := range []Format{Text, HTML} {
		for _, plain := range []bool{false, true} {
			w := &writer{r: r, f: f, plain: plain}
			for _, ps := range parts {
				for _, d := range decorations {
					var p piece
					want := ""
					for i, s := range ps {
						if i%2 == 0 {
							w.appendText(&p, s)
							want += s
						} else {
							q := w.text(s)
							w.prepend(&q, "<")
							w.appendPiece(&p, q)
							want += "<" + s
						}
					}
					w.prepend(&p, "(")
					want = "(" + want
					if got := w.str(p); got != want || p.n != len(want) {
						t.Fatalf("%v: the piece is %q (%d bytes), want %q", ps, got, p.n, want)
					}
					if dollar := f == HTML && strings.Contains(want, "$"); p.dollar != dollar {
						t.Fatalf("%s: the piece %q has dollar %v, want %v", f, want, p.dollar, dollar)
					}
					if got, want := w.str(w.decoratePiece(d, p, nil)), w.decorate(d, want, nil); got != want {
						t.Errorf("%s, plain %v: %v around %q is %q, want %q", f, plain, d, w.str(p), got, want)
					}
				}
			}
		}
	}
}
