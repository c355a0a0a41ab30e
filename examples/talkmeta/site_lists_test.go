package main

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/talkmeta/talkmeta/talk"
)

// buildSiteShowing is buildSite of the records in files under in, with
// each date and thumbnail (a <time> or an <img>) of the pages named in
// show: what a list of talks shows of a talk besides its links.
func buildSiteShowing(t *testing.T, files map[string]string, in, name string, show ...string) {
	t.Helper()
	dir := t.TempDir()
	plantFiles(t, dir, files)
	out := filepath.Join(t.TempDir(), "site")
	got := runCommand("", "site", "-o", out, filepath.Join(dir, in))
	got.stderr = strings.ReplaceAll(got.stderr, dir, "ARCHIVE")
	got = stableSite(got, out)
	shown := ""
	dated := regexp.MustCompile(`<time[^>]*>[^<]*</time>|<img [^>]*>`)
	for _, page := range show {
		shown += "-- " + page + " --\n"
		for _, m := range dated.FindAllString(readFile(t, filepath.Join(out, filepath.FromSlash(page))), -1) {
			shown += m + "\n"
		}
	}
	checkGolden(t, name, result{got.status, got.stdout + "-- files --\n" + siteFiles(t, out) + "-- links --\n" + siteLinks(t, out) + shown, got.stderr})
}

// TestSiteListOrder: an event's page lists its talks oldest first and a
// speaker's newest first, undated talks last on both, talks of one date
// in the order they were read, and a talk that names its speaker twice
// once; dates are days in the event's time zone (23:30 UTC is the next
// day in Tokyo). The index lists the newest events first by their first
// talk's day, and events of one day by title, whatever the hour.
func TestSiteListOrder(t *testing.T) {
	ev := func(id, title, tz string) string {
		return fmt.Sprintf(`"event": {"id": %q, "title": %q, "time_zone": %q}`, id, title, tz)
	}
	files := map[string]string{
		"talks/a.json": `{"id": "a", "title": "A", "recorded": "2024-03-02", "speakers": [{"name": "Ada"}], ` + ev("tokyo", "Tokyo", "Asia/Tokyo") + `}`,
		"talks/b.json": `{"id": "b", "title": "B", "speakers": [{"name": "Ada"}], ` + ev("tokyo", "Tokyo", "Asia/Tokyo") + `}`,
		"talks/c.json": `{"id": "c", "title": "C", "recorded": "2024-03-01T23:30:00Z", "speakers": [{"name": "Ada"}, {"name": "Ada"}], ` + ev("tokyo", "Tokyo", "Asia/Tokyo") + `}`,
		"talks/d.json": `{"id": "d", "title": "D", "recorded": "2024-03-01", "speakers": [{"name": "Ada"}], ` + ev("tokyo", "Tokyo", "Asia/Tokyo") + `}`,
		"talks/e.json": `{"id": "e", "title": "E", "recorded": "2024-03-02", "speakers": [{"name": "Ada"}], ` + ev("tokyo", "Tokyo", "Asia/Tokyo") + `}`,
		"talks/f.json": `{"id": "f", "title": "F", "recorded": "2024-05-01T09:00:00Z", "speakers": [{"name": "Bea"}], ` + ev("early", "Alpha", "UTC") + `}`,
		"talks/g.json": `{"id": "g", "title": "G", "recorded": "2024-05-01T10:00:00Z", "speakers": [{"name": "Bea"}], ` + ev("late", "Beta", "UTC") + `}`,
	}
	buildSiteShowing(t, files, "talks", "site-lists/order.txt", "events/tokyo.html", "speaker/ada.html", "index.html")
}

// TestSiteListRecords: a talk's thumbnail in lists is its YouTube
// recording's, even when another recording comes first; an event with
// no ID is not the event whose ID its title is; a record whose talk
// another file gave already (its event, ID and title) is reported, by
// both files, and left out; and a talk's slug longer than pageslug.Max
// is cut in an event that keeps pyvideo.org's paths, where one of
// pageslug.Max bytes is not.
func TestSiteListRecords(t *testing.T) {
	conf := `"event": {"id": "conf", "title": "Conf"}`
	long := strings.Repeat("word ", 60)
	files := map[string]string{
		"talks/a.json":  `{"id": "a", "title": "A", "videos": [{"provider": "vimeo", "url": "https://vimeo.com/123", "id": "123"}, {"provider": "youtube", "url": "https://youtu.be/yt1", "id": "yt1"}], ` + conf + `}`,
		"talks/a2.json": `{"id": "a", "title": "A", ` + conf + `}`,
		"talks/b.json":  `{"id": "b", "title": "B", "event": {"title": "conf"}}`,
		"talks/c.json":  `{"id": "c", "title": "` + long + `", ` + conf + `}`,
		"talks/d.json":  `{"id": "d", "title": "` + strings.Repeat("d", 200) + `", ` + conf + `}`,
	}
	buildSiteShowing(t, files, "talks", "site-lists/records.txt", "events/conf.html")
}

// TestSiteEventDescriptionFormat: an event's description is rendered as
// the markup of the record that gave it: reStructuredText from a pyvideo
// archive's event, where a talkmeta record of the same event read first
// gave none.
func TestSiteEventDescriptionFormat(t *testing.T) {
	dir := t.TempDir()
	plantFiles(t, dir, map[string]string{
		"a/conf/event.json":    `{"id": "conf", "title": "Conf"}`,
		"a/conf/talks/t.json":  `{"id": "t", "title": "T"}`,
		"b/conf/category.json": `{"title": "Conf", "description": "An *emphasized* word."}`,
		"b/conf/videos/u.json": `{"title": "U", "speakers": [], "videos": []}`,
	})
	out := filepath.Join(t.TempDir(), "site")
	buildQuietly(t, out, filepath.Join(dir, "a"), filepath.Join(dir, "b"))
	got := regexp.MustCompile(`(?s)<div class="description".*?</div>`).FindString(readFile(t, filepath.Join(out, "events", "conf.html")))
	want := "<div class=\"description\" dir=\"auto\"><p>An <em>emphasized</em> word.</p>\n</div>"
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("the event's description (-want +got):\n%s", diff)
	}
}

// TestSiteEventMerge: each fact of an event that two records give
// differently is reported with its JSON pointer, the record that gave it
// otherwise, and the value the event's page keeps, the first given.
func TestSiteEventMerge(t *testing.T) {
	first := talk.Event{Title: "T1", Series: "S1", Description: "D1", TimeZone: "Europe/Berlin", URL: "https://one.example",
		Place: talk.Place{Venue: "V1", Room: "R1", City: "C1", Region: "G1", Country: "N1"}}
	first.Start, _ = talk.ParseDate("2024-01-01")
	first.End, _ = talk.ParseDate("2024-01-02")
	second := talk.Event{Title: "T2", Series: "S2", Description: "D2", TimeZone: "Asia/Tokyo", URL: "https://two.example",
		Place: talk.Place{Venue: "V2", Room: "R2", City: "C2", Region: "G2", Country: "N2"}}
	second.Start, _ = talk.ParseDate("2024-02-01")
	second.End, _ = talk.ParseDate("2024-02-02")
	var ev siteEvent
	var got []string
	report := func(err error) { got = append(got, err.Error()) }
	ev.merge(&first, "a.json", report)
	ev.merge(&second, "b.json", report)
	ev.merge(&talk.Event{Title: "T1"}, "c.json", report)
	want := []string{
		`b.json: /event/title: "T2", but a.json gives its event "T1"; the event's page shows "T1"`,
		`b.json: /event/series: "S2", but a.json gives its event "S1"; the event's page shows "S1"`,
		`b.json: /event/description: "D2", but a.json gives its event "D1"; the event's page shows "D1"`,
		`b.json: /event/start: "2024-02-01", but a.json gives its event "2024-01-01"; the event's page shows "2024-01-01"`,
		`b.json: /event/end: "2024-02-02", but a.json gives its event "2024-01-02"; the event's page shows "2024-01-02"`,
		`b.json: /event/time_zone: "Asia/Tokyo", but a.json gives its event "Europe/Berlin"; the event's page shows "Europe/Berlin"`,
		`b.json: /event/place/venue: "V2", but a.json gives its event "V1"; the event's page shows "V1"`,
		`b.json: /event/place/room: "R2", but a.json gives its event "R1"; the event's page shows "R1"`,
		`b.json: /event/place/city: "C2", but a.json gives its event "C1"; the event's page shows "C1"`,
		`b.json: /event/place/region: "G2", but a.json gives its event "G1"; the event's page shows "G1"`,
		`b.json: /event/place/country: "N2", but a.json gives its event "N1"; the event's page shows "N1"`,
		`b.json: /event/url: "https://two.example", but a.json gives its event "https://one.example"; the event's page shows "https://one.example"`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("reports (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(first, ev.event); diff != "" {
		t.Errorf("the event's page (-want +got):\n%s", diff)
	}
}

// TestSiteUsersPagesFile: a file named as the site's file of pages'
// owners that a user had in a directory they opted in, which no build of
// the site wrote, is not read as one (it says nothing of the site's
// pages): the build goes on, and writes the site's own.
func TestSiteUsersPagesFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	plantFiles(t, out, map[string]string{".talkmeta-site": "", ".talkmeta-site-pages": "my notes\n"})
	buildQuietly(t, out, archive+"/chipy")
	fresh := filepath.Join(t.TempDir(), "site")
	buildQuietly(t, fresh, archive+"/chipy")
	if diff := cmp.Diff(readFile(t, filepath.Join(fresh, ".talkmeta-site-pages")), readFile(t, filepath.Join(out, ".talkmeta-site-pages"))); diff != "" {
		t.Errorf("the file of pages' owners (-fresh +opted in):\n%s", diff)
	}
}

// TestSiteDirectoryWaits adds an untitled event, read first, whose talk's
// category names the directory another untitled event's talks had in the
// last build: the directory stays the other's, and the added talk goes
// to its event's own, where it had been put among the other's talks.
func TestSiteDirectoryWaits(t *testing.T) {
	archive, out := t.TempDir(), filepath.Join(t.TempDir(), "site")
	plantFiles(t, archive, map[string]string{
		"ev1/category.json": `{}`,
		"ev1/videos/a.json": `{"title": "A", "speakers": ["Ada"], "videos": [], "category": "Old Name"}`,
	})
	buildQuietly(t, out, archive)
	plantFiles(t, archive, map[string]string{
		"ev0/category.json": `{}`,
		"ev0/videos/b.json": `{"title": "B", "speakers": ["Bea"], "videos": [], "category": "Old Name"}`,
	})
	buildQuietly(t, out, archive)
	want := ".talkmeta-site\n.talkmeta-site-pages\nev0/b.html\nevents/ev0.html\nevents/ev1.html\nindex.html\nold-name/a.html\nspeaker/ada.html\nspeaker/bea.html\nstyle.css\n"
	if diff := cmp.Diff(want, siteFiles(t, out)); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
}
