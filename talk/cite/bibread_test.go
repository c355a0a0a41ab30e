package cite

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// This file is a small BibTeX reader for the tests: it reads back what the
// writers write, and decodes the LaTeX they use, so that tests can check
// that every value means what the model said.

// bibEntry is one entry as read.
type bibEntry struct {
	Type, Key string
	Fields    map[string]string // raw values, without the outer braces
	Macros    map[string]bool   // fields whose value was a bare macro
	Order     []string
}

// readBib reads entries separated by whitespace only.
func readBib(src string) ([]bibEntry, error) {
	var out []bibEntry
	p := 0
	skip := func() {
		for p < len(src) && strings.ContainsRune(" \t\r\n", rune(src[p])) {
			p++
		}
	}
	for {
		skip()
		if p == len(src) {
			return out, nil
		}
		if src[p] != '@' {
			return nil, fmt.Errorf("offset %d: text between entries: %q", p, src[p:min(len(src), p+20)])
		}
		p++
		i := strings.IndexByte(src[p:], '{')
		if i < 0 {
			return nil, fmt.Errorf("offset %d: no '{' after entry type", p)
		}
		e := bibEntry{Type: src[p : p+i], Fields: map[string]string{}, Macros: map[string]bool{}}
		p += i + 1
		i = strings.IndexByte(src[p:], ',')
		if i < 0 {
			return nil, fmt.Errorf("offset %d: no ',' after key", p)
		}
		e.Key = src[p : p+i]
		if strings.ContainsAny(e.Key, " \t\r\n{}(),=\"#%'~\\") {
			return nil, fmt.Errorf("offset %d: bad key %q", p, e.Key)
		}
		p += i + 1
		for {
			skip()
			if p < len(src) && src[p] == '}' {
				p++
				break
			}
			i = strings.Index(src[p:], " = ")
			if i < 0 {
				return nil, fmt.Errorf("offset %d: no field", p)
			}
			name := src[p : p+i]
			p += i + 3
			if _, dup := e.Fields[name]; dup {
				return nil, fmt.Errorf("offset %d: field %s twice", p, name)
			}
			if p < len(src) && src[p] == '{' {
				end, err := matchBrace(src, p)
				if err != nil {
					return nil, err
				}
				e.Fields[name] = src[p+1 : end]
				p = end + 1
			} else {
				j := strings.IndexByte(src[p:], ',')
				if j < 0 {
					return nil, fmt.Errorf("offset %d: unterminated macro", p)
				}
				e.Fields[name] = src[p : p+j]
				e.Macros[name] = true
				p += j
			}
			e.Order = append(e.Order, name)
			if p >= len(src) || src[p] != ',' {
				return nil, fmt.Errorf("offset %d: no ',' after field %s", p, name)
			}
			p++
		}
		out = append(out, e)
	}
}

// matchBrace returns the offset of the brace closing the one at open,
// counting every brace, escaped or not, as BibTeX does.
func matchBrace(s string, open int) (int, error) {
	depth := 0
	for i := open; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return i, nil
			}
		}
	}
	return 0, fmt.Errorf("offset %d: unbalanced braces", open)
}

// balanced reports whether the braces of a value balance, counting
// escaped ones, as BibTeX does.
func balanced(s string) bool {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth < 0 {
				return false
			}
		}
	}
	return depth == 0
}

var (
	untex = map[string]string{
		"{": "{", "}": "}", "&": "&", "%": "%", "$": "$", "#": "#", "_": "_",
		"textbackslash": `\`, "textasciitilde": "~", "textasciicircum": "^",
		"textless": "<", "textgreater": ">", "textbraceleft": "{", "textbraceright": "}",
	}
	untexAccents = func() map[string]rune {
		m := map[string]rune{}
		for mark, cmd := range texAccents {
			m[cmd] = mark
		}
		return m
	}()
	untexSymbols = func() map[string]string {
		m := map[string]string{}
		for r, s := range texSymbols {
			s = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSuffix(s, "{}"), "{"), "}")
			if strings.HasPrefix(s, `\`) {
				m[s[1:]] = string(r)
			}
		}
		return m
	}()
)

// untexValue decodes a value the writers wrote back into text.
func untexValue(s string) (string, error) {
	out, rest, err := untexGroup(s, false)
	if err != nil {
		return "", err
	}
	if rest != "" {
		return "", fmt.Errorf("unmatched '}' before %q", rest)
	}
	return norm.NFC.String(out), nil
}

// untexGroup decodes s up to the '}' closing the group (when inGroup) and
// returns what follows it.
func untexGroup(s string, inGroup bool) (string, string, error) {
	var b strings.Builder
	for s != "" {
		c := s[0]
		switch {
		case c == '}':
			if !inGroup {
				return b.String(), s, nil
			}
			return b.String(), s[1:], nil
		case c == '{':
			inner, rest, err := untexGroup(s[1:], true)
			if err != nil {
				return "", "", err
			}
			b.WriteString(inner)
			s = rest
		case strings.HasPrefix(s, "---"):
			b.WriteString("—")
			s = s[3:]
		case strings.HasPrefix(s, "--"):
			b.WriteString("–")
			s = s[2:]
		case strings.HasPrefix(s, "``"), strings.HasPrefix(s, "''"), strings.HasPrefix(s, "!`"),
			strings.HasPrefix(s, "?`"), strings.HasPrefix(s, ",,"):
			// TeX's ligatures, which the writers must not let form.
			b.WriteString(map[string]string{"``": "“", "''": "”", "!`": "¡", "?`": "¿", ",,": "„"}[s[:2]])
			s = s[2:]
		case c == '~':
			b.WriteString("\u00a0")
			s = s[1:]
		case c == '\\':
			text, rest, err := untexCommand(s[1:])
			if err != nil {
				return "", "", err
			}
			b.WriteString(text)
			s = rest
		default:
			b.WriteByte(c)
			s = s[1:]
		}
	}
	if inGroup {
		return "", "", fmt.Errorf("unclosed '{'")
	}
	return b.String(), "", nil
}

// untexCommand decodes the command after a backslash.
func untexCommand(s string) (string, string, error) {
	if s == "" {
		return "", "", fmt.Errorf("backslash at end")
	}
	name := s[:1]
	if unicode.IsLetter(rune(s[0])) {
		i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
		if i < 0 {
			i = len(s)
		}
		name = s[:i]
	}
	rest := s[len(name):]
	if name == "url" {
		if !strings.HasPrefix(rest, "{") {
			return "", "", fmt.Errorf(`\url without argument`)
		}
		end := strings.IndexByte(rest, '}')
		if end < 0 {
			return "", "", fmt.Errorf(`unclosed \url`)
		}
		return strings.NewReplacer(`\%`, "%", `\#`, "#").Replace(rest[1:end]), rest[end+1:], nil
	}
	if mark, ok := untexAccents[name]; ok {
		var arg string
		switch {
		case strings.HasPrefix(rest, "{"):
			inner, r, err := untexGroup(rest[1:], true)
			if err != nil {
				return "", "", err
			}
			arg, rest = inner, r
		case strings.HasPrefix(rest, `\`):
			inner, r, err := untexCommand(rest[1:])
			if err != nil {
				return "", "", err
			}
			arg, rest = inner, r
		case rest != "":
			arg, rest = rest[:1], rest[1:]
		}
		switch name {
		case "d", "c", "k", "b": // below the letter
		default:
			// An accent over \i or \j is over an i or a j, as LaTeX
			// prints it and biber reads it ({\~{\i}} is "ĩ").
			if after, ok := strings.CutPrefix(arg, "ı"); ok {
				arg = "i" + after
			} else if after, ok := strings.CutPrefix(arg, "ȷ"); ok {
				arg = "j" + after
			}
		}
		return norm.NFC.String(arg + string(mark)), rest, nil
	}
	text, ok := untex[name]
	if !ok {
		text, ok = untexSymbols[name]
	}
	if !ok {
		return "", "", fmt.Errorf(`unknown command \%s`, name)
	}
	return text, strings.TrimPrefix(rest, "{}"), nil
}

// dottedInPrint returns s with each dotless ı or ȷ under an accent above
// it made i or j, as a reader of what the writers wrote with
// Options.ASCII finds it: LaTeX prints "ĩ" and "ı̃" alike, and the writers
// write both {\~{\i}}, which biber and the test reader read as "ĩ". A
// dotless letter under accents below it only, or under a mark LaTeX has
// no command for (then written as it is), is left alone.
func dottedInPrint(s string) string {
	return accentedDotless.ReplaceAllStringFunc(s, func(m string) string {
		base, size := utf8.DecodeRuneInString(m)
		above := false
		for _, mark := range m[size:] {
			switch cmd, ok := texAccents[mark]; {
			case !ok:
				return m
			case cmd != "d" && cmd != "c" && cmd != "k" && cmd != "b":
				above = true
			}
		}
		if !above {
			return m
		}
		return map[rune]string{'ı': "i", 'ȷ': "j"}[base] + m[size:]
	})
}

// accentedDotless matches a dotless i or j and the marks after it.
var accentedDotless = regexp.MustCompile(`[ıȷ]\p{Mn}+`)
