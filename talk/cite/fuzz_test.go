package cite

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/gosimple/slug"
	"golang.org/x/text/unicode/norm"

	"github.com/talkmeta/talkmeta/talk"
)

// fuzzTalk makes a talk of fuzzed strings.
func fuzzTalk(title, subtitle, name, abstract, tag, url string) *talk.Talk {
	return &talk.Talk{
		Title: title, Subtitle: subtitle, Summary: abstract,
		Speakers: []talk.Speaker{{Name: name}, {Name: "Guido van Rossum"}},
		Event:    talk.Event{Title: subtitle, Place: talk.Place{City: name}},
		Recorded: talk.MustParseDate("2016-08-04"),
		Tags:     []string{tag},
		Videos:   []talk.Video{{URL: url}},
	}
}

func addFuzzSeeds(f *testing.F) {
	h := hostileTalk()
	f.Add(h.Title, h.Subtitle, h.Speakers[1].Name, h.Summary, h.Tags[0], h.Videos[0].URL)
	f.Add("async/await in Python 3.5 and why it is awesome", "", "Yury Selivanov", "", "", "https://www.youtube.com/watch?v=m28fiN9y_r8")
	f.Add("{\\", "}}{{", "Tom & Jerry", "--- ``x'' <>", "a, b", "http://x/{%}\\")
	f.Add("ı́ Ǆ ǅ e\u0301\u0302 =\u0338", "\x00\r\n\u2028", "三津田 哲雄", "ER  - \r\nTY  - JOUR", "\t", " ")
}

// FuzzBibTeX checks that any talk makes one well-formed entry in each
// BibTeX dialect, with balanced braces, whose every field the test reader
// decodes back to the model's value.
func FuzzBibTeX(f *testing.F) {
	addFuzzSeeds(f)
	f.Fuzz(func(t *testing.T, title, subtitle, name, abstract, tag, url string) {
		tk := fuzzTalk(title, subtitle, name, abstract, tag, url)
		if refusedNotUTF8(t, tk, func(b *bytes.Buffer) error { return WriteAll(b, BibTeX, []*talk.Talk{tk, tk}, Options{}) }) {
			return
		}
		for _, c := range []struct {
			format Format
			opt    Options
		}{{BibTeX, Options{}}, {BibTeX, Options{ASCII: true}}, {BibLaTeX, Options{}}, {BibLaTeX, Options{ASCII: true}}} {
			var b bytes.Buffer
			if err := WriteAll(&b, c.format, []*talk.Talk{tk, tk}, c.opt); err != nil {
				t.Fatal(err)
			}
			entries, err := readBib(b.String())
			if err != nil {
				t.Fatalf("%v: %v\n%s", c, err, b.String())
			}
			if len(entries) != 2 || entries[0].Key == entries[1].Key {
				t.Fatalf("%v: %d entries, keys %v, want 2 with distinct keys", c, len(entries), entries)
			}
			if diff := cmp.Diff(bibWant(tk, c.format, c.opt), bibGot(t, entries[0])); diff != "" {
				t.Errorf("%v (-want +got):\n%s\n%s", c, diff, b.String())
			}
		}
	})
}

// FuzzRIS checks that any talk makes one well-formed RIS record.
func FuzzRIS(f *testing.F) {
	addFuzzSeeds(f)
	f.Fuzz(func(t *testing.T, title, subtitle, name, abstract, tag, url string) {
		tk := fuzzTalk(title, subtitle, name, abstract, tag, url)
		if refusedNotUTF8(t, tk, func(b *bytes.Buffer) error { return WriteRIS(b, tk) }) {
			return
		}
		var b bytes.Buffer
		if err := WriteRIS(&b, tk); err != nil {
			t.Fatal(err)
		}
		if p := checkRIS(b.String()); len(p) > 0 {
			t.Errorf("%q", p)
		}
		if n := bytes.Count(b.Bytes(), []byte("\r\nER  - \r\n")); n != 1 {
			t.Errorf("%d ER lines, want 1", n)
		}
	})
}

// FuzzCSLItem checks that CSLItem gives the item the CSL engine reads
// from the CSL-JSON written for any talk.
func FuzzCSLItem(f *testing.F) {
	addFuzzSeeds(f)
	f.Fuzz(func(t *testing.T, title, subtitle, name, abstract, tag, url string) {
		tk := fuzzTalk(title, subtitle, name, abstract, tag, url)
		if diff := sameAsWritten(t, tk, Options{EventDate: true}); diff != "" {
			t.Errorf("(-written +CSLItem):\n%s", diff)
		}
	})
}

// cleanByDefinition is clean as its doc comment defines it, step by step;
// clean does it in one pass.
func cleanByDefinition(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r):
			return ' '
		case unicode.IsControl(r), r == utf8.RuneError, r == '\u2028', r == '\u2029':
			return -1
		}
		return r
	}, s)
	return balanceBidi(strings.Join(strings.Fields(norm.NFC.String(s)), " "))
}

// FuzzClean holds clean to its definition.
func FuzzClean(f *testing.F) {
	for _, s := range []string{"", " ", "Yury Selivanov", "  a\t\tb \n", "e\u0301 \u0301x", "a\x01\u0301", " \u2000\u2028é\r\n", "\xff\xfeb", "C++ & C#", "\u202eé\u2067x\u202b", "\u202cé\u2069"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := clean(s), cleanByDefinition(s); got != want {
			t.Errorf("clean(%q) = %q, want %q", s, got, want)
		}
	})
}

// FuzzFold holds appendFold's shortcut for ASCII words to what
// gosimple/slug, which it otherwise uses, makes of them.
func FuzzFold(f *testing.F) {
	for _, s := range []string{"", "Selivanov", "async", "PEP492", "vanRossum", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "C++", "Жуков", "async/await", "R&D", "x@y.org", "it's", "&&&&&&&&&&&&&&&&&&&a", "@@@@@@@@@@@@@@@@@@@@@", " a\x01b\x7f"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var b strings.Builder
		for _, r := range slug.MakeLang(s, "en") {
			if b.Len() < 20 && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
				b.WriteRune(r)
			}
		}
		if got, want := string(appendFold(nil, s, 20)), b.String(); got != want {
			t.Errorf("appendFold(%q) = %q, slug gives %q", s, got, want)
		}
	})
}

// FuzzTexText holds texWriter.text, which emits runs of plain text at
// once, to the same text written a character at a time, each through
// emit, in both modes and with the text's braces balanced or not;
// texString, which returns a string of one plain run as it is, to the
// same; and bracesBalance, which skips eight bytes without a brace at
// once, to a count of braces.
func FuzzTexText(f *testing.F) {
	for _, s := range []string{"", "async/await", "a--b", "``x''", ",,", "!`", "?``", "{}", "{{{{{{{{x}}}}}}}}", "abcdefgh}{abcdefgh", "C++ & C# 100%", "Jos\u00e9 e\u0301", "三津田 -", "-", "'-'"} {
		f.Add("", s)
		f.Add("-", s)
	}
	f.Add("", "Caf\u00e9 -- \u201cquoted\u201d {x} 100%")
	f.Fuzz(func(t *testing.T, before, s string) {
		depth := 0
		for i := 0; i < len(s) && depth >= 0; i++ {
			switch s[i] {
			case '{':
				depth++
			case '}':
				depth--
			}
		}
		if got, want := bracesBalance(s), depth == 0; got != want {
			t.Errorf("bracesBalance(%q) = %v, want %v", s, got, want)
		}
		for _, ascii := range []bool{false, true} {
			for _, unbalanced := range []bool{false, true} {
				got := &texWriter{ascii: ascii, unbalanced: unbalanced}
				want := &texWriter{ascii: ascii, unbalanced: unbalanced}
				got.b.WriteString(before)
				want.b.WriteString(before)
				got.text(s)
				textByCharacter(want, s)
				if got.b.String() != want.b.String() {
					t.Errorf("ascii %v, unbalanced %v: text(%q) after %q = %q, want %q", ascii, unbalanced, s, before, got.b.String(), want.b.String())
				}
				if before != "" || unbalanced != !bracesBalance(s) || clean(s) != s {
					continue // texString takes clean text, and starts a field
				}
				if got := texString(s, ascii); got != want.b.String() {
					t.Errorf("ascii %v: texString(%q) = %q, want %q", ascii, s, got, want.b.String())
				}
			}
		}
	})
}

// textByCharacter is texWriter.text without its runs: every character
// escaped and emitted on its own.
func textByCharacter(w *texWriter, s string) {
	for i := 0; i < len(s); {
		i = w.character(s, i)
	}
}

// FuzzDropNicknames holds dropNicknames's shortcut to the word-by-word
// way, on the cleaned names ParseNames gives it.
func FuzzDropNicknames(f *testing.F) {
	for _, s := range []string{"Yury Selivanov", `Alex "Al" Gaynor`, "Łukasz (Lucas) Langa", "A [b] c", "x) y", "«Nick» Name", "\u00a0a\u2003b "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = clean(s)
		if got, want := dropNicknames(s), dropNicknamesByWords(s); got != want {
			t.Errorf("dropNicknames(%q) = %q, want %q", s, got, want)
		}
	})
}

// BenchmarkClean cleans the descriptions of the repository's real
// records, the longest text the citation formats clean; bytes are theirs.
func BenchmarkClean(b *testing.B) {
	var texts []string
	var size int64
	for _, tk := range archiveTalks(b) {
		texts = append(texts, tk.Description)
		size += int64(len(tk.Description))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range texts {
			clean(s)
		}
	}
}

// BenchmarkTexText writes the descriptions of the repository's real
// records as BibTeX text; bytes are theirs.
func BenchmarkTexText(b *testing.B) {
	var texts []string
	var size int64
	for _, tk := range archiveTalks(b) {
		texts = append(texts, clean(tk.Description))
		size += int64(len(tk.Description))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range texts {
			w := &texWriter{}
			w.text(s)
		}
	}
}

// FuzzTexURL holds texURL's shortcut for URLs it leaves as they are to
// the character-by-character way.
func FuzzTexURL(f *testing.F) {
	for _, s := range []string{"", "https://www.youtube.com/watch?v=m28fiN9y_r8", "http://x/{a}", `a\b`, "a b", "a\x7fb", "http://ü.example/é", "\xff", "~%#"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, u string) {
		if got, want := texURL(u), texURLByRune(u); got != want {
			t.Errorf("texURL(%q) = %q, want %q", u, got, want)
		}
	})
}

// FuzzNameWords holds the word tests of name parsing, which look words up
// without making lower-case copies, to the plain way of writing them.
func FuzzNameWords(f *testing.F) {
	for _, s := range []string{"", "Van", "VAN", "Del", "Ó", "Jr.", "JR", "PhD", "Dr.", "Speakers", "TALKS", "\u212aalks", "Ärzte", "Yury Selivanov et al.", "X ET AL", "İ et al", "a, et al"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, w string) {
		for name, m := range map[string]map[string]bool{"nonPersonWords": nonPersonWords, "foldedDegrees": foldedDegrees, "suffixes": suffixes, "honorifics": honorifics, "particles": particles} {
			if got, want := inFolded(m, w), m[strings.ToLower(w)]; got != want {
				t.Errorf("inFolded(%s, %q) = %v, want %v", name, w, got, want)
			}
		}
		r, size := utf8.DecodeRuneInString(w)
		want := unicode.IsUpper(r) && particles[strings.ToLower(w[:size])+w[size:]]
		switch w {
		case "Ó", "Ní", "Nic", "Uí", "St.":
			want = true
		case "Al", "El", "Bin", "V.", "Do", "Lo", "Te", "Les", "Den":
			want = false
		}
		if got := isUpperParticle(w); got != want {
			t.Errorf("isUpperParticle(%q) = %v, want %v", w, got, want)
		}
		want2 := w
		lower := strings.ToLower(w)
		for _, suffix := range []string{", et al.", ", et al", " et al.", " et al"} {
			if strings.HasSuffix(lower, suffix) {
				want2 = strings.TrimSpace(w[:len(w)-len(suffix)])
				break
			}
		}
		if got := trimEtAl(w); got != want2 {
			t.Errorf("trimEtAl(%q) = %q, want %q", w, got, want2)
		}
	})
}

// FuzzCSLJSONItem holds appendCSLItem to its definition: the item as
// encoding/json's Encoder writes it with SetIndent(indent, "  ") and
// SetEscapeHTML(false), without the final newline. Any strings go in
// any variable; the fuzzer picks which are empty (omitted), how many
// authors there are, whose every part may be empty, and the dates.
func FuzzCSLJSONItem(f *testing.F) {
	f.Add("yury-selivanov-2016", "async/await in Python 3.5 and why it is awesome", "Selivanov", "Yury", "EuroPython 2016", "https://youtu.be/m28fiN9y_r8", uint16(0xffff), uint8(1), int16(2016), uint8(7), uint8(20), "  ")
	f.Add("", "", "", "", "", "", uint16(0), uint8(0), int16(0), uint8(0), uint8(0), "")
	f.Add(`a"b\c`, "<&> \u2028 \x7f \x00 \xff", "van", "", "\t\n", "é", uint16(0x5555), uint8(3), int16(-44), uint8(13), uint8(0), "\t")
	f.Fuzz(func(t *testing.T, id, title, family, given, event, url string, present uint16, authors uint8, year int16, month, day uint8, indent string) {
		it := cslItem{ID: id, Type: "speech"}
		texts := []*string{&it.CitationKey, &it.Title, &it.EventTitle, &it.Event, &it.EventPlace, &it.Genre,
			&it.Dimensions, &it.URL, &it.Language, &it.Abstract, &it.Keyword}
		values := []string{id, title, event, event, given, family, title, url, given, title, url}
		for i, p := range texts {
			if present&(1<<i) != 0 {
				*p = values[i]
			}
		}
		for i := range int(authors % 4) {
			n := cslName{Family: family, Given: given}
			if i == 1 {
				n = cslName{Literal: title, DroppingParticle: given, NonDroppingParticle: family, Suffix: event}
			}
			if i == 2 {
				n = cslName{} // encoding/json writes it as {}
			}
			it.Author = append(it.Author, n)
		}
		if present&(1<<12) != 0 {
			parts := []int{int(year)}
			if month > 0 {
				parts = append(parts, int(month))
			}
			if day > 0 {
				parts = append(parts, int(day))
			}
			it.Issued = &cslDate{DateParts: [][]int{parts}}
			if present&(1<<13) != 0 {
				it.EventDate = it.Issued
			}
		}
		if strings.Trim(indent, " \t") != "" {
			indent = "  " // Encoder.SetIndent takes only white space
		}
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		enc.SetIndent(indent, "  ")
		if err := enc.Encode(it); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(indent+strings.TrimSuffix(want.String(), "\n"), string(appendCSLItem(nil, &it, indent))); diff != "" {
			t.Errorf("(-encoding/json +appendCSLItem):\n%s", diff)
		}
	})
}

// refusedNotUTF8 reports whether tk holds text that is not UTF-8, after
// checking that write refuses it with tk.CheckUTF8's error and writes
// nothing, as every writer does.
func refusedNotUTF8(t *testing.T, tk *talk.Talk, write func(*bytes.Buffer) error) bool {
	t.Helper()
	notUTF8 := tk.CheckUTF8()
	if notUTF8 == nil {
		return false
	}
	var b bytes.Buffer
	if err := write(&b); fmt.Sprint(err) != notUTF8.Error() || b.Len() != 0 {
		t.Fatalf("text not UTF-8: error %v, wrote %q; want %v and nothing", err, b.String(), notUTF8)
	}
	return true
}
