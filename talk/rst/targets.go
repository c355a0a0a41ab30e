package rst

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The names that targets, sections, footnotes and citations take, and
// the substitution definitions' names, are noted as docutils' document
// notes them (nodes.document.set_duplicate_name_id), because it reports
// a name taken twice while it parses: a warning for an explicit target
// named again, an info note when both give the same URI, or when a
// section title repeats a name.

// nameEntry is what docutils' document holds of one name: its nametypes
// and nameids entries.
type nameEntry struct {
	explicit bool // taken by an explicit target (nametypes)
	unique   bool // one node holds the name (nameids is not None)
	hasURI   bool // that node has a URI (refuri)...
	uri      string
}

// noteName notes a name a target takes, explicit or implicit (a section
// title), with its URI if it has one, and reports what docutils reports
// of a name taken again, at line. A map, not a list, keeps a text of
// thousands of targets linear.
func (p *parser) noteName(name string, explicit, hasURI bool, uri string, at line) {
	if p.names == nil {
		p.names = map[string]*nameEntry{}
	}
	e, ok := p.names[name]
	if !ok {
		p.names[name] = &nameEntry{explicit: explicit, unique: true, hasURI: hasURI, uri: uri}
		return
	}
	oldExplicit, oldUnique := e.explicit, e.unique
	e.explicit = oldExplicit || explicit
	switch {
	case explicit && oldExplicit:
		level := Warning
		if oldUnique && hasURI && e.hasURI && e.uri == uri {
			level = Info // the same target again: docutils only informs
		} else {
			e.unique = false
		}
		p.report(at, level, `Duplicate explicit target name: "`+name+`".`)
	case explicit:
		// An explicit target takes the name from a section title.
		e.unique, e.hasURI, e.uri = true, hasURI, uri
	case oldUnique && !oldExplicit:
		e.unique = false
	}
	if !explicit || !oldExplicit && oldUnique {
		p.report(at, Info, `Duplicate implicit target name: "`+name+`".`)
	}
}

// noteSubstitution notes a substitution definition's name, white space
// collapsed but case kept as docutils keeps it, and reports one defined
// twice.
func (p *parser) noteSubstitution(name string, at line) {
	name = strings.Join(strings.Fields(name), " ")
	if p.subs == nil {
		p.subs = map[string]bool{}
	}
	if p.subs[name] {
		p.report(at, Error, `Duplicate substitution definition name: "`+name+`".`)
	}
	p.subs[name] = true
}

// inlineTarget notes a target that inline markup defines (an embedded
// URI's reference, an inline internal target). docutils reports its
// duplicate at the line its outermost state machine has reached
// (p.topLine), and before the messages of the text it is in; the inliner
// keeps the reports apart until the text is parsed (see parser.inline).
func (in *inliner) inlineTarget(name string, hasURI bool, uri string) {
	p := in.p
	n := len(p.doc.Diagnostics)
	p.noteName(name, true, hasURI, uri, line{num: p.topLine.num, off: p.topLine.off})
	if len(p.doc.Diagnostics) > n {
		in.dups = append(in.dups, p.doc.Diagnostics[n:]...)
		p.doc.Diagnostics = p.doc.Diagnostics[:n]
	}
}

// targetURI is the URI of a target as docutils makes it of the escaped
// text (escape markers in place): white space goes, but escaped white
// space, which splits the URI into parts joined by a space; an e-mail
// address becomes a mailto URI (Inliner.adjust_uri).
func targetURI(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == escaped:
			if r2, size2 := utf8.DecodeRuneInString(s[i+size:]); unicode.IsSpace(r2) {
				b.WriteByte(' ')
				size += size2
			}
		case !unicode.IsSpace(r):
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	u := b.String()
	if at := strings.IndexByte(u, '@'); at > 0 && !strings.ContainsAny(u[:at], ":/") {
		return "mailto:" + u
	}
	return u
}

// targetName matches docutils' hyperlink target pattern at the start of
// s, the escaped text after ".. _": a name, backquoted or not, that ends
// in no white space or unescaped colon, then ":" (a space may come
// before it) and a space or the end. It returns the name (escape
// markers in place; "_" for an anonymous target) and where the match
// ends. The shortest name that fits is the one, as the pattern's ".+?"
// takes. Names shorter than from are not tried: a caller that has tried
// them on a shorter text, which s extends, passes its length, less the
// few bytes where that text's end decided the match, so that a target
// whose name runs over many lines is matched in linear time.
func targetName(s string, from int) (name string, end int, ok bool) {
	tail := func(k int) (int, bool) { // "[ ]?:([ ]+|$)" at s[k:]
		if k < len(s) && s[k] == ' ' {
			k++
		}
		if k >= len(s) || s[k] != ':' {
			return 0, false
		}
		k++
		if k < len(s) && s[k] != ' ' {
			return 0, false
		}
		for k < len(s) && s[k] == ' ' {
			k++
		}
		return k, true
	}
	if strings.HasPrefix(s, "_") {
		if k, ok := tail(1); ok {
			return "_", k, true
		}
		return "", 0, false
	}
	quote := strings.HasPrefix(s, "`")
	start := 0
	if quote {
		start = 1
	}
	if start >= len(s) || s[start] == ' ' || s[start] == '`' {
		return "", 0, false
	}
	k := start
	if from > start {
		k = from
		for k > start && !utf8.RuneStart(s[k]) {
			k-- // the start of the rune from is in
		}
	}
	for k < len(s) {
		_, size := utf8.DecodeRuneInString(s[k:])
		k += size
		last, _ := utf8.DecodeLastRuneInString(s[:k])
		if unicode.IsSpace(last) || last == escaped {
			continue
		}
		after := k
		if quote {
			if after >= len(s) || s[after] != '`' {
				continue
			}
			after++
		} else if last == ':' && (k-1 == start || s[k-2] != escaped) {
			continue
		}
		if e, ok := tail(after); ok {
			return s[start:k], e, true
		}
	}
	return "", 0, false
}

// plainText is the text of inline content without its markup, as
// docutils' astext gives a section title, whose name it is.
func plainText(content []Inline) string {
	var b strings.Builder
	var walk func([]Inline)
	walk = func(is []Inline) {
		for _, in := range is {
			switch in := in.(type) {
			case Text:
				b.WriteString(string(in))
			case Literal:
				b.WriteString(string(in))
			case *Emphasis:
				walk(in.Content)
			case *Strong:
				walk(in.Content)
			case *Cite:
				walk(in.Content)
			case *Reference:
				walk(in.Content)
			}
		}
	}
	walk(content)
	return b.String()
}
