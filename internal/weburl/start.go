package weburl

import (
	"net/url"
	"strconv"
	"strings"
)

// StartSeconds is the time, in seconds, that a player's address u starts
// at: its query's "t" or "start", or its fragment's "t" (a media
// fragment, "#t=90", as Vimeo and files take it), each in seconds
// ("90", "90s") or hours, minutes and seconds ("1h2m3s"); 0 for none
// or one that is not a time. A recording within a longer stream, or a
// part of a block, is linked so; a player made from the video's ID alone
// would start where the talk is not.
func StartSeconds(u string) int64 {
	if !strings.Contains(u, "t=") {
		return 0 // no "t" nor "start": most addresses, without parsing them
	}
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil {
		return 0
	}
	q := p.Query()
	for _, k := range [...]string{"t", "start"} {
		if secs, ok := offsetSeconds(q.Get(k)); ok {
			return secs
		}
	}
	if f, err := url.ParseQuery(p.Fragment); err == nil {
		// A media fragment may give an end too: "#t=90,120".
		start, _, _ := strings.Cut(f.Get("t"), ",")
		if secs, ok := offsetSeconds(start); ok {
			return secs
		}
	}
	return 0
}

// offsetSeconds reads a time within a video as players' addresses write
// it: seconds ("90", "90s") or hours, minutes and seconds, each optional
// but in that order ("1h2m3s", "2m"). It is false for anything else.
func offsetSeconds(s string) (int64, bool) {
	if s == "" {
		return 0, false
	}
	if n, err := strconv.ParseUint(s, 10, 31); err == nil {
		return int64(n), true
	}
	var total int64
	units := "hms"
	for s != "" {
		i := 0
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			i++
		}
		if i == 0 || i > 6 || i == len(s) {
			return 0, false
		}
		unit := strings.IndexByte(units, s[i])
		if unit < 0 {
			return 0, false
		}
		n, _ := strconv.ParseInt(s[:i], 10, 64)
		total += n * [...]int64{3600, 60, 1}[unit+3-len(units)]
		units = units[unit+1:]
		s = s[i+1:]
	}
	return total, true
}
