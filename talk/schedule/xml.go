package schedule

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/ianaindex"
	"golang.org/x/text/encoding/unicode"

	"github.com/talkmeta/talkmeta/internal/errs"
	"github.com/talkmeta/talkmeta/talk"
)

// ParseXML reads a schedule in the frab schedule XML form with the zero
// [Reader]; see [Reader.ParseXML].
func ParseXML(data []byte, path string) (*Schedule, error) { return Reader{}.ParseXML(data, path) }

// ParseXML reads a schedule in the frab schedule XML form (schedule.xml,
// described by the c3voc's schedule.xml.xsd), as frab, pretalx and
// pentabarf export it. It maps it exactly as [Reader.ParseJSON] maps the
// JSON form, and reports problems the same way, with line and column (but
// no JSON pointer), in the order of the document. A document in UTF-16,
// which starts with a byte order mark, or declared in another encoding
// than UTF-8 (ISO-8859-1, windows-1252...) is decoded; its columns count
// the bytes of the source after the mark, as in UTF-8. A declaration of
// another encoding than the byte order mark's is reported, and the mark
// is followed (an editor that saves a file "as UTF-8 with BOM" leaves
// the declaration as it was), unless the mark is UTF-8's and the text is
// not UTF-8: then the declaration is. The line breaks and indentation that lay a
// value out on lines of its own are not the value's, and what the format
// has no place for (text among <persons>) is reported and kept: see the
// package documentation.
func (r Reader) ParseXML(data []byte, path string) (*Schedule, error) {
	if err := r.tooBig(data, path); err != nil {
		return &Schedule{}, err
	}
	p := &problems{path: path}
	root, err := readXML(data, p)
	if err != nil {
		var xe *xmlError
		re := &talk.RecordError{Path: path, Err: fmt.Errorf("schedule: %w", err)}
		if errors.As(err, &xe) {
			re.Line, re.Column, re.Err = xe.line, xe.col, &errs.Worded{Msg: "schedule: " + xe.msg, Cause: xe.cause}
		}
		return &Schedule{}, talk.ErrorList{re}
	}
	if root.name != "schedule" {
		p.add(root.pos(&node{}), "", "the root element is <%s>, want <schedule>", root.name)
		return &Schedule{}, p.list.Err()
	}
	m := &mapper{problems: p, format: XMLFormat}
	s := m.schedule(xmlTree(root, p))
	// The tree's problems come before the mapping's: in the order of
	// the document they are easier to follow.
	slices.SortStableFunc(p.list, func(a, b *talk.RecordError) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
	})
	return s, p.list.Err()
}

// Parse reads a schedule in either form with the zero [Reader]; see
// [Reader.Parse].
func Parse(data []byte, path string) (*Schedule, error) { return Reader{}.Parse(data, path) }

// Parse reads a schedule in either form, telling them apart by their first
// character ('<' for XML), after a byte order mark of UTF-8 or UTF-16, and
// reads it as [Reader.ParseXML] or [Reader.ParseJSON] does, within r's
// MaxBytes. XML may be UTF-16; JSON must be UTF-8 (RFC 8259), and JSON in
// UTF-16 is an error that says so.
func (r Reader) Parse(data []byte, path string) (*Schedule, error) {
	bom, head := byteOrderMark(data)
	if bom != nil && bom != unicode.UTF8 {
		// Enough to find the first character after white space; a
		// cut surrogate pair at the end decodes to U+FFFD.
		head, _ = bom.NewDecoder().Bytes(head[:min(len(head), 512)&^1])
	}
	if t := bytes.TrimLeft(head, " \t\r\n"); len(t) > 0 && t[0] == '<' {
		return r.ParseXML(data, path)
	}
	return r.ParseJSON(data, path)
}

// element is one XML element as read, before it is given the JSON form's
// shape.
type element struct {
	name      string
	attrs     []xml.Attr
	children  []*element
	text      strings.Builder
	line, col int
	// Where the first of the text that is not white space starts, for
	// a problem with text where the format has only elements.
	textLine, textCol int
}

func (e *element) attr(name string) (string, bool) {
	for _, a := range e.attrs {
		if a.Name.Local == name {
			return a.Value, true
		}
	}
	return "", false
}

type xmlError struct {
	line, col int
	msg       string
	cause     error // what the message words, for errors.As; nil for a syntax error
}

func (e *xmlError) Error() string { return fmt.Sprintf("%d:%d: %s", e.line, e.col, e.msg) }

// readXML reads the document into elements, refusing nesting deeper than
// maxDepth so that hostile input cannot exhaust memory. A document in
// another encoding than UTF-8 is decoded as its byte order mark or else
// its declaration says (see [byteOrderMark]); a declaration that names
// another encoding than the mark is reported to p.
func readXML(data []byte, p *problems) (*element, error) {
	bom, data := byteOrderMark(data)
	var src io.Reader = bytes.NewReader(data)
	var tr *transcript
	if bom != nil && bom != unicode.UTF8 {
		tr = &transcript{enc: bom, line: 1, col: 1}
		src = io.TeeReader(bom.NewDecoder().Reader(src), tr)
	}
	// A declaration that names another encoding than the mark, and
	// the encoding the document is read in all the same.
	var contradicted, readAs string
	d := xml.NewDecoder(src)
	d.Strict = true
	d.CharsetReader = func(label string, input io.Reader) (io.Reader, error) {
		enc, err := encodingOf(label)
		if err != nil {
			return nil, err
		}
		if bom != nil {
			if sameScheme(enc, bom) {
				return input, nil // decoded already
			}
			// One of the two is wrong, and read as the other the
			// text would be garbled without a word. An editor that
			// saves a file "as UTF-8 with BOM" leaves the declaration
			// as it was: the text is UTF-8. A program that writes
			// ISO-8859-1 after a template's mark leaves the mark: the
			// text is not UTF-8, and the declaration is right. UTF-16
			// cannot be read as anything else.
			contradicted, readAs = label, schemeName(bom)
			if bom != unicode.UTF8 || utf8.Valid(data) {
				return input, nil
			}
			readAs = label
		}
		line, col := d.InputPos()
		tr = &transcript{enc: enc, line: line, col: col}
		return io.TeeReader(enc.NewDecoder().Reader(input), tr), nil
	}
	// at is the decoder's position in the source.
	at := func() (line, col int) {
		line, col = d.InputPos()
		if tr != nil {
			col = tr.column(line, col)
		}
		return line, col
	}
	var stack []*element
	var root *element
	for {
		line, col := at()
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			l, c := at()
			msg := err.Error()
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				msg = se.Msg
				switch {
				case strings.HasPrefix(msg, "invalid character entity") && strings.HasSuffix(msg, "(no semicolon)"):
					// Generators that paste names into a template
					// unescaped (pretalx's schedule.xml, for a track
					// such as "Art & Beauty") write a bare "&".
					msg += `: a "&" that starts no entity must be written "&amp;"; correct the text there, or read the schedule's JSON export, which has no such escape`
				case strings.HasPrefix(msg, "invalid character entity"):
					// HTML's names (&nbsp;, &eacute;) are no XML's.
					msg += `: XML has only &amp; &lt; &gt; &quot; &apos; and numeric references such as &#160;`
				}
			}
			return nil, &xmlError{l, c, "invalid XML: " + msg, nil}
		}
		switch tok := tok.(type) {
		case xml.ProcInst:
			// encoding/xml asks CharsetReader about every encoding but
			// UTF-8.
			if label := declaredEncoding(tok); bom != nil && bom != unicode.UTF8 && strings.EqualFold(label, "utf-8") {
				contradicted, readAs = label, schemeName(bom)
			}
			if contradicted != "" {
				p.add(&node{line: line, col: col}, "", "the document starts with the byte order mark of %s but declares encoding %q; read as %s", schemeName(bom), contradicted, readAs)
				contradicted = ""
			}
		case xml.StartElement:
			if len(stack) >= maxDepth {
				le := depthError()
				return nil, &xmlError{line, col, le.Error(), le}
			}
			e := &element{name: tok.Name.Local, attrs: tok.Attr, line: line, col: col}
			if len(stack) == 0 {
				if root != nil {
					return nil, &xmlError{line, col, "invalid XML: more than one root element", nil}
				}
				root = e
			} else {
				parent := stack[len(stack)-1]
				parent.children = append(parent.children, e)
			}
			stack = append(stack, e)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				e := stack[len(stack)-1]
				if e.textLine == 0 {
					e.textLine, e.textCol = textStart(tok, line, col)
				}
				e.text.Write(tok)
			} else if len(bytes.TrimSpace(tok)) > 0 {
				return nil, &xmlError{line, col, "invalid XML: text outside the root element", nil}
			}
		}
	}
	if root == nil {
		return nil, &xmlError{1, 1, "invalid XML: no root element", nil}
	}
	return root, nil
}

// textStart returns where the first character of text that is not
// white space is, text starting at line:col; 0, 0 when it is all white
// space.
func textStart(text []byte, line, col int) (int, int) {
	for _, c := range text {
		switch c {
		case '\n':
			line, col = line+1, 1
		case ' ', '\t', '\r':
			col++
		default:
			return line, col
		}
	}
	return 0, 0
}

// byteOrderMark returns the encoding the byte order mark at the start of
// data names (UTF-8, UTF-16BE or UTF-16LE), and data after the mark; the
// encoding is nil when data has no mark. XML allows a mark, and requires
// one of a document in UTF-16, which Windows tools write.
func byteOrderMark(data []byte) (encoding.Encoding, []byte) {
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		return unicode.UTF8, data[3:]
	case bytes.HasPrefix(data, []byte("\xfe\xff")):
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), data[2:]
	case bytes.HasPrefix(data, []byte("\xff\xfe")):
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), data[2:]
	}
	return nil, data
}

// declaredEncoding returns the encoding that p, if it is the XML
// declaration, names; "" when it names none.
func declaredEncoding(p xml.ProcInst) string {
	if p.Target != "xml" {
		return ""
	}
	_, rest, ok := bytes.Cut(p.Inst, []byte("encoding"))
	rest = bytes.TrimLeft(rest, " \t\r\n")
	if !ok || !bytes.HasPrefix(rest, []byte("=")) {
		return ""
	}
	rest = bytes.TrimLeft(rest[1:], " \t\r\n")
	if len(rest) == 0 || rest[0] != '"' && rest[0] != '\'' {
		return ""
	}
	label, _, ok := bytes.Cut(rest[1:], rest[:1])
	if !ok {
		return ""
	}
	return string(label)
}

// schemeName names an encoding a byte order mark gives: "UTF-8", or
// "UTF-16" of either byte order, which a declaration names alike.
func schemeName(e encoding.Encoding) string {
	if e == unicode.UTF8 {
		return "UTF-8"
	}
	return "UTF-16"
}

// sameScheme reports whether the declared encoding decl is the scheme of
// the byte order mark's encoding bom: a declaration of "UTF-16" is either
// byte order, as the mark tells them apart.
func sameScheme(decl, bom encoding.Encoding) bool {
	name, err := htmlindex.Name(decl)
	if err != nil {
		return false
	}
	return strings.EqualFold(strings.TrimSuffix(strings.TrimSuffix(name, "le"), "be"), schemeName(bom))
}

// encodingOf returns the encoding a document declares, by the names the
// WHATWG Encoding Standard and the IANA registry give it (older frab and
// pentabarf exports are in ISO-8859-1).
func encodingOf(label string) (encoding.Encoding, error) {
	enc, err := htmlindex.Get(label)
	if err != nil {
		if enc, err = ianaindex.IANA.Encoding(label); err != nil || enc == nil {
			return nil, fmt.Errorf("unknown encoding %q", label)
		}
	}
	return enc, nil
}

// transcript keeps the text a decoder of a declared encoding has given
// encoding/xml, which counts columns in the bytes of that UTF-8 text, so
// that a column can be told in the bytes of the source, as it is in a
// document in UTF-8. The text starts at line:col of the document, after
// the declaration that named the encoding.
type transcript struct {
	enc       encoding.Encoding
	line, col int
	text      []byte
	starts    []int // the offset in text of each line after its first
	scanned   int   // how much of text starts covers
	// The last column found, which the next one, never before it, goes
	// on from, so that a document on one long line takes linear time.
	last struct{ line, end, col int }
}

func (t *transcript) Write(p []byte) (int, error) {
	t.text = append(t.text, p...)
	return len(p), nil
}

// column returns the source column of the column col of line in the
// decoded text: the length in the source encoding of the line's text
// before it. A position before the text, or one the encoding cannot
// write back, is returned as it is. (The text is written back from the
// last column found on, so a stateful encoding such as ISO-2022-JP may
// count a few bytes more than its source has.)
func (t *transcript) column(line, col int) int {
	for i := t.scanned; i < len(t.text); i++ {
		if t.text[i] == '\n' {
			t.starts = append(t.starts, i+1)
		}
	}
	t.scanned = len(t.text)
	n := line - t.line
	if n < 0 || n > len(t.starts) {
		return col
	}
	start, first := 0, t.col // where the line's text starts, and its column
	if n > 0 {
		start, first = t.starts[n-1], 1
	}
	end := start + col - first
	if end < start || end > len(t.text) {
		return col
	}
	if t.last.line == line && (t.last.end == end || t.last.end < end && utf8.RuneStart(t.text[t.last.end])) {
		start, first = t.last.end, t.last.col
	}
	src, err := t.enc.NewEncoder().Bytes(t.text[start:end])
	if err != nil {
		return col
	}
	t.last.line, t.last.end, t.last.col = line, end, first+len(src)
	return t.last.col
}

func (e *element) pos(n *node) *node {
	n.line, n.col = e.line, e.col
	return n
}

// textNode is the element's text as a string node, without the white
// space an XML writer lays it out with when it puts a value on lines of
// its own: the line breaks and indentation around it and, in a long text
// ([longText]), the indentation its lines share. A space on the value's
// own line is the value's (JSON exports keep such spaces too), and so is
// the indentation of a long text that starts on the element's line,
// since in Markdown or reStructuredText it may be markup.
func (e *element) textNode() *node {
	s := e.text.String()
	if end := len(strings.TrimRight(s, " \t\r\n")); layout(s[end:]) {
		s = s[:end]
	}
	if lead := len(s) - len(strings.TrimLeft(s, " \t\r\n")); layout(s[:lead]) {
		if longText(e.name) {
			s = dedent(s)
		} else {
			s = s[lead:]
		}
	}
	return e.pos(str(s))
}

// layout reports whether white space around a value is an XML writer's
// layout: it breaks the line. A carriage return is never layout: the
// reader turns a line break written as CR LF into LF, so a CR in the text
// was written as &#xD; (as WriteXML writes one), to be kept.
func layout(space string) bool {
	return strings.Contains(space, "\n") && !strings.Contains(space, "\r")
}

// dedent removes the blank lines that start s and the indentation its
// lines share.
func dedent(s string) string {
	lines := strings.Split(s, "\n")
	for len(lines) > 0 && strings.TrimSpace(lines[0]) == "" {
		lines = lines[1:]
	}
	indent, found := "", false
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		ws := l[:len(l)-len(strings.TrimLeft(l, " \t"))]
		if !found {
			indent, found = ws, true
			continue
		}
		n := 0
		for n < len(indent) && n < len(ws) && indent[n] == ws[n] {
			n++
		}
		indent = indent[:n]
	}
	for i, l := range lines {
		lines[i] = strings.TrimPrefix(l, indent)
	}
	return strings.Join(lines, "\n")
}

// longText reports whether an element named name holds prose, whose white
// space may be Markdown or reStructuredText markup.
func longText(name string) bool {
	switch name {
	case "abstract", "description", "biography", "notes":
		return true
	}
	return false
}

// numberNode is the element's text (or an attribute) as a number node when
// it is an integer, or as a string node for the mapper to complain about.
func (e *element) numberNode(s string) *node {
	s = strings.TrimSpace(s)
	if s != "" && strings.Trim(s, "0123456789") == "" {
		if n := strings.TrimLeft(s, "0"); n != "" {
			return e.pos(num(n))
		}
		return e.pos(num("0"))
	}
	return e.pos(str(s))
}

// xmlTree gives the schedule.xml document the shape of the JSON form. What
// an element holds that the shape has no place for, such as text among
// the elements of <conference> or <persons>, is reported to p and kept
// (see [element.stray] and [element.list]).
func xmlTree(root *element, p *problems) *node {
	sched := root.pos(object())
	for _, a := range root.attrs {
		// Namespace declarations and xsi:noNamespaceSchemaLocation point
		// at the schema, as the JSON form's "$schema" does.
		if a.Name.Space == "" && a.Name.Local != "xmlns" {
			sched.set(a.Name.Local, root.pos(str(a.Value)))
		}
	}
	doc := root.pos(object(member{"schedule", sched}))
	var conf *node
	var days, dayRooms []*node
	for _, c := range root.children {
		switch c.name {
		case "generator":
			doc.add("generator", c.object(), c)
		case "conference":
			// A second conference element is read into the first, as
			// its children would be if the first had them twice.
			if conf == nil {
				conf = c.pos(object())
			}
			conferenceTree(c, conf, sched, p)
		case "day":
			days = append(days, dayTree(c, &dayRooms, p))
		default:
			sched.add(c.name, c.generic(), c)
		}
	}
	if t := root.stray(p); t != nil {
		sched.add("text", t, root)
	}
	if conf == nil {
		conf = root.pos(object())
	}
	if rooms := mergeRooms(conf, dayRooms, p); rooms != nil {
		conf.set("rooms", rooms)
	}
	conf.set("days", &node{kind: arrayNode, items: days, line: root.line, col: root.col})
	sched.set("conference", conf)
	return doc
}

// attrObject turns attributes into an object's members.
func (e *element) attrObject() *node {
	o := e.pos(object())
	for _, a := range e.attrs {
		o.set(a.Name.Local, e.pos(str(a.Value)))
	}
	return o
}

// generic converts an element the package has no rule for: text alone
// becomes a string, anything else an object (see object).
func (e *element) generic() *node {
	if len(e.attrs) == 0 && len(e.children) == 0 {
		return e.textNode()
	}
	return e.object()
}

// object converts an element into an object of its attributes and
// children (repeated children become an array), with any text as "text"
// (beside an attribute or child called text, if there is one).
func (e *element) object() *node {
	o := e.attrObject()
	for _, c := range e.children {
		o.add(c.name, c.generic(), c)
	}
	if t := strings.TrimSpace(e.text.String()); t != "" {
		o.add("text", e.pos(str(t)), e)
	}
	return o
}

// leaf is read(), the value of an element that holds text alone as the
// package reads it, unless the element has attributes or children: then
// it is what generic makes of it, an object, which the mapping reports
// where it wants a value, and keeps.
func (e *element) leaf(read func() *node) *node {
	if len(e.attrs) > 0 || len(e.children) > 0 {
		return e.generic()
	}
	return read()
}

// stray reports the text that e, an element the format gives child
// elements only, holds beside them, and returns it (without the white
// space around it) for the caller to keep; nil when there is none.
func (e *element) stray(p *problems) *node {
	t := e.strayText()
	if t != nil {
		p.add(t, "", "<%s> holds text %s, want only elements", e.name, excerpt(t.text))
	}
	return t
}

// strayText is e's text without the white space around it, placed where
// it starts; nil when there is none.
func (e *element) strayText() *node {
	s := strings.TrimSpace(e.text.String())
	if s == "" {
		return nil
	}
	return &node{kind: stringNode, text: s, line: e.textLine, col: e.textCol}
}

// excerpt quotes s for an error message, cut short when it is long.
func excerpt(s string) string {
	const most = 40
	if utf8.RuneCountInString(s) <= most {
		return strconv.Quote(s)
	}
	r := []rune(s)
	return strconv.Quote(string(r[:most])) + "..."
}

// list reads an element that lists items, such as <persons>, whose
// children named item are read by read. Its attributes, text in it and
// children of another name are reported and returned in rest, an object as object
// makes of them, for the Extra "unparsed" of the talk or event (see
// [node.keep]); rest is nil when there is neither. Text alone, without
// child elements, is read as one item when alone says what it is read as
// (the JSON form's persons may be names), and reported all the same.
func (e *element) list(item, alone string, read func(*element) *node, p *problems) (list, rest *node) {
	list = e.pos(&node{kind: arrayNode})
	if len(e.attrs) > 0 {
		names := make([]string, len(e.attrs))
		for i, a := range e.attrs {
			names[i] = a.Name.Local
		}
		p.add(e.pos(&node{}), "", "<%s> has attributes (%s), want none", e.name, strings.Join(names, ", "))
		rest = e.attrObject()
	}
	text := e.strayText()
	switch {
	case text != nil && len(e.children) == 0 && alone != "":
		p.add(text, "", "<%s> holds text %s, want <%s> elements; read as %s", e.name, excerpt(text.text), item, alone)
		list.items = append(list.items, text)
		return list, rest
	case text != nil:
		p.add(text, "", "<%s> holds text %s, want only <%s> elements", e.name, excerpt(text.text), item)
		if rest == nil {
			rest = e.pos(object())
		}
		rest.add("text", text, e)
	}
	for _, c := range e.children {
		if c.name == item {
			list.items = append(list.items, read(c))
			continue
		}
		p.add(c.pos(&node{}), "", "<%s> holds a <%s>, want only <%s> elements", e.name, c.name, item)
		if rest == nil {
			rest = e.pos(object())
		}
		rest.add(c.name, c.generic(), c)
	}
	return list, rest
}

// keep adds v, what an element held that the tree has no place for, to
// n's unread under name (see [node.unread]); a nil v is nothing to keep.
func (n *node) keep(name string, v *node) {
	if v == nil {
		return
	}
	if n.unread == nil {
		n.unread = object()
	}
	n.unread.addAt(name, v, v.line, v.col)
}

// add sets the member name of the object o to v, as set does, unless o has
// that member already: then the member becomes an array of the values in
// the order they come, and a list (an array v) adds its items to it. An
// XML element may repeat what the JSON form has once, and the mapping
// reports an array where it wants one value, and keeps it: a later
// element must not silently replace an earlier one. The array is placed
// at e, the repeated element. Only lists are arrays among the values the
// tree is built of, so an array already there is a list or one made here.
func (o *node) add(name string, v *node, e *element) { o.addAt(name, v, e.line, e.col) }

// addAt is add with the array placed at line:col.
func (o *node) addAt(name string, v *node, line, col int) {
	prev := o.get(name)
	switch {
	case prev == nil:
		o.set(name, v)
		return
	case prev.kind != arrayNode:
		prev = &node{kind: arrayNode, items: []*node{prev}, line: line, col: col}
		o.set(name, prev)
	}
	if v.kind == arrayNode {
		prev.items = append(prev.items, v.items...)
	} else {
		prev.items = append(prev.items, v)
	}
}

// conferenceTree adds the children of the conference element c to conf,
// and its base_url to sched; its attributes are members of conf, as
// generic reads an element's.
func conferenceTree(c *element, conf, sched *node, p *problems) {
	for _, a := range c.attrs {
		conf.add(a.Name.Local, c.pos(str(a.Value)), c)
	}
	var tracks []*node
	for _, f := range c.children {
		switch f.name {
		case "days":
			conf.add("daysCount", f.leaf(func() *node { return f.numberNode(f.text.String()) }), f)
		case "base_url":
			sched.add("base_url", f.leaf(f.textNode), f)
		case "color":
			conf.add("colors", f.object(), f)
		case "track":
			tracks = append(tracks, f.object())
		case "rooms":
			// The JSON form's list of rooms, each with the same
			// details as a day's <room>.
			list, rest := f.list("room", "", (*element).object, p)
			conf.add("rooms", list, f)
			conf.keep("rooms", rest)
		default:
			conf.add(f.name, f.generic(), f)
		}
	}
	if t := c.stray(p); t != nil {
		conf.add("text", t, c)
	}
	if tracks != nil {
		conf.add("tracks", &node{kind: arrayNode, items: tracks, line: c.line, col: c.col}, c)
	}
}

// mergeRooms returns the conference's rooms, as the JSON form lists them:
// those <conference><rooms> lists, with the guids and other details the
// <room> elements of the days (dayRooms, in order) give added to the room
// of their name, or added as rooms of their own (a room comes back every
// day, and is listed once). A detail that differs from one the room has
// (two guids for one room) is reported and kept in the conference's
// unread "rooms", and the room keeps the first: the conference's own
// list, then the days in order. It returns nil when there are no rooms.
// The rooms are found by name in a map: a search of the list for each
// <room> took time quadratic in the rooms.
func mergeRooms(conf *node, dayRooms []*node, p *problems) *node {
	listed := conf.get("rooms")
	if listed == nil && len(dayRooms) == 0 {
		return nil
	}
	rooms := &node{kind: arrayNode}
	if listed != nil {
		if listed.kind != arrayNode {
			return listed // the mapping keeps what it cannot read
		}
		rooms = listed
	}
	byName := map[string]*node{}
	for _, r := range rooms.items {
		if n := r.get("name"); n != nil && n.kind == stringNode && byName[n.text] == nil {
			byName[n.text] = r
		}
	}
	for _, d := range dayRooms {
		name := d.get("name")
		r := byName[scalar(name)]
		if name == nil || r == nil {
			rooms.items = append(rooms.items, d)
			if name != nil {
				byName[name.text] = d
			}
			continue
		}
		var clash *node
		for _, mem := range d.members {
			prev := r.get(mem.name)
			switch {
			case prev == nil:
				r.set(mem.name, mem.value)
			case !prev.equal(mem.value):
				p.add(mem.value, "", "room %q: %s %s differs from %s at line %d, which is kept",
					name.text, mem.name, mem.value.raw(), prev.raw(), prev.line)
				if clash == nil {
					clash = &node{kind: objectNode, members: []member{{"name", name}}, line: d.line, col: d.col}
				}
				clash.set(mem.name, mem.value)
			}
		}
		conf.keep("rooms", clash)
	}
	return rooms
}

// dayTree reads a day, adding the details of its rooms, for the
// conference's list of rooms, to rooms.
func dayTree(d *element, rooms *[]*node, p *problems) *node {
	day := d.pos(object())
	for _, a := range d.attrs {
		switch a.Name.Local {
		case "index":
			day.set("index", d.numberNode(a.Value))
		case "start", "end":
			day.set("day_"+a.Name.Local, d.pos(str(a.Value)))
		default:
			day.set(a.Name.Local, d.pos(str(a.Value)))
		}
	}
	rs := d.pos(object())
	// events returns the list of the events of the room called name,
	// which starts at the element e.
	events := func(name string, e *element) *node {
		list := rs.get(name)
		if list == nil {
			list = e.pos(&node{kind: arrayNode})
			rs.set(name, list)
		}
		return list
	}
	for _, r := range d.children {
		switch r.name {
		case "room":
		case "event":
			// An event a day lists outside a room is a talk all the
			// same, in the room its own <room> names.
			p.add(r.pos(&node{}), "", "<day> holds an <event> outside a <room>")
			list := events("", r)
			list.items = append(list.items, eventTree(r, p))
			continue
		default:
			day.add(r.name, r.generic(), r)
			continue
		}
		name, _ := r.attr("name")
		// A room's guid and other attributes, and its children other than
		// events, are the conference's, as the JSON form lists its rooms
		// there.
		o := r.attrObject()
		for _, c := range r.children {
			if c.name != "event" {
				o.add(c.name, c.generic(), c)
			}
		}
		if t := r.stray(p); t != nil {
			o.add("text", t, r)
		}
		if len(o.members) > 1 || len(o.members) == 1 && o.get("name") == nil {
			*rooms = append(*rooms, o)
		}
		list := events(name, r)
		for _, e := range r.children {
			if e.name == "event" {
				list.items = append(list.items, eventTree(e, p))
			}
		}
	}
	if t := d.stray(p); t != nil {
		day.add("text", t, d)
	}
	day.set("rooms", rs)
	return day
}

func eventTree(e *element, p *problems) *node {
	ev := e.pos(object())
	for _, a := range e.attrs {
		switch a.Name.Local {
		case "id":
			ev.set("id", e.numberNode(a.Value))
		default:
			ev.set(a.Name.Local, e.pos(str(a.Value)))
		}
	}
	for _, c := range e.children {
		switch c.name {
		case "persons":
			// Text alone in <persons>, as in <persons>Jane Doe</persons>,
			// is the speaker's name: the speakers are much of what a
			// schedule is read for, and a template that writes their
			// names as text is the likely cause. It is one name, not
			// split at commas or "and", which a name may hold ("Doe,
			// Jane"); the report says where to split it by hand.
			list, rest := c.list("person", "a person's name", personTree, p)
			ev.add("persons", list, c)
			ev.keep("persons", rest)
		case "links", "attachments":
			list, rest := c.list(strings.TrimSuffix(c.name, "s"), "", linkTree, p)
			ev.add(c.name, list, c)
			ev.keep(c.name, rest)
		case "recording":
			for _, a := range c.attrs {
				ev.add("recording_"+a.Name.Local, c.pos(str(a.Value)), c)
			}
			for _, f := range c.children {
				switch f.name {
				case "license":
					ev.add("recording_license", f.leaf(f.textNode), f)
				case "optout":
					ev.add("do_not_record", f.leaf(f.boolNode), f)
				case "url", "link":
					ev.add("recording_"+f.name, f.leaf(f.textNode), f)
				default:
					ev.add("recording_"+f.name, f.generic(), f)
				}
			}
			if t := c.stray(p); t != nil {
				ev.add("recording_text", t, c)
			}
		default:
			ev.add(c.name, c.generic(), c)
		}
	}
	if t := e.stray(p); t != nil {
		ev.add("text", t, e)
	}
	return ev
}

// boolNode is the element's text as a boolean node when it is one, as
// XML Schema writes them, or as a string node for the mapper to complain
// about.
func (e *element) boolNode() *node {
	switch s := strings.TrimSpace(e.text.String()); s {
	case "true", "1":
		return e.pos(&node{kind: boolNode, text: "true"})
	case "false", "0":
		return e.pos(&node{kind: boolNode, text: "false"})
	default:
		return e.pos(str(s))
	}
}

// personTree reads a <person>: its text is the name, unless it is empty
// and a name attribute or a <name> child gives it.
func personTree(p *element) *node {
	o := p.attrObject()
	if id := o.get("id"); id != nil {
		o.set("id", p.numberNode(id.text))
	}
	for _, f := range p.children {
		o.add(f.name, f.generic(), f)
	}
	if n := p.textNode(); n.text != "" || o.get("name") == nil {
		o.add("name", n, p)
	}
	return o
}

// linkTree reads a <link> or an <attachment>: href is the JSON form's
// url, unless the element has a url attribute too (then each keeps its
// name), and its text is the title, unless it is empty: an <attachment
// href="..."/> is {"url": "..."}, with no title, as WriteXML writes one.
func linkTree(l *element) *node {
	o := l.pos(object())
	href, hasHref := l.attr("href")
	_, hasURL := l.attr("url")
	if hasHref && !hasURL {
		o.set("url", l.pos(str(href)))
	}
	if n := l.textNode(); n.text != "" {
		o.add("title", n, l)
	}
	for _, a := range l.attrs {
		if a.Name.Local != "href" || hasURL {
			o.add(a.Name.Local, l.pos(str(a.Value)), l)
		}
	}
	for _, f := range l.children {
		o.add(f.name, f.generic(), f)
	}
	return o
}
