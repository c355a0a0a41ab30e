package main

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/talkmeta/talkmeta/internal/golden"
	"github.com/talkmeta/talkmeta/internal/pageslug"
	"github.com/talkmeta/talkmeta/internal/sitetest"
	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/ical"
)

// TestSite builds the site of a small schedule: the list of files, the
// index, one talk page and the page of a speaker of two talks are
// compared with testdata/site.golden.
func TestSite(t *testing.T) {
	dir := t.TempDir()
	var stderr bytes.Buffer
	if st := run("testdata/pair.json", dir, "", time.Date(2024, 7, 1, 0, 0, 0, 0, time.UTC), never, &stderr); st != 0 {
		t.Fatalf("status %d: %s", st, stderr.String())
	}
	var b strings.Builder
	for _, name := range siteFiles(t, dir) {
		b.WriteString("file: " + name + "\n")
	}
	for _, name := range []string{"index.html", "talks/opening-small-fast-and-escaped.html", "speakers/ada-lovelace.html"} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString("== " + name + "\n" + string(data))
	}
	golden.Check(t, filepath.Join("testdata", "site.golden"), []byte(b.String()))
}

// never is run's interrupted for a build that is not interrupted.
func never() bool { return false }

// siteFiles returns the slash-separated paths of the files under dir,
// in lexical order.
func siteFiles(t *testing.T, dir string) []string {
	t.Helper()
	var names []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		names = append(names, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return names
}

// TestHostile checks that markup in a schedule stays text in the pages
// and cannot end the JSON-LD script element.
func TestHostile(t *testing.T) {
	src := filepath.Join(t.TempDir(), "evil.json")
	evil := `{"schedule": {"version": "1", "conference": {"acronym": "evil", "title": "<b>Evil</b>", "days": [{"index": 1, "date": "2024-01-01", "rooms": {"R": [
		{"guid": "0d6a1c2e-3f4b-4c5d-8e9f-0a1b2c3d4e5f", "title": "</script><script>alert(1)</script>", "date": "2024-01-01T10:00:00Z", "duration": "00:10",
		 "abstract": "<img src=x onerror=alert(1)>", "persons": [{"name": "<i>x</i>"}],
		 "attachments": [{"url": "javascript:alert(1)", "title": "<u>a</u>"}]}]}}]}}}`
	if err := os.WriteFile(src, []byte(evil), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var stderr bytes.Buffer
	if st := run(src, dir, "", time.Unix(0, 0), never, &stderr); st != 0 {
		t.Fatalf("status %d: %s", st, stderr.String())
	}
	for _, name := range []string{"index.html", "talks/script-script-alert-1-script.html"} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		for _, bad := range []string{"<script>alert", "<img", "<i>x", "<b>Evil", "<u>a", `href="javascript:`} {
			if strings.Contains(string(data), bad) {
				t.Errorf("%s contains %q", name, bad)
			}
		}
	}
}

// oldSite writes a stand-in for a site built before into a new directory.
func oldSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := sitetest.Plant(dir, map[string]string{"index.html": "old index\n", "talks/old.html": "old talk\n", ".schedule2site": "index.html\ntalks/old.html\n"}); err != nil {
		t.Fatal(err)
	}
	return dir
}

// listing returns every file under dir with its content.
func listing(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			b.WriteString(filepath.ToSlash(rel) + "/\n")
			return nil
		}
		data, err := os.ReadFile(p)
		b.WriteString(filepath.ToSlash(rel) + ": " + string(data))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestNotASchedule leaves the site alone when the file holds no schedule
// at all, instead of writing an empty index over it.
func TestNotASchedule(t *testing.T) {
	for _, tt := range []struct{ name, data, msg string }{
		{"garbage.json", "not json", "garbage.json:1:1: schedule: invalid JSON: invalid literal, want null\n"},
		{"cut.xml", `<?xml version="1.0"?><schedule><conference><title>x`, "cut.xml:1:52: schedule: invalid XML: unexpected EOF\n"},
		{"other.json", `{"schedule": 5}`, "other.json:1:14: /schedule: schedule: want an object, got number\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			src := filepath.Join(t.TempDir(), tt.name)
			if err := os.WriteFile(src, []byte(tt.data), 0o644); err != nil {
				t.Fatal(err)
			}
			dir := oldSite(t)
			before := listing(t, dir)
			var stderr bytes.Buffer
			st := run(src, dir, "", time.Unix(0, 0), never, &stderr)
			got := strings.ReplaceAll(stderr.String(), filepath.Dir(src)+string(filepath.Separator), "")
			got = strings.ReplaceAll(got, filepath.ToSlash(filepath.Dir(src))+"/", "")
			got = strings.ReplaceAll(got, dir, "DIR")
			want := tt.msg + tt.name + ": no talks could be read; DIR is left as it was\n"
			if st != 1 || got != want {
				t.Errorf("status %d, stderr:\n%s\nwant status 1, stderr:\n%s", st, got, want)
			}
			if diff := cmp.Diff(before, listing(t, dir)); diff != "" {
				t.Errorf("the old site changed (-before +after):\n%s", diff)
			}
		})
	}
}

// TestNoHalfSite keeps an old site whole when the new one cannot be
// written in full: here schedule.ics is a directory in the old site.
func TestNoHalfSite(t *testing.T) {
	dir := oldSite(t)
	if err := os.MkdirAll(filepath.Join(dir, "schedule.ics", "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	before := listing(t, dir)
	var stderr bytes.Buffer
	st := run("testdata/pair.json", dir, "", time.Unix(0, 0), never, &stderr)
	want := filepath.Join(dir, "schedule.ics") + ": is a directory; " + dir + " is left as it was\n"
	if st != 1 || stderr.String() != want {
		t.Errorf("status %d, stderr:\n%s\nwant status 1, stderr:\n%s", st, stderr.String(), want)
	}
	if diff := cmp.Diff(before, listing(t, dir)); diff != "" {
		t.Errorf("the old site changed (-before +after):\n%s", diff)
	}
}

// TestSiteSlugs builds a site whose talks' titles slug alike ("C",
// "C++" and "C 2") or are too long for a file name, and differ only past
// the cut: each talk has a page and a calendar of its own, and every link
// of the site's leads to one of its files. A title of over 255 bytes made
// the whole build fail ("file name too long"). The list of files and the
// links of each page are compared with testdata/slugs.golden.
func TestSiteSlugs(t *testing.T) {
	dir := t.TempDir()
	var stderr bytes.Buffer
	if st := run("testdata/slugs.json", dir, "", time.Unix(0, 0), never, &stderr); st != 0 {
		t.Fatalf("status %d: %s", st, stderr.String())
	}
	href := regexp.MustCompile(`href="(/[^"]*)"`)
	var b strings.Builder
	for _, name := range siteFiles(t, dir) {
		b.WriteString("file: " + name + "\n")
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		links := map[string]bool{}
		for _, m := range href.FindAllStringSubmatch(string(data), -1) {
			links[m[1]] = true
		}
		for _, l := range slices.Sorted(maps.Keys(links)) {
			if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(l))); err != nil {
				l += " (no such file)"
			}
			b.WriteString("  link: " + l + "\n")
		}
	}
	golden.Check(t, filepath.Join("testdata", "slugs.golden"), []byte(b.String()))
}

// TestRebuild builds a site over an older one: the page and calendar of
// a talk no longer in the schedule go, and so does the directory they
// leave empty, while a file the user added (CNAME) stays. They were left
// where they were, linked from nowhere. The site's listing after is
// compared whole.
func TestRebuild(t *testing.T) {
	dir := oldSite(t)
	if err := sitetest.Plant(dir, map[string]string{"CNAME": "talks.example.org\n", "old/gone.ics": "old calendar\n"}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ".schedule2site"), []byte("index.html\ntalks/old.html\nold/gone.ics\n../outside\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	if st := run("testdata/pair.json", dir, "", time.Unix(0, 0), never, &stderr); st != 0 {
		t.Fatalf("status %d: %s", st, stderr.String())
	}
	pages := []string{".schedule2site-pages", "index.html", "schedule.ics", "speakers/ada-lovelace.html", "speakers/grace-hopper.html",
		"speakers/hedy-lamarr.html", "talks/closing.html", "talks/closing.ics",
		"talks/lightning-talks.html", "talks/lightning-talks.ics",
		"talks/opening-small-fast-and-escaped.html", "talks/opening-small-fast-and-escaped.ics",
		"talks/soldering-after-midnight.html", "talks/soldering-after-midnight.ics"}
	got := siteFiles(t, dir)
	if diff := cmp.Diff(slices.Concat([]string{".schedule2site"}, pages[:1], []string{"CNAME"}, pages[1:]), got); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
	manifest, err := os.ReadFile(filepath.Join(dir, ".schedule2site"))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(strings.Join(pages, "\n")+"\n", string(manifest)); diff != "" {
		t.Errorf("manifest (-want +got):\n%s", diff)
	}
}

// TestForeignDir never writes into a directory that holds files and no
// site of schedule2site's: the user's index.html was overwritten.
func TestForeignDir(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte("my home page\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := listing(t, dir)
	var stderr bytes.Buffer
	st := run("testdata/pair.json", dir, "", time.Unix(0, 0), never, &stderr)
	want := dir + ": not empty, and holds no site of schedule2site's (no .schedule2site): its files are left as they are; choose another -o, or create an empty .schedule2site there to build the site among them (a checkout for GitHub Pages)\n"
	if st != 1 || stderr.String() != want {
		t.Errorf("status %d, stderr:\n%s\nwant status 1, stderr:\n%s", st, stderr.String(), want)
	}
	if diff := cmp.Diff(before, listing(t, dir)); diff != "" {
		t.Errorf("the user's directory changed (-before +after):\n%s", diff)
	}
}

// TestInterrupted leaves the old site as it was, and no temporary file,
// when the build is interrupted while files are staged.
func TestInterrupted(t *testing.T) {
	dir := oldSite(t)
	before := listing(t, dir)
	calls := 0
	var stderr bytes.Buffer
	st := run("testdata/pair.json", dir, "", time.Unix(0, 0), func() bool { calls++; return calls > 3 }, &stderr)
	want := "schedule2site: interrupted; " + dir + " is left as it was\n"
	if st != statusInterrupted || stderr.String() != want {
		t.Errorf("status %d, stderr:\n%s\nwant status %d, stderr:\n%s", st, stderr.String(), statusInterrupted, want)
	}
	if diff := cmp.Diff(before, listing(t, dir)); diff != "" {
		t.Errorf("the old site changed (-before +after):\n%s", diff)
	}
}

// TestDeterministic builds the site of one schedule twice, a second
// apart, with the calendars stamped as main stamps them: the two are the
// same to the byte. The DTSTAMP was the time of the run.
func TestDeterministic(t *testing.T) {
	src := filepath.Join(t.TempDir(), "pair.json")
	data, err := os.ReadFile("testdata/pair.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(src, data, 0o644); err != nil {
		t.Fatal(err)
	}
	changed := time.Date(2024, 6, 30, 12, 0, 0, 0, time.UTC)
	if err := os.Chtimes(src, changed, changed); err != nil {
		t.Fatal(err)
	}
	var sites [2]string
	for i := range sites {
		dir := t.TempDir()
		var stderr bytes.Buffer
		if st := run(src, dir, "", time.Time{}, never, &stderr); st != 0 {
			t.Fatalf("status %d: %s", st, stderr.String())
		}
		sites[i] = listing(t, dir)
		if i == 0 {
			time.Sleep(time.Second)
		}
	}
	if diff := cmp.Diff(sites[0], sites[1]); diff != "" {
		t.Errorf("the second build differs (-first +second):\n%s", diff)
	}
	if !strings.Contains(sites[0], "DTSTAMP:20240630T120000Z") {
		t.Error("the calendars are not stamped with the schedule's modification time")
	}
}

// TestSiteBase builds the site to be published at a sub-path of a host,
// which was not possible (every link was a path from the host's root):
// a talk page, with its links, canonical URL and JSON-LD absolute, is
// compared with testdata/base.golden.
func TestSiteBase(t *testing.T) {
	dir := t.TempDir()
	var stderr bytes.Buffer
	if st := run("testdata/pair.json", dir, "https://archive.example.net/camp/2024", time.Unix(0, 0), never, &stderr); st != 0 {
		t.Fatalf("status %d: %s", st, stderr.String())
	}
	data, err := os.ReadFile(filepath.Join(dir, "talks", "closing.html"))
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, filepath.Join("testdata", "base.golden"), data)
}

// TestSlugsStay takes the second of three talks called "Intro" out of
// the schedule: the third keeps its page, where it took the second's
// ("intro-3" became "intro-2", and links to the removed talk led to
// another). The site's files are compared whole, before and after.
func TestSlugsStay(t *testing.T) {
	talk := func(n, guid string) string {
		return `{"guid": "` + guid + `", "title": "Intro", "date": "2024-01-01T1` + n + `:00:00Z", "duration": "00:10", "persons": []}`
	}
	schedule := func(talks ...string) string {
		return `{"schedule": {"version": "1", "conference": {"acronym": "i", "title": "I", "days": [{"index": 1, "date": "2024-01-01", "rooms": {"R": [` +
			strings.Join(talks, ",") + `]}}]}}}`
	}
	a, b, c := talk("0", "a0000000-0000-4000-8000-000000000000"), talk("1", "b0000000-0000-4000-8000-000000000000"), talk("2", "c0000000-0000-4000-8000-000000000000")
	src, dir := filepath.Join(t.TempDir(), "s.json"), t.TempDir()
	for _, tt := range []struct {
		schedule string
		want     []string
	}{
		{schedule(a, b, c), []string{".schedule2site", ".schedule2site-pages", "index.html", "schedule.ics",
			"talks/intro-b0000000-0000-4000-8000-000000000000.html", "talks/intro-b0000000-0000-4000-8000-000000000000.ics",
			"talks/intro-c0000000-0000-4000-8000-000000000000.html", "talks/intro-c0000000-0000-4000-8000-000000000000.ics",
			"talks/intro.html", "talks/intro.ics"}},
		{schedule(a, c), []string{".schedule2site", ".schedule2site-pages", "index.html", "schedule.ics",
			"talks/intro-c0000000-0000-4000-8000-000000000000.html", "talks/intro-c0000000-0000-4000-8000-000000000000.ics",
			"talks/intro.html", "talks/intro.ics"}},
	} {
		if err := os.WriteFile(src, []byte(tt.schedule), 0o644); err != nil {
			t.Fatal(err)
		}
		var stderr bytes.Buffer
		if st := run(src, dir, "", time.Unix(0, 0), never, &stderr); st != 0 {
			t.Fatalf("status %d: %s", st, stderr.String())
		}
		if diff := cmp.Diff(tt.want, siteFiles(t, dir)); diff != "" {
			t.Errorf("files (-want +got):\n%s", diff)
		}
	}
}

// introSchedule is a schedule of talks called "Intro", each given as its
// GUID's first digit and the hour it starts at.
func introSchedule(talks ...[2]string) string {
	var items []string
	for _, tk := range talks {
		items = append(items, `{"guid": "`+tk[0]+`0000000-0000-4000-8000-000000000000", "title": "Intro", "date": "2024-01-01T`+tk[1]+
			`:00:00Z", "duration": "00:10", "persons": [{"public_name": "Ada `+tk[0]+`"}]}`)
	}
	return `{"schedule": {"version": "1", "conference": {"acronym": "i", "title": "I", "days": [{"index": 1, "date": "2024-01-01", "rooms": {"R": [` +
		strings.Join(items, ",") + `]}}]}}}`
}

// buildFrom writes schedule to src and builds the site of it in dir.
func buildFrom(t *testing.T, src, dir, schedule string) {
	t.Helper()
	if err := os.WriteFile(src, []byte(schedule), 0o644); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	if st := run(src, dir, "", time.Unix(0, 0), never, &stderr); st != 0 {
		t.Fatalf("status %d: %s", st, stderr.String())
	}
}

// siteTree is sitetest.Tree's, or the test fails.
func siteTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	tree, err := sitetest.Tree(dir)
	if err != nil {
		t.Fatal(err)
	}
	return tree
}

// TestPagesStay adds to a schedule a talk called "Intro" that comes
// before the one that had the page talks/intro.html: each talk of the
// last build keeps its page and calendar, byte for byte, and the new one
// takes "intro-" and its ID's slug. It took talks/intro.html, and the
// talk that had it moved to another page, so that links people had
// shared led to the new talk. The whole site is compared, but for the
// files that list every talk. A build of the same schedule again writes
// the same bytes.
func TestPagesStay(t *testing.T) {
	src, dir := filepath.Join(t.TempDir(), "s.json"), t.TempDir()
	buildFrom(t, src, dir, introSchedule([2]string{"a", "10"}, [2]string{"b", "11"}))
	before := siteTree(t, dir)
	buildFrom(t, src, dir, introSchedule([2]string{"c", "09"}, [2]string{"a", "10"}, [2]string{"b", "11"}))
	after := siteTree(t, dir)
	const added = "talks/intro-c0000000-0000-4000-8000-000000000000"
	want, after, missing := sitetest.AfterAdding(before, after,
		[]string{added + ".html", added + ".ics", "speakers/ada-c.html"}, []string{"index.html", "schedule.ics", ".schedule2site"})
	for _, name := range missing {
		t.Errorf("the added talk has no %s", name)
	}
	want[".schedule2site-pages"] = pageslug.PagesFileHeader +
		`"talks/intro-b0000000-0000-4000-8000-000000000000.html" "b0000000-0000-4000-8000-000000000000"` + "\n" +
		`"talks/intro-c0000000-0000-4000-8000-000000000000.html" "c0000000-0000-4000-8000-000000000000"` + "\n" +
		`"talks/intro.html" "a0000000-0000-4000-8000-000000000000"` + "\n"
	if diff := cmp.Diff(want, after); diff != "" {
		t.Errorf("the site after a talk was added before the others (-want +got):\n%s", diff)
	}
	again := siteTree(t, dir)
	buildFrom(t, src, dir, introSchedule([2]string{"c", "09"}, [2]string{"a", "10"}, [2]string{"b", "11"}))
	if diff := cmp.Diff(again, siteTree(t, dir)); diff != "" {
		t.Errorf("the same schedule built again (-first +second):\n%s", diff)
	}
	// The talk that had intro.html taken out, its page goes to the first
	// talk that wants it next: none here, as the others keep theirs.
	buildFrom(t, src, dir, introSchedule([2]string{"c", "09"}, [2]string{"b", "11"}))
	if diff := cmp.Diff([]string{".schedule2site", ".schedule2site-pages", "index.html", "schedule.ics", "speakers/ada-b.html", "speakers/ada-c.html",
		"talks/intro-b0000000-0000-4000-8000-000000000000.html", "talks/intro-b0000000-0000-4000-8000-000000000000.ics",
		"talks/intro-c0000000-0000-4000-8000-000000000000.html", "talks/intro-c0000000-0000-4000-8000-000000000000.ics"}, siteFiles(t, dir)); diff != "" {
		t.Errorf("files after a talk was taken out (-want +got):\n%s", diff)
	}
	buildFrom(t, src, dir, introSchedule([2]string{"d", "08"}, [2]string{"c", "09"}, [2]string{"b", "11"}))
	if _, err := os.Stat(filepath.Join(dir, "talks", "intro.html")); err != nil {
		t.Errorf("the page a talk taken out freed did not go to the next talk that wants it: %v", err)
	}
}

// TestPagesUnread builds a schedule whose problems leave out a talk
// that had a page, with a talk added that wants it: the page is kept for
// the talk left out, which has it again once the schedule is mended. It
// went to the added talk, and the other moved when it was read again.
func TestPagesUnread(t *testing.T) {
	src, dir := filepath.Join(t.TempDir(), "s.json"), t.TempDir()
	buildFrom(t, src, dir, introSchedule([2]string{"a", "10"}))
	broken := strings.Replace(introSchedule([2]string{"c", "09"}), `]}}]}}}`, `, 5]}}]}}}`, 1) // a's item, not an object
	if err := os.WriteFile(src, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	if st := run(src, dir, "", time.Unix(0, 0), never, &stderr); st != 1 {
		t.Fatalf("status %d, want 1: %s", st, stderr.String())
	}
	const added = "talks/intro-c0000000-0000-4000-8000-000000000000"
	want := []string{".schedule2site", ".schedule2site-pages", "index.html", "schedule.ics", "speakers/ada-c.html", added + ".html", added + ".ics"}
	if diff := cmp.Diff(want, siteFiles(t, dir)); diff != "" {
		t.Errorf("files with a talk left out (-want +got):\n%s", diff)
	}
	buildFrom(t, src, dir, introSchedule([2]string{"c", "09"}, [2]string{"a", "10"}))
	want = []string{".schedule2site", ".schedule2site-pages", "index.html", "schedule.ics", "speakers/ada-a.html", "speakers/ada-c.html",
		added + ".html", added + ".ics", "talks/intro.html", "talks/intro.ics"}
	if diff := cmp.Diff(want, siteFiles(t, dir)); diff != "" {
		t.Errorf("files with the schedule mended (-want +got):\n%s", diff)
	}
}

// TestPagesDamaged builds over a site whose file of pages' owners was
// cut short: the error names the file and the line, and the site is left
// as it was, rather than pages moved by a guess.
func TestPagesDamaged(t *testing.T) {
	src, dir := filepath.Join(t.TempDir(), "s.json"), t.TempDir()
	buildFrom(t, src, dir, introSchedule([2]string{"a", "10"}, [2]string{"b", "11"}))
	pages := filepath.Join(dir, ".schedule2site-pages")
	data, err := os.ReadFile(pages)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(pages, data[:len(data)-10], 0o644); err != nil {
		t.Fatal(err)
	}
	before := listing(t, dir)
	var stderr bytes.Buffer
	st := run(src, dir, "", time.Unix(0, 0), never, &stderr)
	want := pages + ":5: the last line does not end: the file was cut short; it says which record owns which page of the site: correct the line, or remove it (the page then goes to the first record that wants it) or the whole file (every page does)\n"
	if st != 1 || stderr.String() != want {
		t.Errorf("status %d, stderr:\n%s\nwant status 1, stderr:\n%s", st, stderr.String(), want)
	}
	if diff := cmp.Diff(before, listing(t, dir)); diff != "" {
		t.Errorf("the site changed (-before +after):\n%s", diff)
	}
}

// TestUsage refuses an empty -o, which wrote the site into the current
// directory over its index.html, and a -base that is no absolute web
// address or has a query, before reading the schedule.
func TestUsage(t *testing.T) {
	for _, tt := range []struct{ out, base, want string }{
		{"", "", "schedule2site: -o is empty: name the directory to write the site to\n"},
		{"site", "talks.example.org", "schedule2site: -base \"talks.example.org\" is not an absolute http or https URL\n"},
		{"site", "https://talks.example.org/?lang=en", "schedule2site: -base \"https://talks.example.org/?lang=en\" cannot be followed by the pages' paths: give a scheme, a host and a path only, without user, query or fragment\n"},
	} {
		var stderr bytes.Buffer
		if st := run("testdata/pair.json", tt.out, tt.base, time.Unix(0, 0), never, &stderr); st != statusUsage || stderr.String() != tt.want {
			t.Errorf("-o %q -base %q: status %d, stderr:\n%s\nwant status %d, stderr:\n%s", tt.out, tt.base, st, stderr.String(), statusUsage, tt.want)
		}
	}
	if _, err := os.Stat("index.html"); err == nil {
		t.Error("the site was written into the current directory")
	}
}

// TestEmptyManifest builds a site into a directory of the user's files
// that an empty .schedule2site lets it write into, as its refusal says:
// the user's files stay, and the manifest lists the site's.
func TestEmptyManifest(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{"CNAME": "talks.example.org\n", ".schedule2site": ""} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var stderr bytes.Buffer
	if st := run("testdata/pair.json", dir, "", time.Unix(0, 0), never, &stderr); st != 0 {
		t.Fatalf("status %d: %s", st, stderr.String())
	}
	want := []string{".schedule2site", ".schedule2site-pages", "CNAME", "index.html", "schedule.ics", "speakers/ada-lovelace.html",
		"speakers/grace-hopper.html", "speakers/hedy-lamarr.html", "talks/closing.html", "talks/closing.ics",
		"talks/lightning-talks.html", "talks/lightning-talks.ics",
		"talks/opening-small-fast-and-escaped.html", "talks/opening-small-fast-and-escaped.ics",
		"talks/soldering-after-midnight.html", "talks/soldering-after-midnight.ics"}
	if diff := cmp.Diff(want, siteFiles(t, dir)); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
	manifest, err := os.ReadFile(filepath.Join(dir, ".schedule2site"))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(strings.Join(slices.Concat(want[1:2], want[3:]), "\n")+"\n", string(manifest)); diff != "" {
		t.Errorf("manifest (-want +got):\n%s", diff)
	}
}

// TestInterruptedFirstBuild interrupts the first build of a site whose
// directory does not exist yet: nothing is left, where the directories
// made for the staged files (SITE and SITE/talks) stayed, empty.
func TestInterruptedFirstBuild(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "site")
	calls := 0
	var stderr bytes.Buffer
	st := run("testdata/pair.json", out, "", time.Unix(0, 0), func() bool { calls++; return calls > 3 }, &stderr)
	if st != statusInterrupted {
		t.Errorf("status %d, stderr:\n%s\nwant status %d", st, stderr.String(), statusInterrupted)
	}
	if diff := cmp.Diff("./\n", listing(t, parent)); diff != "" {
		t.Errorf("left behind (-want +got):\n%s", diff)
	}
}

// TestCalendarOutOfReach builds a schedule with a talk iCalendar cannot
// hold, whose start is in the year 10000 in UTC: the site is built, the
// talk has its page without a calendar or a link to one, schedule.ics
// holds the others, and the talk is named where it is, with what is
// left out, and status 1. The whole site was refused for it, naming
// the calendar's file ("/talks/late.ics: ical: ...") before the talk.
func TestCalendarOutOfReach(t *testing.T) {
	src, dir := filepath.Join(t.TempDir(), "late.json"), t.TempDir()
	late := strings.Replace(introSchedule([2]string{"a", "10"}, [2]string{"b", "11"}),
		`"date": "2024-01-01T11:00:00Z"`, `"date": "9999-12-31T23:30:00-12:00"`, 1)
	late = strings.Replace(late, `"title": "Intro", "date": "9999`, `"title": "Late", "date": "9999`, 1)
	if err := os.WriteFile(src, []byte(late), 0o644); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	st := run(src, dir, "", time.Unix(0, 0), never, &stderr)
	got := strings.ReplaceAll(stderr.String(), filepath.ToSlash(src), "late.json")
	want := `late.json: talk "b0000000-0000-4000-8000-000000000000": DTSTART "10000-01-01T11:30:00Z" has a year outside 0000-9999, which iCalendar dates cannot hold; its page has no calendar, and schedule.ics leaves it out` + "\n"
	if st != 1 || got != want {
		t.Errorf("status %d, stderr:\n%s\nwant status 1, stderr:\n%s", st, got, want)
	}
	wantFiles := []string{".schedule2site", ".schedule2site-pages", "index.html", "schedule.ics", "speakers/ada-a.html", "speakers/ada-b.html",
		"talks/intro.html", "talks/intro.ics", "talks/late.html"}
	if diff := cmp.Diff(wantFiles, siteFiles(t, dir)); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
	page, err := os.ReadFile(filepath.Join(dir, "talks", "late.html"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(page), "late.ics") || strings.Contains(string(page), "Add to calendar") {
		t.Errorf("talks/late.html links to a calendar it does not have")
	}
	cal, err := os.ReadFile(filepath.Join(dir, "schedule.ics"))
	if err != nil {
		t.Fatal(err)
	}
	var uids []string
	for line := range strings.SplitSeq(string(cal), "\r\n") {
		if uid, ok := strings.CutPrefix(line, "UID:"); ok {
			uids = append(uids, uid)
		}
	}
	if diff := cmp.Diff([]string{"a0000000-0000-4000-8000-000000000000"}, uids); diff != "" {
		t.Errorf("schedule.ics's UIDs (-want +got):\n%s", diff)
	}
}

// TestFileErrors: a schedule or a site directory the system cannot use is
// named first, as the schedule's problems name it, without the system
// call that failed ("open camp.json: ..."), which the user did not type.
func TestFileErrors(t *testing.T) {
	tmp := t.TempDir()
	file := filepath.Join(tmp, "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(tmp, "missing.json")
	_, notExist := os.Stat(missing) // in the system's words
	_, notDir := os.Stat(filepath.Join(file, "x"))
	tests := []struct{ src, out, want string }{
		{missing, filepath.Join(tmp, "site"), missing + ": " + errors.Unwrap(notExist).Error() + "\n"},
		{"testdata/pair.json", file, file + ": " + errors.Unwrap(notDir).Error() + "\n"},
	}
	for _, tt := range tests {
		var stderr bytes.Buffer
		st := run(tt.src, tt.out, "", time.Unix(0, 0), never, &stderr)
		if st != 1 || stderr.String() != tt.want {
			t.Errorf("%s -o %s: status %d, stderr:\n%s\nwant status 1, stderr:\n%s", tt.src, tt.out, st, stderr.String(), tt.want)
		}
	}
}

// TestUnscheduled builds a schedule with an item that has no day (a day
// without a date, an item without one): its page has no calendar, nor a
// link to one, and it is no problem of the schedule's, while the other
// talk has both. Its page linked "Add to calendar" to a calendar that
// held nothing. The status, stderr, files and each page's links are
// compared whole.
func TestUnscheduled(t *testing.T) {
	schedule := `{"schedule": {"version": "1", "conference": {"acronym": "u", "title": "U", "days": [{"index": 1, "rooms": {"R": [
{"guid": "a0000000-0000-4000-8000-000000000000", "title": "Unscheduled", "duration": "00:10", "persons": []},
{"guid": "b0000000-0000-4000-8000-000000000000", "title": "Scheduled", "date": "2024-01-01T10:00:00Z", "duration": "00:10", "persons": []}
]}}]}}}`
	src, dir := filepath.Join(t.TempDir(), "u.json"), t.TempDir()
	if err := os.WriteFile(src, []byte(schedule), 0o644); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	st := run(src, dir, "", time.Unix(0, 0), never, &stderr)
	var b strings.Builder
	fmt.Fprintf(&b, "status: %d\nstderr: %s\n", st, stderr.String())
	links := regexp.MustCompile(`<section aria-labelledby="links">.*?</section>`)
	for _, name := range siteFiles(t, dir) {
		b.WriteString("file: " + name + "\n")
		if strings.HasPrefix(name, "talks/") && strings.HasSuffix(name, ".html") {
			data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
			if err != nil {
				t.Fatal(err)
			}
			b.WriteString("  links: " + links.FindString(string(data)) + "\n")
		}
	}
	want := `status: 0
stderr: 
file: .schedule2site
file: .schedule2site-pages
file: index.html
file: schedule.ics
file: talks/scheduled.html
  links: <section aria-labelledby="links"><h2 id="links">Links</h2><ul><li><a href="/talks/scheduled.ics" rel="nofollow noopener">Add to calendar</a></li></ul></section>
file: talks/scheduled.ics
file: talks/unscheduled.html
  links: 
`
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestCalendarError: ical's refusal of a talk's calendar is worded as a
// problem of the talk in its schedule, by its ID or else its title: a
// date out of iCalendar's years by the date, a time zone not in the
// database by the zone, any other by ical's words without "ical: "; and
// errors.As finds ical's error in it.
func TestCalendarError(t *testing.T) {
	const left = "; its page has no calendar, and schedule.ics leaves it out"
	withID := &talk.Talk{ID: "x1", Title: "X", Origin: talk.Origin{Path: "camp.json"}}
	untitled := &talk.Talk{Title: "Late", Origin: talk.Origin{Path: "camp.json"}}
	for _, tt := range []struct {
		name string
		t    *talk.Talk
		err  error
		want string
	}{
		{"a date out of range", withID, &ical.RangeError{ID: "x1", Path: "camp.json", Property: "DTSTART", Err: &talk.DateError{Text: "10000-01-01T11:30:00Z", Reason: "has a year outside 0000-9999"}},
			`camp.json: talk "x1": DTSTART "10000-01-01T11:30:00Z" has a year outside 0000-9999` + left},
		{"a date out of range, not given", untitled, &ical.RangeError{ID: "Late", Path: "camp.json", Property: "DTSTAMP"},
			`camp.json: talk titled "Late": camp.json (Late): DTSTAMP "" has a year outside 0000-9999, which iCalendar dates cannot hold` + left},
		{"a time zone", withID, &ical.ZoneError{ID: "x1", Path: "camp.json", Zone: "Mars/Olympus"},
			`camp.json: talk "x1": time zone "Mars/Olympus" is not in the zone database, so the talk's time cannot be placed` + left},
		{"another error", withID, fmt.Errorf("ical: camp.json (x1): DURATION: %w", errors.New("negative")),
			`camp.json: talk "x1": camp.json (x1): DURATION: negative` + left},
	} {
		err := calendarError(tt.t, tt.err)
		if err.Error() != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, err, tt.want)
		}
		if !errors.Is(err, tt.err) {
			t.Errorf("%s: errors.Is does not find ical's error in %v", tt.name, err)
		}
	}
}
