package talk

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Duration is how long a recording runs. It is a [time.Duration] with the
// text forms talk metadata uses: ISO 8601 ("PT25M8S", what schema.org and
// talkmeta's JSON use) for [Duration.String] and text marshalling, and a
// clock form ("25:08") from [Duration.Clock]. The zero Duration means
// unknown.
type Duration time.Duration

// Seconds returns the duration as a floating-point number of seconds.
func (d Duration) Seconds() float64 { return time.Duration(d).Seconds() }

// String returns the ISO 8601 form, such as "PT25M8S" or "PT1H2M3.5S".
// The zero Duration gives "PT0S"; a negative one is prefixed with "-".
func (d Duration) String() string {
	// Built in an array on the stack: a talk's pages and graphs write
	// its duration several times over.
	var a [40]byte
	b := a[:0]
	n := time.Duration(d)
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	b = append(b, "PT"...)
	h, m := n/time.Hour, n%time.Hour/time.Minute
	s := n % time.Minute
	if h > 0 {
		b = append(strconv.AppendInt(b, int64(h), 10), 'H')
	}
	if m > 0 {
		b = append(strconv.AppendInt(b, int64(m), 10), 'M')
	}
	if s > 0 || (h == 0 && m == 0) {
		b = append(strconv.AppendFloat(b, s.Seconds(), 'f', -1, 64), 'S')
	}
	return string(b)
}

// Clock returns the duration as a clock reading, "M:SS" or "H:MM:SS"
// ("25:08", "1:02:03"), rounded to whole seconds, as citation styles and
// players show it.
func (d Duration) Clock() string {
	s := int64(time.Duration(d).Round(time.Second) / time.Second)
	sign := ""
	if s < 0 {
		sign, s = "-", -s
	}
	if s >= 3600 {
		return fmt.Sprintf("%s%d:%02d:%02d", sign, s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%s%d:%02d", sign, s/60, s%60)
}

// ParseDuration parses an ISO 8601 duration of days and time, such as
// "PT25M8S", "PT1H", "P1DT2H" or "PT8.5S". Years, months and weeks are
// refused: their length depends on the calendar.
func ParseDuration(s string) (Duration, error) {
	bad := func() (Duration, error) {
		return 0, fmt.Errorf("talk: %q is not an ISO 8601 duration such as PT25M8S", s)
	}
	rest, neg := s, false
	if strings.HasPrefix(rest, "-") {
		rest, neg = rest[1:], true
	}
	if !strings.HasPrefix(rest, "P") || len(rest) < 3 {
		return bad()
	}
	rest = rest[1:]
	var total float64
	inTime, seen, timeSeen := false, false, false
	last := -1 // index in "DHMS" of the last unit, which must increase
	for rest != "" {
		if rest[0] == 'T' {
			if inTime {
				return bad()
			}
			inTime, rest = true, rest[1:]
			continue
		}
		i := 0
		for i < len(rest) && (rest[i] >= '0' && rest[i] <= '9' || rest[i] == '.') {
			i++
		}
		if i == 0 || i == len(rest) {
			return bad()
		}
		v, err := strconv.ParseFloat(rest[:i], 64)
		if err != nil {
			return bad()
		}
		var unit float64
		idx := strings.IndexByte("DHMS", rest[i])
		if idx <= last {
			return bad()
		}
		last = idx
		timeSeen = timeSeen || inTime
		switch u := rest[i]; {
		case u == 'D' && !inTime:
			unit = 86400
		case u == 'H' && inTime:
			unit = 3600
		case u == 'M' && inTime:
			unit = 60
		case u == 'S' && inTime:
			unit = 1
		default:
			return bad()
		}
		total += v * unit
		seen = true
		rest = rest[i+1:]
	}
	if !seen || inTime && !timeSeen || total*float64(time.Second) > float64(1<<63-1) {
		return bad()
	}
	d := Duration(total * float64(time.Second))
	if neg {
		d = -d
	}
	return d, nil
}

// MarshalText implements [encoding.TextMarshaler] with [Duration.String].
func (d Duration) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseDuration].
func (d *Duration) UnmarshalText(b []byte) error {
	v, err := ParseDuration(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
