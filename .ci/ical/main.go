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

	"github.com/talkmeta/talkmeta/talk"

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
	years := flag.Bool("years", false, "write years.ics and years.instants too")
	flag.Parse()
	status := 0
	if *years {
		if err := writeYears(*out); err != nil {
			fmt.Fprintln(os.Stderr, err)
			status = 1
		}
	}
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

// yearsZones are the zones of years.ics: yearly rules (Berlin, Sydney),
// a rule that changed (New York in 2007), rules dropped (Sao Paulo in
// 2019, Tehran in 2022, Moscow in 2011 and 2014), changes no yearly rule
// gives (Tehran's, Casablanca's in Ramadan) and a day skipped (Apia).
var yearsZones = []string{"Europe/Berlin", "America/New_York", "Australia/Sydney", "America/Sao_Paulo",
	"Asia/Tehran", "Africa/Casablanca", "Pacific/Apia", "Europe/Moscow"}

// writeYears writes years.ics, one calendar of talks in each of
// yearsZones from 2000 to 2030: at 10:00 on the 1st and 15th of each
// month (a wall clock), and 90 minutes before and after each change of
// the clocks (an instant, given with its offset); and years.instants,
// "UID start end" in UTC as Go's zone database gives them.
func writeYears(out string) error {
	var talks []*talk.Talk
	var instants []string
	add := func(zoneName string, d talk.Date, at time.Time, dur time.Duration) {
		id := fmt.Sprintf("y%05d", len(talks))
		talks = append(talks, &talk.Talk{ID: id, Title: zoneName + " " + d.String(), Recorded: d,
			Duration: talk.Duration(dur), Event: talk.Event{TimeZone: zoneName}})
		instants = append(instants, fmt.Sprintf("%s %s %s", id, at.UTC().Format(time.RFC3339), at.Add(dur).UTC().Format(time.RFC3339)))
	}
	for _, name := range yearsZones {
		loc, err := time.LoadLocation(name)
		if err != nil {
			return err
		}
		for y := 2000; y <= 2030; y++ {
			for m := time.January; m <= time.December; m++ {
				for _, day := range []int{1, 15} {
					at := time.Date(y, m, day, 10, 0, 0, 0, loc)
					add(name, talk.DateTimeOf(at, false), at, time.Hour)
				}
			}
		}
		from, until := time.Date(2000, 1, 1, 0, 0, 0, 0, loc), time.Date(2031, 1, 1, 0, 0, 0, 0, loc)
		for at := from; ; {
			_, end := at.ZoneBounds()
			if end.IsZero() || !end.Before(until) {
				break
			}
			for _, near := range []time.Duration{-90 * time.Minute, 90 * time.Minute} {
				t := end.Add(near)
				add(name, talk.DateTimeOf(t, true), t, time.Hour)
			}
			at = end
		}
	}
	var b bytes.Buffer
	if err := ical.WriteCalendar(&b, talks, ical.Options{Name: "years", Stamp: time.Unix(0, 0)}); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "years.ics"), b.Bytes(), 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "years.instants"), []byte(strings.Join(instants, "\n")+"\n"), 0o644)
}
