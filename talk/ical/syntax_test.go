package ical_test

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

// property is one unfolded content line.
type property struct {
	name, params, value string
}

// checkSyntax checks the rules every output must keep: CRLF line ends,
// lines of at most 75 octets, valid UTF-8 on each physical line, no fold
// between a TEXT escape's backslash and what it escapes, and matching
// BEGIN and END.
func checkSyntax(t testing.TB, data []byte) []property {
	t.Helper()
	if !bytes.HasSuffix(data, []byte("\r\n")) {
		t.Fatalf("output does not end in CRLF")
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\r\n"), "\r\n")
	for i, l := range lines {
		if len(l) > 75 {
			t.Errorf("line %d has %d octets: %q", i+1, len(l), l)
		}
		if strings.ContainsAny(l, "\r\n") {
			t.Errorf("line %d holds a bare CR or LF: %q", i+1, l)
		}
		if !utf8.ValidString(l) {
			t.Errorf("line %d splits a UTF-8 sequence: %q", i+1, l)
		}
		if i+1 < len(lines) && strings.HasPrefix(lines[i+1], " ") &&
			(len(l)-len(strings.TrimRight(l, `\`)))%2 == 1 {
			t.Errorf("line %d is folded inside a TEXT escape: %q", i+1, l)
		}
	}
	props := unfold(t, lines)
	var stack []string
	for _, p := range props {
		switch p.name {
		case "BEGIN":
			stack = append(stack, p.value)
		case "END":
			if len(stack) == 0 || stack[len(stack)-1] != p.value {
				t.Fatalf("END:%s does not match %v", p.value, stack)
			}
			stack = stack[:len(stack)-1]
		}
	}
	if len(stack) != 0 {
		t.Errorf("unclosed %v", stack)
	}
	return props
}

// unfold joins folded lines (RFC 5545 section 3.1) and splits each into
// name, parameters and value.
func unfold(t testing.TB, lines []string) []property {
	var logical []string
	for _, l := range lines {
		if strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t") {
			if len(logical) == 0 {
				t.Fatalf("continuation before any line: %q", l)
			}
			logical[len(logical)-1] += l[1:]
			continue
		}
		logical = append(logical, l)
	}
	var out []property
	for _, l := range logical {
		// The value starts after the first colon outside a quoted
		// parameter value.
		quoted, at := false, -1
		for i := 0; i < len(l) && at < 0; i++ {
			switch l[i] {
			case '"':
				quoted = !quoted
			case ':':
				if !quoted {
					at = i
				}
			}
		}
		if at < 0 {
			t.Fatalf("no colon in %q", l)
		}
		name, params, _ := strings.Cut(l[:at], ";")
		out = append(out, property{name, params, l[at+1:]})
	}
	return out
}

// unescape reverses TEXT escaping.
func unescape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
			switch s[i] {
			case 'n', 'N':
				b.WriteByte('\n')
			default:
				b.WriteByte(s[i])
			}
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
