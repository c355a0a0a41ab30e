package talk

import (
	"fmt"
	"strconv"
	"time"
)

// Precision says how much of a [Date] its source gave. Archives record talks
// as a day, a local date-time or a date-time with an offset, and a citation or
// a calendar must not invent the parts that were never there.
type Precision uint8

// The precisions a [Date] can have, from none (the zero Date) to a
// date-time with a UTC offset.
const (
	NoDate         Precision = iota // the zero Date: nothing is known
	Year                            // 2016
	Month                           // 2016-07
	Day                             // 2016-07-21
	DateTime                        // 2016-07-21T10:30:00, wall-clock time of an unknown zone
	DateTimeOffset                  // 2016-07-21T10:30:00+02:00
)

var precisionNames = [...]string{"none", "year", "month", "day", "date-time", "date-time with offset"}

// String returns a lower-case name of the precision, such as "day".
func (p Precision) String() string {
	if int(p) < len(precisionNames) {
		return precisionNames[p]
	}
	return "Precision(" + strconv.Itoa(int(p)) + ")"
}

// Date is a calendar date or date-time that keeps the precision it came
// with. The zero Date means "unknown" and formats as "".
//
// Dates compare with ==: two Dates are equal when they have the same
// precision and the same fields as written (so 10:00+02:00 and 08:00Z
// differ; compare [Date.Time] values with time.Time.Equal for instants).
type Date struct {
	wall   time.Time // the date and wall-clock time as written, in UTC
	offset int32     // seconds east of UTC, for DateTimeOffset
	prec   Precision
	nsec   bool // the source gave fractional seconds
}

// DateOf returns the day y-m-d. Out-of-range values are an error rather
// than normalised, because 2016-02-30 in a record is a mistake to report,
// not March 1st. So is a year outside 0000-9999, which [ParseDate], and
// so every reader, would refuse to read back.
func DateOf(y int, m time.Month, d int) (Date, error) {
	if y < 0 || y > maxYear {
		return Date{}, &DateError{Text: fmt.Sprintf("%04d-%02d-%02d", y, int(m), d), Reason: yearReason}
	}
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || t.Month() != m || t.Day() != d {
		return Date{}, &DateError{Text: fmt.Sprintf("%04d-%02d-%02d", y, int(m), d), Reason: "is not a real date"}
	}
	return Date{wall: t, prec: Day}, nil
}

// DateTimeOf returns a Date for the instant t. With offset false the date
// is a floating wall-clock time (the zone of t is dropped); with offset true
// it keeps t's UTC offset. An offset that is not a whole number of minutes
// (a local mean time, as time zones give for years before about 1900) has
// no ISO 8601 or RFC 3339 spelling, so such an instant is kept exactly, in
// UTC, rather than written with an offset cut to the minute.
//
// The zero time.Time, which programs use for "not set", gives the zero
// Date, as [Date.Time] gives it back for the zero Date. A year outside
// 0000-9999 (as written, in t's zone or UTC) makes a Date that
// [Date.MarshalText] refuses, since ParseDate could not read it back.
func DateTimeOf(t time.Time, offset bool) Date {
	if t.IsZero() {
		return Date{}
	}
	if _, off := t.Zone(); offset && off%60 != 0 {
		t = t.UTC()
	}
	y, mo, d := t.Date()
	wall := time.Date(y, mo, d, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
	if !offset {
		return Date{wall: wall, prec: DateTime, nsec: t.Nanosecond() != 0}
	}
	_, off := t.Zone()
	return Date{wall: wall, offset: int32(off), prec: DateTimeOffset, nsec: t.Nanosecond() != 0}
}

// In returns d, a date-time with an offset, as the same instant on the
// clocks of loc, its event's time zone: a talk a record times in UTC,
// "2024-06-01T22:30:00Z", at an event in Tokyo is on 2 June at 07:30, the
// day and hour its audience met it. Any other date (a day, or a date-time
// without an offset, which is its event's wall clock already) is returned
// as it is; so is d when loc is nil, when loc's clocks show d's offset
// then already, and when they would show a year outside 0000-9999, which
// ISO 8601's four digits do not hold.
func (d Date) In(loc *time.Location) Date {
	if d.prec != DateTimeOffset || loc == nil {
		return d
	}
	t := d.Time()
	local := t.In(loc)
	if _, off := local.Zone(); off == int(d.offset) || local.Year() < 0 || local.Year() > 9999 {
		return d
	}
	// In local mean time DateTimeOf keeps the instant in UTC, whose year
	// may be outside them where loc's is not.
	moved := DateTimeOf(local, true)
	if y := moved.wall.Year(); y < 0 || y > 9999 {
		return d
	}
	return moved
}

// DateError reports text that is not a date [ParseDate] accepts.
type DateError struct {
	Text   string // the text as given
	Reason string // why it was refused, e.g. "is not a real date"
}

// Error formats the error as "talk: <quoted text> <reason>".
func (e *DateError) Error() string {
	return fmt.Sprintf("talk: %q %s", e.Text, e.Reason)
}

// ParseDate parses the ISO 8601 / RFC 3339 forms archives use: "2016",
// "2016-07", "2016-07-21", "2016-07-21T10:30", "2016-07-21T10:30:00",
// with optional fractional seconds, and any of the date-times followed by
// "Z" or a "+02:00"-style offset. A space may stand for the "T", and, as
// RFC 3339 allows, "t" and "z" for "T" and "Z". The result keeps the
// precision of the text. The empty string is the zero Date. A leap second
// ("23:59:60Z") is refused, with a [*DateError] that says so: a Date
// cannot hold it.
func ParseDate(s string) (Date, error) {
	if s == "" {
		return Date{}, nil
	}
	bad := func(reason string) (Date, error) { return Date{}, &DateError{Text: s, Reason: reason} }
	num := func(i, n int) (int, bool) {
		if i+n > len(s) {
			return 0, false
		}
		v := 0
		for _, c := range []byte(s[i : i+n]) {
			if c < '0' || c > '9' {
				return 0, false
			}
			v = v*10 + int(c-'0')
		}
		return v, true
	}
	y, ok := num(0, 4)
	if !ok {
		return bad("is not a date (want YYYY-MM-DD)")
	}
	if len(s) == 4 {
		return Date{wall: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), prec: Year}, nil
	}
	mo, ok := num(5, 2)
	if !ok || s[4] != '-' || len(s) != 7 && (len(s) < 10 || s[7] != '-') {
		// "2016-203", an ordinal date, is not a month out of range.
		return bad("is not a date (want YYYY-MM-DD)")
	}
	if mo < 1 || mo > 12 {
		return bad("is not a real date")
	}
	if len(s) == 7 {
		return Date{wall: time.Date(y, time.Month(mo), 1, 0, 0, 0, 0, time.UTC), prec: Month}, nil
	}
	d, ok := num(8, 2)
	if !ok || s[7] != '-' {
		return bad("is not a date (want YYYY-MM-DD)")
	}
	day, err := DateOf(y, time.Month(mo), d)
	if err != nil {
		return bad("is not a real date")
	}
	if len(s) == 10 {
		return day, nil
	}
	if s[10] != 'T' && s[10] != 't' && s[10] != ' ' {
		return bad("is not a date-time (want YYYY-MM-DDTHH:MM:SS)")
	}
	h, ok1 := num(11, 2)
	mi, ok2 := num(14, 2)
	if !ok1 || !ok2 || s[13] != ':' {
		return bad("is not a date-time (want YYYY-MM-DDTHH:MM:SS)")
	}
	i, sec, nsec, frac := 16, 0, 0, false
	if i < len(s) && s[i] == ':' {
		if sec, ok = num(17, 2); !ok {
			return bad("is not a date-time (want YYYY-MM-DDTHH:MM:SS)")
		}
		i = 19
		if i < len(s) && s[i] == '.' {
			j := i + 1
			scale := 100000000
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				nsec += int(s[j]-'0') * scale
				scale /= 10
				j++
			}
			switch {
			case j == i+1:
				return bad("has a \".\" without fractional seconds after it")
			case j-i-1 > 9:
				return bad("has fractional seconds of more than 9 digits, finer than a nanosecond, which a date-time here cannot hold")
			}
			i, frac = j, nsec != 0 // ".0" is no fraction: String leaves it out
		}
	}
	if h <= 23 && mi == 59 && sec == 60 {
		// RFC 3339 allows it, but a time.Time, and so a Date, has no
		// 61st second to hold it: say so, rather than that it is no
		// time, and what to write.
		return bad("is a leap second, which a date-time here cannot hold (as Go's time.Time cannot); write :59 for it")
	}
	if h > 23 || mi > 59 || sec > 59 {
		return bad("is not a real time of day")
	}
	wall := time.Date(y, time.Month(mo), d, h, mi, sec, nsec, time.UTC)
	if i == len(s) {
		return Date{wall: wall, prec: DateTime, nsec: frac}, nil
	}
	var off int
	switch rest := s[i:]; {
	case rest == "Z" || rest == "z":
	case rest[0] == '+' || rest[0] == '-':
		oh, ok1 := num(i+1, 2)
		om, ok2 := num(i+4, 2)
		if len(rest) != 6 || rest[3] != ':' || !ok1 || !ok2 || oh > 23 || om > 59 {
			// "+2", "+0200": an offset, but not as RFC 3339 writes it.
			return bad("has a malformed UTC offset")
		}
		off = (oh*60 + om) * 60
		if rest[0] == '-' {
			off = -off
		}
	default:
		return bad("has unexpected text after the time")
	}
	return Date{wall: wall, offset: int32(off), prec: DateTimeOffset, nsec: frac}, nil
}

// MustParseDate is like [ParseDate] but panics on error. It is meant for
// literals in tests and examples.
func MustParseDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// Equal reports whether d and e are the same Date, as d == e does. It is
// there for packages that compare values by their methods: go-cmp's
// cmp.Equal and cmp.Diff use it, so talks (whose Dates have unexported
// fields) compare without options.
func (d Date) Equal(e Date) bool { return d == e }

// IsZero reports whether d is the zero Date (no date known).
func (d Date) IsZero() bool { return d.prec == NoDate }

// Precision returns how much of the date is known.
func (d Date) Precision() Precision { return d.prec }

// Time returns the date as a time.Time. Dates and floating date-times are
// in UTC (their wall-clock fields are what the source said); date-times
// with an offset are in a fixed zone with that offset. The zero Date gives
// the zero time.Time.
func (d Date) Time() time.Time {
	if d.prec != DateTimeOffset {
		return d.wall
	}
	y, m, dd := d.wall.Date()
	return time.Date(y, m, dd, d.wall.Hour(), d.wall.Minute(), d.wall.Second(), d.wall.Nanosecond(),
		time.FixedZone("", int(d.offset)))
}

// Day returns the calendar day of d, dropping any time of day, or the zero
// Date when d is less precise than a day.
func (d Date) Day() Date {
	if d.prec < Day {
		return Date{}
	}
	y, m, dd := d.wall.Date()
	return Date{wall: time.Date(y, m, dd, 0, 0, 0, 0, time.UTC), prec: Day}
}

// String formats d in the ISO 8601 form of its precision, the form
// [ParseDate] reads: "2016", "2016-07", "2016-07-21",
// "2016-07-21T10:30:00" or "2016-07-21T10:30:00+02:00" (a zero offset is
// written "Z"). The zero Date gives "".
func (d Date) String() string {
	var layout string
	switch d.prec {
	case NoDate:
		return ""
	case Year:
		layout = "2006"
	case Month:
		layout = "2006-01"
	case Day:
		layout = "2006-01-02"
	case DateTime:
		layout = "2006-01-02T15:04:05"
	default:
		layout = "2006-01-02T15:04:05Z07:00"
	}
	if d.nsec {
		layout = layout[:19] + ".999999999" + layout[19:]
	}
	return d.Time().Format(layout)
}

// MarshalText implements [encoding.TextMarshaler] with [Date.String]. A
// Date whose year is outside 0000-9999 (only [DateTimeOf] makes one) is
// an error: its String has more or fewer than four digits of year, which
// ParseDate refuses, and a record written with it could not be read back.
func (d Date) MarshalText() ([]byte, error) {
	if err := d.Check(); err != nil {
		return nil, err
	}
	return []byte(d.String()), nil
}

// maxYear is the last year of ISO 8601's four-digit years, the only ones
// [ParseDate] reads.
const maxYear = 9999

// yearReason is a [DateError]'s Reason for such a year.
const yearReason = "has a year outside 0000-9999, which ISO 8601 dates of four digits cannot hold"

// Check reports, as a [*DateError], a Date that [ParseDate] could not read
// back from its String: one whose year is outside 0000-9999, which
// [DateTimeOf] and arithmetic on time.Time can make. Writers call it
// before they write, so as not to write a record their readers refuse; it
// allocates nothing for a Date it accepts.
func (d Date) Check() error {
	if d.prec == NoDate {
		return nil
	}
	if y := d.wall.Year(); y < 0 || y > maxYear {
		return &DateError{Text: d.String(), Reason: yearReason}
	}
	return nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseDate].
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
