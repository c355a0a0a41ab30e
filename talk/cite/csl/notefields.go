package csl

import (
	"regexp"
	"slices"
	"strings"
)

// noteFields are CSL variables written into an item's note, one
// "name: value" a line at its start or "{:name: value}" in its text, as
// Zotero's Extra field carries them into CSL-JSON ("original-date:
// 1859", "type: speech", "container-author: Darwin || Charles").
// citeproc-js 2.4.63 reads them (parseNoteFieldHacks) before anything
// else, so the engine does too: they fill in variables the item lacks,
// set its type and dates, and leave the note without them.
type noteFields struct {
	note   string // what is left of the note, trimmed
	typ    string // "" unless the note sets the type
	fields [][2]string
	names  map[string][]Name
	dates  map[string]string // raw dates, read as citeproc-js reads them
}

var (
	noteFieldsRe = regexp.MustCompile(`\{:(?:[\-_a-z]+|[A-Z]+):[^}]+\}`)
	noteFieldRe  = regexp.MustCompile(`^([\-_a-z]+|[A-Z]+):\s*([^}]+)$`)
	noteNameSep  = regexp.MustCompile(`\s*\|\|\s*`)
)

// noteNameVariables are citeproc-js's NAME_VARIABLES.
var noteNameVariables = []string{"author", "chair", "collection-editor", "compiler", "composer",
	"container-author", "contributor", "curator", "director", "editor", "editor-translator",
	"editorial-director", "executive-producer", "guest", "host", "illustrator", "interviewer",
	"narrator", "organizer", "original-author", "performer", "producer", "recipient",
	"reviewed-author", "script-writer", "series-creator", "translator", "commenter"}

// readNoteFields reads the variables in it's note; nil when it has no
// note.
func readNoteFields(it *Item) *noteFields {
	note, ok := it.Fields["note"]
	if !ok {
		return nil
	}
	lines := strings.Split(note, "\n")
	for i, line := range lines {
		ms := noteFieldsRe.FindAllStringIndex(line, -1)
		if ms == nil {
			continue
		}
		var b strings.Builder
		prev := 0
		for j, m := range ms {
			before := line[prev:m[0]]
			b.WriteString(before)
			// citeproc-js stops at one preceded by text that is not
			// itself a field
			if strings.TrimSpace(before) != "" && (i > 0 || j > 0) && !noteFieldRe.MatchString(before) {
				b.WriteString(line[m[0]:])
				prev = len(line)
				break
			}
			b.WriteString("\n" + strings.TrimSpace(line[m[0]+2:m[1]-1]) + "\n")
			prev = m[1]
		}
		b.WriteString(line[prev:])
		lines[i] = b.String()
	}
	lines = strings.Split(strings.Join(lines, "\n"), "\n")
	nf := &noteFields{}
	has := func(key string) bool {
		if it.Fields[key] != "" {
			return true
		}
		if _, ok := it.Names[key]; ok {
			return true
		}
		if _, ok := it.Dates[key]; ok {
			return true
		}
		for _, f := range nf.fields {
			if f[0] == key && f[1] != "" {
				return true
			}
		}
		return key == "id" && it.ID != "" || key == "type" && it.Type != ""
	}
	for i, line := range lines {
		m := noteFieldRe.FindStringSubmatch(line)
		if strings.TrimSpace(line) == "" {
			continue
		}
		if m == nil {
			if i == 0 {
				continue
			}
			break
		}
		key, val := m[1], strings.TrimSpace(m[2])
		switch {
		case key == "type":
			nf.typ = val
			lines[i] = ""
		case isDateVariable(strings.TrimPrefix(key, "alt-")):
			if nf.dates == nil {
				nf.dates = map[string]string{}
			}
			nf.dates[key] = val
			lines[i] = ""
		case !has(key):
			if slices.Contains(noteNameVariables, strings.TrimPrefix(key, "alt-")) {
				parts := noteNameSep.Split(val, -1)
				var n Name
				switch len(parts) {
				case 1:
					n = Name{Literal: parts[0]}
				case 2:
					n = Name{Family: parts[0], Given: parts[1]}
				}
				if len(parts) <= 2 {
					if nf.names == nil {
						nf.names = map[string][]Name{}
					}
					nf.names[key] = append(nf.names[key], n)
				}
			} else {
				nf.fields = append(nf.fields, [2]string{key, val})
			}
			lines[i] = ""
		}
	}
	nf.note = strings.TrimSpace(strings.Join(lines, "\n"))
	return nf
}

// dateFor returns the raw date the note gives variable k.
func (nf *noteFields) dateFor(k string) (string, bool) {
	if nf == nil {
		return "", false
	}
	v, ok := nf.dates[k]
	return v, ok
}

// dateKeys returns the date variables the note gives, sorted.
func (nf *noteFields) dateKeys() []string {
	if nf == nil || len(nf.dates) == 0 {
		return nil
	}
	keys := make([]string, 0, len(nf.dates))
	for k := range nf.dates {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
