package rubyevents

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/talkmeta/talkmeta/internal/errs"
	"github.com/talkmeta/talkmeta/internal/jsonx"
	"github.com/talkmeta/talkmeta/internal/zone"
	"github.com/talkmeta/talkmeta/talk"
	"go.yaml.in/yaml/v3"
)

// FormatName is the [talk.Origin.Format] of the records this package reads.
const FormatName = "rubyevents"

// maxBytes bounds one YAML file; the whole speakers.yml is about 0.5 MiB.
const maxBytes = 32 << 20

// file is one YAML file being read.
type file struct {
	path string
	errs *talk.ErrorList

	// ids is the place of each talk id read so far, in a videos.yml: see
	// noteID.
	ids map[string]idPlace

	// aliasLimit is how many nodes aliases may bring in, aliasBudget how
	// many more they may, and anchorNodes the number of nodes of each
	// anchored node's tree; see resolve.
	aliasLimit  int
	aliasBudget int
	anchorNodes map[*yaml.Node]int
	overAliased bool // the budget ran out and that was reported
	tooDeep     bool // a value kept in Extra was nested too deep, which was reported

	// keysChecked are the mappings whose keys pairs has reported on, so
	// that a mapping read again (kept in Extra after the model took its
	// members, or named by several aliases) is reported on once.
	keysChecked map[*yaml.Node]bool
}

// Aliases repeat what their anchor holds, so a small file can stand for a
// huge document: each of 40 anchors naming the one before twice makes
// 2^40 values ("billion laughs"). The readers let the aliases of a file
// bring in at most aliasRepeats times the file's own nodes, and at least
// minAliasBudget nodes, so that reading a file takes time in proportion
// to its size. Beyond that an alias reads as null, and the file gets one
// error.
const (
	aliasRepeats   = 4
	minAliasBudget = 1 << 16
)

func (f *file) add(n *yaml.Node, format string, args ...any) {
	e := &talk.RecordError{Path: f.path, Err: fmt.Errorf("rubyevents: "+format, args...)}
	if n != nil {
		e.Line, e.Column = n.Line, n.Column
	}
	*f.errs = append(*f.errs, e)
}

// addCause is add for a problem that the error cause describes, such as a
// [*talk.DateError]: the message is add's, and errors.As finds cause in
// the [talk.RecordError], as it does in talk.ParseJSON's errors.
func (f *file) addCause(n *yaml.Node, cause error, format string, args ...any) {
	f.add(n, format, args...)
	e := (*f.errs)[len(*f.errs)-1]
	e.Err = &errs.Worded{Msg: e.Err.Error(), Cause: cause}
}

// parse reads a YAML document and returns its top node. The readers take
// one document a file; a file of more ("---" between them), which Ruby's
// YAML.load_file would read the first of too, gets an error naming where
// the second starts, so that what follows it is not left out unsaid.
func (f *file) parse(data []byte) *yaml.Node {
	if len(data) > maxBytes {
		*f.errs = append(*f.errs, &talk.RecordError{Path: f.path, Err: &talk.LimitError{What: "file size", Limit: maxBytes, Got: int64(len(data))}})
		return nil
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if err != io.EOF {
			f.syntaxError(data, err)
		}
		return nil
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case err == io.EOF:
	case err != nil:
		f.syntaxError(data, err)
	case len(next.Content) > 0 && !(next.Content[0].Kind == yaml.ScalarNode && next.Content[0].ShortTag() == "!!null"):
		f.add(next.Content[0], "a second YAML document; only the first is read")
	}
	if len(doc.Content) == 0 {
		return nil
	}
	f.anchorNodes = map[*yaml.Node]int{}
	f.keysChecked = map[*yaml.Node]bool{}
	f.aliasLimit = max(aliasRepeats*f.countNodes(&doc), minAliasBudget)
	f.aliasBudget = f.aliasLimit
	return f.resolve(doc.Content[0])
}

// syntaxError reports go-yaml's error err in reading data, with its
// line and column (1, as go-yaml names no column).
//
// go-yaml writes "line N: message", N being the line of the construct
// the problem is in, else of the problem: from 1 for its scanner's
// errors, but from 0 for its parser's (parserProblems), and left out
// when it is 0, so that an error of either on the first line comes
// without a line. Its reader's errors (a byte that is not UTF-8, a
// control character) come without one too: their place is ours to find.
// An error of no place (an alias of no anchor) is placed at the end.
func (f *file) syntaxError(data []byte, err error) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	lines := 1 + bytes.Count(data, []byte{'\n'})
	line, col := lines, 1
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if n, m, ok := strings.Cut(rest, ": "); ok {
			if v, err := strconv.Atoi(n); err == nil {
				line, msg = v, m
				if parserProblems[msg] {
					line++
				}
				// The parser's end of a file that does not end in a
				// newline is on the line after it.
				line = min(line, lines)
			}
		}
	} else if parserProblems[msg] || scannerProblem(msg) {
		line = 1
	}
	switch {
	case strings.Contains(msg, "UTF-8"):
		// go-yaml decodes the input ahead of the token it reads, and
		// says where that token is.
		if off := jsonx.FirstNotUTF8(data); off >= 0 {
			line, col = position(data, off)
			msg = fmt.Sprintf("invalid UTF-8 (byte %#02x)", data[off])
		}
	case msg == "control characters are not allowed":
		if off := firstControl(data); off >= 0 {
			r, _ := utf8.DecodeRune(data[off:])
			line, col = position(data, off)
			msg = fmt.Sprintf("control character %U is not allowed", r)
		}
	}
	*f.errs = append(*f.errs, &talk.RecordError{Path: f.path, Line: line, Column: col, Err: errors.New("rubyevents: invalid YAML: " + msg)})
}

// parserProblems are the messages of go-yaml's parser, whose lines count
// from 0; its scanner's and reader's do not repeat them.
var parserProblems = map[string]bool{
	"did not find expected <stream-start>":   true,
	"did not find expected <document start>": true,
	"did not find expected node content":     true,
	"did not find expected key":              true,
	"did not find expected '-' indicator":    true,
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"found duplicate %YAML directive":        true,
	"found duplicate %TAG directive":         true,
	"found incompatible YAML document":       true,
	"found undefined tag handle":             true,
}

// scannerProblem reports whether msg is one of go-yaml's scanner's
// messages, which start so, where its reader's ("invalid leading UTF-8
// octet", "control characters are not allowed") and the others of no
// place ("unknown anchor 'a' referenced") do not.
func scannerProblem(msg string) bool {
	for _, p := range []string{"found ", "did not find ", "could not find ", "mapping ", "block sequence ", "exceeded max depth"} {
		if strings.HasPrefix(msg, p) {
			return true
		}
	}
	return false
}

// firstControl returns the offset of the first character of data that
// YAML does not allow (a control character but tab, newline, carriage
// return and NEL; a surrogate; U+FFFE and U+FFFF), or -1. data is UTF-8
// up to it; data in UTF-16 (with its byte order mark) is not looked at.
func firstControl(data []byte) int {
	if bytes.HasPrefix(data, []byte{0xfe, 0xff}) || bytes.HasPrefix(data, []byte{0xff, 0xfe}) {
		return -1
	}
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == '\t' || r == '\n' || r == '\r' || r == 0x85:
		case r == utf8.RuneError && size == 1:
			return i // not UTF-8, where a U+FFFD written as such is allowed
		case r >= 0x20 && r <= 0x7e, r >= 0xa0 && r <= 0xd7ff, r >= 0xe000 && r <= 0xfffd, r >= 0x10000 && r <= 0x10ffff:
		default:
			return i
		}
		i += size
	}
	return -1
}

// position returns the line of the byte at off in data, and its column
// in characters, as go-yaml counts the columns of the nodes: a byte
// order mark at the start of data is none.
func position(data []byte, off int) (line, col int) {
	head := data[:off]
	start := bytes.LastIndexByte(head, '\n') + 1
	text := head[start:]
	if start == 0 {
		text = bytes.TrimPrefix(text, []byte("\ufeff"))
	}
	return 1 + bytes.Count(head, []byte{'\n'}), 1 + utf8.RuneCount(text)
}

// countNodes returns the number of nodes in n's tree, not following
// aliases, and notes the count of every anchored node on the way.
func (f *file) countNodes(n *yaml.Node) int {
	count := 1
	for _, c := range n.Content {
		count += f.countNodes(c)
	}
	if n.Anchor != "" {
		f.anchorNodes[n] = count
	}
	return count
}

// resolve follows aliases, refusing chains deeper than a few steps. Each
// alias followed spends its anchor's nodes from the file's alias budget;
// once that has run out, an alias resolves to nil (null).
func (f *file) resolve(n *yaml.Node) *yaml.Node {
	for depth := 0; n != nil && n.Kind == yaml.AliasNode && depth < 8; depth++ {
		cost, ok := f.anchorNodes[n.Alias]
		if !ok {
			cost = f.countNodes(n.Alias)
		}
		if cost > f.aliasBudget {
			if !f.overAliased {
				f.overAliased = true
				f.add(n, "aliases repeat more than %d values; this one, and each alias beyond the limit, read as null", f.aliasLimit)
			}
			f.aliasBudget = 0
			return nil
		}
		f.aliasBudget -= cost
		n = n.Alias
	}
	return n
}

// pairs returns a mapping's keys and values. A key given twice is
// reported and read once, with its last value, as Ruby's Psych reads it
// (go-yaml's Node API lets both through, and the readers would take
// both, or the last without a word); a key that is not text ("[a, b]:",
// "? {k: v}") is reported and left out, since no member has such a name.
func (f *file) pairs(n *yaml.Node) [][2]*yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		if n != nil {
			f.add(n, "want a mapping, got %s", kindName(n))
		}
		return nil
	}
	report := !f.keysChecked[n]
	f.keysChecked[n] = true
	var out, merged [][2]*yaml.Node
	at := make(map[string]int, len(n.Content)/2) // each key's index in out
	inMerged := map[string]bool{}                // the keys of merged, looked up once a key
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := f.resolve(n.Content[i]), f.resolve(n.Content[i+1])
		switch {
		case k == nil || k.Kind != yaml.ScalarNode:
			if report {
				k := cmp.Or(k, n.Content[i])
				f.add(k, "a key must be text, got %s; its member is left out", kindName(k))
			}
			continue
		case k.ShortTag() != "!!merge":
			if j, dup := at[k.Value]; dup {
				if report {
					first := out[j][0]
					f.add(k, "%s: given again (first at line %d, column %d); the last is read", k.Value, first.Line, first.Column)
				}
				out[j] = [2]*yaml.Node{k, v}
				continue
			}
			at[k.Value] = len(out)
			out = append(out, [2]*yaml.Node{k, v})
			continue
		}
		// A merge key ("<<: *defaults", or a list of them) brings in
		// the members of its mappings that the mapping does not have
		// itself; the first of the list wins.
		srcs := []*yaml.Node{v}
		if v != nil && v.Kind == yaml.SequenceNode {
			srcs = f.list(v, "<<")
		}
		for _, src := range srcs {
			for _, kv := range f.pairs(src) {
				if !inMerged[kv[0].Value] {
					inMerged[kv[0].Value] = true
					merged = append(merged, kv)
				}
			}
		}
	}
	if len(merged) == 0 {
		return out
	}
	own := make(map[string]bool, len(out))
	for _, kv := range out {
		own[kv[0].Value] = true
	}
	for _, kv := range merged {
		if !own[kv[0].Value] {
			out = append(out, kv)
		}
	}
	return out
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.ShortTag() == "!!null" {
			return "null"
		}
		return "a scalar"
	}
	return "an alias"
}

// text returns a scalar's value ("" for null); anything else is an error.
func (f *file) text(n *yaml.Node, key string) (string, bool) {
	if n == nil || n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" {
		return "", true
	}
	if n.Kind != yaml.ScalarNode {
		f.add(n, "%s: want text, got %s", key, kindName(n))
		return "", false
	}
	return n.Value, true
}

// keptText is text for a value the model holds: one of the wrong kind is
// reported, as text reports it, and kept in extra (under key, or
// "rubyevents_"+key when fields has it), so that nothing is lost.
func (f *file) keptText(v *yaml.Node, key string, extra *map[string]json.RawMessage, fields []string) (string, bool) {
	s, ok := f.text(v, key)
	if !ok {
		f.setExtra(extra, fields, key, v)
	}
	return s, ok
}

// list returns a sequence's items (none for null).
func (f *file) list(n *yaml.Node, key string) []*yaml.Node {
	if n == nil || n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		f.add(n, "%s: want a list, got %s", key, kindName(n))
		return nil
	}
	out := make([]*yaml.Node, len(n.Content))
	for i, c := range n.Content {
		out[i] = f.resolve(c)
	}
	return out
}

// maxExtraDepth bounds the nesting of a value kept in Extra.
const maxExtraDepth = 64

// toJSON converts a YAML value for an Extra map. Scalars keep their YAML
// type: numbers and booleans as such, everything else as strings. A
// value nested deeper than maxExtraDepth is kept as null, which the
// first in a file reports.
func (f *file) toJSON(n *yaml.Node, depth int) any {
	n = f.resolve(n)
	if n == nil {
		return nil
	}
	if depth > maxExtraDepth {
		if !f.tooDeep {
			f.tooDeep = true
			f.add(n, "a value nested more than %d deep; it and any other so deep in the file are kept as null", maxExtraDepth)
		}
		return nil
	}
	switch n.Kind {
	case yaml.MappingNode:
		m := make(map[string]any)
		for _, kv := range f.pairs(n) {
			m[kv[0].Value] = f.toJSON(kv[1], depth+1)
		}
		return m
	case yaml.SequenceNode:
		l := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			l = append(l, f.toJSON(c, depth+1))
		}
		return l
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!null":
			return nil
		case "!!bool":
			return n.Value == "true" || n.Value == "True" || n.Value == "TRUE"
		case "!!int", "!!float":
			if _, err := strconv.ParseFloat(n.Value, 64); err == nil && json.Valid([]byte(n.Value)) {
				return json.Number(n.Value)
			}
		}
		return n.Value
	}
	return nil
}

// setExtra keeps a YAML value in an Extra map, under prefix+key when key
// is one of the model's own JSON members (which its writer would drop).
func (f *file) setExtra(extra *map[string]json.RawMessage, fields []string, key string, n *yaml.Node) {
	f.keep(extra, fields, key, f.toJSON(n, 0))
}

// setExtraItems keeps the items of a list that the model did not take,
// each with its index in the list, in an Extra map as setExtra keeps a
// value: [{"index": 1, "item": {"name": "Bob"}}]. The items the model
// took are not kept again: with them, these make the list as it was.
func (f *file) setExtraItems(extra *map[string]json.RawMessage, fields []string, key string, list []*yaml.Node, left []int) {
	if len(left) == 0 {
		return
	}
	items := make([]any, len(left))
	for i, at := range left {
		items[i] = map[string]any{"index": at, "item": f.toJSON(list[at], 0)}
	}
	f.keep(extra, fields, key, items)
}

// keep sets the JSON of v, unless it is nil, in an Extra map, under
// prefix+key when key is one of fields.
func (f *file) keep(extra *map[string]json.RawMessage, fields []string, key string, v any) {
	if v == nil {
		return
	}
	raw, err := json.Marshal(v)
	if err != nil {
		return
	}
	for _, f := range fields {
		if strings.EqualFold(f, key) {
			key = "rubyevents_" + key
			break
		}
	}
	if *extra == nil {
		*extra = make(map[string]json.RawMessage)
	}
	(*extra)[key] = jsonx.Compact(raw)
}

var (
	eventFields   = []string{"id", "title", "series", "description", "start", "end", "time_zone", "place", "url"}
	talkFields    = []string{"id", "title", "subtitle", "slug", "kind", "track", "speakers", "event", "recorded", "duration", "language", "place", "summary", "description", "markup", "tags", "videos", "slides", "links", "thumbnail", "license", "recording", "parts", "legacy"}
	speakerFields = []string{"name", "given_name", "family_name", "slug", "affiliation", "bio", "homepage", "orcid", "accounts", "image"}
)

// Speakers is the speaker directory (data/speakers.yml) by name, with
// every alias as another key for the same speaker.
type Speakers map[string]talk.Speaker

// ParseSpeakers reads data/speakers.yml. path names the file in errors.
func ParseSpeakers(data []byte, path string) (Speakers, error) {
	var errs talk.ErrorList
	f := &file{path: path, errs: &errs}
	out := Speakers{}
	named := map[string]*yaml.Node{} // where each speaker's name is
	type alias struct {
		name  string
		node  *yaml.Node
		owner string
	}
	var aliases []alias // in the order given, to be keys once every name is
	for _, item := range f.list(f.parse(data), "speakers") {
		var s talk.Speaker
		var own []alias
		var nameNode *yaml.Node
		text := func(v *yaml.Node, k string) (string, bool) { return f.keptText(v, k, &s.Extra, speakerFields) }
		for _, kv := range f.pairs(item) {
			k, v := kv[0].Value, kv[1]
			switch k {
			case "name":
				s.Name, _ = text(v, k)
				nameNode = v
			case "slug":
				s.Slug, _ = text(v, k)
			case "bio":
				s.Bio, _ = text(v, k)
			case "website":
				s.Homepage, _ = text(v, k)
			case "github", "twitter", "mastodon", "bluesky", "linkedin", "speakerdeck":
				if h, ok := text(v, k); ok && h != "" {
					s.Accounts = append(s.Accounts, account(k, h))
				}
			case "aliases":
				// Each alias is a mapping with a name (and a slug); the
				// list is kept whole in Extra, and an alias with no name
				// to look the speaker up by is reported, since a talk
				// naming the speaker so would not find them.
				for i, a := range f.list(v, k) {
					name, named := "", true // named: no wrong-kind name reported already
					if a != nil && a.Kind == yaml.MappingNode {
						for _, akv := range f.pairs(a) {
							if akv[0].Value == "name" {
								name, named = f.text(akv[1], "aliases: name")
							}
						}
					}
					switch {
					case a == nil:
						// An alias beyond the budget, which reads as
						// null: reported as null is, at its place.
						f.add(v.Content[i], "aliases: want a mapping with a name, got null")
					case a.Kind != yaml.MappingNode:
						f.add(a, "aliases: want a mapping with a name, got %s", kindName(a))
					case !named:
					case name == "":
						f.add(a, "aliases: an alias without a name")
					default:
						own = append(own, alias{name, a, ""})
					}
				}
				f.setExtra(&s.Extra, speakerFields, k, v)
			default:
				f.setExtra(&s.Extra, speakerFields, k, v)
			}
		}
		if s.Name == "" {
			f.add(item, "a speaker without a name")
			continue
		}
		// A name given twice would leave talks naming it to the last
		// speaker of it without a word.
		if first, dup := named[s.Name]; dup {
			f.add(nameNode, "speaker %q again (first at line %d, column %d); the last is read", s.Name, first.Line, first.Column)
		}
		named[s.Name] = cmp.Or(nameNode, item)
		out[s.Name] = s
		for _, a := range own {
			a.owner = s.Name
			aliases = append(aliases, a)
		}
	}
	// An alias never takes a speaker's name, nor another speaker's alias
	// given before it; either is reported, since a talk naming it is not
	// the alias's speaker's.
	for _, a := range aliases {
		taken, ok := out[a.name]
		switch {
		case !ok:
			out[a.name] = out[a.owner]
		case taken.Name == a.owner:
		case named[a.name] != nil:
			f.add(a.node, "aliases: %q is the name of another speaker; talks naming it are theirs, not %q's", a.name, a.owner)
		default:
			f.add(a.node, "aliases: %q is an alias of %q too; talks naming it are theirs, not %q's", a.name, taken.Name, a.owner)
		}
	}
	return out, errs.Err()
}

// account makes an Account of a speakers.yml handle; mastodon is given as
// a profile URL there, the others as user names.
func account(service, handle string) talk.Account {
	a := talk.Account{Service: service, Handle: strings.TrimPrefix(handle, "@")}
	if strings.HasPrefix(handle, "http://") || strings.HasPrefix(handle, "https://") {
		a.URL = handle
		a.Handle = path.Base(strings.TrimSuffix(handle, "/"))
		return a
	}
	switch service {
	case "github":
		a.URL = "https://github.com/" + a.Handle
	case "twitter":
		a.URL = "https://twitter.com/" + a.Handle
	case "bluesky":
		a.URL = "https://bsky.app/profile/" + a.Handle
	case "linkedin":
		a.URL = "https://www.linkedin.com/in/" + a.Handle
	case "speakerdeck":
		a.URL = "https://speakerdeck.com/" + a.Handle
	}
	return a
}

// ParseEvent reads data/<series>/<event>/event.yml. The event's ID is the
// name of the directory the file is in; path names the file in errors.
func ParseEvent(data []byte, path string) (*talk.Event, error) {
	var errs talk.ErrorList
	f := &file{path: path, errs: &errs}
	ev := &talk.Event{ID: dirName(path), Origin: talk.Origin{Format: FormatName, Path: path}}
	f.event(f.parse(data), ev)
	return ev, errs.Err()
}

func (f *file) event(n *yaml.Node, ev *talk.Event) {
	text := func(v *yaml.Node, k string) (string, bool) { return f.keptText(v, k, &ev.Extra, eventFields) }
	for _, kv := range f.pairs(n) {
		k, v := kv[0].Value, kv[1]
		switch k {
		case "title":
			ev.Title, _ = text(v, k)
		case "description":
			ev.Description, _ = text(v, k)
		case "website":
			ev.URL, _ = text(v, k)
		case "timezone":
			if z, ok := text(v, k); ok && z != "" {
				if _, ok := zone.Load(z); !ok {
					f.add(v, "timezone %q is not an IANA time zone", z)
					f.setExtra(&ev.Extra, eventFields, k, v)
				} else {
					ev.TimeZone = z
				}
			}
		case "start_date", "end_date":
			d := f.date(v, k, &ev.Extra)
			if k == "start_date" {
				ev.Start = d
			} else {
				ev.End = d
			}
		case "location":
			if s, ok := text(v, k); ok && s != "" {
				if p, ok := place(s); ok {
					venue := ev.Place.Venue
					ev.Place = p
					ev.Place.Venue = venue
				} else {
					f.setExtra(&ev.Extra, eventFields, k, v)
				}
			}
		case "venue":
			ev.Place.Venue, _ = text(v, k)
		default:
			f.setExtra(&ev.Extra, eventFields, k, v)
		}
	}
}

// place splits RubyEvents' "City, Region, Country", "City, Country" or,
// for the United States, "City, ST" (the state's postal code, "Detroit,
// MI": Region "MI", Country "US", as RubyEvents reads it, where the code
// would otherwise pass for a country, California's "CA" for Canada). It
// reports false for the locations RubyEvents reads as no place at all
// ("online", "earth", "unknown"), which are then kept in Extra.
func place(s string) (talk.Place, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "online", "earth", "unknown":
		return talk.Place{}, false
	}
	parts := strings.Split(s, ",")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	switch len(parts) {
	case 1:
		return talk.Place{City: parts[0]}, true
	case 2:
		if usStates[parts[1]] {
			return talk.Place{City: parts[0], Region: parts[1], Country: "US"}, true
		}
		return talk.Place{City: parts[0], Country: parts[1]}, true
	}
	return talk.Place{City: strings.Join(parts[:len(parts)-2], ", "), Region: parts[len(parts)-2], Country: parts[len(parts)-1]}, true
}

// usStates are the postal codes of the states, districts and territories
// of the United States (ISO 3166-2:US), which RubyEvents writes after a
// city of the United States in place of the country.
var usStates = func() map[string]bool {
	m := map[string]bool{}
	for _, c := range strings.Fields(`AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD
		MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA
		WV WI WY DC AS GU MP PR UM VI`) {
		m[c] = true
	}
	return m
}()

func (f *file) date(v *yaml.Node, key string, extra *map[string]json.RawMessage) talk.Date {
	s, ok := f.text(v, key)
	if !ok || s == "" || s == "TODO" {
		if !ok || s == "TODO" {
			f.setExtra(extra, nil, key, v)
		}
		return talk.Date{}
	}
	d, err := talk.ParseDate(rfc3339(s))
	if err != nil {
		f.addCause(v, err, "%s: %s", key, strings.TrimPrefix(err.Error(), "talk: "))
		f.setExtra(extra, nil, key, v)
	}
	return inUTC(d)
}

// inUTC gives a date-time written without a zone ("2024-04-16 10:00:00")
// the offset of UTC, as RubyEvents itself reads it: Ruby's YAML loader
// (Psych) reads such a YAML timestamp in UTC, as YAML 1.1 says a timestamp
// without a zone is, and Rails reads such text in the application's
// Time.zone, which RubyEvents leaves at its default, UTC. A talk's day is
// unchanged by it (RubyEvents keeps a talk's date as a day), and the time
// is no longer a wall clock of no place, which calendars and structured
// data would each read in a zone of their own.
func inUTC(d talk.Date) talk.Date {
	if d.Precision() != talk.DateTime {
		return d
	}
	return talk.DateTimeOf(d.Time(), true)
}

// rfc3339 rewrites a date-time whose zone follows a space, as Ruby's
// Time#to_s ("2024-04-16 10:00:00 UTC", "... +0900") and YAML timestamps
// ("2001-12-14 21:59:43.10 -5") write it, in the form of RFC 3339 that
// [talk.ParseDate] reads ("...Z", "...+09:00", "...-05:00"). Other text
// is returned as it is.
func rfc3339(s string) string {
	i := strings.LastIndexByte(s, ' ')
	if i < 0 {
		return s
	}
	head, zone := s[:i], s[i+1:]
	utc := zone == "UTC" || zone == "Z" || zone == "GMT"
	switch {
	case !strings.Contains(head, ":"):
		if utc {
			return head // a day "in UTC" is the day
		}
		return s // a date, or a date and a time without a zone
	case utc:
		return head + "Z"
	case len(zone) < 2 || zone[0] != '+' && zone[0] != '-':
		return s
	}
	sign, hm := zone[:1], zone[1:]
	h, m, colon := strings.Cut(hm, ":")
	if !colon && len(hm) == 4 {
		h, m = hm[:2], hm[2:]
	} else if !colon {
		m = "00"
	}
	if len(h) == 1 {
		h = "0" + h
	}
	if len(h) != 2 || len(m) != 2 {
		return s
	}
	return head + sign + h + ":" + m
}

func dirName(p string) string {
	d := path.Dir(p)
	if d == "." || d == "/" {
		return ""
	}
	return path.Base(d)
}
