package jsonx

import "strings"

// A Replacer is safe for concurrent use, and building one on every call
// cost more than the rest of decoding an item.
var (
	pointerEscaper   = strings.NewReplacer("~", "~0", "/", "~1")
	pointerUnescaper = strings.NewReplacer("~1", "/", "~0", "~")
)

// PointerToken escapes s as one reference token of a JSON pointer (RFC
// 6901): "~" as "~0" and "/" as "~1".
func PointerToken(s string) string {
	if !strings.ContainsAny(s, "~/") {
		return s
	}
	return pointerEscaper.Replace(s)
}

// UnescapePointerToken returns the member name a reference token stands
// for, undoing [PointerToken].
func UnescapePointerToken(tok string) string {
	if !strings.Contains(tok, "~") {
		return tok
	}
	return pointerUnescaper.Replace(tok)
}
