package schedule

import (
	"fmt"
	"math/rand"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/talkmeta/talkmeta/talk"
)

// searchDay is what dayFinder finds, by a search of the days: the first
// whose span holds the talk's time, or else the first of its date; with a
// month or a year, the last day; with no date, the first without a date.
func searchDay(days []*day, t *talk.Talk, zone *time.Location) *day {
	if t.Recorded.Precision() >= talk.DateTime {
		at := recordedIn(t, zone)
		for _, d := range days {
			if !d.from.IsZero() && !d.to.IsZero() && !at.Before(d.from) && !at.After(d.to) {
				return d
			}
		}
	}
	if t.Recorded.IsZero() {
		for _, d := range days {
			if d.date == "" {
				return d
			}
		}
		return nil
	}
	date := t.Recorded.Day().String()
	for _, d := range days {
		if date != "" && d.date == date {
			return d
		}
	}
	if date == "" && len(days) > 0 {
		return days[len(days)-1]
	}
	return nil
}

// TestDayFinderMatchesSearch puts random talks (with and without an
// offset, dates, months, none) on random days (overlapping, backwards,
// without a span), in a time zone with the clocks going forward and
// without one, with dayFinder and with a search of the days, making a
// day for each talk on none: both put each talk on the same day.
func TestDayFinderMatchesSearch(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	base := time.Date(2019, 3, 29, 0, 0, 0, 0, time.UTC) // the clocks go forward on the 31st
	for range 5000 {
		var zone *time.Location
		if r.Intn(2) == 0 {
			zone = berlin
		}
		var searched, indexed []*day
		for i := range r.Intn(6) {
			d := day{index: strconv.Itoa(i + 1), date: base.AddDate(0, 0, r.Intn(6)).Format("2006-01-02")}
			if r.Intn(8) == 0 {
				d.date = ""
			}
			if r.Intn(4) > 0 {
				d.from = base.Add(time.Duration(r.Intn(6*48)) * 30 * time.Minute)
				d.to = d.from.Add(time.Duration(r.Intn(80)-10) * 30 * time.Minute)
			}
			a, b := d, d
			a.talks, b.talks = map[string][]*talk.Talk{}, map[string][]*talk.Talk{}
			searched, indexed = append(searched, &a), append(indexed, &b)
		}
		var talks []*talk.Talk
		for range r.Intn(12) {
			at := base.Add(time.Duration(r.Intn(6*96)) * 15 * time.Minute)
			var rec talk.Date
			switch r.Intn(5) {
			case 0:
				rec = talk.DateTimeOf(at.In(time.FixedZone("", (r.Intn(27)-12)*3600)), true)
			case 1:
				rec = talk.DateTimeOf(at, false)
			case 2:
				rec = talk.MustParseDate(at.Format("2006-01-02"))
			case 3:
				rec = talk.MustParseDate(at.Format("2006-01"))
			}
			talks = append(talks, &talk.Talk{Recorded: rec})
		}
		var want, got []string
		for _, tk := range talks {
			d := searchDay(searched, tk, zone)
			if d == nil {
				d = newDay(len(searched)+1, tk, zone)
				searched = append(searched, d)
			}
			want = append(want, d.index)
		}
		f := newDayFinder(indexed, talks, zone)
		for i, tk := range talks {
			d := f.find(i, tk)
			if d == nil {
				d = newDay(len(f.days)+1, tk, zone)
				f.add(d)
			}
			got = append(got, d.index)
		}
		if !slices.Equal(want, got) {
			t.Fatalf("days of the talks %v: searched %v, indexed %v", talks, want, got)
		}
	}
}

// TestDayFinderLongMadeDay: a talk late on a day of 25 hours that was made
// for an earlier talk is on that day, as a search finds it, in a zone
// whose midnight is not on the hour (Chatham, UTC+13:45 going back to
// +12:45 on 2019-04-07), and written with an offset whose date is the day
// before, so that its date finds no day either.
func TestDayFinderLongMadeDay(t *testing.T) {
	chatham, err := time.LoadLocation("Pacific/Chatham")
	if err != nil {
		t.Fatal(err)
	}
	talks := []*talk.Talk{
		{Recorded: talk.MustParseDate("2019-04-07T00:30:00+13:45")},
		{Recorded: talk.MustParseDate("2019-04-06T23:05:00-12:00")}, // 2019-04-07T23:50 in Chatham
	}
	var searched []*day
	f := newDayFinder(nil, talks, chatham)
	var want, got []string
	for i, tk := range talks {
		d := searchDay(searched, tk, chatham)
		if d == nil {
			d = newDay(len(searched)+1, tk, chatham)
			searched = append(searched, d)
		}
		want = append(want, d.index+" "+d.date)
		d = f.find(i, tk)
		if d == nil {
			d = newDay(len(f.days)+1, tk, chatham)
			f.add(d)
		}
		got = append(got, d.index+" "+d.date)
	}
	if !slices.Equal(want, got) || !slices.Equal(got, []string{"1 2019-04-07", "1 2019-04-07"}) {
		t.Errorf("days of the talks: searched %v, indexed %v, want both on 1 2019-04-07", want, got)
	}
}

// TestMaxBytes: 0 is the default limit of 64 MiB, and a negative MaxBytes
// none at all.
func TestMaxBytes(t *testing.T) {
	big := make([]byte, defaultMaxBytes+1)
	var got []string
	for _, r := range []Reader{{}, {MaxBytes: -1}} {
		got = append(got, fmt.Sprint(r.tooBig(big, "b.json")))
	}
	want := []string{"b.json: schedule size 67108865 exceeds the limit of 67108864", "<nil>"}
	if !slices.Equal(want, got) {
		t.Errorf("got %q, want %q", got, want)
	}
}
