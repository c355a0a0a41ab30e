package cite

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/unicode/norm"

	"github.com/talkmeta/talkmeta/internal/golden"
	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

// archive is the repository's copy of real pyvideo records.
const archive = "../../testdata/pyvideo"

// archiveTalks reads the repository's real records, in archive order.
func archiveTalks(t testing.TB) []*talk.Talk {
	t.Helper()
	var out []*talk.Talk
	for tk, err := range pyvideo.Talks(os.DirFS(archive)) {
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, tk)
	}
	if len(out) == 0 {
		t.Fatal("no talks in " + archive)
	}
	return out
}

// hostileTalk has every character and name the writers must escape or
// split with care.
func hostileTalk() *talk.Talk {
	return &talk.Talk{
		ID:       "hostile",
		Title:    `50% of C++ & C# devs use {braces}, ~tilde~, ^caret^, $money$, #hash, under_score, back\slash -- and "quotes" <b>`,
		Subtitle: "Müller's Straße: naïve café — “smart” ‘quotes’… Łódź, Ørsted, ı, 東京, –- -–",
		Kind:     "keynote",
		Speakers: []talk.Speaker{
			{Name: "Guido van Rossum"},
			{Name: "Richard D. Copeland, Jr."},
			{Name: "O'Brien, Jr."}, // a suffix without a given name
			{Name: "Various speakers"},
			{Name: "Jörg Müller"},
			{Name: "三津田 哲雄"},
			{Name: "Tom & Jerry"},
			{Name: "Ludwig", GivenName: "Ludwig van", FamilyName: "Beethoven"},
			{Name: "Tom Dupré", GivenName: "Tom", FamilyName: "Dupré la Tour"},
		},
		Event: talk.Event{
			ID: "pycon-us-2024", Title: "PyCon US 2024",
			Start: talk.MustParseDate("2024-05-15"), End: talk.MustParseDate("2024-05-23"),
			Place: talk.Place{Venue: "David L. Lawrence Convention Center", City: "Pittsburgh", Region: "PA", Country: "United States"},
		},
		Recorded: talk.MustParseDate("2024-05-17T10:30:00-04:00"),
		Duration: talk.Duration(25*time.Minute + 8*time.Second),
		Language: "de",
		Summary:  "Line one.\n\nLine two with \\LaTeX{} and 100% & more\r\nER  - not an end\x01 } unbalanced {",
		Tags:     []string{"c++", "data science", "python", "python", ""},
		Videos:   []talk.Video{{URL: "https://example.org/watch?v=a b&x=%20#frag{1}"}},
	}
}

// scheduleTalks are talks as schedules and hand-written records give
// them, unlike pyvideo's: date-times with offsets at events with a time
// zone, a recording within a longer stream, slides and several videos, a
// speaker known only by a handle, a lightning-talk block whose speakers
// are its parts'.
func scheduleTalks() []*talk.Talk {
	tokyo := talk.Event{
		ID: "pycon-jp-2024", Title: "PyCon JP 2024", TimeZone: "Asia/Tokyo",
		Start: talk.MustParseDate("2024-06-01T09:00:00+09:00"), End: talk.MustParseDate("2024-06-02T18:00:00+09:00"),
		Place: talk.Place{City: "Tokyo", Country: "Japan"},
	}
	nye := talk.Event{
		ID: "nye-2024", Title: "New Year's Eve Meetup", TimeZone: "America/New_York",
		Start: talk.MustParseDate("2024-12-31T23:00:00Z"), End: talk.MustParseDate("2025-01-01T04:00:00Z"),
	}
	return []*talk.Talk{
		{
			ID: "late", Title: "Late at night", Event: tokyo,
			// 07:30 on 2 June in Tokyo, where the event's audience met it.
			Recorded: talk.MustParseDate("2024-06-01T22:30:00Z"),
			Speakers: []talk.Speaker{
				{Name: "Ada Lovelace"},
				{Accounts: []talk.Account{{Service: "github", Handle: "ghopper"}}},
			},
			Videos: []talk.Video{
				{URL: "https://www.youtube.com/watch?v=stream1&t=5400s"},
				{URL: "https://example.org/late.mp4"},
			},
			Slides: []talk.Link{{URL: "https://example.org/late.pdf"}},
		},
		{
			ID: "lightning", Title: "Lightning talks", Kind: "lightning_talk", Event: nye,
			// 18:30 on 31 December in New York.
			Recorded: talk.MustParseDate("2025-01-01T00:30:00+01:00"),
			Parts: []talk.Talk{
				{Title: "One", Speakers: []talk.Speaker{{Accounts: []talk.Account{{Service: "mastodon", Handle: "@ada@example.social"}}}}},
				{Title: "Two", Speakers: []talk.Speaker{{Name: "O'Brien, Jr."}, {Name: "Ada Lovelace"}}},
				{Title: "Three", Speakers: []talk.Speaker{{Name: "Ada Lovelace"}}},
			},
			Slides: []talk.Link{{URL: "https://example.org/lightning.pdf"}},
		},
	}
}

// goldenFile compares got with testdata/name, or rewrites it with -update.
func goldenFile(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", name), got)
}

// goldenCases are the inputs of the golden tests: the real records and
// the hostile talk, in every format.
func goldenCases(t *testing.T) []struct {
	name  string
	talks []*talk.Talk
} {
	return []struct {
		name  string
		talks []*talk.Talk
	}{
		{"pyvideo", archiveTalks(t)},
		{"hostile", []*talk.Talk{hostileTalk()}},
		{"schedule", scheduleTalks()},
	}
}

var goldenFormats = []struct {
	suffix string
	format Format
	opt    Options
}{
	{".bib", BibTeX, Options{}},
	{"-ascii.bib", BibTeX, Options{ASCII: true}},
	{"-biblatex.bib", BibLaTeX, Options{}},
	{".ris", RIS, Options{}},
	{".json", CSLJSON, Options{}},
	{"-eventdate.json", CSLJSON, Options{EventDate: true}},
}

func TestGolden(t *testing.T) {
	for _, c := range goldenCases(t) {
		for _, f := range goldenFormats {
			t.Run(c.name+f.suffix, func(t *testing.T) {
				var b bytes.Buffer
				if err := WriteAll(&b, f.format, c.talks, f.opt); err != nil {
					t.Fatal(err)
				}
				goldenFile(t, c.name+f.suffix, b.Bytes())
			})
		}
	}
}

// TestEmptyTalk runs the zero Talk through every writer: each writes a
// valid, nearly empty record.
func TestEmptyTalk(t *testing.T) {
	var b bytes.Buffer
	for _, f := range goldenFormats {
		b.WriteString("== " + f.format.String() + f.suffix + "\n")
		if err := WriteAll(&b, f.format, []*talk.Talk{{}}, f.opt); err != nil {
			t.Fatal(err)
		}
	}
	goldenFile(t, "empty.txt", b.Bytes())
}

// bibWant is what a BibTeX or BibLaTeX entry must mean, field by field,
// after its LaTeX is decoded: the model's values as the writers promise
// to carry them.
func bibWant(tk *talk.Talk, f Format, opt Options) map[string]string {
	m := map[string]string{}
	set := func(k, v string) {
		if v != "" {
			m[k] = v
		}
	}
	var names []string
	for _, n := range Names(tk) {
		// BibTeX's order is "von Last, Jr, First"; without a First,
		// the name is whole in braces.
		switch {
		case n.Suffix != "" && n.Given == "":
			n = Name{Literal: familySuffix(n)}
		case n.Suffix != "":
			n.Family, n.Suffix = n.Family+", "+n.Suffix, ""
		}
		names = append(names, n.Inverted())
	}
	set("author", strings.Join(names, " and "))
	set("keywords", texKeywords(strings.Join(tags(tk), ", ")))
	set("abstract", abstract(tk))
	u := texURL(urlOf(tk, opt.ASCII))
	set("url", u)
	d := issued(tk)
	if f == BibTeX {
		set("title", title(tk))
		if len(names) == 0 { // key stands in for the author
			k := title(tk)
			if k == "" {
				k = clean(tk.Event.Title)
			}
			set("key", k)
		}
		how := Genre(tk)
		if ev := clean(tk.Event.Title); ev != "" {
			how += " at " + joinNonEmpty(", ", ev, cityCountry(tk))
		}
		set("howpublished", how)
		if d.Precision() >= talk.Month {
			set("month", months[d.Time().Month()-1])
		}
		if !d.IsZero() {
			set("year", d.Time().Format("2006"))
		}
		set("note", u)
		if tk.Language.Base() != "und" {
			set("language", tk.Language.Name())
		}
	} else {
		if clean(tk.Title) == "" {
			set("title", clean(tk.Subtitle)) // a subtitle alone is the title
		} else {
			set("title", clean(tk.Title))
			set("subtitle", clean(tk.Subtitle))
		}
		set("type", Genre(tk))
		set("eventtitle", clean(tk.Event.Title))
		set("eventdate", eventDates(tk))
		set("venue", eventPlace(tk))
		set("date", d.String())
		set("langid", babelName(tk.Language))
		if m["langid"] == "" && tk.Language.Base() != "und" {
			set("language", tk.Language.Name())
		}
	}
	for k, v := range m {
		if opt.ASCII {
			v = norm.NFC.String(dottedInPrint(v))
		}
		m[k] = dropControls(v)
	}
	return m
}

// dropControls removes what the writers drop from text.
func dropControls(s string) string {
	return strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f || r >= 0x80 && r < 0xa0 || r == '\uFFFD' {
			return -1
		}
		return r
	}, s)
}

// bibGot decodes every field of an entry.
func bibGot(t testing.TB, e bibEntry) map[string]string {
	t.Helper()
	m := map[string]string{}
	for k, v := range e.Fields {
		if !balanced(v) {
			t.Errorf("%s: %s: unbalanced braces: %q", e.Key, k, v)
		}
		switch {
		case e.Macros[k] || k == "url" || k == "keywords":
			m[k] = v
		default:
			d, err := untexValue(v)
			if err != nil {
				t.Errorf("%s: %s: %v in %q", e.Key, k, err, v)
			}
			m[k] = d
		}
	}
	return m
}

// TestBibRoundTrip reads back every entry of the golden inputs with the
// test reader and checks every field against the model.
func TestBibRoundTrip(t *testing.T) {
	for _, c := range goldenCases(t) {
		for _, f := range goldenFormats {
			if f.format != BibTeX && f.format != BibLaTeX {
				continue
			}
			t.Run(c.name+f.suffix, func(t *testing.T) {
				var b bytes.Buffer
				if err := WriteAll(&b, f.format, c.talks, f.opt); err != nil {
					t.Fatal(err)
				}
				entries, err := readBib(b.String())
				if err != nil {
					t.Fatal(err)
				}
				if len(entries) != len(c.talks) {
					t.Fatalf("%d entries, want %d", len(entries), len(c.talks))
				}
				for i, e := range entries {
					if diff := cmp.Diff(bibWant(c.talks[i], f.format, f.opt), bibGot(t, e)); diff != "" {
						t.Errorf("%s (-want +got):\n%s", e.Key, diff)
					}
				}
			})
		}
	}
}

// checkRIS reports what is wrong with an RIS file: every line "XX  -
// value" ending in CRLF, records from TY to "ER  - " and a blank line.
func checkRIS(data string) []string {
	var problems []string
	if !strings.HasSuffix(data, "\r\n") && data != "" {
		problems = append(problems, "does not end in CRLF")
	}
	inRecord := false
	for i, line := range strings.SplitAfter(data, "\r\n") {
		if line == "" {
			continue
		}
		if !strings.HasSuffix(line, "\r\n") || strings.ContainsAny(strings.TrimSuffix(line, "\r\n"), "\r\n") {
			problems = append(problems, "line "+itoa(i+1)+": not one CRLF line")
			continue
		}
		line = strings.TrimSuffix(line, "\r\n")
		if line == "" {
			if inRecord {
				problems = append(problems, "line "+itoa(i+1)+": blank line inside a record")
			}
			continue
		}
		if len(line) < 6 || line[2:6] != "  - " || !isTag(line[:2]) {
			problems = append(problems, "line "+itoa(i+1)+": not \"XX  - value\": "+line)
			continue
		}
		tag := line[:2]
		switch {
		case tag == "TY" && inRecord:
			problems = append(problems, "line "+itoa(i+1)+": TY inside a record")
		case tag == "TY":
			inRecord = true
		case !inRecord:
			problems = append(problems, "line "+itoa(i+1)+": "+tag+" outside a record")
		case tag == "ER":
			if line != "ER  - " {
				problems = append(problems, "line "+itoa(i+1)+": ER with a value")
			}
			inRecord = false
		case len(line) == 6 || line[6] == ' ' || strings.HasSuffix(line, " "):
			problems = append(problems, "line "+itoa(i+1)+": empty or untrimmed value")
		}
	}
	if inRecord {
		problems = append(problems, "no ER at the end")
	}
	return problems
}

func isTag(s string) bool {
	return len(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && (s[1] >= 'A' && s[1] <= 'Z' || s[1] >= '0' && s[1] <= '9')
}

func itoa(i int) string { return strconv.Itoa(i) }

func TestRISWellFormed(t *testing.T) {
	for _, c := range goldenCases(t) {
		t.Run(c.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteAll(&b, RIS, c.talks, Options{}); err != nil {
				t.Fatal(err)
			}
			if p := checkRIS(b.String()); len(p) > 0 {
				t.Errorf("problems:\n%s", strings.Join(p, "\n"))
			}
			if n := strings.Count(b.String(), "TY  - SLIDE\r\n"); n != len(c.talks) {
				t.Errorf("%d records, want %d", n, len(c.talks))
			}
		})
	}
}

func TestKey(t *testing.T) {
	tests := []struct {
		name string
		talk talk.Talk
		want string
	}{
		{"seed", talk.Talk{Title: "async/await in Python 3.5 and why it is awesome", Speakers: []talk.Speaker{{Name: "Yury Selivanov"}},
			Recorded: talk.MustParseDate("2016-08-04")}, "selivanov2016asyncawait"},
		{"stop words", talk.Talk{Title: "The Art of the Possible", Speakers: []talk.Speaker{{Name: "Ana Pérez"}},
			Recorded: talk.MustParseDate("2019")}, "perez2019art"},
		{"particle", talk.Talk{Title: "On Python", Speakers: []talk.Speaker{{Name: "Guido van Rossum"}},
			Recorded: talk.MustParseDate("2001-02")}, "vanrossum2001python"},
		{"capital particle", talk.Talk{Title: "Python", Speakers: []talk.Speaker{{Name: "Guido Van Rossum"}}}, "vanrossumpython"},
		{"cyrillic", talk.Talk{Title: "Асинхронный Python", Speakers: []talk.Speaker{{Name: "Александр Жуков"}},
			Recorded: talk.MustParseDate("2018-05-01")}, "zhukov2018asinkhronnyi"},
		{"literal", talk.Talk{Title: "Lightning talks", Speakers: []talk.Speaker{{Name: "Various speakers"}},
			Event: talk.Event{Start: talk.MustParseDate("2020-07-01")}}, "various2020lightning"},
		{"no speaker", talk.Talk{Title: "???", Recorded: talk.MustParseDate("2016-08-04")}, "anon2016"},
		{"empty", talk.Talk{}, "anon"},
		{"handle", talk.Talk{Title: "Compilers", Speakers: []talk.Speaker{{Accounts: []talk.Account{{Service: "github", Handle: "ghopper"}}}}},
			"ghoppercompilers"},
		{"mastodon handle", talk.Talk{Title: "Compilers", Speakers: []talk.Speaker{{Name: "@ada@example.social"}}},
			"adacompilers"},
		{"parts, unnamed speaker", talk.Talk{Title: "Lightning talks", Speakers: []talk.Speaker{{Affiliation: "PSF"}},
			Parts: []talk.Talk{{Title: "One", Speakers: []talk.Speaker{{Name: "Ana Pérez"}}}}}, "perezlightning"},
		{"parts", talk.Talk{Title: "Lightning talks", Parts: []talk.Talk{{Title: "One"}, {Title: "Two", Speakers: []talk.Speaker{{Name: "Ana Pérez"}}}}},
			"perezlightning"},
		{"long", talk.Talk{Title: "Supercalifragilisticexpialidocious", Speakers: []talk.Speaker{{Name: "A Wolfeschlegelsteinhausenbergerdorff"}}},
			"wolfeschlegelsteinhasupercalifragilistic"},
		{"long, not ASCII", talk.Talk{Title: "Überschallgeschwindigkeitsmessung", Speakers: []talk.Speaker{{Name: "Jörg Müller-Lüdenscheidt-Öhringen"}}},
			"mullerludenscheidtohuberschallgeschwindi"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Key(&tt.talk); got != tt.want {
				t.Errorf("Key = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestKeySet(t *testing.T) {
	var s KeySet
	var got []string
	for _, k := range []string{"x2016a", "x2016", "x2016", "x2016", "", "", "x2016b"} {
		got = append(got, s.Unique(k))
	}
	want := []string{"x2016a", "x2016", "x2016b", "x2016c", "anon", "anona", "x2016ba"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	for n, want := range map[int]string{0: "a", 25: "z", 26: "aa", 27: "ab", 51: "az", 52: "ba", 701: "zz", 702: "aaa"} {
		if got := letters(n); got != want {
			t.Errorf("letters(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestParseFormat(t *testing.T) {
	for _, f := range []Format{BibTeX, BibLaTeX, RIS, CSLJSON} {
		got, err := ParseFormat(strings.ToUpper(f.String()))
		if err != nil || got != f {
			t.Errorf("ParseFormat(%q) = %v, %v", f.String(), got, err)
		}
	}
	_, err := ParseFormat("endnote")
	want := &FormatError{Name: "endnote"}
	if diff := cmp.Diff(want, err); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// errWriter fails every write.
type errWriter struct{}

func (errWriter) Write([]byte) (int, error) { return 0, os.ErrClosed }

func TestWriterErrors(t *testing.T) {
	for _, f := range goldenFormats {
		t.Run(f.format.String()+f.suffix, func(t *testing.T) {
			w := NewWriter(errWriter{}, f.format, f.opt)
			if err := w.Write(hostileTalk()); err != os.ErrClosed {
				t.Errorf("Write = %v, want %v", err, os.ErrClosed)
			}
			if err := w.Close(); err != os.ErrClosed {
				t.Errorf("Close = %v, want %v", err, os.ErrClosed)
			}
		})
	}
	var b bytes.Buffer
	w := NewWriter(&b, Format(0), Options{})
	if err := w.Write(&talk.Talk{}); err == nil {
		t.Error("Write in Format(0) = nil, want an error")
	}
}

// TestGenre holds how a talk's kind becomes a citation's genre: the kinds
// archives use, in any case and spacing, and others capitalised as words.
func TestGenre(t *testing.T) {
	for kind, want := range map[string]string{
		"":                   "Conference presentation",
		"talk":               "Conference presentation",
		" Keynote\n":         "Keynote address",
		"LIGHTNING_TALK":     "Lightning talk",
		"key\x00note":        "Keynote address",
		"birds-of-a_feather": "Birds of a feather",
		"доклад":             "Доклад",
		"éLAN vital":         "Élan vital",
		"მოხსენება":          "მოხსენება", // title case: Georgian has no capitals in running text
		"ǆemo_day":           "ǅemo day",  // a digraph's title case
		"---":                "Conference presentation",
		"lecture":            "Conference presentation", // frab's talk
		"other":              "Conference presentation", // frab's, no description
		"podium":             "Panel discussion",        // frab's panel
		"Podium Discussion":  "Panel discussion",
	} {
		if got := Genre(&talk.Talk{Kind: kind}); got != want {
			t.Errorf("Genre(kind %q) = %q, want %q", kind, got, want)
		}
	}
}

// TestASCIIURL: with Options.ASCII, a URL's non-ASCII characters were
// written as UTF-8 in url and in note's \url{}, the bytes the option is
// there to keep out of the file; they are percent-encoded (RFC 3987).
func TestASCIIURL(t *testing.T) {
	tk := &talk.Talk{
		Title:    "Straßen",
		Speakers: []talk.Speaker{{Name: "Jörg Müller"}},
		Recorded: talk.MustParseDate("2019"),
		Videos:   []talk.Video{{URL: "https://example.org/vortr%C3%A4ge/Straße_(Köln)#Ü"}},
	}
	var bib, blx bytes.Buffer
	if err := WriteBibTeX(&bib, tk, Options{ASCII: true}); err != nil {
		t.Fatal(err)
	}
	if err := WriteBibLaTeX(&blx, tk, Options{ASCII: true}); err != nil {
		t.Fatal(err)
	}
	wantBib := `@misc{muller2019strassen,
  author = {M{\"u}ller, J{\"o}rg},
  title = {Stra{\ss}en},
  howpublished = {Conference presentation},
  year = {2019},
  note = {\url{https://example.org/vortr\%C3\%A4ge/Stra\%C3\%9Fe_(K\%C3\%B6ln)\#\%C3\%9C}},
  url = {https://example.org/vortr%C3%A4ge/Stra%C3%9Fe_(K%C3%B6ln)#%C3%9C},
}
`
	wantBLX := `@unpublished{muller2019strassen,
  author = {M{\"u}ller, J{\"o}rg},
  title = {Stra{\ss}en},
  type = {Conference presentation},
  date = {2019},
  url = {https://example.org/vortr%C3%A4ge/Stra%C3%9Fe_(K%C3%B6ln)#%C3%9C},
}
`
	if diff := cmp.Diff(wantBib, bib.String()); diff != "" {
		t.Errorf("BibTeX (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(wantBLX, blx.String()); diff != "" {
		t.Errorf("BibLaTeX (-want +got):\n%s", diff)
	}
}

// TestASCIIAccents: with Options.ASCII, an accent below a letter was
// written inside the one above it, {\^{\d{a}}} for Vietnamese "ậ", which
// LaTeX's \accent sets beside the letter instead of over it; and an i
// under a tilde, macron, breve or caron kept its dot ({\~i}, {\=i}),
// where LaTeX's own UTF-8 input writes \~\i. The accents below now go
// around those above, and such an i is dotless; "í" stays {\'i}, which
// LaTeX composes itself. A dotless ı under an accent above it prints as
// the dotted letter does, and reads back as it.
func TestASCIIAccents(t *testing.T) {
	tk := &talk.Talk{
		Title:    "Lập trình: ĩ ī ǐ ĭ ǰ ḯ í ï ị ặ ự ḉ ı̃ ı̣ ị̃",
		Speakers: []talk.Speaker{{Name: "Nguyễn Thị Lụa"}, {Name: "Līga Ozoliņa"}, {Name: "María Díaz"}},
		Recorded: talk.MustParseDate("2024"),
	}
	var bib bytes.Buffer
	if err := WriteBibTeX(&bib, tk, Options{ASCII: true}); err != nil {
		t.Fatal(err)
	}
	want := `@misc{nguyen2024lap,
  author = {Nguy{\~{\^e}}n, Th{\d{i}} L{\d{u}}a and Ozoli{\c{n}}a, L{\={\i}}ga and D{\'i}az, Mar{\'i}a},
  title = {L{\d{\^a}}p tr{\` + "`" + `i}nh: {\~{\i}} {\={\i}} {\v{\i}} {\u{\i}} {\v{\j}} {\'{\"{\i}}} {\'i} {\"i} {\d{i}} {\d{\u{a}}} ự {\c{\'c}} {\~{\i}} {\d{\i}} {\d{\~{\i}}}},
  howpublished = {Conference presentation},
  year = {2024},
}
`
	if diff := cmp.Diff(want, bib.String()); diff != "" {
		t.Errorf("BibTeX (-want +got):\n%s", diff)
	}
	entries, err := readBib(bib.String())
	if err != nil || len(entries) != 1 {
		t.Fatalf("%d entries, %v", len(entries), err)
	}
	if diff := cmp.Diff(bibWant(tk, BibTeX, Options{ASCII: true}), bibGot(t, entries[0])); diff != "" {
		t.Errorf("read back (-want +got):\n%s", diff)
	}
}

// andTalk has speakers with "and" in their names in other than lower
// case, which BibTeX's and biber's name parsers read as the start of the
// next name all the same.
func andTalk() *talk.Talk {
	return &talk.Talk{
		ID: "and", Title: "Names with and", Recorded: talk.MustParseDate("2024-05-01"),
		Speakers: []talk.Speaker{
			{Name: "ANNA AND BOB SMITH"}, // capitals: a person to ParseNames
			{Name: "Rock And Roll", GivenName: "Ann", FamilyName: "Rock And Roll"},
			{Name: "Ann And Lee", GivenName: "Ann And", FamilyName: "Lee"},
		},
	}
}

// TestBibTeXNamesAnd: a word "and" in any case inside a name is braced,
// so that the author field still holds three names.
func TestBibTeXNamesAnd(t *testing.T) {
	for _, tt := range []struct {
		write func(*bytes.Buffer) error
		want  string
	}{
		{func(b *bytes.Buffer) error { return WriteBibTeX(b, andTalk(), Options{}) }, `@misc{smith2024names,
  author = {SMITH, ANNA {AND} BOB and {Rock And Roll}, Ann and Lee, Ann {And}},
  title = {Names with and},
  howpublished = {Conference presentation},
  month = may,
  year = {2024},
}
`},
		{func(b *bytes.Buffer) error { return WriteBibLaTeX(b, andTalk(), Options{}) }, `@unpublished{smith2024names,
  author = {SMITH, ANNA {AND} BOB and {Rock And Roll}, Ann and Lee, Ann {And}},
  title = {Names with and},
  type = {Conference presentation},
  date = {2024-05-01},
}
`},
	} {
		var b bytes.Buffer
		if err := tt.write(&b); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tt.want, b.String()); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
	}
}

// splitNamesTalk has family names that BibTeX's name parser, which splits
// at hyphens too and knows the case of ASCII letters only, would read a
// "von" part in, and name parts with commas, as sources that give the
// parts may hold them.
func splitNamesTalk() *talk.Talk {
	return &talk.Talk{
		ID: "split", Title: "Names BibTeX splits", Recorded: talk.MustParseDate("2024-05-01"),
		Speakers: []talk.Speaker{
			{Name: "Muhammad al-Khwarizmi"},      // al + Khwarizmi, printed "al Khwarizmi"
			{Name: "Tomás Gómez Álvarez-Arenas"}, // "Á" is no letter to BibTeX, "l" is lower case
			{Name: "Mine Çetinkaya-Rundel"},      // so is "Ç", and "e" is lower case
			{Name: "José Álvarez Pérez", GivenName: "José", FamilyName: "Álvarez Pérez"},
			{Name: "Mary Mitchell-O'Connor"},                                    // no lower-case token before the last
			{Name: "Jan van der Berg"},                                          // a particle BibTeX reads as one
			{Name: "John Smith Jr", GivenName: "John, Jr", FamilyName: "Smith"}, // a comma in a part
			{Name: "tell-k"}, // a handle: tell + k
			{Name: "Mary Ann", FamilyName: "Mary Ann"},         // no given name: First + Last
			{Name: "Juan Luis", GivenName: "Juan Luis"},        // a given name alone is the name to cite
			{Name: "van Der Berg", FamilyName: "van Der Berg"}, // a family name as given is one
		},
	}
}

// TestBibTeXNamesSplit: a family name BibTeX would split into a "von"
// part and a last name is braced, whatever makes BibTeX read a token as
// lower case; in ASCII, where "{\'A}" is a capital to BibTeX, it need not
// be. A part with a comma is braced, so that BibTeX does not read the
// rest as the next part, and a family name of several words without a
// given name, which BibTeX would read as a first and a last name.
// Checked with BibTeX 0.99d's format.name$.
func TestBibTeXNamesSplit(t *testing.T) {
	for _, tt := range []struct {
		opt  Options
		want string
	}{
		{Options{}, `@misc{alkhwarizmi2024names,
  author = {{al-Khwarizmi}, Muhammad and {Álvarez-Arenas}, Tomás Gómez and {Çetinkaya-Rundel}, Mine and {Álvarez Pérez}, José and Mitchell-O'Connor, Mary and van der Berg, Jan and Smith, {John, Jr} and {tell-k} and {Mary Ann} and {Juan Luis} and {van Der Berg}},
  title = {Names {BibTeX} splits},
  howpublished = {Conference presentation},
  month = may,
  year = {2024},
}
`},
		{Options{ASCII: true}, `@misc{alkhwarizmi2024names,
  author = {{al-Khwarizmi}, Muhammad and {\'A}lvarez-Arenas, Tom{\'a}s G{\'o}mez and {\c{C}}etinkaya-Rundel, Mine and {\'A}lvarez P{\'e}rez, Jos{\'e} and Mitchell-O'Connor, Mary and van der Berg, Jan and Smith, {John, Jr} and {tell-k} and {Mary Ann} and {Juan Luis} and {van Der Berg}},
  title = {Names {BibTeX} splits},
  howpublished = {Conference presentation},
  month = may,
  year = {2024},
}
`},
	} {
		var b bytes.Buffer
		if err := WriteBibTeX(&b, splitNamesTalk(), tt.opt); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tt.want, b.String()); diff != "" {
			t.Errorf("ASCII %v (-want +got):\n%s", tt.opt.ASCII, diff)
		}
	}
}

// TestLangid: BCP 47 tags are case-insensitive and may carry a script,
// variants or private use after the language and region; langid is that
// of the language and region all the same. Serbian in Cyrillic was
// "serbian", babel's Serbian in Latin letters (and its hyphenation, and
// biblatex's strings in Latin letters for a Cyrillic entry), and Hindi,
// Persian, Thai and other languages babel knows by name had no langid.
func TestLangid(t *testing.T) {
	got := map[talk.Language]string{}
	want := map[talk.Language]string{
		"en": "english", "pt-BR": "brazilian", "pt-br": "brazilian", "pt_BR": "brazilian",
		"en-gb": "british", "EN-US": "american", "en-US-x-twain": "american",
		"en-GB-oxendict": "british", "zh-Hant-TW": "chinese", "sr-Latn-RS": "serbian",
		"sr-Cyrl": "serbianc", "sr-cyrl-rs": "serbianc", "sr-Latn": "serbian", "sr": "serbian",
		"hi": "hindi", "hi-IN": "hindi", "fa-IR": "persian", "th": "thai", "ka": "georgian",
		"es-419": "spanish", "de-CH": "ngerman", "x-klingon": "", "": "",
	}
	for l := range want {
		got[l] = babelName(l)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("langid (-want +got):\n%s", diff)
	}
	var b bytes.Buffer
	if err := WriteBibLaTeX(&b, &talk.Talk{Title: "Olá", Language: "pt-br", Recorded: talk.MustParseDate("2024-05-01")}, Options{}); err != nil {
		t.Fatal(err)
	}
	wantEntry := `@unpublished{anon2024ola,
  title = {Olá},
  type = {Conference presentation},
  date = {2024-05-01},
  langid = {brazilian},
}
`
	if diff := cmp.Diff(wantEntry, b.String()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestURLStrayPercent: a "%" in a talk's URL that starts no escape is
// written "%25" in every format, as talk/ical writes it, and the URL's
// own escapes are kept; with Options.ASCII, the é's bytes are escaped
// after it, so that "%C3%A9" is not taken for a stray "%".
func TestURLStrayPercent(t *testing.T) {
	tk := &talk.Talk{
		Title: "Stray", Speakers: []talk.Speaker{{Name: "Ada Lovelace"}}, Recorded: talk.MustParseDate("2023-12-27"),
		Videos: []talk.Video{{URL: "https://media.ccc.de/v/37c3-café-%C3%A9-100%-%zz-%4 x"}},
	}
	for _, tt := range []struct {
		format Format
		opt    Options
		want   string
	}{
		{BibTeX, Options{}, `@misc{lovelace2023stray,
  author = {Lovelace, Ada},
  title = {Stray},
  howpublished = {Conference presentation},
  month = dec,
  year = {2023},
  note = {\url{https://media.ccc.de/v/37c3-café-\%C3\%A9-100\%25-\%25zz-\%254\%20x}},
  url = {https://media.ccc.de/v/37c3-café-%C3%A9-100%25-%25zz-%254%20x},
}
`},
		{BibTeX, Options{ASCII: true}, `@misc{lovelace2023stray,
  author = {Lovelace, Ada},
  title = {Stray},
  howpublished = {Conference presentation},
  month = dec,
  year = {2023},
  note = {\url{https://media.ccc.de/v/37c3-caf\%C3\%A9-\%C3\%A9-100\%25-\%25zz-\%254\%20x}},
  url = {https://media.ccc.de/v/37c3-caf%C3%A9-%C3%A9-100%25-%25zz-%254%20x},
}
`},
		{BibLaTeX, Options{}, `@unpublished{lovelace2023stray,
  author = {Lovelace, Ada},
  title = {Stray},
  type = {Conference presentation},
  date = {2023-12-27},
  url = {https://media.ccc.de/v/37c3-café-%C3%A9-100%25-%25zz-%254%20x},
}
`},
		{RIS, Options{}, "TY  - SLIDE\r\nAU  - Lovelace, Ada\r\nTI  - Stray\r\nDA  - 2023/12/27/\r\nPY  - 2023\r\n" +
			"M3  - Conference presentation\r\nUR  - https://media.ccc.de/v/37c3-café-%C3%A9-100%25-%25zz-%254%20x\r\nER  - \r\n\r\n"},
		{CSLJSON, Options{}, `[
  {
    "id": "lovelace2023stray",
    "type": "speech",
    "citation-key": "lovelace2023stray",
    "title": "Stray",
    "author": [
      {
        "family": "Lovelace",
        "given": "Ada"
      }
    ],
    "issued": {
      "date-parts": [
        [
          2023,
          12,
          27
        ]
      ]
    },
    "genre": "Conference presentation",
    "URL": "https://media.ccc.de/v/37c3-café-%C3%A9-100%25-%25zz-%254%20x"
  }
]
`},
	} {
		var b bytes.Buffer
		if err := WriteAll(&b, tt.format, []*talk.Talk{tk}, tt.opt); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tt.want, b.String()); diff != "" {
			t.Errorf("%v %+v (-want +got):\n%s", tt.format, tt.opt, diff)
		}
	}
}

// TestBibLanguage: BibLaTeX gives a language babel has no name for by its
// name, rather than dropping it, and neither dialect prints "und" (the
// language is not known) as "Unknown language".
func TestBibLanguage(t *testing.T) {
	for _, tt := range []struct {
		lang             talk.Language
		bibtex, biblatex string
	}{
		{"sw", "  language = {Swahili},\n", "  language = {Swahili},\n"},
		{"de", "  language = {German},\n", "  langid = {ngerman},\n"},
		{"und", "", ""},
	} {
		tk := &talk.Talk{Title: "Habari", Speakers: []talk.Speaker{{Name: "Ada Lovelace"}}, Language: tt.lang}
		var bib, blx bytes.Buffer
		if err := WriteBibTeX(&bib, tk, Options{}); err != nil {
			t.Fatal(err)
		}
		if err := WriteBibLaTeX(&blx, tk, Options{}); err != nil {
			t.Fatal(err)
		}
		want := "@misc{lovelacehabari,\n  author = {Lovelace, Ada},\n  title = {Habari},\n" +
			"  howpublished = {Conference presentation},\n" + tt.bibtex + "}\n"
		if diff := cmp.Diff(want, bib.String()); diff != "" {
			t.Errorf("%s: BibTeX (-want +got):\n%s", tt.lang, diff)
		}
		want = "@unpublished{lovelacehabari,\n  author = {Lovelace, Ada},\n  title = {Habari},\n" +
			"  type = {Conference presentation},\n" + tt.biblatex + "}\n"
		if diff := cmp.Diff(want, blx.String()); diff != "" {
			t.Errorf("%s: BibLaTeX (-want +got):\n%s", tt.lang, diff)
		}
	}
}

// TestURLWebOnly: a citation points at the first of the talk's URLs that
// is a web address, as JSON-LD and iCalendar do, passing over a relative
// video URL (a schedule without base_url) and a javascript: link.
func TestURLWebOnly(t *testing.T) {
	tk := &talk.Talk{
		Title: "Relative", Speakers: []talk.Speaker{{Name: "Ada Lovelace"}}, Recorded: talk.MustParseDate("2023"),
		Videos: []talk.Video{{URL: "/v/37c3-1.mp4"}},
		Links:  []talk.Link{{URL: "javascript:alert(1)"}, {URL: "mailto:ada@example.org"}},
		Slides: []talk.Link{{URL: "HTTPS://Slides.example.org/deck 1.pdf"}},
	}
	for _, tt := range []struct {
		format Format
		want   string
	}{
		{BibLaTeX, `@unpublished{lovelace2023relative,
  author = {Lovelace, Ada},
  title = {Relative},
  type = {Conference presentation},
  date = {2023},
  url = {HTTPS://Slides.example.org/deck%201.pdf},
}
`},
		{RIS, "TY  - SLIDE\r\nAU  - Lovelace, Ada\r\nTI  - Relative\r\nDA  - 2023///\r\nPY  - 2023\r\n" +
			"M3  - Conference presentation\r\nUR  - HTTPS://Slides.example.org/deck%201.pdf\r\nER  - \r\n\r\n"},
		{CSLJSON, `[
  {
    "id": "lovelace2023relative",
    "type": "speech",
    "citation-key": "lovelace2023relative",
    "title": "Relative",
    "author": [
      {
        "family": "Lovelace",
        "given": "Ada"
      }
    ],
    "issued": {
      "date-parts": [
        [
          2023
        ]
      ]
    },
    "genre": "Conference presentation",
    "URL": "HTTPS://Slides.example.org/deck%201.pdf"
  }
]
`},
	} {
		var b bytes.Buffer
		if err := WriteAll(&b, tt.format, []*talk.Talk{tk}, Options{}); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tt.want, b.String()); diff != "" {
			t.Errorf("%v (-want +got):\n%s", tt.format, diff)
		}
	}
	tk.Slides = nil
	var b bytes.Buffer
	if err := WriteRIS(&b, tk); err != nil {
		t.Fatal(err)
	}
	want := "TY  - SLIDE\r\nAU  - Lovelace, Ada\r\nTI  - Relative\r\nDA  - 2023///\r\nPY  - 2023\r\n" +
		"M3  - Conference presentation\r\nER  - \r\n\r\n"
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("without a web address (-want +got):\n%s", diff)
	}
	// A schedule page that is a web address comes before the slides.
	tk.Links = append(tk.Links, talk.Link{URL: "https://example.org/schedule/relative"})
	tk.Slides = []talk.Link{{URL: "https://slides.example.org/deck.pdf"}}
	b.Reset()
	if err := WriteRIS(&b, tk); err != nil {
		t.Fatal(err)
	}
	want = "TY  - SLIDE\r\nAU  - Lovelace, Ada\r\nTI  - Relative\r\nDA  - 2023///\r\nPY  - 2023\r\n" +
		"M3  - Conference presentation\r\nUR  - https://example.org/schedule/relative\r\nER  - \r\n\r\n"
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("a link and slides (-want +got):\n%s", diff)
	}
}

// TestBibKeywordsLaTeX: biber copies keywords into the .bbl as they are,
// where a "#" (the hashtags talk archives use as tags, "C#"), a "%" or a
// "\" ending the field stopped LaTeX (checked with biber 2.18 and
// pdflatex: "Illegal parameter number", "Paragraph ended before \keyw was
// complete"); they are escaped, and the rest is kept as it is.
func TestBibKeywordsLaTeX(t *testing.T) {
	tk := &talk.Talk{
		Title: "Tags", Speakers: []talk.Speaker{{Name: "Ada Lovelace"}},
		Tags: []string{"#MicroPython", "C#", "100%", `back\slash`, `end\`, "mod_wsgi", "R&D", "{unbalanced"},
	}
	var bib, blx bytes.Buffer
	if err := WriteBibTeX(&bib, tk, Options{}); err != nil {
		t.Fatal(err)
	}
	if err := WriteBibLaTeX(&blx, tk, Options{}); err != nil {
		t.Fatal(err)
	}
	const keywords = `  keywords = {\#MicroPython, C\#, 100\%, back\textbackslash{}slash, end\textbackslash{}, mod_wsgi, R&D, unbalanced},
`
	want := "@misc{lovelacetags,\n  author = {Lovelace, Ada},\n  title = {Tags},\n  howpublished = {Conference presentation},\n" +
		keywords + "}\n"
	if diff := cmp.Diff(want, bib.String()); diff != "" {
		t.Errorf("BibTeX (-want +got):\n%s", diff)
	}
	want = "@unpublished{lovelacetags,\n  author = {Lovelace, Ada},\n  title = {Tags},\n  type = {Conference presentation},\n" +
		keywords + "}\n"
	if diff := cmp.Diff(want, blx.String()); diff != "" {
		t.Errorf("BibLaTeX (-want +got):\n%s", diff)
	}
}

// familySuffix returns a name with its particles, family name and suffix
// but no given name, "van O'Brien, Jr.", as BibTeX gets it: in braces.
func familySuffix(n Name) string {
	return joinNonEmpty(" ", n.DroppingParticle, n.NonDroppingParticle, n.Family) + ", " + n.Suffix
}

// TestTexTitleFirstWord: BibTeX's title case ("t") keeps the title's first
// character and lower-cases every other letter outside braces, so a first
// word after a quotation mark, a bracket or an inverted mark is braced
// like any other (checked with BibTeX 0.99d's change.case$); a first word
// that starts the title is left alone.
func TestTexTitleFirstWord(t *testing.T) {
	got := map[string]string{}
	want := map[string]string{
		`"Hello" world`:                  `"{Hello}" world`,
		"¿Qué es Python?":                "¿{Qué} es {Python}?",
		"(Serious) Time for Time Series": "({Serious}) {Time} for {Time} {Series}",
		"“Smart” quotes":                 "“{Smart}” quotes",
		"...And then":                    "...{And} then",
		"«Вещи» на Python":               "«{Вещи}» на {Python}",
		"Hello world":                    "Hello world",
		"École normale":                  "École normale",
		"iPhone apps":                    "{iPhone} apps",
	}
	for title := range want {
		got[title] = texTitle(title, false)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestRISAsterisk: an asterisk, which Reference Manager's RIS forbade in
// AU and KW, is written as it is (see WriteRIS).
func TestRISAsterisk(t *testing.T) {
	tk := &talk.Talk{Title: "A* search in C*", Speakers: []talk.Speaker{{Name: "Jane Doe*"}}, Tags: []string{"A* search", "C*"}}
	want := "TY  - SLIDE\r\nAU  - Doe*, Jane\r\nTI  - A* search in C*\r\nM3  - Conference presentation\r\n" +
		"KW  - A* search\r\nKW  - C*\r\nER  - \r\n\r\n"
	var b bytes.Buffer
	if err := WriteRIS(&b, tk); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestBibLaTeXSubtitleOnly: a talk with a subtitle and no title is cited
// under the subtitle as its title, in BibLaTeX as in the other formats.
func TestBibLaTeXSubtitleOnly(t *testing.T) {
	tk := &talk.Talk{Subtitle: "A Subtitle Alone", Speakers: []talk.Speaker{{Name: "Jane Doe"}}, Recorded: talk.MustParseDate("2024")}
	want := `@unpublished{doe2024,
  author = {Doe, Jane},
  title = {A {Subtitle} {Alone}},
  type = {Conference presentation},
  date = {2024},
}
`
	var b bytes.Buffer
	if err := WriteBibLaTeX(&b, tk, Options{}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestBibTeXSplits: the family names in which BibTeX 0.99d's
// format.name$ finds a "von" part (checked with it), escaped as the
// writers write them; and text no writer makes, which must not panic.
func TestBibTeXSplits(t *testing.T) {
	want := map[string]bool{
		"Rossum": false, "al-Khwarizmi": true, "Mitchell-O'Connor": false, "Smith-jones": false,
		"Smith jones Brown": true, "Dupré la Tour": true, "Álvarez Pérez": true, "ÁLVAREZ PÉREZ": false,
		`{\'A}lvarez P{\'e}rez`: false, `{\ss}a B`: true, `{\AE}a B`: false, `{\v{S}}imon B`: false,
		"Толстой Лев": false, "Xx~yy": false, "x~yy": true, "{van} Berg": false, `\textbackslash{}X Y`: true,
		"a {\\": true, "{": false, "{\\": false, "a-": false, "a - B": true,
	}
	got := map[string]bool{}
	for tex := range want {
		got[tex] = bibtexSplits(tex)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestBidiControls: a bidirectional override or isolate left open in a
// field is closed at its end, and a closer that closes nothing is dropped,
// so that no field turns the ones after it around; a name, whose words a
// citation reorders, loses them.
func TestBidiControls(t *testing.T) {
	tk := &talk.Talk{
		Title:    "\u202eevil.exe\u202c\u202c title \u2067RTL",
		Subtitle: "sub\u2069",
		Speakers: []talk.Speaker{{Name: "\u202eJane Doe"}, {Name: "Anna \u2067Karenina\u2069"}},
		Event:    talk.Event{Title: "Conf \u202b2024"},
	}
	want := "TY  - SLIDE\r\nAU  - Doe, Jane\r\nAU  - Karenina, Anna\r\n" +
		"TI  - \u202eevil.exe\u202c title \u2067RTL\u2069: sub\r\nT2  - Conf \u202b2024\u202c\r\n" +
		"M3  - Conference presentation\r\nER  - \r\n\r\n"
	var b bytes.Buffer
	if err := WriteRIS(&b, tk); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	got := map[string]string{}
	cases := map[string]string{
		"\u202a\u2066a\u202c":          "\u202a\u2066a\u2069\u202c",          // the PDF closes no embedding inside the isolate
		"\u202ba\u2067b\u202ac\u2069d": "\u202ba\u2067b\u202ac\u2069d\u202c", // a PDI closes what its isolate holds
		"\u200fשלום\u200f":             "\u200fשלום\u200f",                   // marks are left alone
	}
	for in := range cases {
		got[in] = clean(in)
	}
	if diff := cmp.Diff(cases, got); diff != "" {
		t.Errorf("clean (-want +got):\n%s", diff)
	}
}

// TestBibTeXFallbacks: what a BibTeX entry falls back on where the talk
// lacks something: a key given with white space in it loses the space,
// which would end the key; a talk known only by its event's start is of
// the year its event's clocks show (a conference that opened on New
// Year's morning in Tokyo, which UTC dates the day before); an entry with
// neither author nor title is sorted by its event's title (BibTeX's key
// field); and a date of month precision keeps its month.
func TestBibTeXFallbacks(t *testing.T) {
	for _, tt := range []struct {
		name string
		tk   *talk.Talk
		opt  Options
		want string
	}{
		{"key with spaces", &talk.Talk{Title: "Keys", Speakers: []talk.Speaker{{Name: "Ada Lovelace"}}}, Options{Key: "ada talk\t2024"},
			"@misc{adatalk2024,\n  author = {Lovelace, Ada},\n  title = {Keys},\n  howpublished = {Conference presentation},\n}\n"},
		{"event's year in its zone", &talk.Talk{Title: "New Year", Speakers: []talk.Speaker{{Name: "Ada Lovelace"}},
			Event: talk.Event{Title: "Tokyo Con", TimeZone: "Asia/Tokyo", Start: talk.MustParseDate("2023-12-31T20:00:00Z")}}, Options{},
			"@misc{lovelace2024new,\n  author = {Lovelace, Ada},\n  title = {New {Year}},\n" +
				"  howpublished = {Conference presentation at Tokyo Con},\n  year = {2024},\n}\n"},
		{"event's title as key, a month", &talk.Talk{Event: talk.Event{Title: "PyCon Ireland"}, Recorded: talk.MustParseDate("2024-05")}, Options{},
			"@misc{anon2024,\n  key = {PyCon Ireland},\n  howpublished = {Conference presentation at PyCon Ireland},\n" +
				"  month = may,\n  year = {2024},\n}\n"},
	} {
		var b bytes.Buffer
		if err := WriteBibTeX(&b, tt.tk, tt.opt); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tt.want, b.String()); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
	}
}

// TestMonthPrecision: a date known to the month is written with its
// month and no day: in RIS's DA with the day empty, "2024/05//", not
// made the first of the month, and in CSL-JSON as [2024, 5].
func TestMonthPrecision(t *testing.T) {
	tk := &talk.Talk{Title: "May", Recorded: talk.MustParseDate("2024-05")}
	var ris, csl bytes.Buffer
	if err := WriteRIS(&ris, tk); err != nil {
		t.Fatal(err)
	}
	if err := WriteCSLJSON(&csl, tk); err != nil {
		t.Fatal(err)
	}
	want := "TY  - SLIDE\r\nTI  - May\r\nDA  - 2024/05//\r\nPY  - 2024\r\nM3  - Conference presentation\r\nER  - \r\n\r\n"
	if diff := cmp.Diff(want, ris.String()); diff != "" {
		t.Errorf("RIS (-want +got):\n%s", diff)
	}
	want = `[
  {
    "id": "anon2024may",
    "type": "speech",
    "citation-key": "anon2024may",
    "title": "May",
    "issued": {
      "date-parts": [
        [
          2024,
          5
        ]
      ]
    },
    "genre": "Conference presentation"
  }
]
`
	if diff := cmp.Diff(want, csl.String()); diff != "" {
		t.Errorf("CSL-JSON (-want +got):\n%s", diff)
	}
}
