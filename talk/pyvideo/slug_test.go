package pyvideo_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/talkmeta/talkmeta/internal/golden"
	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

// slugCase is one entry of testdata/slug-golden.json. The expected values
// were first produced by Pelican's slugify itself (Pelican's code with
// markupsafe 3 and Python's unidecode 1.3.6), not by this package.
type slugCase struct {
	Name      string `json:"name"`
	Title     string `json:"title"`
	Want      string `json:"want"`      // zero Slugifier (Pelican 4.5 and later)
	Pelican42 string `json:"pelican42"` // pyvideo.Slugifier{Pelican42: true}
}

const slugGoldenFile = "testdata/slug-golden.json"

func slugGolden(t testing.TB) []slugCase {
	t.Helper()
	data, err := os.ReadFile(slugGoldenFile)
	if err != nil {
		t.Fatal(err)
	}
	var cases []slugCase
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatalf("%s: %v", slugGoldenFile, err)
	}
	return cases
}

// TestSlugifyGolden compares, case by case, then as a whole file, what
// Slugify makes of each title with the golden file, which -update
// rewrites: so the file is byte for byte what the code makes, written as
// a person would write it ("<" as itself, not "\u003c").
func TestSlugifyGolden(t *testing.T) {
	cases := slugGolden(t)
	got := make([]slugCase, len(cases))
	for i, c := range cases {
		got[i] = c
		got[i].Want, got[i].Pelican42 = pyvideo.Slugify(c.Title), pyvideo.Slugifier{Pelican42: true}.Slugify(c.Title)
		t.Run(c.Name, func(t *testing.T) {
			if diff := cmp.Diff(c, got[i]); diff != "" && !golden.Update() {
				t.Errorf("pyvideo.Slugify(%q) mismatch (-want +got):\n%s", c.Title, diff)
			}
		})
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(got); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, slugGoldenFile, buf.Bytes())
}

// checkSlugProperties reports what holds for every slug Slugify makes,
// under both rules: only the bytes a-z, 0-9, '_' and '-'; no "--"; and
// slugifying a slug changes nothing.
func checkSlugProperties(t *testing.T, title string) {
	t.Helper()
	for _, r := range []pyvideo.Slugifier{{}, {Pelican42: true}} {
		s := r.Slugify(title)
		if i := strings.IndexFunc(s, func(c rune) bool {
			return !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_' || c == '-')
		}); i >= 0 {
			t.Errorf("%+v.Slugify(%q) = %q: byte %d is outside [a-z0-9_-]", r, title, s, i)
		}
		if strings.Contains(s, "--") {
			t.Errorf("%+v.Slugify(%q) = %q holds \"--\"", r, title, s)
		}
		if again := r.Slugify(s); again != s {
			t.Errorf("%+v.Slugify is not idempotent on %q: %q, then %q", r, title, s, again)
		}
	}
}

func TestSlugifyProperties(t *testing.T) {
	for _, c := range slugGolden(t) {
		t.Run(c.Name, func(t *testing.T) { checkSlugProperties(t, c.Title) })
	}
}

// Slugify is not Trim-happy: Pelican keeps '-' and '_' at the ends, and
// only whitespace is stripped. This is where pyvideo's rule differs most
// visibly from gosimple/slug's.
func TestSlugifyKeepsEdges(t *testing.T) {
	got := []string{pyvideo.Slugify("-O- _init_"), pyvideo.Slugify("  -  "), pyvideo.Slugify("__"), pyvideo.Slugify("a -")}
	want := []string{"-o-_init_", "-", "__", "a-"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
}

func TestURLPath(t *testing.T) {
	tests := []struct {
		name                string
		event, slug, title  string
		want, wantPelican42 string
	}{
		{
			name:  "slug from the title",
			event: "EuroPython 2016", title: "async/await in Python 3.5 and why it is awesome",
			want: "/europython-2016/asyncawait-in-python-35-and-why-it-is-awesome.html",
		},
		{
			name:  "legacy slug used verbatim (corpus, chipy/videos/15261.json)",
			event: "ChiPy", slug: "Micropython_gpio", title: "MicroPython GPIO Electronics Edition",
			want: "/chipy/Micropython_gpio.html",
		},
		{
			name:  "legacy slug trimmed",
			event: "ChiPy", slug: " python-for-humans-3\n", title: "Python For Humans",
			want: "/chipy/python-for-humans-3.html",
		},
		{
			name:  "blank slug falls back to the title",
			event: "ChiPy", slug: " \t", title: "Python For Humans",
			want: "/chipy/python-for-humans.html",
		},
		{
			name:  "no event title: Pelican's default category",
			event: " ", title: "Lightning talks",
			want: "/undefined/lightning-talks.html",
		},
		{
			name:  "slug trimmed of what Python counts as whitespace",
			event: "ChiPy", slug: "\x1fpython-for-humans-3\x1c", title: "Python For Humans",
			want: "/chipy/python-for-humans-3.html",
		},
		{
			name:  "event title of what Python counts as whitespace",
			event: "\x1f", title: "Lightning talks",
			want: "/undefined/lightning-talks.html",
		},
		{
			name:  "title that slugs to nothing",
			event: "PyCon JP 2017", title: "🐍",
			want: "/pycon-jp-2017/.html",
		},
		{
			name:  "event with HTML and accents",
			event: "PyCon Français &amp; <em>Ami·e·s</em>", title: "Café",
			want: "/pycon-francais-amies/cafe.html",
		},
		{
			name:  "the two rules differ (corpus, pycon-jp-2014)",
			event: "PyCon JP 2014", title: "PYCON\u30b9\u30db\u309a\u30f3\u30b5\u30fc\u30d5\u3099\u30fc\u30b9", // ホ+゚, フ+゙
			want:          "/pycon-jp-2014/pyconsuponsabusu.html",
			wantPelican42: "/pycon-jp-2014/pyconsuhonsahusu.html",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.wantPelican42 == "" {
				tt.wantPelican42 = tt.want
			}
			want := []string{tt.want, tt.wantPelican42}
			got := []string{
				pyvideo.URLPath(tt.event, tt.slug, tt.title),
				pyvideo.Slugifier{Pelican42: true}.URLPath(tt.event, tt.slug, tt.title),
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("pyvideo.URLPath(%q, %q, %q) mismatch (-want +got):\n%s", tt.event, tt.slug, tt.title, diff)
			}
		})
	}
}

// The transliteration table is built on first use; building it from many
// goroutines at once must be clean under -race and give one answer.
func TestSlugifyConcurrent(t *testing.T) {
	const title = "北京 Python 大会 – Café ™"
	want := "bei-jing-python-da-hui-cafe-tm"
	var wg sync.WaitGroup
	got := make([]string, 8)
	for i := range got {
		wg.Go(func() { got[i] = pyvideo.Slugify(title) })
	}
	wg.Wait()
	for i, g := range got {
		if g != want {
			t.Errorf("goroutine %d: pyvideo.Slugify(%q) = %q, want %q", i, title, g, want)
		}
	}
}

// Slugify runs on every record of an archive, so an ASCII title must cost
// one allocation (the result) and a title that is already a slug none.
func TestSlugifyAllocs(t *testing.T) {
	for _, tt := range []struct {
		title string
		max   float64
	}{
		{"async/await in Python 3.5 and why it is awesome", 1},
		{"asyncawait-in-python-35-and-why-it-is-awesome", 0},
		{"Pythonによる文章自動生成入門", 1},
	} {
		pyvideo.Slugify(tt.title) // build the table outside the count
		if n := testing.AllocsPerRun(50, func() { pyvideo.Slugify(tt.title) }); n > tt.max {
			t.Errorf("pyvideo.Slugify(%q): %v allocations, want at most %v", tt.title, n, tt.max)
		}
	}
}

// slugRecord is what the corpus test needs of a pyvideo record.
type slugRecord struct {
	Title *string `json:"title"`
	Slug  *string `json:"slug"`
}

// TestSlugifyCorpus slugifies every talk and event title of a pyvideo
// archive (TALKMETA_CORPUS) and checks the alphabet, idempotence and that
// no two talks get the same pyvideo.org URL. It logs how often a record's
// legacy "slug" member equals pyvideo.Slugify(title): legacy slugs come from older
// tools (pyvideo's Django era truncated them to 50 bytes and kept HTML
// entities such as "39" from "&#39;"), so they are not expected to agree.
func TestSlugifyCorpus(t *testing.T) {
	root := os.Getenv("TALKMETA_CORPUS")
	if root == "" {
		t.Skip("TALKMETA_CORPUS is not set; set it to a pyvideo data directory to run this test")
	}
	events, err := filepath.Glob(filepath.Join(root, "*", "category.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(events) == 0 {
		t.Fatalf("no */category.json under %s", root)
	}
	var (
		talks, withSlug, equal, truncated, verbatimOdd, rulesDiffer int
		urls                                                        = map[string]string{}
	)
	alphabetOK := func(s string) bool {
		for i := 0; i < len(s); i++ {
			c := s[i]
			if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_' || c == '-') {
				return false
			}
		}
		return true
	}
	check := func(file, title string) string {
		s := pyvideo.Slugify(title)
		if !alphabetOK(s) {
			t.Errorf("%s: pyvideo.Slugify(%q) = %q is outside [a-z0-9_-]", file, title, s)
		}
		if again := pyvideo.Slugify(s); again != s {
			t.Errorf("%s: Slugify not idempotent on %q: %q, then %q", file, title, s, again)
		}
		if old := (pyvideo.Slugifier{Pelican42: true}).Slugify(title); old != s {
			rulesDiffer++
			t.Logf("%s: %q is %q with NFKC (Pelican 4.5+), %q without (Pelican 4.2)", file, title, s, old)
		}
		return s
	}
	read := func(file string) slugRecord {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var rec slugRecord
		if err := json.Unmarshal(data, &rec); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		return rec
	}
	for _, ev := range events {
		var eventTitle string
		if rec := read(ev); rec.Title != nil {
			eventTitle = *rec.Title
		}
		check(ev, eventTitle)
		files, err := filepath.Glob(filepath.Join(filepath.Dir(ev), "videos", "*.json"))
		if err != nil {
			t.Fatal(err)
		}
		for _, file := range files {
			rec := read(file)
			talks++
			title := "Title" // pyvideo's reader gives a record without a title this one
			if rec.Title != nil {
				title = *rec.Title
			}
			s := check(file, title)
			var legacy string
			if rec.Slug != nil {
				withSlug++
				legacy = *rec.Slug
				switch {
				case legacy == s:
					equal++
				case strings.HasPrefix(s, strings.TrimRight(legacy, "-0123456789")):
					truncated++
				case !alphabetOK(legacy):
					verbatimOdd++
				}
			}
			u := pyvideo.URLPath(eventTitle, legacy, title)
			if prev, dup := urls[u]; dup {
				t.Errorf("%s and %s both get the URL %s", prev, file, u)
			}
			urls[u] = file
		}
	}
	t.Logf("%d events, %d talks; %d talks carry a legacy slug: %d equal pyvideo.Slugify(title), "+
		"%d differ (%d are a cut or numbered form of it, %d use letters outside [a-z0-9_-], %d other)",
		len(events), talks, withSlug, equal, withSlug-equal, truncated, verbatimOdd,
		withSlug-equal-truncated-verbatimOdd)
	t.Logf("%d titles slug differently with and without NFKC; %d distinct talk URLs", rulesDiffer, len(urls))
	if len(urls) != talks {
		t.Errorf("%d talks have %d distinct URLs", talks, len(urls))
	}
}

func FuzzSlugify(f *testing.F) {
	for _, c := range slugGolden(f) {
		f.Add(c.Title)
	}
	f.Fuzz(func(t *testing.T, title string) {
		checkSlugProperties(t, title)
	})
}

func BenchmarkSlugify(b *testing.B) {
	for _, bb := range []struct{ name, title string }{
		{"ascii", "async/await in Python 3.5 and why it is awesome"},
		{"slug", "asyncawait-in-python-35-and-why-it-is-awesome"},
		{"accents", "Construindo soluções científicas com Big Data e MapReduce usando Python"},
		{"japanese", "Pythonによる文章自動生成入門！Python ✖︎ 自然言語処理 ✖︎ ディープラーニング"},
		{"html", "path('/user/&lt;user.username:user&gt;/', <em>view_profile</em>)"},
	} {
		b.Run(bb.name, func(b *testing.B) {
			pyvideo.Slugify(bb.title) // build the transliteration table first
			b.ReportAllocs()
			b.SetBytes(int64(len(bb.title)))
			for b.Loop() {
				pyvideo.Slugify(bb.title)
			}
		})
	}
}

// TestTalkURLPath gives a talk's record the stand-ins pyvideo's reader
// uses for what it lacks.
func TestTalkURLPath(t *testing.T) {
	for _, tt := range []struct {
		name string
		talk talk.Talk
		want string
	}{
		{"the event's title", talk.Talk{Title: "Lightning talks", Event: talk.Event{Title: "PyCon 2012"}, Legacy: talk.Legacy{Category: "Other"}}, "/pycon-2012/lightning-talks.html"},
		{"no event title: the legacy category", talk.Talk{Title: "Lightning talks", Event: talk.Event{Title: " "}, Legacy: talk.Legacy{Category: "PyCon 2012"}}, "/pycon-2012/lightning-talks.html"},
		{"neither: Pelican's default category", talk.Talk{Title: "Lightning talks"}, "/undefined/lightning-talks.html"},
		{"no title", talk.Talk{Event: talk.Event{Title: "PyCon 2012"}}, "/pycon-2012/title.html"},
		{"the talk's slug", talk.Talk{Title: "Lightning talks", Slug: "Lightning_1", Event: talk.Event{Title: "PyCon 2012"}}, "/pycon-2012/Lightning_1.html"},
	} {
		if got := pyvideo.TalkURLPath(&tt.talk); got != tt.want {
			t.Errorf("%s: TalkURLPath = %q, want %q", tt.name, got, tt.want)
		}
	}
}
