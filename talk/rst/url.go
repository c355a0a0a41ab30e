package rst

import "strings"

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
// matches at the start of s, escaped text (see uriScanner). phrase_ref
// takes an embedded "<x_>" for an alias, not a URI, only when it does
// not.
func uriStarts(s string) bool {
	u := uriScanner{s: s}
	end, _ := u.match(0)
	return end > 0
}

// uriScanner matches docutils' URI pattern (Inliner patterns.uri) at the
// places of an escaped text: an absolute URI, a scheme ([a-zA-Z][a-zA-Z0-9.+-]*)
// and ":" and URI characters in up to three parts (the path, "?" the
// query, "#" the fragment), each ending in a character a URI may end
// with (or any URI character before a ">"); or an e-mail address, a name
// of dot-separated runs, "@" (not escaped) and a host that starts with no
// dot and ends as a URI part does; either followed by the end of the text
// or a character that may end inline markup. No character beyond ASCII
// is in any of them: "https://ja.wikipedia.org/wiki/日本" is a URI up to
// "wiki", as docutils links it.
//
// Python's backtracking finds the longest match at a place: each part
// is tried longest first, and a shorter one leaves its "?" or "#" out of
// it, so that no later part follows. The places of a run of text share
// the scheme's colon or the address's "@", and what follows it: the
// scanner keeps what it read of the last of each, so that a text is read
// in time linear in its length, not in its square ("a-a-a-…:", each "a"
// a place).
type uriScanner struct {
	s string
	// schemeFrom..schemeEnd is the last run of scheme characters read.
	schemeFrom, schemeEnd int
	// colon is the last ":" read after a scheme, whose URI parts end
	// at colonEnd (0 for none fits); 0 before any (none starts a text).
	colon, colonEnd int
	// nameFrom..nameEnd is the last run of an address's name characters
	// (and dots) read, and doubleDot the last ".." in it, or -1.
	nameFrom, nameEnd, doubleDot int
	// at is the last "@" read after a name, whose host ends at atEnd (0
	// for none fits); 0 before any.
	at, atEnd int
}

// match returns where the pattern that matches at s[i] ends (0 for no
// match), and the scheme of an absolute URI ("" for an address).
func (u *uriScanner) match(i int) (end int, scheme string) {
	s := u.s
	if i >= len(s) {
		return 0, ""
	}
	if c := s[i] | 0x20; 'a' <= c && c <= 'z' {
		if i >= u.schemeEnd {
			u.schemeFrom, u.schemeEnd = i, i+1
			for u.schemeEnd < len(s) && inSet(s[u.schemeEnd], uriSchemeMore) {
				u.schemeEnd++
			}
		}
		if k := u.schemeEnd; k < len(s) && s[k] == ':' {
			if u.colon != k {
				u.colon, u.colonEnd = k, u.partsEnd(k+1)
			}
			if u.colonEnd > 0 {
				return u.colonEnd, s[i:k]
			}
		}
	}
	if s[i] == '.' || !inSet(s[i], emailChars) {
		return 0, ""
	}
	if i >= u.nameEnd {
		u.nameFrom, u.nameEnd, u.doubleDot = i, i, -1
		for u.nameEnd < len(s) && (s[u.nameEnd] == '.' || inSet(s[u.nameEnd], emailChars)) {
			if s[u.nameEnd] == '.' && s[u.nameEnd-1] == '.' {
				u.doubleDot = u.nameEnd - 1
			}
			u.nameEnd++
		}
	}
	at := u.nameEnd
	if at >= len(s) || s[at] != '@' || u.doubleDot >= i || s[at-1] == '.' || s[at-1] == escaped {
		return 0, ""
	}
	if u.at != at {
		u.at, u.atEnd = at, u.hostEnd(at+1)
	}
	return u.atEnd, ""
}

// fits reports whether a match may end at e: at the end of the text, or
// before a character that may end inline markup.
func (u *uriScanner) fits(e int) bool { return endOK(runeAt(u.s, e), e >= len(u.s)) }

// mayEnd reports whether the URI character s[j] may end a part.
func (u *uriScanner) mayEnd(j int) bool {
	c := u.s[j]
	return isAlnum(c) || strings.IndexByte(uriLastChars, c) >= 0 || j+1 < len(u.s) && u.s[j+1] == '>'
}

// partsEnd returns where the longest path, query and fragment that start
// at s[j] end, 0 when none fits. The parts are found first, and their
// ends tried from the last: most URIs end where their run of URI
// characters does.
func (u *uriScanner) partsEnd(j int) int {
	s := u.s
	var parts [3][2]int // each part's start and end
	n := 0
	for {
		start := j
		for j < len(s) && inSet(s[j], uriChars) {
			j++
		}
		parts[n] = [2]int{start, j}
		n++
		if j >= len(s) || j == start || !u.mayEnd(j-1) || !(s[j] == '?' && n == 1 || s[j] == '#' && n < 3) {
			break
		}
		if s[j] == '#' {
			n = 2 // no query after a fragment
		}
		j++
	}
	for k := n - 1; k >= 0; k-- {
		for e := parts[k][1]; e > parts[k][0]; e-- {
			if u.mayEnd(e-1) && u.fits(e) {
				return e
			}
		}
	}
	return 0
}

// hostEnd returns where the longest host of an address that starts at
// s[j] ends, 0 when none fits: its name characters and dots, the first
// not a dot, then a character a URI may end with.
func (u *uriScanner) hostEnd(j int) int {
	s := u.s
	if j >= len(s) || !inSet(s[j], emailChars) {
		return 0
	}
	last := j + 1 // the last character's place, past the name characters
	for last < len(s) && (s[last] == '.' || inSet(s[last], emailChars)) {
		last++
	}
	for k := min(last, len(s)-1); k > j; k-- {
		if inSet(s[k], uriChars) && u.mayEnd(k) && u.fits(k+1) {
			return k + 1
		}
	}
	return 0
}

// uriSchemes are the schemes docutils 0.19 knows (utils.urischemes), a
// space before and after each: a standalone URI of another scheme is
// text, and so is the rest of the text it is in (see appendText).
const uriSchemes = " about acap addbook afp afs aim callto castanet chttp cid crid data dav dict dns eid fax feed file finger " +
	"freenet ftp go gopher gsm-sms h323 h324 hdl hnews http https hydra iioploc ilu im imap info ior ipp irc iris.beep " +
	"iseek jar javascript jdbc ldap lifn livescript lrq mailbox mailserver mailto md5 mid mocha modem mtqp mupdate news " +
	"nfs nntp opaquelocktoken phone pop pop3 pres printer prospero rdar res rtsp rvp rwhois rx sdp service shttp sip sips " +
	"smb snews snmp soap.beep soap.beeps ssh t120 tag tcp tel telephone telnet tftp tip tn3270 tv urn uuid vemmi " +
	"videotex view-source wais whodp whois++ x-man-page xmlrpc.beep xmlrpc.beeps z39.50r z39.50s "

// knownScheme reports whether docutils knows scheme, in any case.
func knownScheme(scheme string) bool {
	return strings.Contains(uriSchemes, " "+strings.ToLower(scheme)+" ")
}
