package csl

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/talkmeta/talkmeta/internal/jsonx"
)

// Item is one CSL-JSON item: the data a style formats. Any CSL variable
// can be carried: text and number variables in Fields, name variables in
// Names, date variables in Dates. Keys are CSL variable names ("title",
// "event-title", "URL", "author", "issued").
//
// As in citeproc-js, a note may carry variables too, Zotero's way: lines
// "name: value" at its start, or "{:name: value}" in it ("original-date:
// 1859", "type: speech", "editor: Darwin || Charles"). Rendering reads
// them into the variables the item lacks (its type and dates are
// replaced), and prints the note without them; the Item is not changed.
//
// Item marshals to and from CSL-JSON. Number variables may be JSON numbers
// on input; they are kept as their decimal text and written back as
// strings, which the CSL-JSON schema allows for every number variable.
type Item struct {
	ID     string            // CSL-JSON's "id", which tells items of a bibliography apart
	Type   string            // a CSL item type: "speech", "motion_picture", "book", ...
	Fields map[string]string // text and number variables
	Names  map[string][]Name // name variables, each names in order
	Dates  map[string]Date   // date variables
	// Categories and Custom are CSL-JSON's "categories" and "custom";
	// no style reads them.
	Categories []string
	Custom     json.RawMessage
}

// Name is a CSL name: a person's parts, or a literal name (an
// organisation, "Various speakers").
type Name struct {
	Family              string // "Rossum" in "Guido van Rossum"
	Given               string // "Guido"
	DroppingParticle    string // "van" in "Ludwig van Beethoven"
	NonDroppingParticle string // "van" in "Guido van Rossum"
	Suffix              string // "Jr."
	Literal             string // the whole name, printed as it is; the parts are then empty
	// CommaSuffix puts a comma before the suffix ("Martin Luther King,
	// Jr."); StaticOrdering keeps family before given in all contexts.
	CommaSuffix    bool
	StaticOrdering bool
	// NoParse stops a processor from reading particles out of Family and
	// Given ("parse-names": false).
	NoParse bool
}

// Date is a CSL date: one or two (a range) year-month-day triples, a
// season, or a literal.
type Date struct {
	// Parts holds [year, month, day] prefixes: {{2016}}, {{2016, 7}},
	// {{2016, 7, 21}}, or two of them for a range. An end of zeros is
	// an open range, as in citeproc-js: {{2016}, {0}} prints "2016–".
	Parts   [][]int
	Season  string // 1 to 4 (spring to winter), or a season's name
	Circa   bool   // the date is approximate ("ca. 2016")
	Literal string // a date as text, printed as it is
	// Raw is the date as text, read when Parts is empty as citeproc-js
	// reads it ("2016-07-21", "21 July 2016", "Jan-Mar 2010", "44 BC",
	// "circa 1990"); what it reads replaces Season, Circa and Literal.
	Raw string
}

// DateOf returns a Date of one year, month and day; trailing zeros are
// left out, so DateOf(2016, 0, 0) is the year 2016.
func DateOf(year, month, day int) Date {
	p := []int{year}
	if month > 0 {
		p = append(p, month)
		if day > 0 {
			p = append(p, day)
		}
	}
	return Date{Parts: [][]int{p}}
}

// Get returns the text of a text or number variable; a nil Item has none.
func (it *Item) Get(variable string) string {
	if it == nil {
		return ""
	}
	return it.Fields[variable]
}

// Set sets a text or number variable; an empty value removes it.
func (it *Item) Set(variable, value string) {
	if value == "" {
		delete(it.Fields, variable)
		return
	}
	if it.Fields == nil {
		it.Fields = map[string]string{}
	}
	it.Fields[variable] = value
}

// SetNames sets a name variable; no names removes it.
func (it *Item) SetNames(variable string, names ...Name) {
	if len(names) == 0 {
		delete(it.Names, variable)
		return
	}
	if it.Names == nil {
		it.Names = map[string][]Name{}
	}
	it.Names[variable] = names
}

// SetDate sets a date variable.
func (it *Item) SetDate(variable string, d Date) {
	if it.Dates == nil {
		it.Dates = map[string]Date{}
	}
	it.Dates[variable] = d
}

// variableKind is how CSL-JSON writes a variable.
type variableKind int

const (
	kindString variableKind = iota
	kindNumber              // a string or a number
	kindName
	kindDate
)

// schemaVariables lists the item properties of the CSL-JSON schema
// (csl-data.json, CSL 1.0.2) in its order, which is also the order
// MarshalJSON writes them in.
var schemaVariables = []struct {
	name string
	kind variableKind
}{
	{"citation-key", kindString}, {"language", kindString},
	{"journalAbbreviation", kindString}, {"shortTitle", kindString},
	{"author", kindName}, {"chair", kindName}, {"collection-editor", kindName},
	{"compiler", kindName}, {"composer", kindName}, {"container-author", kindName},
	{"contributor", kindName}, {"curator", kindName}, {"director", kindName},
	{"editor", kindName}, {"editorial-director", kindName}, {"executive-producer", kindName},
	{"guest", kindName}, {"host", kindName}, {"interviewer", kindName},
	{"illustrator", kindName}, {"narrator", kindName}, {"organizer", kindName},
	{"original-author", kindName}, {"performer", kindName}, {"producer", kindName},
	{"recipient", kindName}, {"reviewed-author", kindName}, {"script-writer", kindName},
	{"series-creator", kindName}, {"translator", kindName},
	{"accessed", kindDate}, {"available-date", kindDate}, {"event-date", kindDate},
	{"issued", kindDate}, {"original-date", kindDate}, {"submitted", kindDate},
	{"abstract", kindString}, {"annote", kindString}, {"archive", kindString},
	{"archive_collection", kindString}, {"archive_location", kindString},
	{"archive-place", kindString}, {"authority", kindString}, {"call-number", kindString},
	{"chapter-number", kindNumber}, {"citation-number", kindNumber},
	{"citation-label", kindString}, {"collection-number", kindNumber},
	{"collection-title", kindString}, {"container-title", kindString},
	{"container-title-short", kindString}, {"dimensions", kindString},
	{"division", kindString}, {"DOI", kindString}, {"edition", kindNumber},
	{"event", kindString}, {"event-title", kindString}, {"event-place", kindString},
	{"first-reference-note-number", kindNumber}, {"genre", kindString},
	{"ISBN", kindString}, {"ISSN", kindString}, {"issue", kindNumber},
	{"jurisdiction", kindString}, {"keyword", kindString}, {"locator", kindNumber},
	{"medium", kindString}, {"note", kindString}, {"number", kindNumber},
	{"number-of-pages", kindNumber}, {"number-of-volumes", kindNumber},
	{"original-publisher", kindString}, {"original-publisher-place", kindString},
	{"original-title", kindString}, {"page", kindNumber}, {"page-first", kindNumber},
	{"part", kindNumber}, {"part-title", kindString}, {"PMCID", kindString},
	{"PMID", kindString}, {"printing", kindNumber}, {"publisher", kindString},
	{"publisher-place", kindString}, {"references", kindString},
	{"reviewed-genre", kindString}, {"reviewed-title", kindString},
	{"scale", kindString}, {"section", kindString}, {"source", kindString},
	{"status", kindString}, {"supplement", kindNumber}, {"title", kindString},
	{"title-short", kindString}, {"URL", kindString}, {"version", kindString},
	{"volume", kindNumber}, {"volume-title", kindString},
	{"volume-title-short", kindString}, {"year-suffix", kindString},
}

var variableKinds = func() map[string]variableKind {
	m := make(map[string]variableKind, len(schemaVariables))
	for _, v := range schemaVariables {
		m[v.name] = v.kind
	}
	return m
}()

// itemTypes are the CSL 1.0.2 item types (the schema's enumeration).
var itemTypes = []string{"article", "article-journal", "article-magazine", "article-newspaper",
	"bill", "book", "broadcast", "chapter", "classic", "collection", "dataset", "document",
	"entry", "entry-dictionary", "entry-encyclopedia", "event", "figure", "graphic", "hearing",
	"interview", "legal_case", "legislation", "manuscript", "map", "motion_picture",
	"musical_score", "pamphlet", "paper-conference", "patent", "performance", "periodical",
	"personal_communication", "post", "post-weblog", "regulation", "report", "review",
	"review-book", "software", "song", "speech", "standard", "thesis", "treaty", "webpage"}

// Validate checks the item against the CSL-JSON schema: a known type, an
// id, known variables only, each in the right place. It returns an
// *ItemError for the first problem; a nil Item is an error too.
func (it *Item) Validate() error {
	if it == nil {
		return errors.New("csl: nil item")
	}
	fail := func(ptr, format string, args ...any) error {
		return &ItemError{ID: it.ID, Pointer: ptr, Message: fmt.Sprintf(format, args...)}
	}
	if it.ID == "" {
		return fail("/id", "missing")
	}
	if !slices.Contains(itemTypes, it.Type) {
		if it.Type == "" {
			return fail("/type", "missing")
		}
		return fail("/type", "unknown item type %q", it.Type)
	}
	for _, k := range sortedKeys(it.Fields) {
		kind, ok := variableKinds[k]
		switch {
		case !ok:
			return fail("/"+jsonx.PointerToken(k), "unknown variable")
		case kind == kindName:
			return fail("/"+jsonx.PointerToken(k), "is a name variable: put it in Names")
		case kind == kindDate:
			return fail("/"+jsonx.PointerToken(k), "is a date variable: put it in Dates")
		}
	}
	for _, k := range sortedKeys(it.Names) {
		if variableKinds[k] != kindName {
			return fail("/"+jsonx.PointerToken(k), "is not a name variable")
		}
	}
	for _, k := range sortedKeys(it.Dates) {
		if kind, ok := variableKinds[k]; !ok || kind != kindDate {
			return fail("/"+jsonx.PointerToken(k), "is not a date variable")
		}
		d := it.Dates[k]
		if len(d.Parts) > 2 {
			return fail("/"+jsonx.PointerToken(k)+"/date-parts", "more than two dates")
		}
		for i, p := range d.Parts {
			if len(p) < 1 || len(p) > 3 {
				return fail(fmt.Sprintf("/%s/date-parts/%d", jsonx.PointerToken(k), i), "must hold 1 to 3 numbers")
			}
		}
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// MarshalJSON writes the item as a CSL-JSON object: id and type first,
// then the variables in the order of the CSL-JSON schema.
func (it Item) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	first := true
	field := func(k string, v any) error {
		if !first {
			b.WriteByte(',')
		}
		first = false
		kb, _ := json.Marshal(k)
		b.Write(kb)
		b.WriteByte(':')
		vb, err := jsonx.Marshal(v)
		if err != nil {
			return err
		}
		b.Write(vb)
		return nil
	}
	if err := field("id", it.ID); err != nil {
		return nil, err
	}
	if err := field("type", it.Type); err != nil {
		return nil, err
	}
	if len(it.Categories) > 0 {
		if err := field("categories", it.Categories); err != nil {
			return nil, err
		}
	}
	done := map[string]bool{}
	for _, v := range schemaVariables {
		var err error
		switch v.kind {
		case kindName:
			if ns, ok := it.Names[v.name]; ok {
				err = field(v.name, ns)
			}
		case kindDate:
			if d, ok := it.Dates[v.name]; ok {
				err = field(v.name, d)
			}
		default:
			if s, ok := it.Fields[v.name]; ok {
				err = field(v.name, s)
			}
		}
		if err != nil {
			return nil, err
		}
		done[v.name] = true
	}
	// Variables the schema does not know (Validate reports them) are
	// written too, so that nothing is lost.
	for _, k := range sortedKeys(it.Fields) {
		if !done[k] {
			if err := field(k, it.Fields[k]); err != nil {
				return nil, err
			}
		}
	}
	for _, k := range sortedKeys(it.Names) {
		if !done[k] {
			if err := field(k, it.Names[k]); err != nil {
				return nil, err
			}
		}
	}
	for _, k := range sortedKeys(it.Dates) {
		if !done[k] {
			if err := field(k, it.Dates[k]); err != nil {
				return nil, err
			}
		}
	}
	if len(it.Custom) > 0 {
		if err := field("custom", it.Custom); err != nil {
			return nil, err
		}
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// UnmarshalJSON reads a CSL-JSON object. Values of the wrong JSON type
// and unknown members are errors (*ItemError, with a JSON pointer);
// Validate checks the rest.
func (it *Item) UnmarshalJSON(data []byte) error {
	var raw map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&raw); err != nil {
		return &ItemError{Message: err.Error()}
	}
	*it = Item{}
	fail := func(ptr, format string, args ...any) error {
		return &ItemError{ID: it.ID, Pointer: ptr, Message: fmt.Sprintf(format, args...)}
	}
	if v, ok := raw["id"]; ok {
		s, isStr, err := scalarText(v)
		if err != nil || (!isStr && s == "") {
			return fail("/id", "must be a string or a number")
		}
		it.ID = s
	}
	for _, k := range sortedKeys(raw) {
		v := raw[k]
		ptr := "/" + jsonx.PointerToken(k)
		switch k {
		case "id":
			continue
		case "type":
			if err := json.Unmarshal(v, &it.Type); err != nil {
				return fail(ptr, "must be a string")
			}
			continue
		case "categories":
			if err := json.Unmarshal(v, &it.Categories); err != nil {
				return fail(ptr, "must be an array of strings")
			}
			continue
		case "custom":
			it.Custom = append(json.RawMessage(nil), v...)
			continue
		}
		kind, known := variableKinds[k]
		if !known {
			return fail(ptr, "unknown variable")
		}
		switch kind {
		case kindName:
			var ns []Name
			if err := json.Unmarshal(v, &ns); err != nil {
				if ie, ok := err.(*ItemError); ok {
					ie.ID = it.ID
					ie.Pointer = ptr + "/" + strconv.Itoa(badName(v)) + ie.Pointer
					return ie
				}
				return fail(ptr, "must be an array of name objects")
			}
			it.SetNames(k, ns...)
		case kindDate:
			var d Date
			if err := json.Unmarshal(v, &d); err != nil {
				if ie, ok := err.(*ItemError); ok {
					ie.ID = it.ID
					ie.Pointer = ptr + ie.Pointer
					return ie
				}
				return fail(ptr, "must be a date object")
			}
			it.SetDate(k, d)
		default:
			s, isStr, err := scalarText(v)
			if err != nil || (kind == kindString && !isStr) {
				if kind == kindString {
					return fail(ptr, "must be a string")
				}
				return fail(ptr, "must be a string or a number")
			}
			if it.Fields == nil {
				it.Fields = map[string]string{}
			}
			it.Fields[k] = s
		}
	}
	return nil
}

// badName returns the index of the first element of the JSON array of
// names v that is no valid name, for the pointer of the error that
// reading the whole array returned without it.
func badName(v json.RawMessage) int {
	var elems []json.RawMessage
	if json.Unmarshal(v, &elems) != nil {
		return 0
	}
	for i, e := range elems {
		var n Name
		if n.UnmarshalJSON(e) != nil {
			return i
		}
	}
	return 0
}

// scalarText reads a JSON string or number as text.
func scalarText(v json.RawMessage) (s string, isString bool, err error) {
	v = bytes.TrimSpace(v)
	if len(v) > 0 && v[0] == '"' {
		err = json.Unmarshal(v, &s)
		return s, true, err
	}
	var n json.Number
	dec := json.NewDecoder(bytes.NewReader(v))
	dec.UseNumber()
	if err := dec.Decode(&n); err != nil {
		return "", false, err
	}
	return n.String(), false, nil
}

// MarshalJSON writes a CSL-JSON name object.
func (n Name) MarshalJSON() ([]byte, error) {
	type kv struct {
		k string
		v any
	}
	var out []kv
	add := func(k, v string) {
		if v != "" {
			out = append(out, kv{k, v})
		}
	}
	add("family", n.Family)
	add("given", n.Given)
	add("dropping-particle", n.DroppingParticle)
	add("non-dropping-particle", n.NonDroppingParticle)
	add("suffix", n.Suffix)
	add("literal", n.Literal)
	if n.CommaSuffix {
		out = append(out, kv{"comma-suffix", true})
	}
	if n.StaticOrdering {
		out = append(out, kv{"static-ordering", true})
	}
	if n.NoParse {
		out = append(out, kv{"parse-names", false})
	}
	var b bytes.Buffer
	b.WriteByte('{')
	for i, e := range out {
		if i > 0 {
			b.WriteByte(',')
		}
		kb, _ := json.Marshal(e.k)
		vb, err := jsonx.Marshal(e.v)
		if err != nil {
			return nil, err
		}
		b.Write(kb)
		b.WriteByte(':')
		b.Write(vb)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// UnmarshalJSON reads a CSL-JSON name object.
func (n *Name) UnmarshalJSON(data []byte) error {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return &ItemError{Message: "a name must be an object"}
	}
	*n = Name{}
	for _, k := range sortedKeys(raw) {
		v := raw[k]
		str := func(dst *string) error {
			if err := json.Unmarshal(v, dst); err != nil {
				return &ItemError{Pointer: "/" + jsonx.PointerToken(k), Message: "must be a string"}
			}
			return nil
		}
		var err error
		switch k {
		case "family":
			err = str(&n.Family)
		case "given":
			err = str(&n.Given)
		case "dropping-particle":
			err = str(&n.DroppingParticle)
		case "non-dropping-particle":
			err = str(&n.NonDroppingParticle)
		case "suffix":
			err = str(&n.Suffix)
		case "literal":
			err = str(&n.Literal)
		case "comma-suffix":
			n.CommaSuffix, err = truthy(v, k)
		case "static-ordering":
			n.StaticOrdering, err = truthy(v, k)
		case "parse-names":
			var b bool
			b, err = truthy(v, k)
			n.NoParse = !b
		default:
			return &ItemError{Pointer: "/" + jsonx.PointerToken(k), Message: "unknown name property"}
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// truthy reads a string, number or boolean as JavaScript would test it.
func truthy(v json.RawMessage, k string) (bool, error) {
	var x any
	if err := json.Unmarshal(v, &x); err != nil {
		return false, &ItemError{Pointer: "/" + jsonx.PointerToken(k), Message: err.Error()}
	}
	switch t := x.(type) {
	case bool:
		return t, nil
	case string:
		return t != "", nil
	case float64:
		return t != 0, nil
	}
	return false, &ItemError{Pointer: "/" + jsonx.PointerToken(k), Message: "must be a string, number or boolean"}
}

// MarshalJSON writes a CSL-JSON date object.
func (d Date) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	sep := false
	put := func(k string, v any) {
		if sep {
			b.WriteByte(',')
		}
		sep = true
		kb, _ := json.Marshal(k)
		vb, _ := jsonx.Marshal(v)
		b.Write(kb)
		b.WriteByte(':')
		b.Write(vb)
	}
	if len(d.Parts) > 0 {
		put("date-parts", d.Parts)
	}
	if d.Season != "" {
		put("season", d.Season)
	}
	if d.Circa {
		put("circa", true)
	}
	if d.Literal != "" {
		put("literal", d.Literal)
	}
	if d.Raw != "" {
		put("raw", d.Raw)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// UnmarshalJSON reads a CSL-JSON date object; date parts may be numbers
// or numeric strings, read as citeproc-js reads them (parseInt: "2016a"
// is 2016, "" no part). A string that begins with no number ("x") is an
// *ItemError at its pointer, where it was read as no date at all.
func (d *Date) UnmarshalJSON(data []byte) error {
	var raw map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&raw); err != nil {
		return &ItemError{Message: "a date must be an object"}
	}
	*d = Date{}
	for _, k := range sortedKeys(raw) {
		v := raw[k]
		switch k {
		case "date-parts":
			var parts [][]json.RawMessage
			if err := json.Unmarshal(v, &parts); err != nil {
				return &ItemError{Pointer: "/date-parts", Message: "must be an array of arrays"}
			}
			for i, p := range parts {
				var ints []int
				for j, x := range p {
					s, _, err := scalarText(x)
					if err != nil {
						return &ItemError{Pointer: fmt.Sprintf("/date-parts/%d/%d", i, j), Message: "must be a string or a number"}
					}
					digits := leadingInt(s)
					if digits == "" && strings.TrimSpace(s) != "" {
						return &ItemError{Pointer: fmt.Sprintf("/date-parts/%d/%d", i, j), Message: fmt.Sprintf("%q is not a number; write one such as 2016", s)}
					}
					if digits == "" {
						// citeproc-js reads "" as no part, where 0 is
						// one: [[2016],[""]] is no range, [[2016],[0]]
						// an open one. Parts has no room for "no part"
						// before one that is: the date ends here.
						break
					}
					n, _ := strconv.Atoi(digits)
					ints = append(ints, n)
				}
				if len(ints) == 0 && i > 0 {
					// an end of no parts ([[2016, 7], ["", ""]]) is
					// none, which Parts writes as no end
					continue
				}
				if ints == nil {
					ints = []int{}
				}
				d.Parts = append(d.Parts, ints)
			}
		case "season":
			s, _, err := scalarText(v)
			if err != nil {
				return &ItemError{Pointer: "/season", Message: "must be a string or a number"}
			}
			d.Season = s
		case "circa":
			b, err := truthy(v, k)
			if err != nil {
				return err
			}
			d.Circa = b
		case "literal":
			if err := json.Unmarshal(v, &d.Literal); err != nil {
				return &ItemError{Pointer: "/literal", Message: "must be a string"}
			}
		case "raw":
			if err := json.Unmarshal(v, &d.Raw); err != nil {
				return &ItemError{Pointer: "/raw", Message: "must be a string"}
			}
		default:
			return &ItemError{Pointer: "/" + jsonx.PointerToken(k), Message: "unknown date property"}
		}
	}
	return nil
}

// leadingInt returns the leading integer of s as parseInt would read it.
func leadingInt(s string) string {
	s = strings.TrimSpace(s)
	i := 0
	if i < len(s) && (s[i] == '-' || s[i] == '+') {
		i++
	}
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 1 && (s[0] == '-' || s[0] == '+') {
		return ""
	}
	return s[:i]
}

// ParseItems reads a CSL-JSON array of items (or a single item object).
// A malformed item is reported as an *ItemError with the line and column
// of a syntax error, or else where the item starts. Input that is not
// UTF-8 (Latin-1, UTF-16, a byte order mark) is an *ItemError where it
// stops being UTF-8, not text with U+FFFD in place of its bad bytes.
func ParseItems(data []byte) ([]*Item, error) {
	if e := jsonx.NotUTF8(data); e != nil {
		return nil, &ItemError{Line: 1, Column: 1, Message: e.Msg}
	}
	if off := jsonx.FirstNotUTF8(data); off >= 0 {
		line, col := position(data, int64(off))
		return nil, &ItemError{Line: line, Column: col, Message: fmt.Sprintf("invalid UTF-8 (byte %#02x); CSL-JSON must be UTF-8", data[off])}
	}
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) > 0 && trimmed[0] == '{' {
		var it Item
		if err := json.Unmarshal(trimmed, &it); err != nil {
			if se := syntaxError(data); se != nil {
				return nil, se
			}
			return nil, asItemError(err, data, jsonx.Document(data).Offset)
		}
		return []*Item{&it}, nil
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	tok, err := dec.Token()
	if err != nil {
		if se := syntaxError(data); se != nil {
			return nil, se
		}
		return nil, &ItemError{Message: err.Error()}
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		line, col := position(data, jsonx.Document(data).Offset)
		return nil, &ItemError{Line: line, Column: col, Message: "CSL-JSON must be an array of items"}
	}
	var items []*Item
	for dec.More() {
		off := dec.InputOffset()
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			if se := syntaxError(data); se != nil {
				return nil, se
			}
			line, col := position(data, off)
			return nil, &ItemError{Line: line, Column: col, Message: err.Error()}
		}
		it := &Item{}
		err := it.UnmarshalJSON(raw)
		if bytes.Equal(raw, []byte("null")) {
			// UnmarshalJSON takes null for nothing, as encoding/json's
			// convention has it; in a list of items it is no item.
			err = &ItemError{Message: "want an object, got null"}
		}
		if err != nil {
			// InputOffset points before the separator; find the value.
			start := off
			for start < int64(len(data)) && (data[start] == ',' || data[start] == ' ' || data[start] == '\n' || data[start] == '\r' || data[start] == '\t') {
				start++
			}
			return nil, asItemError(err, data, start)
		}
		items = append(items, it)
	}
	return items, nil
}

// syntaxError returns the first syntax error of data, at its own line
// and column, or nil when there is none. A Decoder's syntax error counts
// its offset from where the item began, so the error is found again in
// the whole of data: the items before it decoded, so the first error of
// the document is the one the Decoder met.
func syntaxError(data []byte) *ItemError {
	var se *json.SyntaxError
	if err := json.Unmarshal(data, new(json.RawMessage)); !errors.As(err, &se) {
		return nil
	}
	// encoding/json counts the offending byte as read, and when the input
	// ends too soon, every byte.
	off := se.Offset - 1
	if int(se.Offset) == len(data) && se.Error() == "unexpected end of JSON input" {
		off = se.Offset
	}
	line, col := position(data, max(off, 0))
	return &ItemError{Line: line, Column: col, Message: se.Error()}
}

func asItemError(err error, data []byte, off int64) error {
	ie, ok := err.(*ItemError)
	if !ok {
		ie = &ItemError{Message: err.Error()}
	}
	ie.Line, ie.Column = position(data, off)
	return ie
}

func position(data []byte, off int64) (line, col int) {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	head := data[:off]
	line = 1 + bytes.Count(head, []byte{'\n'})
	col = int(off) - (bytes.LastIndexByte(head, '\n') + 1) + 1
	return line, col
}
