package csl

import (
	"regexp"
	"strings"
	"testing"
)

// dollarPatternRe matches a "$" pattern of JavaScript's replace.
var dollarPatternRe = regexp.MustCompile("[$][$&`']")

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
// empty texts and "normal" markup included; and whether they have a "$"
// pattern, which HTML keeps track of (piece.dollars), to their strings.
func TestPieceText(t *testing.T) {
	pr := styleProcessor(t, "apa", true, nil)
	r := pr.newRenderer(pr.p.bibliography, &itemData{}, false)
	defer pr.release(r)
	decorations := []decoration{{decFontStyle, "italic"}, {decFontWeight, "normal"}, {decQuotes, "true"},
		{decQuotes, "inner"}, {decQuotes, "false"}, {decDisplay, "block"}, {decDisplay, "left-margin"},
		{decDisplay, "indent"}, {decDisplay, "right-inline"}, {decBibliography, "entry"}, {decVertical, "sup"},
		{decStripPeriods, "true"}}
	parts := [][]string{{}, {""}, {"a"}, {"a", "b"}, {"$", "&"}, {"x$", "'y"}, {"", "", "z"}, {"$$"}, {"$`", "c"}, {"d", "e$"}, {"$", "$", "'"}, {"g", "$", "`"}}
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
					if dollars := f == HTML && dollarPatternRe.MatchString(want); p.dollars != dollars {
						t.Fatalf("%s: the piece %q has dollars %v, want %v", f, want, p.dollars, dollars)
					}
					if got, want := w.str(w.decoratePiece(d, p, nil)), w.decorate(d, want, nil); got != want {
						t.Errorf("%s, plain %v: %v around %q is %q, want %q", f, plain, d, w.str(p), got, want)
					}
				}
			}
		}
	}
}

// TestPieceDollars holds whether a piece has a "$" pattern
// (piece.dollars), kept as pieces are put together, to its text, where
// two texts meet too, and in HTML only.
func TestPieceDollars(t *testing.T) {
	texts := []string{"", "a", "$", "$$", "&", "'", "`x", "a$", "$a", "x$'", "$ $"}
	for _, f := range []Format{Text, HTML} {
		w := &writer{f: f}
		for _, a := range texts {
			for _, b := range texts {
				want := f == HTML && dollarPatternRe.MatchString(a+b)
				appended := w.text(a)
				w.appendText(&appended, b)
				prepended := w.text(b)
				w.prepend(&prepended, a)
				joined := w.text(a)
				w.appendPiece(&joined, w.text(b))
				for _, p := range []piece{appended, prepended, joined} {
					if got := w.str(p); got != a+b {
						t.Fatalf("the piece of %q and %q is %q", a, b, got)
					}
					if p.dollars != want {
						t.Errorf("%s: the piece %q has dollars %v, want %v", f, a+b, p.dollars, want)
					}
				}
			}
		}
	}
}
