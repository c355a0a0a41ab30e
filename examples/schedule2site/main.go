// Command schedule2site turns a conference's schedule export (c3voc JSON or
// frab XML) into a static archive site in one program: an index, one page
// per talk with schema.org JSON-LD and a citation, and an iCalendar file
// for the whole schedule and for each talk.
//
//	schedule2site -o SITE schedule.json
//
// It uses talk/schedule to read and talk/ical to write calendars. Its
// JSON-LD and citation are deliberately small and built here; the library's
// talk/jsonld and talk/cite packages, once there, are the complete ones.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"html/template"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/ical"
	"github.com/talkmeta/talkmeta/talk/schedule"
)

func main() {
	out := flag.String("o", "site", "the directory to write the site to")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "Usage: schedule2site [-o DIR] SCHEDULE.json|SCHEDULE.xml")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	os.Exit(run(flag.Arg(0), *out, time.Now(), os.Stderr))
}

// run builds the site and returns the exit status: 1 when the schedule had
// problems (the site is built from what could be read).
func run(src, out string, now time.Time, stderr io.Writer) int {
	data, err := os.ReadFile(src)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	s, err := schedule.Parse(data, filepath.ToSlash(src))
	status := 0
	var problems talk.ErrorList
	if errors.As(err, &problems) {
		for _, e := range problems {
			fmt.Fprintln(stderr, e)
		}
		status = 1
	}
	files, err := site(s, now)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	for name, content := range files {
		p := filepath.Join(out, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		if err := os.WriteFile(p, content, 0o644); err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
	}
	return status
}

// page is what the talk template shows.
type page struct {
	Talk     *talk.Talk
	Event    *talk.Event
	Slug     string
	When     string
	Speakers string
	Citation string
	JSONLD   template.JS
}

// site returns the site's files by slash-separated path.
func site(s *schedule.Schedule, now time.Time) (map[string][]byte, error) {
	files := map[string][]byte{}
	var slugs talk.SlugSet
	var pages []page
	for _, t := range s.Talks {
		p := page{Talk: t, Event: &s.Event, Slug: slugs.Unique(talk.Slug(t.Title))}
		p.When = when(t)
		names := make([]string, len(t.Speakers))
		for i, sp := range t.Speakers {
			names[i] = sp.Name
		}
		p.Speakers = strings.Join(names, ", ")
		p.Citation = citation(t, p.Speakers)
		ld, err := jsonLD(t)
		if err != nil {
			return nil, err
		}
		p.JSONLD = template.JS(ld)
		pages = append(pages, p)
		var b bytes.Buffer
		if err := talkPage.Execute(&b, p); err != nil {
			return nil, err
		}
		files["talks/"+p.Slug+".html"] = b.Bytes()
		var cal bytes.Buffer
		if err := ical.WriteTalk(&cal, t, ical.Options{Stamp: now}); err != nil {
			var ue *ical.UndatedError
			if !errors.As(err, &ue) {
				return nil, err
			}
		}
		files["talks/"+p.Slug+".ics"] = cal.Bytes()
	}
	var b bytes.Buffer
	if err := indexPage.Execute(&b, struct {
		Event *talk.Event
		Pages []page
	}{&s.Event, pages}); err != nil {
		return nil, err
	}
	files["index.html"] = b.Bytes()
	var cal bytes.Buffer
	if err := ical.WriteCalendar(&cal, s.Talks, ical.Options{Name: s.Event.Title, Stamp: now}); err != nil {
		var ue *ical.UndatedError
		if !errors.As(err, &ue) {
			return nil, err
		}
	}
	files["schedule.ics"] = cal.Bytes()
	return files, nil
}

func when(t *talk.Talk) string {
	if t.Recorded.Precision() < talk.DateTime {
		return t.Recorded.String()
	}
	w := t.Recorded.Time().Format("Monday 2 January 2006, 15:04")
	if t.Duration > 0 {
		w += " (" + t.Duration.Clock() + ")"
	}
	return w
}

// citation is an APA-like reference: speakers (year). Title [Conference
// talk]. Event, Room. URL
func citation(t *talk.Talk, speakers string) string {
	var b strings.Builder
	if speakers != "" {
		b.WriteString(speakers + " ")
	}
	if !t.Recorded.IsZero() {
		b.WriteString("(" + t.Recorded.Time().Format("2006, January 2") + "). ")
	}
	b.WriteString(t.Title)
	if t.Subtitle != "" {
		b.WriteString(": " + t.Subtitle)
	}
	b.WriteString(" [Conference talk]. " + t.Event.Title)
	if t.Place.Room != "" {
		b.WriteString(", " + t.Place.Room)
	}
	b.WriteString(".")
	if len(t.Links) > 0 {
		b.WriteString(" " + t.Links[0].URL)
	}
	return b.String()
}

// jsonLD describes the talk as a schema.org Event within its conference.
// encoding/json escapes <, > and &, so the result is safe in a script
// element.
func jsonLD(t *talk.Talk) (string, error) {
	m := map[string]any{
		"@context": "https://schema.org",
		"@type":    "Event",
		"name":     t.Title,
		"superEvent": map[string]any{
			"@type": "Event", "name": t.Event.Title, "url": t.Event.URL,
		},
	}
	if len(t.ID) == 36 && strings.Count(t.ID, "-") == 4 { // a c3voc guid
		m["@id"] = "urn:uuid:" + t.ID
	}
	if t.Recorded.Precision() >= talk.DateTime {
		m["startDate"] = t.Recorded.String()
		if t.Duration > 0 {
			m["duration"] = t.Duration.String()
			if t.Recorded.Precision() == talk.DateTimeOffset {
				m["endDate"] = talk.DateTimeOf(t.Recorded.Time().Add(time.Duration(t.Duration)), true).String()
			}
		}
	}
	if t.Summary != "" {
		m["description"] = t.Summary
	}
	if t.Language != "" {
		m["inLanguage"] = string(t.Language)
	}
	if t.Place.Room != "" {
		m["location"] = map[string]any{"@type": "Place", "name": t.Place.Room}
	}
	if len(t.Links) > 0 {
		m["url"] = t.Links[0].URL
	}
	var performers []any
	for _, s := range t.Speakers {
		performers = append(performers, map[string]any{"@type": "Person", "name": s.Name})
	}
	if performers != nil {
		m["performer"] = performers
	}
	b, err := json.MarshalIndent(m, "", "  ")
	return string(b), err
}

var indexPage = template.Must(template.New("index").Parse(`<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>{{.Event.Title}}</title></head>
<body>
<h1>{{.Event.Title}}</h1>
<p><a href="schedule.ics">Add the whole schedule to your calendar</a></p>
<ul>
{{- range .Pages}}
<li><a href="talks/{{.Slug}}.html">{{.Talk.Title}}</a>{{with .Speakers}} — {{.}}{{end}} <small>{{.When}}{{with .Talk.Place.Room}}, {{.}}{{end}}</small></li>
{{- end}}
</ul>
</body>
</html>
`))

var talkPage = template.Must(template.New("talk").Parse(`<!DOCTYPE html>
<html{{with .Talk.Language}} lang="{{.}}"{{end}}>
<head>
<meta charset="utf-8">
<title>{{.Talk.Title}} — {{.Event.Title}}</title>
<script type="application/ld+json">
{{.JSONLD}}
</script>
</head>
<body>
<p><a href="../index.html">{{.Event.Title}}</a></p>
<h1>{{.Talk.Title}}</h1>
{{with .Talk.Subtitle}}<h2>{{.}}</h2>{{end}}
{{with .Speakers}}<p>{{.}}</p>{{end}}
<p>{{.When}}{{with .Talk.Place.Room}}, {{.}}{{end}} · <a href="{{.Slug}}.ics">Add to calendar</a></p>
{{with .Talk.Summary}}<p><strong>{{.}}</strong></p>{{end}}
{{with .Talk.Description}}<div style="white-space: pre-wrap">{{.}}</div>{{end}}
<h2>Cite</h2>
<p>{{.Citation}}</p>
</body>
</html>
`))
