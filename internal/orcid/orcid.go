// Package orcid reads ORCID iDs in the forms records give them, for the
// validator's hint of what to write and the JSON-LD writer's sameAs,
// which must agree on what an iD is.
package orcid

import "strings"

// Parse returns the ORCID iD that s gives, in its canonical form
// ("0000-0002-1825-0097"), and whether s gives one: its 16 characters
// bare or in four groups of four parted by hyphens or spaces, alone or
// after the iD's address (orcid.org/, with or without "www." and an http
// or https scheme), in any case, with or without a final "/". Anything
// else is no iD: an address before another ("https://orcid.org/http://
// orcid.org/…") or text around one ("see orcid.org/…") says something
// a reader must look at. The check digit is Valid's to check.
func Parse(s string) (string, bool) {
	s = strings.TrimSpace(s)
	for _, scheme := range []string{"https://", "http://", ""} {
		if rest, ok := cutPrefixFold(s, scheme); ok {
			rest, _ = cutPrefixFold(rest, "www.")
			if rest, ok := cutPrefixFold(rest, "orcid.org/"); ok {
				s = rest
				break
			}
		}
	}
	s = strings.TrimSuffix(s, "/")
	if len(s) == 19 {
		sep := s[4]
		if sep != '-' && sep != ' ' || s[9] != sep || s[14] != sep {
			return "", false
		}
		s = s[:4] + s[5:9] + s[10:14] + s[15:]
	}
	if len(s) != 16 {
		return "", false
	}
	s = strings.ToUpper(s)
	for i := range 16 {
		if !('0' <= s[i] && s[i] <= '9' || i == 15 && s[i] == 'X') {
			return "", false
		}
	}
	return s[:4] + "-" + s[4:8] + "-" + s[8:12] + "-" + s[12:], true
}

// cutPrefixFold is strings.CutPrefix, ignoring ASCII case.
func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):], true
	}
	return s, false
}

// Valid reports whether id, an iD in canonical form, ends in the check
// digit its first 15 digits give (ISO 7064 MOD 11-2, as ORCID computes
// it): an iD copied with a digit wrong names another researcher, or no
// one.
func Valid(id string) bool {
	digits := strings.ReplaceAll(id, "-", "")
	if len(digits) != 16 {
		return false
	}
	total := 0
	for _, r := range digits[:15] {
		if r < '0' || r > '9' {
			return false
		}
		total = (total + int(r-'0')) * 2
	}
	check := (12 - total%11) % 11
	want := byte('0' + check)
	if check == 10 {
		want = 'X'
	}
	return digits[15] == want
}
