package talk_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	gosimple "github.com/gosimple/slug"

	"github.com/talkmeta/talkmeta/internal/golden"
	"github.com/talkmeta/talkmeta/talk"
)

// slugCase is one entry of testdata/slug-golden.json.
type slugCase struct {
	Name      string `json:"name"`
	Title     string `json:"title"`
	Language  string `json:"language,omitempty"`
	MaxLength int    `json:"max_length,omitempty"`
	Want      string `json:"want"`
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

func TestSluggerGolden(t *testing.T) {
	cases := slugGolden(t)
	for i, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			got := talk.Slugger{MaxLength: c.MaxLength, Language: c.Language}.Make(c.Title)
			if golden.Update() {
				cases[i].Want = got
				return
			}
			if diff := cmp.Diff(c.Want, got); diff != "" {
				t.Errorf("Slugger{MaxLength: %d, Language: %q}.Make(%q) mismatch (-want +got):\n%s",
					c.MaxLength, c.Language, c.Title, diff)
			}
		})
	}
	if golden.Update() {
		data, err := json.MarshalIndent(cases, "", " ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(slugGoldenFile, append(data, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestSlug(t *testing.T) {
	const title = "async/await in Python 3.5 and why it is awesome"
	if diff := cmp.Diff(talk.Slugger{}.Make(title), talk.Slug(title)); diff != "" {
		t.Errorf("Slug differs from the zero Slugger (-want +got):\n%s", diff)
	}
}

// checkSlugger reports what holds for every slug a Slugger makes: the
// alphabet, no '-' or '_' at either end, no "--", the length limit, and
// that making a slug of a slug changes nothing.
func checkSlugger(t *testing.T, sl talk.Slugger, title string) {
	t.Helper()
	s := sl.Make(title)
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_' || c == '-') {
			t.Fatalf("%+v.Make(%q) = %q: byte %d is outside [a-z0-9_-]", sl, title, s, i)
		}
	}
	if s != strings.Trim(s, "-_") || strings.Contains(s, "--") {
		t.Errorf("%+v.Make(%q) = %q: '-' or '_' at an end, or \"--\"", sl, title, s)
	}
	if sl.MaxLength > 0 && len(s) > sl.MaxLength {
		t.Errorf("%+v.Make(%q) = %q is longer than %d", sl, title, s, sl.MaxLength)
	}
	if again := sl.Make(s); again != s {
		t.Errorf("%+v.Make is not idempotent on %q: %q, then %q", sl, title, s, again)
	}
}

func TestSluggerProperties(t *testing.T) {
	for _, c := range slugGolden(t) {
		t.Run(c.Name, func(t *testing.T) {
			for _, max := range []int{0, 1, 2, 5, 10, 20, 40} {
				for _, lang := range []string{"", "de", "tr"} {
					checkSlugger(t, talk.Slugger{MaxLength: max, Language: lang}, c.Title)
				}
			}
		})
	}
}

func TestSlugSet(t *testing.T) {
	var set talk.SlugSet // the zero value is ready
	in := []string{
		"intro", "intro", "intro-2", "intro", // a real "intro-2" is skipped
		"", "", "talk", // empty slugs become "talk", "talk-2"; a real "talk" follows
		"a-", "a-", "a-2", // no "--" before the suffix
		"intro-2", // a suffixed slug gets its own suffix
		"Intro",   // compared byte by byte
	}
	want := []string{
		"intro", "intro-2", "intro-2-2", "intro-3",
		"talk", "talk-2", "talk-3",
		"a-", "a-2", "a-2-2",
		"intro-2-3",
		"Intro",
	}
	var got []string
	for _, s := range in {
		got = append(got, set.Unique(s))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Unique sequence mismatch (-want +got):\n%s", diff)
	}
	seen := map[string]bool{}
	for _, s := range got {
		if seen[s] {
			t.Errorf("Unique returned %q twice", s)
		}
		seen[s] = true
	}
}

// Two sets are independent, and a set hands out n distinct slugs for n
// copies of one slug.
func TestSlugSetMany(t *testing.T) {
	var a, b talk.SlugSet
	const n = 1000
	seen := map[string]bool{}
	for i := range n {
		s := a.Unique("lightning-talks")
		if seen[s] {
			t.Fatalf("call %d: %q again", i, s)
		}
		seen[s] = true
	}
	if got := b.Unique("lightning-talks"); got != "lightning-talks" {
		t.Errorf("a fresh set gave %q, want %q", got, "lightning-talks")
	}
	if !seen["lightning-talks-1000"] || seen["lightning-talks-1001"] || seen["lightning-talks-1"] {
		t.Errorf("%d calls should give lightning-talks, -2 ... -%d", n, n)
	}
}

// gosimple/slug keeps its settings in package variables; many goroutines
// making slugs at once must be clean under -race (talk never writes them).
func TestSluggerConcurrent(t *testing.T) {
	cases := slugGolden(t)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for _, c := range cases {
				if got := (talk.Slugger{MaxLength: c.MaxLength, Language: c.Language}).Make(c.Title); got != c.Want {
					t.Errorf("Make(%q) = %q, want %q", c.Title, got, c.Want)
				}
			}
		})
	}
	wg.Wait()
}

// TestSlugCorpus makes default slugs for every talk and event title of a
// pyvideo archive (TALKMETA_CORPUS), checks the properties above on each,
// and gives each event's talks unique slugs with a SlugSet.
func TestSlugCorpus(t *testing.T) {
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
	title := func(file string) string {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var rec struct {
			Title string `json:"title"`
		}
		if err := json.Unmarshal(data, &rec); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		return rec.Title
	}
	var talks, empty, suffixed int
	for _, ev := range events {
		checkSlugger(t, talk.Slugger{}, title(ev))
		files, err := filepath.Glob(filepath.Join(filepath.Dir(ev), "videos", "*.json"))
		if err != nil {
			t.Fatal(err)
		}
		var set talk.SlugSet
		seen := map[string]bool{}
		for _, file := range files {
			tt := title(file)
			checkSlugger(t, talk.Slugger{}, tt)
			checkSlugger(t, talk.Slugger{MaxLength: 50}, tt)
			s := talk.Slug(tt)
			if s == "" {
				empty++
			}
			u := set.Unique(s)
			if u != s {
				suffixed++
			}
			if seen[u] {
				t.Errorf("%s: SlugSet gave %q twice", ev, u)
			}
			seen[u] = true
			talks++
		}
	}
	t.Logf("%d events, %d talks: %d titles have an empty slug, %d slugs got a suffix to be unique in their event",
		len(events), talks, empty, suffixed)
}

func FuzzSlug(f *testing.F) {
	for _, c := range slugGolden(f) {
		f.Add(c.Title, c.MaxLength, c.Language)
	}
	f.Fuzz(func(t *testing.T, title string, max int, lang string) {
		checkSlugger(t, talk.Slugger{MaxLength: max % 100, Language: lang}, title)
	})
}

// FuzzSlugPlainWords holds Make's shortcut for titles of ASCII letters,
// digits, spaces, '-' and '_' to gosimple/slug's own result, in every
// language.
func FuzzSlugPlainWords(f *testing.F) {
	f.Add("Yury Selivanov", "")
	f.Add(" _a -_- B_ ", "de")
	f.Add("--x--", "tr")
	f.Fuzz(func(t *testing.T, title, lang string) {
		title = strings.Map(func(r rune) rune {
			if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '-' || r == '_' {
				return r
			}
			return ' '
		}, title)
		gosimpleLang := lang
		if gosimpleLang == "" {
			gosimpleLang = "en" // what Slugger's "" means
		}
		want := gosimple.MakeLang(title, gosimpleLang)
		if got := (talk.Slugger{Language: lang}).Make(title); got != want {
			t.Errorf("Make(%q) in %q = %q, gosimple gives %q", title, lang, got, want)
		}
	})
}

func BenchmarkSlug(b *testing.B) {
	for _, bb := range []struct{ name, title string }{
		{"ascii", "async/await in Python 3.5 and why it is awesome"},
		{"cyrillic", "Асинхронный Python: как это работает"},
	} {
		b.Run(bb.name, func(b *testing.B) {
			talk.Slug(bb.title) // gosimple loads its table on first use
			b.ReportAllocs()
			b.SetBytes(int64(len(bb.title)))
			for b.Loop() {
				talk.Slug(bb.title)
			}
		})
	}
}

func BenchmarkSlugSetUnique(b *testing.B) {
	slugs := make([]string, 64)
	for i := range slugs {
		slugs[i] = fmt.Sprint("lightning-talk-", i)
	}
	b.ReportAllocs()
	var set talk.SlugSet
	i := 0
	for b.Loop() {
		set.Unique(slugs[i%len(slugs)]) // after the first round, each call makes a suffix
		i++
	}
}
