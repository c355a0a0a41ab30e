package html

import (
	"bytes"
	"fmt"
	"net/url"
	"os"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	xhtml "golang.org/x/net/html"

	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/jsonld"
)

// FuzzMayHoldForbidden holds the byte-table pre-check to the exact test:
// whenever a page holds a forbidden code point, mayHoldForbidden says it
// may, so replaceForbidden never skips one.
func FuzzMayHoldForbidden(f *testing.F) {
	for _, s := range []string{"plain", "a\x01", "\x7f", "\u0085", "\u00a0", "\ufdd0", "\uffff", "\U0001fffe", "\U0010ffff", "\xc2", "\xef\xbf", "tab\tcr\rlf\nff\f"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, page []byte) {
		if bytes.ContainsFunc(page, forbidden) && !mayHoldForbidden(page) {
			t.Errorf("mayHoldForbidden(%q) = false, but it holds a forbidden code point", page)
		}
	})
}

// FuzzPartMayHoldForbidden holds the test of a page's parts to the test
// replaceForbidden makes of the page they make up: whenever
// mayHoldForbidden stops at two parts together, the test says one of them
// may make it, even where a code point begins in one and ends in the
// other; and htmlText, which tests the strings it writes on the way, is
// at least as cautious about what it writes.
func FuzzPartMayHoldForbidden(f *testing.F) {
	for _, s := range [][2]string{{"plain", "text"}, {"a\x01", ""}, {"\x7f", "x"}, {"x\xc2", "\x85"}, {"\xef\xb7", "\x90"}, {"\xf0\x9f\xbf", "\xbe"},
		{"\U0001fffe", "\U0010ffff"}, {"\u00a0 \u00b7", "\uff0c \U0001f600"}, {"tab\tcr\rlf\nff\f", "\x00<&>\"'+"}, {"\xc2", "\xc2"},
		{"\xc20", "x"}, {"\xc2\x00", "\xc2<"}, {"\xef\xc20", "\xc2"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if mayHoldForbidden([]byte(a+b)) && !partMayHoldForbidden(a) && !partMayHoldForbidden(b) {
			t.Errorf("mayHoldForbidden stops at %q and %q, but partMayHoldForbidden says neither may make it", a, b)
		}
		if got, want := partMayHoldForbidden([]byte(a)), partMayHoldForbidden(a); got != want {
			t.Errorf("partMayHoldForbidden(%q) is %v for bytes, %v for a string", a, got, want)
		}
		var w pageWriter
		htmlText(&w, a)
		if partMayHoldForbidden(w.buf) && !w.mayHoldForbidden {
			t.Errorf("htmlText(%q) notes nothing, but partMayHoldForbidden of what it wrote says it may", a)
		}
	})
}

// FuzzGraphMayHoldForbidden holds graphMayHoldForbidden, which counts on
// talk/jsonld's escaping, to partMayHoldForbidden over the graphs of talks
// with arbitrary text in the fields a graph shows; text that is not
// UTF-8 is refused before anything is written, with CheckUTF8's error.
func FuzzGraphMayHoldForbidden(f *testing.F) {
	for _, s := range [][2]string{{"Yury Selivanov", "async/await"}, {"a\x01\x7f\u0085", "\ufdd0\uffff"}, {"\U0001fffe \U0010ffff", "\U0001f600"},
		{"\xc20 \xc2", "\xef\xb7 \xf0\x9f"}, {"\u00b7 \uff0c", "\u2028 <&>"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		tk := &talk.Talk{
			ID: a, Title: a, Subtitle: b, Summary: b, Description: a, Tags: []string{a, b}, License: b,
			Speakers: []talk.Speaker{{Name: a, GivenName: b, Affiliation: b, ORCID: a}, {Name: b, Slug: a}},
			Event:    talk.Event{ID: b, Title: b, Place: talk.Place{Venue: a, City: b}},
			Videos:   []talk.Video{{Provider: talk.YouTube, URL: "https://www.youtube.com/watch?v=x", ID: a}},
			Slides:   []talk.Link{{URL: a, Label: b}},
		}
		for _, base := range []string{"", b} {
			graph, _, err := jsonld.Marshal(tk, jsonld.Options{BaseURL: base})
			if notUTF8 := tk.CheckUTF8(); notUTF8 != nil {
				if fmt.Sprint(err) != notUTF8.Error() || graph != nil {
					t.Fatalf("text not UTF-8: error %v, graph %q; want %v and nothing", err, graph, notUTF8)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got, want := graphMayHoldForbidden(graph), partMayHoldForbidden(graph); got != want {
				t.Errorf("graphMayHoldForbidden(%q) = %v, partMayHoldForbidden says %v", graph, got, want)
			}
		}
	})
}

// TestStylePlain: the inline style, like the markup of a written-out
// page, holds no forbidden code point and ends in none begun, so that
// WriteTalk need not look for them in it (see pageWriter).
func TestStylePlain(t *testing.T) {
	style, err := defaultStyle()
	if err != nil {
		t.Fatal(err)
	}
	if partMayHoldForbidden(style) {
		t.Error("the style may hold a forbidden code point")
	}
}

// FuzzHref holds href, which parses only what may be an absolute URL and
// escapes only a path that needs it, to its definition: parse every path,
// link to an absolute URL as it is, and escape every segment of a path.
func FuzzHref(f *testing.F) {
	for _, s := range []string{"", "/", "/europython-2016/yury-selivanov.html", "//example.org/x", "https://example.org/a b", "mailto:x@example.org", "a:b", "/a:b", "/%zz", "javascript:alert(1)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		for _, base := range []string{"https://talks.example.org/", ""} {
			want := ""
			if u, err := url.Parse(p); err == nil && (u.Scheme != "" || u.Host != "") {
				want = safeURL(p)
			} else if p != "" {
				segs := strings.Split(strings.TrimPrefix(p, "/"), "/")
				for i, s := range segs {
					segs[i] = url.PathEscape(s)
				}
				want = strings.TrimSuffix(base, "/") + "/" + strings.Join(segs, "/")
			}
			r := &Renderer{BaseURL: base}
			if got := r.href(p); got != want {
				t.Errorf("href(%q) below %q = %q, want %q", p, base, got, want)
			}
		}
	})
}

// FuzzSafeURL holds safeURL's shortcuts, for plain addresses and for
// strings without a scheme it takes, to parsing.
func FuzzSafeURL(f *testing.F) {
	for _, s := range []string{"", "https://www.youtube.com/watch?v=ZfgeENJxj3A", "http://a.b/c#d#e", "https://docs..org/", "https://.org/",
		"https://x.org./", "https://x.org../", "HTTPS://x.org/", "https://x.org/a|b", "https://x.org/[x]", "https://x.org:80/", "https://u@x.org/",
		"https://x.org?q=1#f?g/h", "https://x.org/'()*!", "https://x.org/%41", "mailto:a@b.org", " https://x.org/", "https://x.org/a b",
		"CC BY-SA 4.0", "MailTo:x", " \thttp:x", "#http:x", "x http://y.org/", "ht\ttp://x.org/", ":http", "https"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := safeURL(s), parsedSafeURL(s); got != want {
			t.Errorf("safeURL(%q) = %q, parsing gives %q", s, got, want)
		}
	})
}

// TestSafeURL: brackets outside an IPv6 host are percent-encoded, as the
// URL standard requires and url.URL.String does not; an IPv6 host keeps
// its own.
func TestSafeURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://x.org/a?q=[1]":    "https://x.org/a?q=%5B1%5D",
		"https://x.org/[x] y":      "https://x.org/%5Bx%5D%20y",
		"https://[::1]:8080/a":     "https://[::1]:8080/a",
		"mailto:a@example.org?[x]": "mailto:a@example.org?%5Bx%5D",
	} {
		if got := safeURL(in); got != want {
			t.Errorf("safeURL(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzShorten holds shorten, which stops collapsing white space once it
// has enough, and cuts a one-line summary where it is, to its definition:
// collapse all of it, then cut.
func FuzzShorten(f *testing.F) {
	f.Add("short")
	f.Add(strings.Repeat("word \t\n ", 60))
	f.Add(strings.Repeat("é", 150) + " x")
	f.Add(" One line, \u00e9t\u00e9 \u00c9t\u00e9 and " + strings.Repeat("more words ", 20) + " ")
	f.Add("a\u00a0b \u3000c  d\u2028e \x85 \xc2\x85 f ")
	f.Add("生じます。\n本発表では、 \r\n Django \n日本語\n한국어\n\n中文")
	f.Fuzz(func(t *testing.T, s string) {
		want := collapseLines(s)
		if len(want) > 200 {
			cut := strings.LastIndexByte(want[:200], ' ')
			if cut < 100 {
				cut = 200
			}
			for cut > 0 && !utf8Start(want[cut]) {
				cut--
			}
			want = want[:clusterStart(want, cut)] + "…"
		}
		if got := shorten(s); got != want {
			t.Errorf("shorten(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestShortenKeepsCharacters holds shorten's cut to the characters a
// reader sees: a cut within 200 bytes of text without a space took a
// letter from its combining accent (text in NFD), a consonant from its
// virama, a person from their emoji's joiner or skin tone, a regional
// indicator from its flag's other and a Hangul leading consonant from
// its vowel.
func TestShortenKeepsCharacters(t *testing.T) {
	a := strings.Repeat
	tests := []struct{ name, text, want string }{
		{"NFD accent", a("e\u0301", 100), a("e\u0301", 66) + "…"},
		{"emoji joined", a("a", 196) + "👩\u200d💻 tail", a("a", 196) + "…"},
		{"skin tone", a("a", 196) + "👋🏽 tail", a("a", 196) + "…"},
		{"flags", a("a", 193) + "🇫🇷🇩🇪", a("a", 193) + "…"},
		{"flags paired", a("a", 189) + "🇫🇷🇩🇪", a("a", 189) + "🇫🇷…"},
		{"virama before", a("a", 196) + "क्ष", a("a", 196) + "…"},
		{"virama after", a("a", 193) + "क्ष", a("a", 193) + "…"},
		{"Hangul jamo", a("a", 197) + "\u1100\u1161\u11a8", a("a", 197) + "…"},
		{"Hangul syllables", a("한", 70), a("한", 66) + "…"},
		{"one letter under marks", "a" + a("\u0301", 150), "a" + a("\u0301", 99) + "…"},
		{"at a word", a("é", 60) + " " + a("x\u0301", 80), a("é", 60) + "…"},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, shorten(tt.text)); diff != "" {
			t.Errorf("%s: shorten (-want +got):\n%s", tt.name, diff)
		}
	}
}

// TestDocumentTitle: a talk page's <title>, where no markup can isolate
// the talk's title from its event's, isolates them with Unicode's
// controls when either holds right-to-left letters or a control of
// direction, and leaves titles of neither as they are.
func TestDocumentTitle(t *testing.T) {
	tests := []struct{ heading, dir, event, want string }{
		{"Python 3.12?", "ltr", "PyCon US", "Python 3.12? · PyCon US"},
		{"مقدمة (الجزء 1)", "rtl", "PyCon", "\u2067مقدمة (الجزء 1)\u2069 · \u2068PyCon\u2069"},
		{"What's new?", "ltr", "PyCon مصر", "\u2066What's new?\u2069 · \u2068PyCon مصر\u2069"},
		{"מבוא (חלק 1)", "auto", "PyCon", "\u2068מבוא (חלק 1)\u2069 · \u2068PyCon\u2069"},
		{"\u202eevil", "ltr", "PyCon", "\u2066\u202eevil\u2069 · \u2068PyCon\u2069"},
		{"مقدمة", "rtl", "", "مقدمة"},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, documentTitle(tt.heading, tt.dir, tt.event)); diff != "" {
			t.Errorf("documentTitle(%q, %q, %q) (-want +got):\n%s", tt.heading, tt.dir, tt.event, diff)
		}
	}
}

// BenchmarkMayHoldForbidden scans the seed talk's page, which like most
// pages holds no forbidden code point, so the whole page is read: the
// case the eight-bytes-at-a-time skip is for.
func BenchmarkMayHoldForbidden(b *testing.B) {
	page, err := os.ReadFile("testdata/seed.html")
	if err != nil {
		b.Fatal(err)
	}
	if mayHoldForbidden(page) {
		b.Fatal("testdata/seed.html holds a forbidden code point")
	}
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		mayHoldForbidden(page)
	}
}

// BenchmarkPartMayHoldForbidden tests the seed talk's page as one part,
// which like most holds no forbidden code point, so the whole part is
// read: the case the skip of printable bytes is for.
func BenchmarkPartMayHoldForbidden(b *testing.B) {
	page, err := os.ReadFile("testdata/seed.html")
	if err != nil {
		b.Fatal(err)
	}
	if partMayHoldForbidden(page) {
		b.Fatal("testdata/seed.html may hold a forbidden code point")
	}
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		partMayHoldForbidden(page)
	}
}

// TestMarkdownInBounds holds the bounds on the Markdown goldmark renders:
// the nesting a line opens, a paragraph's length and the whole length.
func TestMarkdownInBounds(t *testing.T) {
	tests := []struct {
		line string
		want int
	}{
		{"plain text\n", 0},
		{"> quoted\n", 1},
		{">>> three\n", 3},
		{"   > > >   x\n", 3},
		{"    > code, not a quote\n", 0},
		{"- item\n", 1},
		{"- > - 1. 2) item\n", 5},
		{"+ * x\n", 2},
		{"-x is text\n", 0},
		{"1.5 is a number\n", 0},
		{"1234567890. too long a number\n", 0},
		{"---\n", 0},
		{"-\n", 0},
		{"- \n", 1},
		{">", 1},
	}
	for _, tt := range tests {
		if got := containersOpened(tt.line); got != tt.want {
			t.Errorf("containersOpened(%q) = %d, want %d", tt.line, got, tt.want)
		}
	}
	para := strings.Repeat("word ", maxMarkdownParagraph/5) + "\n"
	for _, tt := range []struct {
		name string
		src  string
		want bool
	}{
		{"ordinary", "# Title\n\nSome *text* with a [link](https://example.org/).\n\n> a quote\n", true},
		{"nesting at the bound", strings.Repeat(">", maxMarkdownNesting) + " x\n", true},
		{"nesting beyond", strings.Repeat(">", maxMarkdownNesting+1) + " x\n", false},
		{"list nesting beyond", strings.Repeat("- ", maxMarkdownNesting+1) + "x\n", false},
		{"paragraphs at the bound", para + "\n" + para + " \t\n" + para, true},
		{"paragraph beyond", para + "one more line\n", false},
		{"description beyond", strings.Repeat("a\n\n", maxMarkdownBytes/3+1), false},
	} {
		if got := markdownInBounds(tt.src); got != tt.want {
			t.Errorf("%s: markdownInBounds = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestDirAttr: the languages written right to left by default or in a
// right-to-left script, "ltr" for others, "auto" when the language is unknown.
func TestDirAttr(t *testing.T) {
	for lang, want := range map[string]string{
		"ar": "rtl", "he": "rtl", "fa": "rtl", "ur": "rtl", "yi": "rtl", "ps": "rtl", "ug": "rtl", "dv": "rtl",
		"ckb": "rtl", "ar-EG": "rtl", "az-Arab": "rtl", "pa-Arab": "rtl", "ku": "ltr", "pa": "ltr", "az": "ltr",
		"en": "ltr", "es-419": "ltr", "zh-Hant": "ltr", "sr-Latn": "ltr", "": "auto",
	} {
		if got := dirAttr(lang, ""); got != want {
			t.Errorf("dirAttr(%q) = %q, want %q", lang, got, want)
		}
	}
}

// TestDirAttrTitle: a title whose first letter is written the other way
// than its language leaves the direction to the browser ("auto"); one
// that agrees, or has no letter, takes the language's.
func TestDirAttrTitle(t *testing.T) {
	for _, tt := range []struct{ lang, title, want string }{
		{"en", "מבוא לפייתון (חלק 1)", "auto"},
		{"en", "  «مقدمة» Python", "auto"},
		{"en", "2024: Python, then עברית", "ltr"},
		{"en", "はじめてのPython", "ltr"},
		{"en", "123 — !", "ltr"},
		{"ar", "مقدمة إلى بايثون", "rtl"},
		{"ar", "Python 3.12!", "auto"},
		{"ar", "Python للمبتدئين", "rtl"},
		{"he", "Django בייצור (חלק 1)", "rtl"},
		{"fa", "«Go» و همروندی", "rtl"},
		{"he", "Ελληνικά", "auto"},
		{"", "מבוא", "auto"},
		{"en", "\xff\xfeé", "ltr"},
	} {
		if got := dirAttr(tt.lang, tt.title); got != tt.want {
			t.Errorf("dirAttr(%q, %q) = %q, want %q", tt.lang, tt.title, got, tt.want)
		}
	}
}

// TestPlainDescriptions: the graph's description of a talk in markup is
// the text its page shows, its blocks as paragraphs (headings, list
// items), code with its lines and indentation, inline markup and
// references gone; plain text is as written; the page's own talk's
// rendering is used as given, and its meta description is cut from the
// same text, unless the talk has a summary, which both are then.
func TestPlainDescriptions(t *testing.T) {
	rstTalk := &talk.Talk{Markup: talk.ReStructuredText, Description: "Why\n===\n\n*Fast*  code,\nsee `docs <https://e.org>`_ &amp; more.\n\n- one\n- two\n\n::\n\n    def f():\n\n        return 1\n\nafter\n\n::\n\n   \n"}
	mdTalk := &talk.Talk{Markup: talk.Markdown, Description: "# Why\n\n**Bold** and [a link](https://e.org) <b>raw</b>\n\n1. first\n2. second\n\n```\n\n  x = 1\n\ty = 2\n```\n"}
	plainTalk := &talk.Talk{Description: "*Not* markup,\n\nas written."}
	pageTalk := &talk.Talk{Markup: talk.ReStructuredText, Description: "ignored"}
	summarized := &talk.Talk{Markup: talk.ReStructuredText, Description: "ignored", Summary: "The summary."}
	type described struct{ Meta, Page, Others []string }
	describe := func(pageTalk *talk.Talk, rendered string) described {
		p := &page{ldOptions: jsonld.Options{PlainDescription: plainDescription}}
		p.Head.Description = summary(pageTalk, true)
		describeMarkup(p, pageTalk, rendered)
		plain := p.ldOptions.PlainDescription
		return described{
			Meta:   []string{p.Head.Description},
			Page:   []string{plain(pageTalk)},
			Others: []string{plain(rstTalk), plain(mdTalk), plain(plainTalk)},
		}
	}
	others := []string{
		"Why\n\nFast code, see docs &amp; more.\n\none\n\ntwo\n\ndef f():\n\n    return 1\n\nafter",
		"Why\n\nBold and a link raw\n\nfirst\n\nsecond\n\n  x = 1\n\ty = 2",
		"*Not* markup,\n\nas written.",
	}
	got := []described{
		describe(pageTalk, "<p>Rendered <em>already</em></p>\n<pre>\n\n  code  here\n</pre><p>&lt;end&gt;</p>"),
		describe(summarized, "<p>Rendered</p>"),
	}
	want := []described{
		{Meta: []string{"Rendered already code here <end>"}, Page: []string{"Rendered already\n\n  code  here\n\n<end>"}, Others: others},
		{Meta: []string{"The summary."}, Page: []string{"ignored"}, Others: others},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("plain descriptions (-want +got):\n%s", diff)
	}
}

// FuzzVisibleText holds visibleText, on what the markup renderers make
// of any text, to the text an HTML tokenizer reads in it: the same words,
// blocks apart, and each preformatted block's lines as they are.
func FuzzVisibleText(f *testing.F) {
	f.Add("Why\n===\n\n*Fast* code &amp; `docs <https://e.org>`_\n\n- one\n- two\n\n::\n\n    def f():\n\n        return 1\n")
	f.Add("# Why\n\n**Bold** [a](https://e.org) <b>raw</b> &copy; &#x1F600;\n\n```\n\n  x = 1\n\ty = 2\n```\n")
	f.Add("a\u00a0b \u3000c\u2028d\n\n.. code::\n\n   <x> & \"y\"\n")
	f.Fuzz(func(t *testing.T, src string) {
		for _, m := range []talk.Markup{talk.ReStructuredText, talk.Markdown} {
			if !isMarkup(src, m) {
				continue
			}
			var rendered bytes.Buffer
			if err := writeMarkup(&rendered, src, m, descriptionLevel); err != nil {
				t.Fatal(err)
			}
			got := visibleText(rendered.String())
			// Only a first line of code may start with spaces: its indentation.
			if got != strings.TrimRightFunc(got, unicode.IsSpace) || strings.HasPrefix(got, "\n") {
				t.Errorf("%s %q: visibleText = %q, with space after its last block or before its first", m, rendered.String(), got)
			}
			if want := tokenizedWords(rendered.String()); !slices.Equal(strings.Fields(got), want) {
				t.Errorf("%s %q: visibleText = %q, whose words are not the tokenizer's %q", m, rendered.String(), got, want)
			}
			if want := tokenizedPre(rendered.String()); !slices.Equal(want, preBlocksIn(got, want)) {
				t.Errorf("%s %q: visibleText = %q, without the preformatted blocks %q", m, rendered.String(), got, want)
			}
		}
	})
}

// tokenizedWords are the words of h's text as x/net/html reads it.
func tokenizedWords(h string) []string {
	var blocks []string
	var text strings.Builder
	z := xhtml.NewTokenizer(strings.NewReader(h))
	for tt := z.Next(); tt != xhtml.ErrorToken; tt = z.Next() {
		switch tok := z.Token(); tt {
		case xhtml.TextToken:
			text.WriteString(tok.Data)
		case xhtml.StartTagToken, xhtml.EndTagToken, xhtml.SelfClosingTagToken:
			if !inlineElement(tok.Data) {
				blocks = append(blocks, text.String())
				text.Reset()
			}
		}
	}
	var words []string
	for _, block := range append(blocks, text.String()) {
		words = append(words, strings.Fields(collapseLines(block))...)
	}
	return words
}

// collapseLines is the collapsing of white space of shorten and
// visibleText, written plainly: the words of s joined by a space, or by
// nothing where white space with a line break in it comes between two
// Chinese or Japanese characters, as CSS lays a line break out.
func collapseLines(s string) string {
	var out []byte
	gap, line := false, false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			gap, line = true, line || r == '\n' || r == '\r'
			i += size
			continue
		}
		if gap && len(out) > 0 {
			last, _ := utf8.DecodeLastRune(out)
			if !line || !wideNotHangul(last) || !wideNotHangul(r) {
				out = append(out, ' ')
			}
		}
		gap, line = false, false
		out = append(out, s[i:i+size]...)
		i += size
	}
	return string(out)
}

// tokenizedPre are h's preformatted blocks' texts as x/net/html reads
// them, cut as visibleText cuts them: blank lines before the first and
// spaces after the last gone, blocks of spaces left out.
func tokenizedPre(h string) []string {
	var blocks []string
	var pre *strings.Builder
	z := xhtml.NewTokenizer(strings.NewReader(h))
	for tt := z.Next(); tt != xhtml.ErrorToken; tt = z.Next() {
		tok := z.Token()
		switch {
		case tt == xhtml.StartTagToken && tok.Data == "pre":
			pre = new(strings.Builder)
		case tt == xhtml.EndTagToken && tok.Data == "pre" && pre != nil:
			block := strings.TrimRightFunc(pre.String(), unicode.IsSpace)
			for {
				line, rest, ok := strings.Cut(block, "\n")
				if !ok || strings.TrimSpace(line) != "" {
					break
				}
				block = rest
			}
			if block != "" {
				blocks = append(blocks, block)
			}
			pre = nil
		case tt == xhtml.TextToken && pre != nil:
			pre.WriteString(tok.Data)
		}
	}
	return blocks
}

// preBlocksIn returns the blocks of want that text holds as paragraphs of
// their own, in order.
func preBlocksIn(text string, want []string) []string {
	var found []string
	for _, block := range want {
		at := -1
		for from := 0; from <= len(text); from++ {
			i := strings.Index(text[from:], block)
			if i < 0 {
				break
			}
			i += from
			if (i == 0 || strings.HasSuffix(text[:i], "\n\n")) &&
				(i+len(block) == len(text) || strings.HasPrefix(text[i+len(block):], "\n\n")) {
				at = i
				break
			}
			from = i
		}
		if at < 0 {
			break
		}
		found = append(found, block)
		text = text[at+len(block):]
	}
	return found
}

// BenchmarkVisibleText is what a page's JSON-LD pays for its description
// as plain text, on HTML of the rst renderer's kind.
func BenchmarkVisibleText(b *testing.B) {
	h := []byte(strings.Repeat("<p>Some words of a description, with <em>emphasis</em> and a <a href=\"https://e.org\">link</a> &amp; more text here.</p>\n", 12))
	b.SetBytes(int64(len(h)))
	b.ReportAllocs()
	for b.Loop() {
		visibleText(h)
	}
}

// TestHumanDuration: durations to the minute, and under a minute to the
// second rather than "1 min".
func TestHumanDuration(t *testing.T) {
	for d, want := range map[time.Duration]string{
		time.Nanosecond: "1 s", 20 * time.Second: "20 s", 59*time.Second + 400*time.Millisecond: "59 s",
		59*time.Second + 600*time.Millisecond: "1 min", 90 * time.Second: "2 min", 25 * time.Minute: "25 min",
		62*time.Minute + 10*time.Second: "1 h 02 min", 10 * time.Hour: "10 h 00 min",
	} {
		if got := humanDuration(talk.Duration(d)); got != want {
			t.Errorf("humanDuration(%v) = %q, want %q", d, got, want)
		}
	}
}

// TestOGLocale holds a talk's og:locale: its language and territory, or
// the likeliest territory of a language that names none, and none for
// Open Graph's default, en_US, and where no country can be named.
func TestOGLocale(t *testing.T) {
	got := map[string]string{}
	for _, lang := range []string{"", "en", "en-US", "en-GB", "ja", "pt", "pt-PT", "zh-Hant", "de-CH", "und", "x-private", "eo", "es-419", "tlh", "not a tag"} {
		got[lang] = ogLocale(lang)
	}
	want := map[string]string{
		"": "", "en": "", "en-US": "", "en-GB": "en_GB", "ja": "ja_JP", "pt": "pt_BR", "pt-PT": "pt_PT",
		"zh-Hant": "zh_TW", "de-CH": "de_CH", "und": "", "x-private": "", "eo": "", "es-419": "", "tlh": "", "not a tag": "",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ogLocale (-want +got):\n%s", diff)
	}
}

// TestTagDir: a tag in its list, whose direction is its talk's
// language's, takes the list's where it lays out so, and is "auto" where
// it is written the other way or the language is not known.
func TestTagDir(t *testing.T) {
	for _, tt := range []struct{ lang, tag, want string }{
		{"ar", "Python للمبتدئين", ""},
		{"ar", "C++", "auto"},
		{"ar", "بايثون", ""},
		{"ar", "3.5", ""},
		{"en", "python", ""},
		{"en", "פייתון", "auto"},
		{"", "python", "auto"},
		{"", "3.5", "auto"},
	} {
		if got := tagDir(langDir(tt.lang), tt.tag); got != tt.want {
			t.Errorf("tagDir(langDir(%q), %q) = %q, want %q", tt.lang, tt.tag, got, tt.want)
		}
	}
}
