// Command ics writes the calendar of each c3voc schedule JSON file given,
// as SRC.ics in the directory given by -o, for check.mjs to parse. It
// also writes SRC.expect.json: what each VEVENT must say, from the model.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/talkmeta/talkmeta/talk/ical"
	"github.com/talkmeta/talkmeta/talk/schedule"
)

// expect is what the independent parser must find for one talk.
type expect struct {
	UID      string `json:"uid"`
	Summary  string `json:"summary"`
	Start    string `json:"start"`    // the instant, RFC 3339 in UTC
	Duration int64  `json:"duration"` // seconds
	TZID     string `json:"tzid"`
}

func main() {
	out := flag.String("o", ".", "output directory")
	flag.Parse()
	status := 0
	for _, src := range flag.Args() {
		if err := run(src, *out); err != nil {
			fmt.Fprintln(os.Stderr, err)
			status = 1
		}
	}
	os.Exit(status)
}

func run(src, out string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	s, err := schedule.ParseJSON(data, src)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := ical.WriteCalendar(&b, s.Talks, ical.Options{Name: s.Event.Title, Stamp: time.Unix(0, 0)}); err != nil {
		return err
	}
	var want []expect
	for _, t := range s.Talks {
		tzid := s.Event.TimeZone
		if tzid == "UTC" {
			tzid = ""
		}
		uid := t.ID
		want = append(want, expect{UID: uid, Summary: t.Title, Start: t.Recorded.Time().UTC().Format(time.RFC3339),
			Duration: int64(time.Duration(t.Duration) / time.Second), TZID: tzid})
	}
	exp, err := json.MarshalIndent(want, "", "  ")
	if err != nil {
		return err
	}
	base := filepath.Join(out, strings.TrimSuffix(filepath.Base(src), ".json"))
	if err := os.WriteFile(base+".ics", b.Bytes(), 0o644); err != nil {
		return err
	}
	return os.WriteFile(base+".expect.json", exp, 0o644)
}
