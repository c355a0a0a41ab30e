package rst

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// standaloneURL returns the standalone URL or e-mail address s starts
// with, "" when none: the match at the start of s of docutils' pattern,
//
//	(https?|ftp|file|mailto|news|telnet|ssh|git)://[^\s<>"]*[^\s<>"\x00.,;:!?'")\]}]
//	| mailto:[^\s<>"]+@[^\s<>".,;:]+(\.[^\s<>".,;:]+)+
//	| [\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+
//
// as Go's regular expressions find it (the first alternative that
// matches, each repetition as long as it can be), by hand: the
// expression was a tenth of parsing a description.
func standaloneURL(s string) string {
	for _, scheme := range [...]string{"https://", "http://", "ftp://", "file://", "mailto://", "news://", "telnet://", "ssh://", "git://"} {
		rest, ok := strings.CutPrefix(s, scheme)
		if !ok {
			continue
		}
		// The longest run of [^\s<>"], less what it ends with of the
		// characters that may not end a URL.
		run := rest[:spanOf(rest, notURLByte)]
		for end := len(run); end > 0; end-- {
			if c := run[end-1]; c >= utf8.RuneSelf || strings.IndexByte("\x00.,;:!?'\")]}", c) < 0 {
				return s[:len(scheme)+end]
			}
		}
		break // no two schemes start alike: no other can match
	}
	if rest, ok := strings.CutPrefix(s, "mailto:"); ok {
		// The last "@" in the run of [^\s<>"] that a domain follows.
		run := rest[:spanOf(rest, notURLByte)]
		for at := strings.LastIndexByte(run, '@'); at > 0; at = strings.LastIndexByte(run[:at], '@') {
			if n := domainLength(rest[at+1:], isMailtoDomainRune); n > 0 {
				return s[:len("mailto:")+at+1+n]
			}
		}
	}
	local := 0
	for local < len(s) {
		if n := escapedEmailChar(s[local:]); n > 0 {
			local += n
			continue
		}
		r, size := utf8.DecodeRuneInString(s[local:])
		if !unicode.IsLetter(r) && !unicode.IsNumber(r) && !strings.ContainsRune("._%+-", r) {
			break
		}
		local += size
	}
	if local == 0 || local == len(s) || s[local] != '@' {
		return ""
	}
	if n := domainLength(s[local+1:], isDomainRune); n > 0 {
		return s[:local+1+n]
	}
	return ""
}

// notURLByte reports whether c may not be in a URL: white space as Go's
// regular expressions' \s has it, "<", ">" or a double quote.
func notURLByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == '<' || c == '>' || c == '"'
}

// spanOf returns the length of the run at the start of s of bytes for
// which stop is false.
func spanOf(s string, stop func(byte) bool) int {
	for i := 0; i < len(s); i++ {
		if stop(s[i]) {
			return i
		}
	}
	return len(s)
}

// domainLength returns the length of the domain s starts with: labels of
// runes for which label is true, joined by dots, two labels at least; 0
// when there is none. A label takes no dot, so the longest run of each is
// the only way to match.
func domainLength(s string, label func(rune) bool) int {
	labelEnd := func(i int) int {
		for i < len(s) {
			if n := escapedEmailChar(s[i:]); n > 0 {
				i += n
				continue
			}
			r, size := utf8.DecodeRuneInString(s[i:])
			if !label(r) {
				break
			}
			i += size
		}
		return i
	}
	end := labelEnd(0)
	if end == 0 {
		return 0
	}
	labels := 1
	for end < len(s) && s[end] == '.' {
		next := labelEnd(end + 1)
		if next == end+1 {
			break
		}
		end, labels = next, labels+1
	}
	if labels < 2 {
		return 0
	}
	return end
}

// escapedEmailChar returns the length of the escaped character s starts
// with (its escape marker and it), when docutils' e-mail pattern takes
// it, as it takes any character of emailc that a backslash escapes
// (me\_x@example.org): the marker is in emailc. An escaped "." is the
// dot that separates a name's or a domain's parts, read after its marker
// (1 is returned); an escaped "@" is no "@", and the address no address
// (0, as for anything else).
func escapedEmailChar(s string) int {
	switch {
	case len(s) < 2 || s[0] != escaped:
		return 0
	case s[1] == '.':
		return 1
	case inSet(s[1], emailChars):
		return 2
	}
	return 0
}

// isMailtoDomainRune is [^\s<>".,;:], a mailto: address's domain.
func isMailtoDomainRune(r rune) bool {
	return r >= utf8.RuneSelf || !notURLByte(byte(r)) && strings.IndexByte(".,;:", byte(r)) < 0
}

// isDomainRune is [\p{L}\p{N}-], a bare address's domain.
func isDomainRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) || r == '-' }

// URI characters in docutils' Inliner patterns: uric, those a URI may
// end with (urilast), and those of an e-mail address (emailc). The
// escape marker is among them all but urilast.
const (
	uriChars      = "-_.!~*'()[];/:@&=+$,%\x00"
	uriLastChars  = "_~*/=+"
	emailChars    = "-_!~*'{|}/#?^`&=+$%\x00"
	uriSchemeMore = ".+-"
)

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func inSet(c byte, set string) bool { return isAlnum(c) || strings.IndexByte(set, c) >= 0 }

// uriStarts reports whether docutils' URI pattern (Inliner patterns.uri)
// matches at the start of s, escaped text: an absolute URI, a scheme and
// ":" and URI characters in up to three parts (the path, "?" the query,
// "#" the fragment) each ending in a character a URI may end with, or an
// e-mail address; either followed by the end of s or a character that
// may end inline markup. phrase_ref takes an embedded "<x_>" for an
// alias, not a URI, only when it does not. Any end that fits will do, as
// backtracking finds one: s is read once, each place tried as it comes.
func uriStarts(s string) bool {
	fits := func(e int) bool { return endOK(runeAt(s, e), e >= len(s)) }
	// The absolute URI.
	k := 0
	if k < len(s) && ('a' <= s[k]|0x20 && s[k]|0x20 <= 'z') {
		for k++; k < len(s) && inSet(s[k], uriSchemeMore); k++ {
		}
		if k < len(s) && s[k] == ':' {
			part, n, last := 0, 0, false // the part (path, query, fragment), its length, whether it may end there
			for j := k + 1; ; j++ {
				if n > 0 && last && fits(j) {
					return true
				}
				if j >= len(s) {
					break
				}
				c := s[j]
				switch {
				case inSet(c, uriChars):
					n, last = n+1, isAlnum(c) || strings.IndexByte(uriLastChars, c) >= 0
					continue
				case c == '?' && part == 0 || c == '#' && part < 2:
					if n > 0 && last {
						part, n, last = 1, 0, false
						if c == '#' {
							part = 2
						}
						continue
					}
				}
				break
			}
		}
	}
	// The e-mail address: a name of dot-separated runs, "@" (not
	// escaped), and a host that starts with no dot and ends in a
	// character a URI may end with.
	at := -1
	for j := 0; j < len(s); j++ {
		c := s[j]
		if c == '@' {
			if j > 0 && s[j-1] != '.' && s[j-1] != 0 {
				at = j
			}
			break
		}
		if c == '.' && (j == 0 || s[j-1] == '.') || c != '.' && !inSet(c, emailChars) {
			break
		}
	}
	if at < 0 || at+1 >= len(s) || !inSet(s[at+1], emailChars) {
		return false
	}
	// The host's first character, then at least the last.
	for j := at + 2; j < len(s); j++ {
		c := s[j]
		if c != '.' && !inSet(c, emailChars) {
			break
		}
		if (isAlnum(c) || strings.IndexByte(uriLastChars, c) >= 0) && fits(j+1) {
			return true
		}
	}
	return false
}
