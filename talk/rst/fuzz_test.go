package rst

import (
	"bytes"
	"encoding/json"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// FuzzParse parses arbitrary text, seeded with the test cases and real
// descriptions: Parse never panics, every diagnostic points inside the
// text, and the HTML never carries markup from the text or a script URL.
func FuzzParse(f *testing.F) {
	var cases []string
	if data, err := os.ReadFile("testdata/cases.json"); err == nil {
		json.Unmarshal(data, &cases)
	}
	for _, c := range cases {
		f.Add(c)
	}
	f.Add("Plain text, one paragraph\nof two lines.\n\n2016 was a year. 3 talks\nA) not a list")
	f.Add("Plain\n\n1. a list\n2. of two")
	files, _ := filepath.Glob("testdata/html/*.rst")
	for _, name := range files {
		data, _ := os.ReadFile(name)
		f.Add(string(data))
	}
	f.Fuzz(func(t *testing.T, src string) {
		doc := Parse(src)
		if diff := cmp.Diff(doc.Diagnostics, Check(src), cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("Check(%q) differs from Parse (-Parse +Check):\n%s", src, diff)
		}
		if onlyPlainParagraphs(src) {
			for _, b := range doc.Children {
				if _, ok := b.(*Paragraph); !ok {
					t.Errorf("onlyPlainParagraphs(%q), but Parse finds a %T", src, b)
				}
			}
		}
		lines := len(splitLines(src))
		for _, d := range doc.Diagnostics {
			if d.Line < 1 || d.Line > lines+1 || d.Offset < 0 || d.Offset > len(src) || d.Level < Info || d.Level > Severe || d.Message == "" {
				t.Errorf("diagnostic %+v outside the %d lines of %q", d, lines, src)
			}
		}
		var b bytes.Buffer
		if err := WriteHTML(&b, doc, HTMLOptions{}); err != nil {
			t.Fatal(err)
		}
		out := strings.ToLower(b.String())
		for _, bad := range []string{"<script", "javascript:", "<iframe"} {
			if strings.Contains(out, bad) && !strings.Contains(strings.ToLower(src), strings.TrimSpace(bad)) {
				t.Errorf("%q in the HTML of %q:\n%s", bad, src, out)
			}
		}
		// An image loads only from the web, as the text's image,
		// figure or substitution asks.
		for _, img := range strings.Split(out, "<img")[1:] {
			if !strings.HasPrefix(img, ` src="http://`) && !strings.HasPrefix(img, ` src="https://`) || !imageDirective.MatchString(src) {
				t.Errorf("an image not from an http(s) URL the text gives, in the HTML of %q:\n%s", src, out)
			}
		}
		// An event handler is an attribute: " on" in text, as when a
		// dropped NUL joins "o\x00n", is only text.
		if handler := eventHandlerAttribute.FindString(out); handler != "" {
			t.Errorf("%q in the HTML of %q:\n%s", handler, src, out)
		}
		// Escaped characters are marked with a NUL while parsing; the
		// marker must never reach the page.
		if strings.ContainsRune(out, 0) && !strings.ContainsRune(src, 0) {
			t.Errorf("a NUL in the HTML of %q:\n%q", src, out)
		}
		if strings.Contains(out, "href=\"javascript") || strings.Contains(out, "href=\"data:") || strings.Contains(out, "<script") {
			t.Errorf("unsafe HTML for %q:\n%s", src, out)
		}
	})
}

// imageDirective is an image or figure directive's name, in any case,
// and its "::", a space between them allowed.
var imageDirective = regexp.MustCompile(`(?i)(image|figure) ?::`)

// eventHandlerAttribute is an attribute such as onclick= in a tag.
var eventHandlerAttribute = regexp.MustCompile(`<[^>]*\son[a-z]*\s*=`)

// BenchmarkParseCorpus parses every description of the pyvideo corpus.
func BenchmarkParseCorpus(b *testing.B) {
	texts, size := corpusDescriptions(b)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			Parse(t)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(texts)), "ns/description")
}

// BenchmarkCheckCorpus checks every description of the pyvideo corpus,
// as a validator does.
func BenchmarkCheckCorpus(b *testing.B) {
	texts, size := corpusDescriptions(b)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			Check(t)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(texts)), "ns/description")
}

// corpusDescriptions returns the descriptions of the pyvideo corpus
// (TALKMETA_CORPUS) that are not empty, and their size.
func corpusDescriptions(b *testing.B) (texts []string, size int) {
	dir := os.Getenv("TALKMETA_CORPUS")
	if dir == "" {
		b.Skip("TALKMETA_CORPUS is not set")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*", "videos", "*.json"))
	for _, f := range files {
		data, _ := os.ReadFile(f)
		var rec struct{ Description *string }
		json.Unmarshal(data, &rec)
		if rec.Description != nil && *rec.Description != "" {
			texts = append(texts, *rec.Description)
			size += len(*rec.Description)
		}
	}
	return texts, size
}

// FuzzTrimTrailingSpace holds trimTrailingSpace, which looks at the last
// byte first, to strings.TrimRight.
func FuzzTrimTrailingSpace(f *testing.F) {
	for _, s := range []string{"", "a", "a ", "a\u00a0", "a\u3000 \t", "\u2029", "é", "a\x7f", "a\x80", "a\xe3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := trimTrailingSpace(s), strings.TrimRight(s, trailingSpace); got != want {
			t.Errorf("trimTrailingSpace(%q) = %q, want %q", s, got, want)
		}
	})
}

// FuzzSplitLines holds splitLines, which looks for line breaks byte by
// byte, to the definition it shortens: decode rune by rune and break at
// the characters Python's str.splitlines breaks at.
func FuzzSplitLines(f *testing.F) {
	for _, s := range []string{"a\nb", "a\r\nb\rc", "x\u2028y\u2029z\u0085", "\xc2\u0085\xe2\xe2\x80\xa8", "\x1c\x1d\x1e", "tab\tend \n\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if diff := cmp.Diff(splitLinesByRune(src), splitLines(src), cmp.AllowUnexported(line{})); diff != "" {
			t.Errorf("splitLines(%q) (-by rune +got):\n%s", src, diff)
		}
	})
}

func splitLinesByRune(src string) []line {
	lines := []line{}
	start, num := 0, 1
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRuneInString(src[i:])
		n := 0
		switch r {
		case '\r':
			n = 1
			if i+1 < len(src) && src[i+1] == '\n' {
				n = 2
			}
		case '\n', '\x1c', '\x1d', '\x1e', '\u0085', '\u2028', '\u2029':
			n = size
		}
		if n == 0 {
			i += size
			continue
		}
		lines = append(lines, line{clean(src[start:i]), num, start, i})
		i += n
		start = i
		num++
	}
	if start < len(src) {
		lines = append(lines, line{clean(src[start:]), num, start, len(src)})
	}
	return lines
}

// enumPattern is docutils' enumerated list item start, which enumMarker
// matches by hand.
var enumPattern = regexp.MustCompile(`^(\(?)([0-9]+|[a-zA-Z]|[ivxlcdmIVXLCDM]+|#)([.)])( +|$)`)

// FuzzEnumMarker holds enumMarker to the expression it replaces.
func FuzzEnumMarker(f *testing.F) {
	for _, s := range []string{"1. a", "(a) b", "iv) x", "#.", "ab. c", "12)", "(#) y", "A.B", "(1.", "x)  y", "é. a", "1a. b", "I.", "#a."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want []string
		if m := enumPattern.FindStringSubmatch(s); m != nil {
			want = []string{m[0], m[1], m[2], m[3]}
		}
		var got []string
		if marker, open, enum, close, ok := enumMarker(s); ok {
			got = []string{marker, open, enum, close}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("enumMarker(%q) (-pattern +got):\n%s", s, diff)
		}
	})
}

// bulletPattern is docutils' bullet list item start, which bulletMarker
// matches by hand.
var bulletPattern = regexp.MustCompile(`^([-+*\x{2022}\x{2023}\x{2043}])( +|$)`)

// FuzzBulletMarker holds bulletMarker to bulletPattern.
func FuzzBulletMarker(f *testing.F) {
	for _, s := range []string{"", "-", "- item", "-  two", "-x", "* a", "+", "\u2022 dot", "\u2023", "\u2043  x", "\xe2\x80", "1. no", " - no"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want []string
		if m := bulletPattern.FindStringSubmatch(s); m != nil {
			want = []string{m[1], m[0]}
		}
		var got []string
		if b, marker := bulletMarker(s); b != "" {
			got = []string{b, marker}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("bulletMarker(%q) (-pattern +bulletMarker):\n%s", s, diff)
		}
	})
}

// FuzzWriteEscaped holds writeEscaped to html.EscapeString.
func FuzzWriteEscaped(f *testing.F) {
	for _, s := range []string{"", "plain", `it's "quoted" & <b>bold</b>`, "<<>>&&''\"\"", "é<\xff>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var b strings.Builder
		writeEscaped(&b, s)
		if got, want := b.String(), html.EscapeString(s); got != want {
			t.Errorf("writeEscaped(%q) = %q, html.EscapeString gives %q", s, got, want)
		}
	})
}

// FuzzInlineSkip holds the inline parser, which skips to the characters
// markup can start at, to the stepwise way that looks at every
// character: the same inline content and the same diagnostics.
func FuzzInlineSkip(f *testing.F) {
	for _, s := range []string{
		"*a* **b** ``c`` `d`_ :role:`e` |f| [1]_ g_ h", "x *y z", "é*a*é", "\xe2\x80*a*", "a:b: `c`", "(*) [x] {y}",
		"see `Python <https://python.org>`_ and `docs`__", "`a`:r: `b`", "\\*not*", "|x|_ ``a", "*a*\xff",
		"mail me@example.org or https://x.org/a, (http://y.z) and\u00a0a@b.c\tx://y", "a@b @c d@e.f. http:// x://",
		"*see* https://a.b/c?d=e#f and `x`_", "é@ü.de ftp://h/p:q mailto:a@b.cd,",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		parse := func(stepwise bool) ([]Inline, []Diagnostic) {
			p := &parser{doc: &Document{Targets: map[string]string{}}}
			in := &inliner{p: p, at: line{num: 1}, stepwise: stepwise}
			return in.parse(unescape(s), 0), p.doc.Diagnostics
		}
		want, wantDiags := parse(true)
		got, gotDiags := parse(false)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("inline content of %q (-stepwise +skipping):\n%s", s, diff)
		}
		if diff := cmp.Diff(wantDiags, gotDiags); diff != "" {
			t.Errorf("diagnostics of %q (-stepwise +skipping):\n%s", s, diff)
		}
	})
}

// embeddedPattern is docutils' embedded URI in a phrase reference
// (Inliner.patterns.embedded_link, escape markers in the text), which
// embeddedURI matches by hand: the URI after spaces or line feeds, or at
// the start, between "<" and ">" that no escape marker precedes, holding
// none of either unescaped. A bracket is escaped when a marker stands
// right before it, whatever stands before the marker: a NUL in the
// source is a marker too, so "\x00\x00>" holds an escaped ">". Its
// lookarounds, no white space just inside the brackets and no escape
// marker before the ">", are embeddedSpaceInside and the test's.
var (
	embeddedPattern     = regexp.MustCompile("(?s)^(.*?)(?:^|[ \n]+)<((?:[^<>]|\x00[<>])+)>$")
	embeddedSpaceInside = regexp.MustCompile("^" + pySpace + "|" + pySpace + "$")
)

// FuzzEmbeddedURI holds embeddedURI to the expression it replaces.
func FuzzEmbeddedURI(f *testing.F) {
	for _, s := range []string{"Python <https://python.org>", "<x>", "a <b> <c>", "a<>", "a <b>c", "a \t\n<x\ny>", "<a<b>", "a <b>>", "\v<x>", ">",
		"名前\u3000<http://x/>", "a <\u3000b>", "a <b\u3000>", "a <b\x00<c>", "a <b\x00>>", "a <b\x00>", "a\x00 <b>", "<\x00\x00>>", "a <b\x00\x00>", "<a\x00\x00<b>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want []string
		if m := embeddedPattern.FindStringSubmatch(s); m != nil && !embeddedSpaceInside.MatchString(m[2]) && !strings.HasSuffix(m[2], "\x00") {
			want = []string{m[1], m[2]}
		}
		var got []string
		if text, uri, ok := embeddedURI(s); ok {
			got = []string{text, uri}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("embeddedURI(%q) (-pattern +got):\n%s", s, diff)
		}
	})
}

// uriPatterns are docutils' URI pattern (Inliner patterns.uri) as Go's
// regular expressions can say it, anchored at both ends: the absolute
// URI and the e-mail address, each whose last character is one a URI may
// end with, or (the "Gt" forms) any URI character, which a ">" must
// follow. uric and emailc are the classes docutils has; urilast its own.
var uriPatterns = func() map[string]*regexp.Regexp {
	const (
		uric   = `[-_.!~*'()\[\];/:@&=+$,%a-zA-Z0-9\x00]`
		last   = `[_~*/=+a-zA-Z0-9]`
		emailc = `[-_!~*'{|}/#?^` + "`" + `&=+$%a-zA-Z0-9\x00]`
		scheme = `[a-zA-Z][a-zA-Z0-9.+-]*:`
		parts  = `(?:` + uric + `*` + last + `\?)?(?:` + uric + `*` + last + `#)?` + uric + `*`
		email  = emailc + `+(?:\.` + emailc + `+)*@` + emailc + `+(?:\.` + emailc + `*)*`
	)
	return map[string]*regexp.Regexp{
		"absolute": regexp.MustCompile(`^` + scheme + parts + last + `$`), "absoluteGt": regexp.MustCompile(`^` + scheme + parts + uric + `$`),
		"email": regexp.MustCompile(`^` + email + last + `$`), "emailGt": regexp.MustCompile(`^` + email + uric + `$`),
	}
}()

// uriMatchAt is what Python's backtracking finds of docutils' URI
// pattern at s[i], by brute force: the longest absolute URI that may end
// where it ends, else the longest e-mail address (its "@" not escaped).
func uriMatchAt(s string, i int) (end int, scheme string) {
	for _, kind := range []string{"absolute", "email"} {
		for e := len(s); e > i; e-- {
			if !endOK(runeAt(s, e), e >= len(s)) {
				continue
			}
			m := s[i:e]
			if !uriPatterns[kind].MatchString(m) && !(e < len(s) && s[e] == '>' && uriPatterns[kind+"Gt"].MatchString(m)) {
				continue
			}
			if kind == "absolute" {
				return e, m[:strings.IndexByte(m, ':')]
			}
			if at := strings.IndexByte(m, '@'); m[at-1] != escaped {
				return e, ""
			}
		}
	}
	return 0, ""
}

// FuzzStandaloneURL holds uriScanner, which reads a text once, to the
// longest match of docutils' URI pattern at each place of it, found by
// brute force (uriMatchAt), the places tried in order as appendText
// tries them.
func FuzzStandaloneURL(f *testing.F) {
	for _, s := range []string{
		"https://www.youtube.com/watch?v=m28fiN9y_r8).", "http://a", "http://", "ftp://x.y/z?", "mailto://a", "git://a/b\"c",
		"mailto:a@b.c", "mailto:a@b@c.d,e", "mailto:a@b", "a.b+c@d-e.f.g.", "é@ü.de", "a@b..c", "@b.c", "a@.b", "x@y.z\xff",
		"https://a.b/\xe2\x80", "news://a'", "http://a\x00b", "mailto:@a.b", "mailto:x@a.b@c", "ssh://host:22", "a_b@c.d",
		"a-b-c:d?e#f>", "x:a.>", "me\x00.x@e.org", "a..b@c.d", "Time:10am", "https://x.org/a{b}c", "a:b?c?d#e#f", "a@b;>",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 64 {
			s = s[:64] // the brute force takes time growing with the cube of it
		}
		u := uriScanner{s: s}
		for i := 0; i < len(s); i++ {
			gotEnd, gotScheme := u.match(i)
			if wantEnd, wantScheme := uriMatchAt(s, i); gotEnd != wantEnd || gotScheme != wantScheme {
				t.Fatalf("match(%q, %d) = %d, %q; the pattern gives %d, %q", s, i, gotEnd, gotScheme, wantEnd, wantScheme)
			}
		}
	})
}

// FuzzURLMarks holds urlMarks, which looks for the next ":" and "@"
// again only once the text is read past them, to looking from every index
// asked about, as the text's standalone URLs are looked for.
func FuzzURLMarks(f *testing.F) {
	for _, s := range []string{"", "a@b c://d", "https://a.b/ https://c.d/", "x@y@z", ":// @ ://", "no marks", "a:b@c:d"} {
		f.Add(s, []byte{0, 1, 3, 7})
	}
	f.Fuzz(func(t *testing.T, s string, steps []byte) {
		var marks urlMarks
		i := 0
		for _, step := range steps {
			if i += int(step); i > len(s) {
				break
			}
			want := -1
			colon, at := strings.IndexByte(s[i:], ':'), strings.IndexByte(s[i:], '@')
			switch {
			case colon < 0 || at >= 0 && at < colon:
				want = at
			default:
				want = colon
			}
			if want >= 0 {
				want += i
			}
			if got := marks.next(s, i); got != want {
				t.Fatalf("next(%q, %d) = %d, want %d", s, i, got, want)
			}
		}
	})
}

// FuzzFindEnd holds the inliner's end-string search, which remembers the
// end it found last of each kind, to the definition: searching the rest
// of the text for every start-string, as findEndFromScratch and
// findBackquoteEndFromScratch did before. The start-strings asked about
// mostly move forward, as parse asks, and sometimes back.
func FuzzFindEnd(f *testing.F) {
	for _, s := range []string{
		"*a *b* c*", "**a **b** c**", "``a ``b`` c``", "_`a _`b` c`", "|a |b| c|_", "`a `b`_ `c`:r: d`__",
		"*a\x00* *b *\x00c*", "*a\n*a\n*a\n", "`a <b `a <b> `_", "**a* *b** ***", "x`y`z `a`:b:c `d`:e:. `f`__.",
	} {
		f.Add(s, []byte{0, 7, 13, 20, 1, 3, 30, 2, 8})
	}
	f.Fuzz(func(t *testing.T, s string, steps []byte) {
		in := &inliner{}
		from := 0
		for _, step := range steps {
			kind := endKind(step % byte(endKinds))
			if from += int(step/byte(endKinds)) - 4; from < 0 {
				from = 0
			}
			if from > len(s) {
				break
			}
			got := in.findEnd(s, from, kind)
			if kind == backquoteEnd {
				want, wantEnd, wantRole, wantRefend := findBackquoteEndFromScratch(s, from)
				if got != want {
					t.Fatalf("findEnd(%q, %d, backquoteEnd) = %d, want %d", s, from, got, want)
				}
				if got < 0 {
					continue
				}
				end, role, refend, ok := backquoteEndAt(s, got)
				if !ok || end != wantEnd || role != wantRole || refend != wantRefend {
					t.Fatalf("backquoteEndAt(%q, %d) = %d, %q, %q, %v, want %d, %q, %q", s, got, end, role, refend, ok, wantEnd, wantRole, wantRefend)
				}
				continue
			}
			e := endStrings[kind]
			if want := findEndFromScratch(s, from, e.end, e.escapes); got != want {
				t.Fatalf("findEnd(%q, %d, %q) = %d, want %d", s, from, e.end, got, want)
			}
		}
	})
}

// findEndFromScratch finds end-string at or after from: not preceded by
// white space (nor by an escape, when escapes count), but at from, where
// nothing is before it in the text docutils searches, and followed by
// what may follow markup; one at from is empty markup, and no end.
func findEndFromScratch(s string, from int, end string, escapes bool) int {
	for k := from; k < len(s); {
		j := strings.Index(s[k:], end)
		if j < 0 {
			return -1
		}
		j += k
		before, _ := utf8.DecodeLastRuneInString(s[:j])
		// A substitution's end-string may take "_" or "__" (docutils'
		// "\|_{0,2}"), tried longest first.
		for _, tail := range [3]string{"__", "_", ""} {
			if tail != "" && end != "|" || !strings.HasPrefix(s[j+len(end):], tail) {
				continue
			}
			after := j + len(end) + len(tail)
			if (j == from || !isPySpace(before) && !(escapes && before == escaped)) && endOK(runeAt(s, after), after >= len(s)) {
				if j == from {
					return -1 // empty: docutils' search finds it first, and no end
				}
				return j
			}
		}
		k = j + 1
	}
	return -1
}

// findBackquoteEndFromScratch finds the closing backquote of interpreted
// text or a phrase reference started before from: it returns its index,
// the end of the construct, a role after it, and the reference end "_" or
// "__".
func findBackquoteEndFromScratch(s string, from int) (j, end int, role, refend string) {
	for k := from; k < len(s); k++ {
		if s[k] != '`' {
			continue
		}
		// (?<!(?<!\x00)[\s\x00]): no white space or marker before,
		// but white space a backslash escapes.
		before, size := utf8.DecodeLastRuneInString(s[:k])
		if k == from || before == escaped || isPySpace(before) && !strings.HasSuffix(s[:k-size], "\x00") {
			continue
		}
		// The suffixes docutils' pattern tries, in its order.
		type suffix struct{ text, role, ref string }
		var suffixes []suffix
		if name, n, ok := roleAt(s[k+1:]); ok {
			r := s[k+1 : k+1+n]
			suffixes = append(suffixes, suffix{r + "__", name, "__"}, suffix{r + "_", name, "_"}, suffix{r, name, ""})
		}
		suffixes = append(suffixes, suffix{"__", "", "__"}, suffix{"_", "", "_"}, suffix{"", "", ""})
		for _, x := range suffixes {
			e := k + 1 + len(x.text)
			if strings.HasPrefix(s[k+1:], x.text) && endOK(runeAt(s, e), e >= len(s)) {
				return k, e, x.role, x.ref
			}
		}
	}
	return -1, 0, "", ""
}

// BenchmarkUnclosedMarkup parses and checks 64 KiB paragraphs of
// start-strings without end-strings, which must take time in proportion
// to their length.
func BenchmarkUnclosedMarkup(b *testing.B) {
	for _, shape := range []struct{ name, unit string }{
		{"emphasis", "*a "}, {"strong", "**a "}, {"literal", "``a "}, {"interpreted", "`a "},
		{"substitution", "|a "}, {"phrase-reference", "`a <b "}, {"inline-target", "_`a "}, {"emphasis-lines", "*a\n"},
	} {
		src := strings.Repeat(shape.unit, (64<<10)/len(shape.unit))
		b.Run("Parse/"+shape.name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				Parse(src)
			}
		})
		b.Run("Check/"+shape.name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				Check(src)
			}
		})
	}
}

// FuzzTargetNameResume holds targetName, given where names on a shorter
// text were tried, to trying every name: hyperlinkTarget resumes so when
// a target's name runs over more lines, and a name it skips must fail on
// the longer text as it failed on the shorter one.
func FuzzTargetNameResume(f *testing.F) {
	for _, s := range [][2]string{{"a", ": http://x"}, {"`a", "`: x"}, {"a\\", ":b: x"}, {"a :", " x"}, {"名", "前: x"}, {"a\x00:", "b: x"}, {"a b", "\x00 : x"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, prefix, suffix string) {
		if _, _, ok := targetName(prefix, 0); ok {
			return
		}
		s := prefix + suffix
		name, end, ok := targetName(s, max(0, len(prefix)-8))
		wantName, wantEnd, wantOK := targetName(s, 0)
		if name != wantName || end != wantEnd || ok != wantOK {
			t.Errorf("targetName(%q) resumed after %q = %q, %d, %v; from the start %q, %d, %v", s, prefix, name, end, ok, wantName, wantEnd, wantOK)
		}
	})
}
