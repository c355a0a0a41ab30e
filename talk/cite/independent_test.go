package cite

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/unicode/norm"

	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
	"github.com/talkmeta/talkmeta/talk/rubyevents"
	"github.com/talkmeta/talkmeta/talk/schedule"
)

// bibtexCheck returns the directory TALKMETA_BIBTEX_CHECK names, of
// .ci/bibtex's files (what), and the path of the program tool, or skips
// t, saying why (and how, for a missing tool), when either is missing.
func bibtexCheck(t *testing.T, tool, what, how string) (dir, path string) {
	t.Helper()
	dir = os.Getenv("TALKMETA_BIBTEX_CHECK")
	if dir == "" {
		t.Skipf("TALKMETA_BIBTEX_CHECK is not set (the directory of .ci/bibtex's %s)", what)
	}
	path, err := exec.LookPath(tool)
	if err != nil {
		t.Skipf("%s is not installed (%s)", tool, how)
	}
	return dir, path
}

// TestIndependentParsers writes talks in every BibTeX dialect and as RIS,
// reads them back with independent parsers (the node scripts in
// .ci/bibtex, which TALKMETA_BIBTEX_CHECK names), and checks that every
// talk's fields read back to the model's values. It runs over the whole
// corpus when TALKMETA_CORPUS is set, else over the repository's records
// and the hostile talk; .ci/bibtex/check.sh runs it.
func TestIndependentParsers(t *testing.T) {
	dir, _ := bibtexCheck(t, "node", "parse-bib.mjs, with node_modules installed", ".ci/bibtex/check.sh runs it where node is")
	talks, source := independentTalks(t)
	t.Logf("%d talks from %s", len(talks), source)
	for _, f := range goldenFormats {
		if f.format == CSLJSON {
			continue
		}
		t.Run(f.format.String()+f.suffix, func(t *testing.T) {
			t.Parallel() // each format waits on its own node process
			file := filepath.Join(t.TempDir(), "talks"+filepath.Ext(f.suffix))
			var b bytes.Buffer
			if err := WriteAll(&b, f.format, talks, f.opt); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			script := "parse-bib.mjs"
			if f.format == RIS {
				script = "parse-ris.mjs"
			}
			out, err := runNode(filepath.Join(dir, script), file)
			if err != nil {
				t.Fatal(err)
			}
			var got []map[string]any
			if f.format == RIS {
				err = json.Unmarshal(out, &got)
			} else {
				got, err = bibFields(out)
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(talks) {
				t.Fatalf("the parser read %d records, want %d", len(got), len(talks))
			}
			agree, shown := 0, 0
			byField := map[string]int{}
			for i, tk := range talks {
				want := independentWant(tk, f.format, f.opt)
				got := normalize(got[i])
				diffs := compareFields(want, got)
				if len(diffs) == 0 {
					agree++
					continue
				}
				for _, d := range diffs {
					byField[d]++
				}
				if shown < 10 {
					shown++
					t.Errorf("%s: fields %v differ (-want +got):\n%s", tk.Origin.Path, diffs, cmp.Diff(want, pick(got, want)))
				}
			}
			t.Logf("%s: %d of %d talks read back to the model's values in every field; differing fields: %v",
				f.format.String()+f.suffix, agree, len(talks), byField)
		})
	}
}

// independentTalks returns the corpus, or the repository's records, and
// in either case the talks of other archives' shapes (otherTalks), which
// CI, reading the corpus, would otherwise never check.
func independentTalks(t *testing.T) ([]*talk.Talk, string) {
	corpus := os.Getenv("TALKMETA_CORPUS")
	if corpus == "" {
		return append(archiveTalks(t), otherTalks(t)...), archive + " and otherTalks"
	}
	var talks []*talk.Talk
	bad := 0
	for tk, err := range pyvideo.Talks(os.DirFS(corpus)) {
		if err != nil {
			bad++
			continue
		}
		tk.Origin.Raw = nil // the corpus fits in memory without them
		talks = append(talks, tk)
	}
	if bad > 0 {
		t.Logf("%d records of the corpus could not be read and are left out", bad)
	}
	return append(talks, otherTalks(t)...), corpus + " and otherTalks"
}

// otherTalks are talks as no pyvideo record has them: the hostile talk,
// andTalk, splitNamesTalk, worldTalks, scheduleTalks, and every talk the schedule
// importer (c3voc and pretalx JSON, frab XML) and the RubyEvents importer
// make of their test data, problems and all.
func otherTalks(t *testing.T) []*talk.Talk {
	talks := append([]*talk.Talk{hostileTalk(), andTalk(), splitNamesTalk()}, worldTalks()...)
	talks = append(talks, scheduleTalks()...)
	files, err := filepath.Glob("../schedule/testdata/*.*")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if ext := filepath.Ext(f); ext != ".json" && ext != ".xml" {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s, _ := schedule.Parse(data, f) // bad.json's problems are its point
		if s == nil {
			t.Fatalf("%s: no schedule", f)
		}
		for _, tk := range s.Talks {
			tk.Origin.Path = f + "#" + tk.ID
		}
		talks = append(talks, s.Talks...)
	}
	a, _ := rubyevents.Read(os.DirFS("../rubyevents/testdata/data"))
	if a == nil || len(a.Talks) == 0 {
		t.Fatal("no talks in ../rubyevents/testdata/data")
	}
	return append(talks, a.Talks...)
}

// worldTalks have what schedules and hand-written records from outside
// pyvideo hold: math in a title, names in many scripts (with particles
// in scripts without case, and family names first), organisations as
// speakers, forty speakers and none, only a year or a month, no title, a
// stray "%" in a URL, line breaks and control characters in a
// description, a language babel has no name for, and two talks by one
// speaker in one year with one title.
func worldTalks() []*talk.Talk {
	forty := make([]talk.Speaker, 40)
	for i := range forty {
		forty[i] = talk.Speaker{Name: fmt.Sprintf("Speaker Number%d", i)}
	}
	return []*talk.Talk{
		{ID: "math", Title: `Proving $\forall x \in \mathbb{R}$: x^2 >= 0 \& 100% of {cases} ~ _under_ #1`,
			Speakers: []talk.Speaker{{Name: "Анна Каренина"}, {Name: "Σωκράτης Παπαδόπουλος"}, {Name: "محمد علي"},
				{Name: "李小龍"}, {Name: "Zoe\u0308 Noe\u0308l"}},
			Recorded: talk.MustParseDate("2023-12-27T14:00:00+01:00"), Duration: talk.Duration(40 * time.Minute),
			Event: talk.Event{Title: "37C3", Start: talk.MustParseDate("2023-12-27")}, Language: "de",
			Videos:      []talk.Video{{URL: "https://media.ccc.de/v/37c3-1234-caf%C3%A9%zz%4"}},
			Description: "Line1\r\nLine2\x07bell\tTab\u0085nel\u2028ls",
		},
		{ID: "org", Title: "Правительство и Python", Language: "ru", Recorded: talk.MustParseDate("2019"),
			Speakers: []talk.Speaker{{Name: "Chaos Computer Club e.V."}, {Name: "Python Software Foundation"}},
			Event:    talk.Event{Title: "PyCon Russia 2019"}},
		{ID: "notitle", Speakers: []talk.Speaker{{Name: "Yukihiro Matsumoto"}}, Recorded: talk.MustParseDate("2019-04"),
			Language: "ja", Event: talk.Event{Title: "RubyKaigi 2019"}},
		{ID: "forty", Title: "Forty", Speakers: forty, Recorded: talk.MustParseDate("2020-01-01"), Language: "sw"},
		{ID: "none", Title: "Zero speakers", Language: "pt-BR"},
		{ID: "same1", Title: "Ruby 3", Speakers: []talk.Speaker{{Name: "Matz"}}, Recorded: talk.MustParseDate("2021-09-09")},
		{ID: "same2", Title: "Ruby 3", Speakers: []talk.Speaker{{Name: "Matz"}}, Recorded: talk.MustParseDate("2021-09-10")},
		{ID: "long", Title: strings.Repeat("Long ", 60), Description: strings.Repeat("word ", 2000), Language: "zh-Hant-TW"},
		{ID: "world-names", Title: "Pythonで始める機械学習 и Увод у Go", Language: "ja", Recorded: talk.MustParseDate("2024-05-03"),
			Speakers: []talk.Speaker{{Name: "山田太郎"}, {Name: "山田 太郎"}, {Name: "Nguyễn Văn An"}, {Name: "Đặng Thị Hương"},
				{Name: "محمد بن سلمان"}, {Name: "بن سلمان, محمد"}, {Name: "José María Álvarez-Pérez"}, {Name: "何信賢"}, {Name: "심의팅"},
				{Name: "Kim Jong-min"}, {Name: "דוד בן גוריון"}, {Name: "Işıl Çağlar"}, {Name: "İbrahim Şahin"}, {Name: "राहुल शर्मा"},
				{Name: "João da Silva"}, {Name: "Jean de La Fontaine"}, {Name: "Phạm Thị Ỷ"}, {Name: "Līga Ozoliņa"},
				{Name: "Ahmad ibn Hanbal"}, {Name: "Abu Bakr al-Baghdadi"}, {Name: "Muhammad bin Rashid Al Maktoum"},
				{Name: "محمد عبد الله"}, {Name: "عبد الرحمن"}, {Name: "Иванов Иван Иванович"}, {Name: "Trịnh Công Sơn"},
				{Name: "Karl-Theodor von und zu Guttenberg"}, {Name: "أحمد علي، فاطمة حسن"}}},
		{ID: "world-accents", Title: "Lập trình: ĩ ī ǐ ĭ ǰ ḯ í ï ị ặ ự ḉ", Language: "vi", Recorded: talk.MustParseDate("2024"),
			Speakers: []talk.Speaker{{Name: "Nguyễn Thị Lụa"}, {Name: "Līga Ozoliņa"}}},
	}
}

// runNode runs a node script and returns what it printed.
func runNode(script string, args ...string) ([]byte, error) {
	cmd := exec.Command("node", append([]string{script}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("node %s: %v\n%s", script, err, stderr.String())
	}
	return out, nil
}

// bibFields returns the entries parse-bib.mjs printed, failing on any
// error or comment the parser reported: text between entries is a bug.
func bibFields(out []byte) ([]map[string]any, error) {
	var lib struct {
		Errors   []string
		Comments []string
		Entries  []struct {
			Type, Key string
			Fields    map[string]any
		}
	}
	if err := json.Unmarshal(out, &lib); err != nil {
		return nil, err
	}
	if len(lib.Errors) > 0 || len(lib.Comments) > 0 {
		return nil, fmt.Errorf("the parser reported %d errors and %d comments: %q %q",
			len(lib.Errors), len(lib.Comments), lib.Errors[:min(5, len(lib.Errors))], lib.Comments[:min(5, len(lib.Comments))])
	}
	var got []map[string]any
	for _, e := range lib.Entries {
		e.Fields["@type"] = e.Type
		e.Fields["@key"] = e.Key
		got = append(got, e.Fields)
	}
	return got, nil
}

// independentWant is what the independent parser must read for a talk,
// in its JSON shape: the BibTeX parser's creators and lists, citation-js's
// CSL for RIS.
func independentWant(tk *talk.Talk, f Format, opt Options) map[string]any {
	m := map[string]any{}
	if f == RIS {
		set := func(k, v string) {
			if v != "" {
				m[k] = v
			}
		}
		set("title", title(tk))
		set("genre", Genre(tk))
		set("URL", link(tk))
		set("language", string(tk.Language))
		set("abstract", abstract(tk))
		set("publisher-place", eventPlace(tk))
		set("keyword", strings.Join(tags(tk), ","))
		// RIS has one form for a name, "Family, Given, Suffix", and a name
		// without a comma is a literal, or a family name when it is one
		// word; so a one-word organisation reads back as a family name,
		// and a literal with a comma as a person (see WriteRIS).
		var authors []any
		for _, n := range Names(tk) {
			a := map[string]any{}
			au := n.Inverted()
			parts := strings.Split(au, ", ")
			switch {
			case len(parts) > 1:
				a["family"], a["given"] = parts[0], parts[1]
				if len(parts) > 2 {
					a["suffix"] = parts[2]
				}
			case strings.Contains(au, " "):
				a["literal"] = au
			default:
				a["family"] = au
			}
			authors = append(authors, a)
		}
		if authors != nil {
			m["author"] = authors
		}
		if d := cslDateOf(issued(tk)); d != nil {
			var parts []any
			for _, p := range d.DateParts[0] {
				parts = append(parts, float64(p))
			}
			m["issued"] = map[string]any{"date-parts": []any{parts}}
		}
		return m
	}
	for k, v := range bibWant(tk, f, opt) {
		switch k {
		case "author":
		case "keywords":
			var list []any
			for _, k := range strings.Split(v, ", ") {
				list = append(list, k)
			}
			m[k] = sortedList(list)
		case "month":
			m[k] = strconv.Itoa(int(issued(tk).Time().Month()))
		case "note":
			// The parser keeps the backslashes of \% and \# in \url{},
			// where LaTeX's hyperref reads them as escapes.
			u := texURLArg(urlOf(tk, opt.ASCII))
			m[k] = `<a href="` + u + `">` + u + `</a>`
		default:
			m[k] = v
		}
	}
	var authors []any
	for _, n := range Names(tk) {
		a := map[string]any{}
		switch {
		case n.Literal != "":
			a["name"] = n.Literal
		case n.Suffix != "" && n.Given == "":
			a["name"] = familySuffix(n) // braced whole
		case n.Given == "" && n.DroppingParticle == "" && n.NonDroppingParticle == "" &&
			familyBraced(n, texString(n.Family, opt.ASCII)):
			a["name"] = n.Family // "{tell-k}", "{Mary Ann}": braced whole, which the parser reads as a literal
		default:
			a["lastName"] = n.Family
			if n.Given != "" {
				a["firstName"] = n.Given
			}
			if p := joinNonEmpty(" ", n.DroppingParticle, n.NonDroppingParticle); p != "" {
				a["prefix"] = p
			}
			if n.Suffix != "" {
				a["suffix"] = n.Suffix
			}
		}
		authors = append(authors, a)
	}
	if authors != nil {
		m["author"] = authors
	}
	return m
}

// compareFields returns the names of the fields of want that got lacks or
// has with another value, and of the fields got has beyond want (the
// parser's own "@type" and "@key" aside), sorted.
func compareFields(want, got map[string]any) []string {
	var diffs []string
	for k, w := range want {
		if !cmp.Equal(w, got[k]) {
			diffs = append(diffs, k)
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok && !strings.HasPrefix(k, "@") && k != "type" && k != "id" {
			diffs = append(diffs, k)
		}
	}
	sort.Strings(diffs)
	return diffs
}

// pick returns the fields of got that want has, or that differ, for a
// readable diff.
func pick(got, want map[string]any) map[string]any {
	m := map[string]any{}
	for k, v := range got {
		if _, ok := want[k]; ok || !strings.HasPrefix(k, "@") && k != "type" && k != "id" {
			m[k] = v
		}
	}
	return m
}

// normalize returns what a parser read with its strings in NFC (the BibTeX
// parser decomposes accented letters it builds from LaTeX commands), with
// a dotless i or j under an accent read as i or j (dotted), and its
// keyword list sorted (the parser sorts it), so that only differences of
// meaning remain. The BibTeX parser reads {\~{\i}} as "ı" and a tilde,
// where LaTeX prints, and biber reads, the "ĩ" that LaTeX's own UTF-8
// input writes so.
func normalize(fields map[string]any) map[string]any {
	var norm func(v any) any
	norm = func(v any) any {
		switch v := v.(type) {
		case string:
			return nfc(dottedInPrint(v))
		case []any:
			out := make([]any, len(v))
			for i, x := range v {
				out[i] = norm(x)
			}
			return out
		case map[string]any:
			out := map[string]any{}
			for k, x := range v {
				out[k] = norm(x)
			}
			return out
		}
		return v
	}
	out := norm(fields).(map[string]any)
	if list, ok := out["keywords"].([]any); ok {
		out["keywords"] = sortedList(list)
	}
	return out
}

// sortedList sorts a list of strings without regard to case, as the
// BibTeX parser sorts keywords.
func sortedList(list []any) []any {
	out := append([]any(nil), list...)
	sort.SliceStable(out, func(i, j int) bool {
		a, _ := out[i].(string)
		b, _ := out[j].(string)
		return strings.ToLower(a) < strings.ToLower(b)
	})
	return out
}

func nfc(s string) string { return norm.NFC.String(s) }
