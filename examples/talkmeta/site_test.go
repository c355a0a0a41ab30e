package main

import (
	"io/fs"
	"maps"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/talkmeta/talkmeta/internal/pageslug"
	"github.com/talkmeta/talkmeta/internal/sitetest"
	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/html"
)

// siteFiles lists the files under dir with their sizes, one per line.
func siteFiles(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		b.WriteString(filepath.ToSlash(rel) + "\n")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// siteLinks lists, page by page, the links each page of the site under
// dir makes to the site's own pages, and fails for a link to a page the
// site does not have.
func siteLinks(t *testing.T, dir string) string {
	t.Helper()
	href := regexp.MustCompile(`href="(/[^"]*)"`)
	var b strings.Builder
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		b.WriteString(filepath.ToSlash(rel) + ":")
		for _, m := range href.FindAllStringSubmatch(readFile(t, p), -1) {
			b.WriteString(" " + m[1])
			file, err := url.PathUnescape(m[1])
			if err != nil {
				t.Errorf("%s links to %s, which is not a URL path: %v", rel, m[1], err)
				continue
			}
			if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(file))); err != nil {
				t.Errorf("%s links to %s, which the site does not have", rel, m[1])
			}
		}
		b.WriteString("\n")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// stableSite makes the summary line independent of the clock and of the
// temporary directory's name.
func stableSite(r result, dir string) result {
	r.stdout = strings.ReplaceAll(r.stdout, dir, "OUT")
	r.stderr = strings.ReplaceAll(r.stderr, dir, "OUT")
	r.stdout = regexp.MustCompile(`in [0-9.]+[µm]?s\n`).ReplaceAllString(r.stdout, "in TIME\n")
	return r
}

// TestSite builds the site of the repository's records and pins the files
// written, the index and the seed talk's event page.
func TestSite(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	got := stableSite(runCommand("", "site", "-o", out, "-base", "https://talks.example.org", "-name", "Python talks", archive), out)
	checkGolden(t, "site.txt", result{got.status, got.stdout + "-- files --\n" + siteFiles(t, out), got.stderr})
	checkGolden(t, "site-index.html.txt", result{stdout: readFile(t, filepath.Join(out, "index.html"))})
	checkGolden(t, "site-event.html.txt", result{stdout: readFile(t, filepath.Join(out, "events", "europython-2016.html"))})

}

// siteTree lists every file under dir, hidden ones too, with its mode and
// contents, and every empty directory (a name ending in "/"), to compare
// a site with another as a whole.
func siteTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	tree, err := sitetest.Tree(dir)
	if err == nil {
		var modes map[string]fs.FileMode
		modes, err = sitetest.Modes(dir)
		for name, text := range tree {
			if mode, ok := modes[name]; ok { // not an empty directory's "name/"
				tree[name] = mode.String() + " " + text
			}
		}
	}
	if err != nil {
		t.Fatal(err)
	}
	return tree
}

// plantFiles writes files, by slash-separated path under dir.
func plantFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	if err := sitetest.Plant(dir, files); err != nil {
		t.Fatal(err)
	}
}

// siteUserFiles are files a user adds to a site's directory, which no
// build may remove: a custom domain, a crawler policy, a .well-known, a
// gh-pages checkout's .git, a file in a directory the site has pages in,
// and one in a directory of an event a later build leaves out.
var siteUserFiles = map[string]string{
	"CNAME":                         "talks.example.org\n",
	"robots.txt":                    "User-agent: *\n",
	".well-known/security.txt":      "Contact: mailto:talks@example.org\n",
	".git/HEAD":                     "ref: refs/heads/gh-pages\n",
	"chipy/notes.html":              "<p>mine</p>\n",
	"europython-2020/slides/ml.pdf": "%PDF-1.4\n",
}

// withUserFiles returns tree, siteTree's, with siteUserFiles added as
// plantFile writes them, in a directory of mode perm.
func withUserFiles(t *testing.T, tree map[string]string) map[string]string {
	t.Helper()
	probe := filepath.Join(t.TempDir(), "probe")
	plantFile(t, probe, "")
	fi, err := os.Stat(probe)
	if err != nil {
		t.Fatal(err)
	}
	want := maps.Clone(tree)
	for name, text := range siteUserFiles {
		want[name] = fi.Mode().String() + " " + text
	}
	return want
}

// buildQuietly builds the site of records at out, and fails unless the
// build succeeds without a word on stderr.
func buildQuietly(t *testing.T, out string, records ...string) {
	t.Helper()
	if got := runCommand("", append([]string{"site", "-o", out}, records...)...); got.status != 0 || got.stderr != "" {
		t.Fatalf("site -o %s %s = %+v", out, records, got)
	}
}

// TestSiteRebuild builds a site over an earlier one from fewer records:
// the pages of the first the second does not make are gone, with the
// directories they leave empty (europython-2016), and the files a user
// added are kept, where the old build replaced the directory as a whole
// and deleted them. The site is what a fresh build makes, byte for byte,
// plus the user's files, and nothing is left beside it.
func TestSiteRebuild(t *testing.T) {
	dir := t.TempDir()
	out, fresh := filepath.Join(dir, "site"), filepath.Join(dir, "fresh")
	buildQuietly(t, out, archive)
	plantFiles(t, out, siteUserFiles)
	buildQuietly(t, out, archive+"/chipy")
	buildQuietly(t, fresh, archive+"/chipy")
	if diff := cmp.Diff(withUserFiles(t, siteTree(t, fresh)), siteTree(t, out)); diff != "" {
		t.Errorf("the rebuilt site is not chipy's site and the user's files (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"fresh", "site"}, dirNames(t, dir)); diff != "" {
		t.Errorf("beside the site (-want +got):\n%s", diff)
	}
	if _, err := os.Stat(filepath.Join(out, "europython-2016")); err == nil {
		t.Error("the rebuild kept the emptied directory of an event it was not given")
	}
}

// TestSiteFailedRebuild fails a build over an earlier site after every
// talk page is written (its index's place is a directory the user made):
// the old site is left as it was, byte for byte, with no page of the new
// one among its files nor the directories made for them (europython-2016).
func TestSiteFailedRebuild(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	buildQuietly(t, out, archive+"/chipy")
	plantFiles(t, out, siteUserFiles)
	index := filepath.Join(out, "index.html")
	if err := os.Remove(index); err != nil {
		t.Fatal(err)
	}
	plantFile(t, filepath.Join(index, "draft.html"), "<p>new index</p>\n")
	before := siteTree(t, out)
	got := stableSite(runCommand("", "site", "-o", out, archive), out)
	wantResult(t, got, 1, nil, []string{"OUT: not written: writing index.html: is a directory"})
	if diff := cmp.Diff(before, siteTree(t, out)); diff != "" {
		t.Errorf("a failed build changed the site (-before +after):\n%s", diff)
	}
	if names := dirNames(t, filepath.Dir(out)); len(names) != 1 {
		t.Errorf("beside the site: %q, want nothing", names[1:])
	}
}

// TestSiteInterruptedRebuild interrupts a build over an earlier site: it
// is left as it was, byte for byte.
func TestSiteInterruptedRebuild(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	buildQuietly(t, out, archive+"/chipy")
	plantFiles(t, out, siteUserFiles)
	before := siteTree(t, out)
	wantResult(t, runInterrupted("site", "-o", out, archive), 130, nil,
		[]string{"talkmeta site: interrupted; " + out + " is left as it was"})
	if diff := cmp.Diff(before, siteTree(t, out)); diff != "" {
		t.Errorf("an interrupted build changed the site (-before +after):\n%s", diff)
	}
}

// TestSiteOptIn builds a site in a directory of the user's files that
// holds an empty marker, as the error for one without says to make: the
// user's files are kept, and a second build from fewer records removes
// only the site's own pages.
func TestSiteOptIn(t *testing.T) {
	dir := t.TempDir()
	out, fresh := filepath.Join(dir, "site"), filepath.Join(dir, "fresh")
	plantFiles(t, out, siteUserFiles)
	plantFile(t, filepath.Join(out, siteMarker), "")
	buildQuietly(t, out, archive)
	buildQuietly(t, out, archive+"/chipy")
	buildQuietly(t, fresh, archive+"/chipy")
	if diff := cmp.Diff(withUserFiles(t, siteTree(t, fresh)), siteTree(t, out)); diff != "" {
		t.Errorf("the site is not chipy's site and the user's files (-want +got):\n%s", diff)
	}
}

// TestSiteOldMarker rebuilds a site an older talkmeta site wrote, whose
// marker was a line of prose listing no files, and to which the user
// added files since: its files cannot be told from the user's, so the
// first build replaces those it writes and keeps all the others, which
// it names; from then on the marker lists the site's files, and a build
// removes only those.
func TestSiteOldMarker(t *testing.T) {
	dir := t.TempDir()
	out, fresh := filepath.Join(dir, "site"), filepath.Join(dir, "fresh")
	buildQuietly(t, out, archive+"/chipy", archive+"/europython-2016")
	plantFile(t, filepath.Join(out, siteMarker), "This directory is a site written by talkmeta site, which replaces it as a whole.\n")
	plantFiles(t, out, siteUserFiles)
	old := siteTree(t, out)

	got := stableSite(runCommand("", "site", "-o", out, archive+"/chipy"), out)
	wantResult(t, got, 0, []string{"OUT: 2 talks, 1 event, 2 speakers, 9 files, in TIME"}, []string{
		"talkmeta site: OUT held a site of an older talkmeta site, whose .talkmeta-site did not list its files: " +
			"kept 7 files this build did not write, which may be yours or pages of the old site: " +
			"CNAME, chipy/notes.html, europython-2016/asyncawait-in-python-35-and-why-it-is-awesome.html, " +
			"europython-2020/slides/ml.pdf, events/europython-2016.html and 2 more; " +
			"remove those you do not want (from now on .talkmeta-site lists the site's files, and a build removes only its own)",
	})
	buildQuietly(t, fresh, archive+"/chipy")
	want := withUserFiles(t, siteTree(t, fresh))
	for name, text := range old {
		if _, ok := want[name]; !ok {
			want[name] = text // kept: the old marker could not tell it from the user's
		}
	}
	if diff := cmp.Diff(want, siteTree(t, out)); diff != "" {
		t.Errorf("after the first build over an old marker (-want +got):\n%s", diff)
	}
	// The next build knows its own files: it says nothing of the others.
	buildQuietly(t, out, archive+"/chipy")
	if diff := cmp.Diff(want, siteTree(t, out)); diff != "" {
		t.Errorf("after the second build (-want +got):\n%s", diff)
	}
}

// TestSiteRefusesForeignDir never replaces a directory it did not write.
func TestSiteRefusesForeignDir(t *testing.T) {
	out := t.TempDir()
	mine := filepath.Join(out, "notes.txt")
	if err := os.WriteFile(mine, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	got := stableSite(runCommand("", "site", "-o", out, archive+"/chipy"), out)
	checkGolden(t, "site-foreign-dir.txt", got)
	if _, err := os.Stat(mine); err != nil {
		t.Error("the user's file is gone:", err)
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Error("left a temporary directory:", e.Name())
		}
	}
}

// TestSiteSamePage gives two records whose titles slug alike a page each
// ("C" and "C++"), reports a record that cannot be read, by name, and
// builds the rest.
func TestSiteSamePage(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"ev/category.json":   `{"title": "Ev"}`,
		"ev/videos/a.json":   `{"title": "C", "speakers": ["Ada"], "videos": []}`,
		"ev/videos/b.json":   `{"title": "C++", "speakers": ["Ada"], "videos": []}`,
		"ev/videos/c.json":   `{"title": "Go", "speakers": [], "videos": []}`,
		"ev/videos/d.json":   `{"title": "🐍", "speakers": [], "videos": []}`,
		"ev/videos/bad.json": `{"title": 1}`,
	}
	for name, data := range files {
		plantFile(t, filepath.Join(dir, name), data)
	}
	out := filepath.Join(t.TempDir(), "site")
	got := runCommand("", "site", "-o", out, dir)
	got.stderr = strings.ReplaceAll(got.stderr, dir, "ARCHIVE")
	got = stableSite(got, out)
	checkGolden(t, "site-same-page.txt", result{got.status, got.stdout + "-- files --\n" + siteFiles(t, out), got.stderr})
}

// TestSiteNoTalks leaves the output alone when no talk could be read.
func TestSiteNoTalks(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	got := stableSite(runCommand("", "site", "-o", out, "testdata/no-such-archive"), out)
	checkGolden(t, "site-no-talks.txt", got)
	if _, err := os.Stat(out); err == nil {
		t.Error("an empty site was written")
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 0 {
		t.Errorf("left %d entries behind", len(entries))
	}
}

// TestSiteSameEventPage builds a site of distinct events whose titles
// give the same slug, as a meetup's archive of many "Monthly meeting"s
// would: each gets a page and a directory of its own, rather than its
// talks listed under the first's title, its description and date lost.
// The first read ("A1") keeps pyvideo.org's paths; the others take their
// IDs' slugs, or a number where that is taken too ("ev2" slugs as "EV2",
// read before it, does).
func TestSiteSameEventPage(t *testing.T) {
	files := map[string]string{
		"ev1/category.json": `{"title": "Same Conf"}`,
		"ev1/videos/a.json": `{"title": "A", "speakers": ["Ada"], "videos": []}`,
		"ev2/category.json": `{"title": "Same  Conf!", "description": "The other one.", "start_date": "2020-01-02"}`,
		"ev2/videos/b.json": `{"title": "B", "speakers": ["Bea"], "videos": []}`,
		"ev2/videos/c.json": `{"title": "C", "speakers": ["Cy"], "videos": []}`,
		"EV2/category.json": `{"title": "same conf"}`,
		"EV2/videos/d.json": `{"title": "D", "speakers": ["Ada"], "videos": []}`,
		"A1/category.json":  `{"title": "Same Conf"}`,
		"A1/videos/e.json":  `{"title": "E", "speakers": ["Ada"], "videos": []}`,
	}
	buildSite(t, files, "site-events/same-event-page.txt")
}

// TestSiteLegacyCategory builds a site of events without a title whose
// talks name their legacy category: pyvideo.org, and so html.PyvideoURLs,
// puts such a talk's page under the category's slug, and the event's and
// the speaker's lists must link to it there. That directory is the first
// event's to claim it, as an event's slug is: a talk of another event
// whose category names it ("ev2"), and an event whose slug it is
// ("old-name-conf", "new-name"), are placed in a directory of their own,
// and no page is another's.
func TestSiteLegacyCategory(t *testing.T) {
	files := map[string]string{
		"ev/category.json":             `{"description": "No title."}`,
		"ev/videos/a.json":             `{"title": "A", "speakers": ["Ada"], "videos": [], "category": "Old Name"}`,
		"ev/videos/b.json":             `{"title": "B", "speakers": ["Ada"], "videos": [], "category": "New Name"}`,
		"ev2/category.json":            `{"description": "No title either."}`,
		"ev2/videos/a.json":            `{"title": "A", "speakers": ["Bea"], "videos": [], "category": "Old Name"}`,
		"ev2/videos/c.json":            `{"title": "C", "speakers": ["Bea"], "videos": [], "category": "Other Name"}`,
		"new-name/category.json":       `{}`,
		"new-name/videos/b.json":       `{"title": "B", "speakers": ["Cy"], "videos": []}`,
		"old-name-conf/category.json":  `{"title": "Old Name"}`,
		"old-name-conf/videos/a.json":  `{"title": "A", "speakers": ["Cy"], "videos": []}`,
		"other-name/category.json":     `{"title": "Other Name"}`,
		"other-name/videos/other.json": `{"title": "Other", "speakers": ["Cy"], "videos": []}`,
	}
	buildSite(t, files, "site-events/legacy-category.txt")
}

// TestSiteOwnDirectories: an event whose slug, or whose talks' legacy
// category, is the directory of the site's event or speaker pages puts
// its talks elsewhere, where they cannot take a speaker's or an event's
// page.
func TestSiteOwnDirectories(t *testing.T) {
	files := map[string]string{
		"speaker/category.json":   `{"title": "Speaker"}`,
		"speaker/videos/ada.json": `{"title": "Ada", "speakers": ["Ada"], "videos": []}`,
		"old/category.json":       `{}`,
		"old/videos/x.json":       `{"title": "Speaker", "speakers": ["Ada"], "videos": [], "category": "Events"}`,
	}
	buildSite(t, files, "site-events/own-directories.txt")
}

// TestSiteSameTalkPage gives each talk whose title slugs as another's of
// the same event a page of its own, which every list links to. The first
// read keeps pyvideo.org's path ("Go!", read before "Go"); the others
// take their ID's slug after it ("C++" from cpp.json: c-cpp, "Go":
// go-go), or the next number free where that is taken too ("Go?", whose
// ID slugs as "go": go-2); a talk whose own path another was given
// before it ("C cpp") moves on in turn (c-cpp-x). Another event's "Go"
// keeps its path.
func TestSiteSameTalkPage(t *testing.T) {
	files := map[string]string{
		"ev/category.json":   `{"title": "Ev"}`,
		"ev/videos/a.json":   `{"title": "C", "speakers": ["Ada"], "videos": []}`,
		"ev/videos/cpp.json": `{"title": "C++", "speakers": ["Ada"], "videos": []}`,
		"ev/videos/x.json":   `{"title": "C cpp", "speakers": ["Ada"], "videos": []}`,
		"ev/videos/go.json":  `{"title": "Go", "speakers": ["Ada"], "videos": []}`,
		"ev/videos/go!.json": `{"title": "Go!", "speakers": ["Ada"], "videos": []}`,
		"ev/videos/go?.json": `{"title": "Go?", "speakers": ["Ada"], "videos": []}`,
		"ev2/category.json":  `{"title": "Ev 2"}`,
		"ev2/videos/go.json": `{"title": "Go", "speakers": ["Ada"], "videos": []}`,
	}
	buildSite(t, files, "site-events/same-talk-page.txt")
}

// TestSiteSpeakerCase builds a site of speakers whose own slugs differ
// only in case or Unicode form ("Ada-L", "ada-l"; NFC and NFD "José"):
// on macOS and Windows each pair is one file, where the second page
// written replaced the first, with its talks. Each pair shares the page
// of the spelling read first, which lists both talks, and every link
// leads to it; a speaker whose slug differs otherwise keeps a page.
func TestSiteSpeakerCase(t *testing.T) {
	files := map[string]string{
		"conf/event.json":   `{"id": "conf", "title": "Conf"}`,
		"conf/talks/a.json": `{"id": "a", "title": "A", "speakers": [{"name": "Ada L", "slug": "Ada-L"}, {"name": "José", "slug": "Jos\u00e9"}]}`,
		"conf/talks/b.json": `{"id": "b", "title": "B", "speakers": [{"name": "Ada L.", "slug": "ada-l"}, {"name": "José", "slug": "Jose\u0301"}]}`,
		"conf/talks/c.json": `{"id": "c", "title": "C", "speakers": [{"name": "Ada", "slug": "ada"}]}`,
	}
	buildSite(t, files, "site-events/speaker-case.txt")
}

// TestSiteLongTitles builds a site of titles and names whose slugs are
// longer than file systems allow a name (255 bytes): one such talk made
// the whole build fail. Each such slug is cut at a word and followed by
// its hash, so that events, talks and speakers whose slugs differ only
// past the cut each keep a page of their own, which every list links to.
func TestSiteLongTitles(t *testing.T) {
	long := strings.Repeat("word ", 60)
	files := map[string]string{
		"ev1/category.json": `{"title": "` + long + `one"}`,
		"ev1/videos/a.json": `{"title": "` + long + `A", "speakers": ["` + long + `Ada"], "videos": []}`,
		"ev1/videos/b.json": `{"title": "` + long + `B", "speakers": ["` + long + `Bea"], "videos": []}`,
		"ev2/category.json": `{"title": "` + long + `two"}`,
		"ev2/videos/c.json": `{"title": "Short", "speakers": ["Cy"], "videos": []}`,
	}
	buildSite(t, files, "site-events/long-titles.txt")
}

// TestSiteEventFacts builds the site of talkmeta records that each carry
// their own copy of one event, saying different parts of it: the event's
// page shows all that any of them says (the first talk read says nothing
// of the dates, the time zone or the place), and each fact two records
// give differently is reported, naming both, with the one the page
// shows. A record that titles the event otherwise (d.json) puts its talk
// on the event's page and in its directory, not on a page of its own
// for the same event.
func TestSiteEventFacts(t *testing.T) {
	files := map[string]string{
		"talks/a.json": `{"id": "a", "title": "A", "event": {"id": "conf", "title": "Conf 2024"}}`,
		"talks/b.json": `{"id": "b", "title": "B", "event": {"id": "conf", "title": "Conf 2024", "start": "2024-03-01", "end": "2024-03-02", "time_zone": "Europe/Berlin", "place": {"city": "Berlin"}}}`,
		"talks/c.json": `{"id": "c", "title": "C", "event": {"id": "conf", "title": "Conf 2024", "start": "2024-03-02", "place": {"city": "Berlin", "country": "Germany"}, "url": "https://conf.example.org/"}}`,
		"talks/d.json": `{"id": "d", "title": "D", "event": {"id": "conf", "title": "Conf '24"}}`,
	}
	dir := t.TempDir()
	for file, data := range files {
		plantFile(t, filepath.Join(dir, file), data)
	}
	out := filepath.Join(t.TempDir(), "site")
	got := runCommand("", "site", "-o", out, filepath.Join(dir, "talks"))
	got.stderr = strings.ReplaceAll(got.stderr, dir, "ARCHIVE")
	got = stableSite(got, out)
	checkGolden(t, "site-events/event-facts.txt", result{got.status, got.stdout + "-- files --\n" + siteFiles(t, out) +
		"-- event page --\n" + readFile(t, filepath.Join(out, "events", "conf-2024.html")), got.stderr})
}

// TestSiteURLsNumbers: events whose titles slug alike and that have no
// IDs are numbered in reading order, each with the next number free.
func TestSiteURLsNumbers(t *testing.T) {
	u := newSiteURLs(pageslug.NewPages())
	var got []string
	for _, title := range []string{"Meetup!", "Meetup?", "Meetup.", "Meetup-2", "Meetup:"} {
		tk := &talk.Talk{Title: "T", Event: talk.Event{Title: title}}
		u.add(tk)
		got = append(got, u.Event(&tk.Event))
	}
	want := []string{"/events/meetup.html", "/events/meetup-2.html", "/events/meetup-3.html",
		"/events/meetup-2-2.html", "/events/meetup-4.html"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("event pages (-want +got):\n%s", diff)
	}
}

// TestSiteURLsAllocs: the site's URLs cost a page's links no more than
// pyvideo.org's when no events share a slug, as on most sites; they are
// asked for on every page, for every talk, event and speaker linked.
func TestSiteURLsAllocs(t *testing.T) {
	u := newSiteURLs(pageslug.NewPages())
	tk := &talk.Talk{Title: "A Talk", Event: talk.Event{ID: "ev", Title: "An Event"}}
	u.add(tk)
	var py html.PyvideoURLs
	if got, want := u.Talk(tk)+" "+u.Event(&tk.Event), py.Talk(tk)+" "+py.Event(&tk.Event); got != want {
		t.Fatalf("paths %q, want pyvideo.org's %q", got, want)
	}
	var paths []string // kept, so that no path is built on the stack
	got := testing.AllocsPerRun(100, func() { paths = append(paths[:0], u.Talk(tk), u.Event(&tk.Event)) })
	want := testing.AllocsPerRun(100, func() { paths = append(paths[:0], py.Talk(tk), py.Event(&tk.Event)) })
	if got != want {
		t.Errorf("siteURLs: %v allocations for a talk's and an event's path, want PyvideoURLs' %v", got, want)
	}
}

// buildSite builds the site of an archive of files (path → content) and
// holds the run's output, the site's files and their links to the golden
// file name.
func buildSite(t *testing.T, files map[string]string, name string) {
	t.Helper()
	dir := t.TempDir()
	for file, data := range files {
		plantFile(t, filepath.Join(dir, file), data)
	}
	out := filepath.Join(t.TempDir(), "site")
	got := runCommand("", "site", "-o", out, dir)
	got.stderr = strings.ReplaceAll(got.stderr, dir, "ARCHIVE")
	got = stableSite(got, out)
	checkGolden(t, name, result{got.status, got.stdout + "-- files --\n" + siteFiles(t, out) + "-- links --\n" + siteLinks(t, out), got.stderr})
}

// BenchmarkSiteURLsSharedSlug places 1,000 events whose titles slug
// alike and that have no IDs: each takes the next number at once.
func BenchmarkSiteURLsSharedSlug(b *testing.B) {
	talks := make([]*talk.Talk, 1000)
	for i := range talks {
		talks[i] = &talk.Talk{Title: "T", Event: talk.Event{Title: "Meetup" + strings.Repeat("!", i)}}
	}
	for b.Loop() {
		u := newSiteURLs(pageslug.NewPages())
		for _, tk := range talks {
			u.add(tk)
		}
	}
}

// TestSiteReadTwice names an event within an archive named too: each
// record is the same talk both times, and the site is the archive's,
// where each of the event's talks was reported as taking its own page
// ("a.json: its page /chipy/x.html is a.json's already") and the run
// failed.
func TestSiteReadTwice(t *testing.T) {
	once, twice := filepath.Join(t.TempDir(), "site"), filepath.Join(t.TempDir(), "site")
	a := stableSite(runCommand("", "site", "-o", once, archive), once)
	b := stableSite(runCommand("", "site", "-o", twice, archive, archive+"/chipy", archive), twice)
	a.stdout += siteFiles(t, once)
	b.stdout += siteFiles(t, twice)
	if diff := cmp.Diff(a, b, cmp.AllowUnexported(result{})); diff != "" {
		t.Errorf("site of the archive (-once +twice):\n%s", diff)
	}
}

// TestSiteThroughLink builds a site named by a symbolic link to an
// earlier one: the link stays a link, and the site it leads to is the
// new one, where the link was replaced by a directory and the old site
// left where it led.
func TestSiteThroughLink(t *testing.T) {
	dir := t.TempDir()
	target, link := filepath.Join(dir, "www", "talks"), filepath.Join(dir, "talks")
	if got := runCommand("", "site", "-o", target, archive); got.status != 0 {
		t.Fatalf("first build = %+v", got)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	got := stableSite(runCommand("", "site", "-o", link, archive+"/chipy"), link)
	wantResult(t, got, 0, []string{"OUT: 2 talks, 1 event, 2 speakers, 9 files, in TIME"}, nil)
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("after the build, %s is no longer a symbolic link (%v)", link, err)
	}
	fresh := filepath.Join(dir, "fresh")
	runCommand("", "site", "-o", fresh, archive+"/chipy")
	if diff := cmp.Diff(siteFiles(t, fresh), siteFiles(t, target)); diff != "" {
		t.Errorf("the linked site's files are not chipy's site's (-want +got):\n%s", diff)
	}
}

// TestSiteInputWithin refuses to build a site from records within the
// directory it is written into, among pages a later build removes or
// replaces.
func TestSiteInputWithin(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	if got := runCommand("", "site", "-o", out, archive+"/chipy"); got.status != 0 {
		t.Fatalf("first build = %+v", got)
	}
	records := filepath.Join(out, "records")
	plantFile(t, filepath.Join(records, "ev", "category.json"), `{"title": "Ev"}`)
	plantFile(t, filepath.Join(records, "ev", "videos", "a.json"), `{"title": "A", "speakers": ["Ada"], "videos": []}`)
	before := siteFiles(t, out)
	got := stableSite(runCommand("", "site", "-o", out, records), out)
	got.stderr, _, _ = strings.Cut(got.stderr, "Usage")
	wantResult(t, got, 2, nil, []string{"talkmeta site: OUT/records is within OUT, which the site is written into; choose another -o"})
	if diff := cmp.Diff(before, siteFiles(t, out)); diff != "" {
		t.Errorf("the site changed (-before +after):\n%s", diff)
	}
}

// TestSitePagesStay adds to an event a talk whose title slugs as an
// older talk's and that is read before it ("C++", a.json, before "C",
// b.json): each talk of the last build keeps its page, byte for byte, and
// the new one takes "c-" and its ID's slug. It took ev/c.html, and the
// talk that had it moved to ev/c-b.html, so that links people had shared
// led to another talk. The whole site is compared, but for the pages that
// list the talks. A build of the same records again writes the same
// bytes, and a talk taken out frees its page for the next that wants it.
func TestSitePagesStay(t *testing.T) {
	archive, out := t.TempDir(), filepath.Join(t.TempDir(), "site")
	plantFiles(t, archive, map[string]string{
		"ev/category.json": `{"title": "Ev"}`,
		"ev/videos/b.json": `{"title": "C", "speakers": ["Bea"], "videos": []}`,
	})
	buildQuietly(t, out, archive)
	before := siteTree(t, out)
	plantFiles(t, archive, map[string]string{"ev/videos/a.json": `{"title": "C++", "speakers": ["Ada"], "videos": []}`})
	buildQuietly(t, out, archive)
	after := siteTree(t, out)
	want, after, missing := sitetest.AfterAdding(before, after,
		[]string{"ev/c-a.html", "speaker/ada.html"}, []string{"index.html", "events/ev.html", ".talkmeta-site"})
	for _, name := range missing {
		t.Errorf("the added talk has no %s", name)
	}
	mode, _, _ := strings.Cut(before[".talkmeta-site-pages"], " ") // siteTree's
	want[".talkmeta-site-pages"] = mode + " " + pageslug.PagesFileHeader +
		`"ev/c-a.html" "ev" "a"` + "\n" +
		`"ev/c.html" "ev" "b"` + "\n" +
		`"events/ev.html" "ev"` + "\n"
	if diff := cmp.Diff(want, after); diff != "" {
		t.Errorf("the site after a talk read first was added (-want +got):\n%s", diff)
	}
	again := siteTree(t, out)
	buildQuietly(t, out, archive)
	if diff := cmp.Diff(again, siteTree(t, out)); diff != "" {
		t.Errorf("the same records built again (-first +second):\n%s", diff)
	}
	if err := os.Remove(filepath.Join(archive, "ev", "videos", "b.json")); err != nil {
		t.Fatal(err)
	}
	plantFiles(t, archive, map[string]string{"ev/videos/0.json": `{"title": "C#", "speakers": ["Ada"], "videos": []}`})
	buildQuietly(t, out, archive)
	if diff := cmp.Diff(".talkmeta-site\n.talkmeta-site-pages\nev/c-a.html\nev/c.html\nevents/ev.html\nindex.html\nspeaker/ada.html\nstyle.css\n", siteFiles(t, out)); diff != "" {
		t.Errorf("files after a talk was taken out and another added (-want +got):\n%s", diff)
	}
	if page := readFile(t, filepath.Join(out, "ev", "c.html")); !strings.Contains(page, "<title>C#") {
		t.Errorf("ev/c.html, freed, is not the added talk's:\n%s", page)
	}
}

// TestSitePagesDamaged builds over a site whose file of pages' owners was
// edited by hand: the error names the file and the line, and the site is
// left as it was, rather than pages moved by a guess.
func TestSitePagesDamaged(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	buildQuietly(t, out, archive+"/chipy")
	pages := filepath.Join(out, ".talkmeta-site-pages")
	plantFile(t, pages, pageslug.PagesFileHeader+`"chipy/a.html" "chipy" "a" "A"`+"\n"+`"chipy/b.html" "chipy" "a" "A"`+"\n")
	before := siteTree(t, out)
	got := stableSite(runCommand("", "site", "-o", out, archive+"/chipy"), out)
	wantResult(t, got, 1, nil, []string{`talkmeta site: OUT/.talkmeta-site-pages:5: "chipy" "a" "A" has page "chipy/a.html" already, on line 4; it says which record owns which page of the site: correct the line, or remove it (the page then goes to the first record that wants it) or the whole file (every page does)`})
	if diff := cmp.Diff(before, siteTree(t, out)); diff != "" {
		t.Errorf("the site changed (-before +after):\n%s", diff)
	}
}

// TestSiteArgumentOrder builds one site from two archives named in
// either order, each with an event called "Meetup": the two sites are
// the same, byte for byte. The first archive named gave its event
// events/meetup.html, and the other archive's event had it the other
// time.
func TestSiteArgumentOrder(t *testing.T) {
	dir := t.TempDir()
	plantFiles(t, dir, map[string]string{
		"one/m1/category.json":     `{"title": "Meetup"}`,
		"one/m1/videos/a.json":     `{"title": "A", "speakers": ["Ada"], "videos": []}`,
		"two/m2/category.json":     `{"title": "Meetup"}`,
		"two/m2/videos/b.json":     `{"title": "B", "speakers": ["Bea"], "videos": []}`,
		"two/m2/videos/c.json":     `{"title": "C", "speakers": ["Bea"], "videos": []}`,
		"./three/m3/category.json": `{"title": "Meetup"}`,
		"./three/m3/videos/d.json": `{"title": "D", "speakers": ["Cy"], "videos": []}`,
	})
	var sites [2]map[string]string
	for i, args := range [][]string{{dir + "/one", dir + "/two", dir + "/three"}, {dir + "/./three", dir + "/two/", dir + "/one"}} {
		out := filepath.Join(t.TempDir(), "site")
		buildQuietly(t, out, args...)
		sites[i] = siteTree(t, out)
	}
	if diff := cmp.Diff(sites[0], sites[1]); diff != "" {
		t.Errorf("the site of the archives named the other way round (-first +second):\n%s", diff)
	}
}

// TestSiteEventPagesStay adds an event called "Meetup" that is read
// before the one that had events/meetup.html and the directory meetup/:
// the older event keeps its page and its talks theirs, byte for byte, and
// the new one takes "meetup-" and its ID's slug. The new event took both,
// and every page of the older one moved to meetup-m2. The whole site is
// compared, but for the index; a build of the same records again writes
// the same bytes.
func TestSiteEventPagesStay(t *testing.T) {
	archive, out := t.TempDir(), filepath.Join(t.TempDir(), "site")
	plantFiles(t, archive, map[string]string{
		"m2/category.json": `{"title": "Meetup"}`,
		"m2/videos/b.json": `{"title": "B", "speakers": ["Bea"], "videos": []}`,
	})
	buildQuietly(t, out, archive)
	before := siteTree(t, out)
	plantFiles(t, archive, map[string]string{
		"m1/category.json": `{"title": "Meetup"}`,
		"m1/videos/a.json": `{"title": "A", "speakers": ["Ada"], "videos": []}`,
	})
	buildQuietly(t, out, archive)
	after := siteTree(t, out)
	want := maps.Clone(before)
	for _, name := range []string{"events/meetup-m1.html", "meetup-m1/a.html", "speaker/ada.html"} {
		if _, ok := after[name]; !ok {
			t.Errorf("the added event has no %s", name)
		}
		want[name] = after[name]
	}
	for _, lists := range []string{"index.html", ".talkmeta-site"} {
		delete(want, lists)
		delete(after, lists)
	}
	mode, _, _ := strings.Cut(before[".talkmeta-site-pages"], " ") // siteTree's
	want[".talkmeta-site-pages"] = mode + " " + pageslug.PagesFileHeader +
		`"events/meetup-m1.html" "m1"` + "\n" +
		`"events/meetup.html" "m2"` + "\n" +
		`"meetup-m1/a.html" "m1" "a"` + "\n" +
		`"meetup/b.html" "m2" "b"` + "\n"
	if diff := cmp.Diff(want, after); diff != "" {
		t.Errorf("the site after an event read first was added (-want +got):\n%s", diff)
	}
	again := siteTree(t, out)
	buildQuietly(t, out, archive)
	if diff := cmp.Diff(again, siteTree(t, out)); diff != "" {
		t.Errorf("the same records built again (-first +second):\n%s", diff)
	}
}

// TestSitePagesUnread builds an archive whose record of a talk that had
// a page cannot be read, with a talk added that wants the page: the page
// is kept for the talk not read, which has it again once its record is
// mended. It went to the added talk, and the other moved when it was
// read again.
func TestSitePagesUnread(t *testing.T) {
	archive, out := t.TempDir(), filepath.Join(t.TempDir(), "site")
	b := `{"title": "C", "speakers": ["Bea"], "videos": []}`
	plantFiles(t, archive, map[string]string{"ev/category.json": `{"title": "Ev"}`, "ev/videos/b.json": b})
	buildQuietly(t, out, archive)
	plantFiles(t, archive, map[string]string{
		"ev/videos/a.json": `{"title": "C++", "speakers": ["Ada"], "videos": []}`,
		"ev/videos/b.json": `{"title": "C", "speakers": ["Bea"], "videos": [}`,
	})
	if got := runCommand("", "site", "-o", out, archive); got.status != 1 {
		t.Fatalf("status %d, want 1: %s", got.status, got.stderr)
	}
	if diff := cmp.Diff(".talkmeta-site\n.talkmeta-site-pages\nev/c-a.html\nevents/ev.html\nindex.html\nspeaker/ada.html\nstyle.css\n", siteFiles(t, out)); diff != "" {
		t.Errorf("files with a record not read (-want +got):\n%s", diff)
	}
	plantFiles(t, archive, map[string]string{"ev/videos/b.json": b})
	buildQuietly(t, out, archive)
	if page := readFile(t, filepath.Join(out, "ev", "c.html")); !strings.Contains(page, "<title>C ") {
		t.Errorf("ev/c.html is not the mended record's talk's:\n%s", page)
	}
	if diff := cmp.Diff(".talkmeta-site\n.talkmeta-site-pages\nev/c-a.html\nev/c.html\nevents/ev.html\nindex.html\nspeaker/ada.html\nspeaker/bea.html\nstyle.css\n", siteFiles(t, out)); diff != "" {
		t.Errorf("files with the record mended (-want +got):\n%s", diff)
	}
}

// TestSiteDirectoryStays builds over a site whose untitled event had
// taken the directory its talks' category names (old-name/), so that
// another untitled event's talk of that category went to its event's own
// directory (ev2/a.html), without the first event: the talk keeps its
// page, where it moved to old-name/a.html, the directory left free.
func TestSiteDirectoryStays(t *testing.T) {
	archive, out := t.TempDir(), filepath.Join(t.TempDir(), "site")
	plantFiles(t, archive, map[string]string{
		"ev/category.json":  `{}`,
		"ev/videos/a.json":  `{"title": "A", "speakers": ["Ada"], "videos": [], "category": "Old Name"}`,
		"ev2/category.json": `{}`,
		"ev2/videos/b.json": `{"title": "B", "speakers": ["Bea"], "videos": [], "category": "Old Name"}`,
	})
	buildQuietly(t, out, archive)
	before := siteTree(t, out)
	if err := os.RemoveAll(filepath.Join(archive, "ev")); err != nil {
		t.Fatal(err)
	}
	buildQuietly(t, out, archive)
	if diff := cmp.Diff(".talkmeta-site\n.talkmeta-site-pages\nev2/b.html\nevents/ev2.html\nindex.html\nspeaker/bea.html\nstyle.css\n", siteFiles(t, out)); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
	if after := siteTree(t, out); after["ev2/b.html"] != before["ev2/b.html"] {
		t.Errorf("ev2/b.html changed:\n%s\nwas:\n%s", after["ev2/b.html"], before["ev2/b.html"])
	}
}

// TestSitePagesOlderSite builds over a site of the talkmeta site before
// the file of owners, whose manifest lists only its files: the build
// works as it did then, each page going to the first talk read that
// wants it, and the site is what a fresh build makes, byte for byte;
// from then on its owners are kept.
func TestSitePagesOlderSite(t *testing.T) {
	archive, dir := t.TempDir(), t.TempDir()
	out, fresh := filepath.Join(dir, "site"), filepath.Join(dir, "fresh")
	plantFiles(t, archive, map[string]string{
		"ev/category.json": `{"title": "Ev"}`,
		"ev/videos/b.json": `{"title": "C", "speakers": ["Bea"], "videos": []}`,
	})
	buildQuietly(t, out, archive)
	manifest := filepath.Join(out, ".talkmeta-site")
	plantFile(t, manifest, strings.Replace(readFile(t, manifest), ".talkmeta-site-pages\n", "", 1))
	if err := os.Remove(filepath.Join(out, ".talkmeta-site-pages")); err != nil {
		t.Fatal(err)
	}
	plantFiles(t, archive, map[string]string{"ev/videos/a.json": `{"title": "C++", "speakers": ["Ada"], "videos": []}`})
	buildQuietly(t, out, archive)
	buildQuietly(t, fresh, archive)
	if diff := cmp.Diff(siteTree(t, fresh), siteTree(t, out)); diff != "" {
		t.Errorf("the site over an older one is not a fresh build's (-want +got):\n%s", diff)
	}
}
