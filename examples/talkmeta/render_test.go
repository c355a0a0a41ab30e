package main

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestRenderMany renders several talks: as one JSON-LD document, one
// calendar named neutrally when its talks are of several events, and no
// stream of HTML pages.
func TestRenderMany(t *testing.T) {
	for _, tt := range []struct {
		name string
		args []string
	}{
		{"jsonld.txt", []string{"-to", "jsonld", "-base", "https://talks.example.org", archive + "/chipy", archive + "/europython-2016"}},
		{"html.txt", []string{"-to", "html", archive + "/chipy"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			checkGolden(t, "render-many/"+tt.name, runCommand("", append([]string{"render"}, tt.args...)...))
		})
	}
}

// TestRenderJSONLDArray checks that the JSON-LD of several talks is one
// JSON document whose elements are the documents of each talk alone.
func TestRenderJSONLDArray(t *testing.T) {
	files, _ := filepath.Glob(archive + "/*/videos/*.json")
	if len(files) < 2 {
		t.Fatalf("%d talk files, want several", len(files))
	}
	all := runCommand("", append([]string{"render", "-to", "jsonld"}, files...)...)
	if all.status != 0 || all.stderr != "" {
		t.Fatalf("render = %+v", all)
	}
	var got []any
	if err := json.Unmarshal([]byte(all.stdout), &got); err != nil {
		t.Fatalf("not one JSON document: %v", err)
	}
	var want []any
	for _, f := range files {
		one := runCommand("", "render", "-to", "jsonld", f)
		var doc any
		if err := json.Unmarshal([]byte(one.stdout), &doc); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		want = append(want, doc)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-each alone +all at once):\n%s", diff)
	}
}

// TestRenderCalendarStamp: a calendar's DTSTAMP is the time the newest of
// its talks' records, or their events', was changed, so that the same
// archive renders to the same calendar whenever it is rendered, and a
// talk changed since is an update; with a talk read from standard
// input, whose time is unknown, it is the time of the run. The clock is
// a day after fixedNow, and the records' times two days before it, an
// event record's an hour later than the rest.
func TestRenderCalendarStamp(t *testing.T) {
	pkg := inTempDir(t)
	copyEvent(t, pkg, "chipy", "chipy")
	copyEvent(t, pkg, "europython-2016", "europython-2016")
	recorded := fixedNow().Add(-48 * time.Hour)
	later := recorded.Add(time.Hour)
	err := filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p == "chipy/category.json" {
			return os.Chtimes(p, later, later)
		}
		return os.Chtimes(p, recorded, recorded)
	})
	if err != nil {
		t.Fatal(err)
	}
	render := func(args ...string) result {
		var out, errOut bytes.Buffer
		e := &env{stdin: strings.NewReader(readFile(t, "europython-2016/videos/yury-selivanov-asyncawait-in-python-35-and-why-it-is-awesome.json")),
			stdout: &out, stderr: &errOut, now: func() time.Time { return fixedNow().Add(24 * time.Hour) }}
		return result{run(e, append([]string{"render", "-to", "ics"}, args...)), out.String(), errOut.String()}
	}
	got := map[string]result{
		"render-ics.txt":                     render("chipy"),
		"render-many/ics.txt":                render("chipy", "europython-2016"),
		"render-many/ics-one-event.txt":      render("europython-2016"),
		"render-many/ics-stdin-and-file.txt": render("-", "europython-2016"),
	}
	t.Chdir(pkg)
	for name, got := range got {
		checkGolden(t, name, got)
	}
}

// TestRenderCalendarUndated: talks a calendar leaves out for want of a
// day are reported one a line, each by its file and what its date is,
// and the calendar holds the rest; so are talks with a date iCalendar
// cannot write, or a time in a zone the database lacks, in the order the
// talks were read. Those cost the whole calendar ("no calendar written"):
// one record of an archive left the archive without one.
func TestRenderCalendarUndated(t *testing.T) {
	inTempDir(t)
	plantFile(t, "ev/talks/dated.json", `{"id": "dated", "title": "Dated", "recorded": "2024-06-01"}`)
	plantFile(t, "ev/talks/year.json", `{"id": "year", "title": "A year", "recorded": "2019"}`)
	plantFile(t, "ev/talks/none.json", `{"id": "none", "title": "No date"}`)
	plantFile(t, "ev/event.json", `{"id": "ev", "title": "Ev"}`)
	plantFile(t, "far/far.json", `{"id": "far", "title": "Far", "recorded": "9999-12-31T23:30:00-02:00"}`)
	plantFile(t, "typo/event.json", `{"id": "typo", "title": "Typo", "time_zone": "Europe/Berln"}`)
	plantFile(t, "typo/talks/t.json", `{"id": "t", "title": "T", "recorded": "2024-06-01T10:00:00"}`)
	setRecordTimes(t, ".", fixedNow())
	calendar := func(name string) []string {
		return []string{
			"BEGIN:VCALENDAR\r",
			"VERSION:2.0\r",
			"PRODID:-//talkmeta//talkmeta//EN\r",
			"CALSCALE:GREGORIAN\r",
			"NAME:" + name + "\r",
			"X-WR-CALNAME:" + name + "\r",
			"BEGIN:VEVENT\r",
			"UID:dated@ev\r",
			"DTSTAMP:20261125T120000Z\r",
			"DTSTART;VALUE=DATE:20240601\r",
			"DTEND;VALUE=DATE:20240602\r",
			"SUMMARY:Dated\r",
			"END:VEVENT\r",
			"END:VCALENDAR\r",
		}
	}
	wantResult(t, runCommand("", "render", "-to", "ics", "ev"), 1, calendar("Ev"), []string{
		"ev/talks/none.json: left out of the calendar: it has no recorded date",
		"ev/talks/year.json: left out of the calendar: its recorded date, 2019, names no day",
	})
	wantResult(t, runCommand("", "render", "-to", "ics", "typo", "far/far.json", "ev"), 1, calendar("Talks"), []string{
		`typo/talks/t.json: left out of the calendar: its event's time zone, "Europe/Berln", is not in the zone database, so its time cannot be placed`,
		`far/far.json: left out of the calendar: DTSTART "10000-01-01T01:30:00Z" has a year outside 0000-9999, which iCalendar dates cannot hold`,
		"ev/talks/none.json: left out of the calendar: it has no recorded date",
		"ev/talks/year.json: left out of the calendar: its recorded date, 2019, names no day",
	})
}

// setRecordTimes sets the modification time of every file under dir.
func setRecordTimes(t *testing.T, dir string, when time.Time) {
	t.Helper()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		return os.Chtimes(p, when, when)
	})
	if err != nil {
		t.Fatal(err)
	}
}
