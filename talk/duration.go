package talk

import (
	"bytes"
	"fmt"
	"math/bits"
	"strconv"
	"strings"
	"time"
)

// Duration is how long a recording runs. It is a [time.Duration] with the
// text forms talk metadata uses: ISO 8601 ("PT25M8S", what schema.org and
// talkmeta's JSON use) for [Duration.String] and text marshalling, and a
// clock form ("25:08") from [Duration.Clock]. The zero Duration means
// unknown. A talk cannot last less than nothing: a negative Duration is
// refused by [ParseDuration] and by [Duration.MarshalText], as by the
// JSON Schemas, so that no reader takes and no writer writes one.
type Duration time.Duration

// DurationError reports text that is not a duration [ParseDuration]
// accepts, or a Duration [Duration.MarshalText] will not write.
type DurationError struct {
	Text   string // the text as given, or the Duration's String
	Reason string // why it was refused, e.g. "is negative; ..."
}

// Error formats the error as "talk: <quoted text> <reason>".
func (e *DurationError) Error() string {
	return fmt.Sprintf("talk: %q %s", e.Text, e.Reason)
}

// The Reasons of a DurationError.
const (
	syntaxReason   = "is not an ISO 8601 duration such as PT25M8S"
	overflowReason = "is longer than a duration can be (about 292 years, what a Go time.Duration holds)"
	negativeReason = "is negative; a talk's duration is zero (unknown) or more"
	// minusZeroReason is for "-PT0S": zero, but ISO 8601 gives no zero a
	// sign, and the schemas refuse any.
	minusZeroReason = "has a minus sign, which no duration may have; write zero as PT0S"
	// fineReason is for a fraction finer than the nanosecond a Duration
	// counts in, which rounding would change, or make zero: unknown.
	fineReason = "is more precise than a nanosecond, the finest a duration holds"
)

// Seconds returns the duration as a floating-point number of seconds.
func (d Duration) Seconds() float64 { return time.Duration(d).Seconds() }

// String returns the ISO 8601 form, such as "PT25M8S" or "PT1H2M3.5S",
// exact to the nanosecond, so that ParseDuration reads it back as d. The
// zero Duration gives "PT0S"; a negative one is prefixed with "-" (which
// ParseDuration refuses).
func (d Duration) String() string {
	// Built in an array on the stack: a talk's pages and graphs write
	// its duration several times over.
	var a [40]byte
	b := a[:0]
	n := uint64(d)
	if d < 0 {
		b = append(b, '-')
		n = -n // also right for math.MinInt64, whose magnitude is 1<<63
	}
	b = append(b, "PT"...)
	h, m := n/uint64(time.Hour), n%uint64(time.Hour)/uint64(time.Minute)
	s := n % uint64(time.Minute)
	if h > 0 {
		b = append(strconv.AppendUint(b, h, 10), 'H')
	}
	if m > 0 {
		b = append(strconv.AppendUint(b, m, 10), 'M')
	}
	if s > 0 || (h == 0 && m == 0) {
		b = append(appendSeconds(b, s), 'S')
	}
	return string(b)
}

// appendSeconds appends ns nanoseconds as decimal seconds, "8.5", with
// every digit of the fraction that is not a trailing zero. It counts in
// integers: a float64 of seconds, such as time.Duration.Seconds gives,
// is not the nanoseconds exactly (3.983351943 s is
// 3.9833519429999997), and ParseDuration refuses a fraction finer than a
// nanosecond, so such a Duration would be written in a form that does
// not read back.
func appendSeconds(b []byte, ns uint64) []byte {
	b = strconv.AppendUint(b, ns/uint64(time.Second), 10)
	frac := ns % uint64(time.Second)
	if frac == 0 {
		return b
	}
	var digits [9]byte
	for i := len(digits) - 1; i >= 0; i-- {
		digits[i] = byte('0' + frac%10)
		frac /= 10
	}
	return append(append(b, '.'), bytes.TrimRight(digits[:], "0")...)
}

// Clock returns the duration as a clock reading, "M:SS" or "H:MM:SS"
// ("25:08", "1:02:03"), rounded to whole seconds, as citation styles and
// players show it. The zero Duration, which means unknown, reads "0:00"
// like any other: test for zero before showing it.
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
// refused: their length depends on the calendar. The value is computed
// exactly to the nanosecond, and a fraction finer than a nanosecond is
// refused, not rounded: "PT0.0000000001S" would be zero, which means
// unknown. The error is a [*DurationError], whose
// Reason says what is wrong: the syntax, a value that does not fit a
// [time.Duration] ("P106752D"), or a negative duration ("-PT5S", which
// ISO 8601 does not have and a talk cannot last).
func ParseDuration(s string) (Duration, error) {
	bad := func() (Duration, error) { return 0, &DurationError{Text: s, Reason: syntaxReason} }
	rest, neg := s, false
	if strings.HasPrefix(rest, "-") {
		rest, neg = rest[1:], true
	}
	if !strings.HasPrefix(rest, "P") || len(rest) < 3 {
		return bad()
	}
	rest = rest[1:]
	const limit = uint64(1<<63 - 1) // the magnitude in nanoseconds
	var total uint64
	overflow, fine := false, false
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
		whole, frac, dot := strings.Cut(rest[:i], ".")
		if whole == "" && frac == "" || dot && strings.Contains(frac, ".") {
			return bad()
		}
		var unit uint64
		idx := strings.IndexByte("DHMS", rest[i])
		if idx <= last {
			return bad()
		}
		last = idx
		timeSeen = timeSeen || inTime
		switch u := rest[i]; {
		case u == 'D' && !inTime:
			unit = 86400 * uint64(time.Second)
		case u == 'H' && inTime:
			unit = uint64(time.Hour)
		case u == 'M' && inTime:
			unit = uint64(time.Minute)
		case u == 'S' && inTime:
			unit = uint64(time.Second)
		default:
			return bad()
		}
		// Too long a duration is reported once the rest of the text is
		// known to be well-formed, so that the Reason is the right one.
		if v, ok, exact := scaled(whole, frac, unit); !ok || v > limit-total {
			overflow = true
		} else {
			total += v
			fine = fine || !exact
		}
		seen = true
		rest = rest[i+1:]
	}
	if !seen || inTime && !timeSeen {
		return bad()
	}
	switch {
	case neg && total == 0 && !overflow:
		return 0, &DurationError{Text: s, Reason: minusZeroReason}
	case neg:
		return 0, &DurationError{Text: s, Reason: negativeReason}
	case overflow:
		return 0, &DurationError{Text: s, Reason: overflowReason}
	case fine:
		return 0, &DurationError{Text: s, Reason: fineReason}
	}
	return Duration(total), nil
}

// scaled returns whole.frac (decimal digits, either may be empty) times
// unit nanoseconds, rounded to the nanosecond, or false if it exceeds
// 1<<63; exact says whether no rounding was needed.
func scaled(whole, frac string, unit uint64) (v uint64, ok, exact bool) {
	var w uint64
	for _, c := range []byte(whole) {
		d := uint64(c - '0')
		if w > (1<<63-d)/10 {
			return 0, false, true
		}
		w = w*10 + d
	}
	if w != 0 && w > (1<<63)/unit {
		return 0, false, true
	}
	v = w * unit
	if frac == "" {
		return v, true, true
	}
	// The fraction of a unit: the first 18 digits are exact in a uint64,
	// and no unit is 1e6 times a second, so they give the nanoseconds.
	exact = true
	if len(frac) > 18 {
		exact = strings.Trim(frac[18:], "0") == ""
		frac = frac[:18]
	}
	var f, scale uint64 = 0, 1
	for _, c := range []byte(frac) {
		f, scale = f*10+uint64(c-'0'), scale*10
	}
	// f/scale*unit, rounded: f*unit may overflow 64 bits, so in two parts.
	hi, lo := bits.Mul64(f, unit)
	q, r := bits.Div64(hi, lo, scale)
	exact = exact && r == 0
	if r >= scale-r {
		q++
	}
	if q > 1<<63-v {
		return 0, false, true
	}
	return v + q, true, exact
}

// MarshalText implements [encoding.TextMarshaler] with [Duration.String].
// A negative Duration is a [*DurationError]: ParseDuration, and so every
// reader, would refuse the record it was written in.
func (d Duration) MarshalText() ([]byte, error) {
	if d < 0 {
		return nil, &DurationError{Text: d.String(), Reason: negativeReason}
	}
	return []byte(d.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseDuration],
// but for the empty text, which is the zero Duration, unknown, as the
// empty text is the zero [Date] to Date's: a record's "duration": "" is
// read as no duration, not refused where "recorded": "" is taken.
func (d *Duration) UnmarshalText(b []byte) error {
	v, err := parseDurationText(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// parseDurationText is ParseDuration for a Duration's text: "" is zero.
func parseDurationText(s string) (Duration, error) {
	if s == "" {
		return 0, nil
	}
	return ParseDuration(s)
}
