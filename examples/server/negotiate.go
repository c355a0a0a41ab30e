package main

import (
	"strconv"
	"strings"
)

// negotiate chooses among offers (media types without parameters, in the
// server's order of preference) by the Accept header values, as RFC 9110
// section 12.5.1 says: each offer gets the q-value of the most specific
// media range that matches it (type/subtype over type/* over */*), q=0
// refuses it, and the highest q-value wins, the earlier offer on a tie.
// No Accept header accepts anything, so the first offer wins, and so does
// one in which no media range can be read (empty, or "text", or
// "html;q=1"): it asks for nothing the server can tell, and RFC 9110 lets
// the server disregard it rather than refuse every page. It reports false
// when no offer is acceptable.
func negotiate(accept []string, offers []string) (string, bool) {
	if len(offers) == 0 {
		return "", false
	}
	ranges := parseAccept(accept)
	if ranges == nil {
		return offers[0], true
	}
	best, bestQ := "", 0.0
	for _, o := range offers {
		q, specificity := 0.0, -1
		for _, r := range ranges {
			if s := r.matches(o); s > specificity {
				q, specificity = r.q, s
			}
		}
		if q > bestQ {
			best, bestQ = o, q
		}
	}
	return best, bestQ > 0
}

// mediaRange is one element of an Accept header.
type mediaRange struct {
	typ, subtype string
	params       int // how many parameters besides q the range has
	q            float64
}

// matches returns how specifically r matches the media type t, or -1 when
// it does not. A range with parameters matches a type offered without them
// less specifically than a bare one: the server offers no parameters.
func (r mediaRange) matches(t string) int {
	typ, subtype, _ := strings.Cut(t, "/")
	switch {
	case r.typ == "*" && r.subtype == "*":
		return 0
	case r.typ != typ:
		return -1
	case r.subtype == "*":
		return 1
	case r.subtype == subtype && r.params == 0:
		return 3
	case r.subtype == subtype:
		return 2
	}
	return -1
}

// parseAccept reads Accept header values into media ranges, skipping
// malformed elements; nil means there was no range to read. A lone "*" is
// read as "*/*", as the clients that send it (Java's HttpURLConnection,
// "*; q=.2") mean it. Parameter values may be quoted strings, which can
// hold commas and semicolons; parameters after the weight are extensions
// of the Accept header, not of the media range.
func parseAccept(values []string) []mediaRange {
	var ranges []mediaRange
	for _, v := range values {
		for _, elem := range splitQuoted(v, ',') {
			parts := splitQuoted(elem, ';')
			mt := strings.ToLower(strings.TrimSpace(parts[0]))
			if mt == "*" {
				mt = "*/*"
			}
			typ, subtype, ok := strings.Cut(mt, "/")
			if !ok || typ == "" || subtype == "" || typ == "*" && subtype != "*" {
				continue
			}
			r := mediaRange{typ: typ, subtype: subtype, q: 1}
			for _, p := range parts[1:] {
				name, value, _ := strings.Cut(p, "=")
				name = strings.ToLower(strings.TrimSpace(name))
				if name != "q" {
					if name != "" {
						r.params++
					}
					continue
				}
				q, err := strconv.ParseFloat(strings.TrimSpace(value), 64)
				if err != nil || !(q >= 0 && q <= 1) {
					q = 0 // a malformed weight accepts nothing rather than everything
				}
				r.q = q
				break
			}
			ranges = append(ranges, r)
		}
	}
	return ranges
}

// splitQuoted splits s at each sep that is not inside a quoted string
// (RFC 9110 section 5.6.4, with its backslash escapes).
func splitQuoted(s string, sep byte) []string {
	var parts []string
	start, quoted := 0, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case quoted && c == '\\':
			i++
		case c == '"':
			quoted = !quoted
		case !quoted && c == sep:
			parts = append(parts, s[start:i])
			start = i + 1
		}
	}
	return append(parts, s[start:])
}
