package rst

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// Level is how serious a Diagnostic is, on docutils' scale.
type Level int

// The levels of docutils' system messages. pyvideo's check, and package
// schema, fail a text for Warning and above; Info notes are not problems.
const (
	Info    Level = 1
	Warning Level = 2
	Error   Level = 3
	Severe  Level = 4
)

// String returns the level's name as docutils prints it: "WARNING".
func (l Level) String() string {
	switch l {
	case Info:
		return "INFO"
	case Warning:
		return "WARNING"
	case Error:
		return "ERROR"
	case Severe:
		return "SEVERE"
	}
	return fmt.Sprintf("Level(%d)", int(l))
}

// Diagnostic is one problem docutils would report about the text.
type Diagnostic struct {
	Line    int    // 1-based line of the text, as docutils reports it
	Offset  int    // byte offset in the text of the start of that line
	Level   Level  // Info, Warning, Error or Severe
	Message string // docutils' message, such as "Title underline too short."
}

// String formats the diagnostic as docutils does: "3: (WARNING/2) message".
func (d Diagnostic) String() string {
	return fmt.Sprintf("%d: (%s/%d) %s", d.Line, d.Level, int(d.Level), d.Message)
}

// Document is a parsed text: its blocks, and what docutils would report
// about it, in the order docutils reports it.
type Document struct {
	Children    []Block      // the top-level blocks, sections holding theirs
	Diagnostics []Diagnostic // in the order docutils reports them
	// Targets maps a hyperlink target's normalized name (lower case,
	// white space collapsed) to its URL, for references by name; a
	// directive's :name: option maps to "#" and the ID of the element
	// it names.
	Targets map[string]string
	// ids are the IDs given to the elements that directives name.
	ids map[string]bool
}

// Block is a block-level element: *Section, *Paragraph, *Transition,
// *BulletList, *EnumeratedList, *DefinitionList, *FieldList,
// *OptionList, *LiteralBlock, *LineBlock, *BlockQuote, *Table,
// *Admonition, *Footnote, *Image or *Figure.
type Block interface{ block() }

// Section is a titled part of the document. Level 1 is the first title
// style the text uses, 2 the second, and so on.
type Section struct {
	Level    int      // 1 for the first title style the text uses
	Title    []Inline // the title's text, without its adornment
	Children []Block  // the blocks up to the next title of this level or a higher one
	// ID is the id docutils makes of the title ("Other part" gives
	// "other-part"), which references to the title (`Other part`_)
	// link to.
	ID string
}

// Paragraph is running text.
type Paragraph struct{ Content []Inline }

// Transition is a thematic break: a line of four or more punctuation
// characters between paragraphs.
type Transition struct{}

// BulletList is an unordered list.
type BulletList struct{ Items [][]Block }

// EnumeratedList is an ordered list: Start is the first item's number,
// Style "arabic", "loweralpha", "upperalpha", "lowerroman" or
// "upperroman".
type EnumeratedList struct {
	Start int
	Style string
	Items [][]Block
}

// DefinitionList is a list of terms with their definitions.
type DefinitionList struct{ Items []Definition }

// Definition is one term of a DefinitionList.
type Definition struct {
	Term []Inline // the line the definition is indented under, less its classifiers
	// Classifiers are what follows the term after " : " on its line
	// ("name : str"), each of them, as docutils splits them off.
	Classifiers [][]Inline
	Definition  []Block // the indented blocks
}

// FieldList is a list of named fields (":Date: 2016-07-21").
type FieldList struct{ Fields []Field }

// Field is one field of a FieldList.
type Field struct {
	Name []Inline // the text between the colons
	Body []Block  // what follows the name, on its line and indented below
}

// OptionList is a list of command-line options and what they do, as a
// program's usage shows them ("-v, --verbose  Say more.").
type OptionList struct{ Items []OptionItem }

// OptionItem is one item of an OptionList: its options as written
// ("-v", "--file=NAME", "/V"), and their description.
type OptionItem struct {
	Options     []string
	Description []Block
}

// LiteralBlock is preformatted text: code, a doctest, a quoted block, or
// a table shown as drawn.
type LiteralBlock struct {
	Text string
	// Content is a parsed-literal directive's text with its inline
	// markup parsed, which shows instead of Text; nil for the others.
	Content []Inline
	ID      string // the id a directive's :name: option gives it, or ""
}

// LineBlock is a sequence of lines whose breaks matter, such as a poem or
// an address.
type LineBlock struct{ Lines [][]Inline }

// BlockQuote is an indented block, or the content of a directive that
// shows it as one (a container, a topic, a figure, a table...).
type BlockQuote struct {
	Children []Block
	// Attribution is whom the quote is by: its last paragraph, when that
	// starts with "--", "---" or an em dash, without the dash.
	Attribution []Inline
	ID          string // the id a directive's :name: option gives it, or ""
}

// Table is a grid or simple table: its rows of cells, and its text as
// drawn.
type Table struct {
	Caption []Inline      // the title a table directive gives it
	Head    [][]TableCell // the header rows, above a grid table's "+===+" or a simple table's second "=" border
	Body    [][]TableCell // the other rows
	Text    string        // the table as drawn (a csv-table's data), "" for a list-table
	ID      string        // the id a directive's :name: option gives it, or ""
	cols    int           // its columns, as docutils counts them for the table directive's widths
}

// TableCell is one cell of a Table: its content, and the columns and
// rows it spans (1 for one). A row holds the cells that start in it: a
// cell that spans rows from above is not repeated.
type TableCell struct {
	Children []Block
	ColSpan  int
	RowSpan  int
	Stub     bool // in a column a list-table's or csv-table's :stub-columns: makes a header
}

// Footnote is a footnote or a citation (".. [1] text", ".. [#] text",
// ".. [CIT2002] text"): its label as shown, an auto-numbered footnote's
// number or a symbol footnote's symbol, and its content. References to
// it link to its ID.
type Footnote struct {
	Label    string // "1", "*", "CIT2002"
	Citation bool   // a citation, whose label is a name
	Children []Block
	ID       string // its element's id
}

// Admonition is a note, warning, tip or other admonition directive, or
// a topic or a titled sidebar, which docutils writes as asides too.
type Admonition struct {
	Kind string // "note", "warning", "tip"..., "admonition", or "topic" or "sidebar"
	// Title is the generic admonition's title, its argument, and a
	// topic's or a sidebar's (a sidebar without one is a BlockQuote);
	// the others have none, their kind being their title ("Note").
	Title    []Inline
	Children []Block
	ID       string // the id its :name: option gives it, or ""
}

// Image is an image directive's image, a figure's, or an image that a
// substitution (".. |logo| image:: logo.png") puts in running text.
// WriteHTML shows it only from an http or https URL, and its alternative
// text otherwise (see the package doc's Safety).
type Image struct {
	URL string // the directive's argument, white space removed as docutils removes it
	// Alt is the :alt: option; docutils' default is the URL, or a
	// substitution's name.
	Alt string
	// Width and Height are the :width: and :height: options as
	// written ("200px", "50%", "10em"), Scale the :scale: option's
	// percentage ("" for none).
	Width, Height, Scale string
	// Target is the link the :target: option makes of the image: a
	// URL, or a reference by name ("name_"); nil for none.
	Target *Reference
	ID     string // the id its :name: option, or a target before it, gives it, or ""
}

// Figure is a figure directive: its image, and the caption and legend
// its content gives it.
type Figure struct {
	Image   *Image
	Caption []Inline // the content's first paragraph
	Legend  []Block  // the content's other blocks
	ID      string   // the id a target before it gives it, or ""
}

func (*Image) block()          {}
func (*Figure) block()         {}
func (*Section) block()        {}
func (*Paragraph) block()      {}
func (*Transition) block()     {}
func (*BulletList) block()     {}
func (*EnumeratedList) block() {}
func (*DefinitionList) block() {}
func (*FieldList) block()      {}
func (*OptionList) block()     {}
func (*LiteralBlock) block()   {}
func (*LineBlock) block()      {}
func (*BlockQuote) block()     {}
func (*Table) block()          {}
func (*Admonition) block()     {}
func (*Footnote) block()       {}

// Inline is inline content: Text, *Emphasis, *Strong, Literal,
// *Reference, *Cite, *Substitution, *Subscript, *Superscript, *Target
// or *Image (a substitution's).
type Inline interface{ inline() }

// Text is plain text.
type Text string

// Emphasis is emphasized text (*text*).
type Emphasis struct{ Content []Inline }

// Strong is strongly emphasized text (**text**).
type Strong struct{ Content []Inline }

// Literal is inline code, text between two backquotes on each side:
//
//	``os.Getenv``
type Literal string

// Reference is a hyperlink. URL is "" when the reference links by Name;
// a reference that resolves to no target (a name the text does not
// define) holds its markup as written as its Content ("python_"), and is
// shown as text.
type Reference struct {
	Content []Inline
	URL     string
	// Name is the target name a named reference uses ("Python" in
	// `Python`_), resolved against Document.Targets when URL is empty.
	Name string
}

// Cite is interpreted text with the default role, a title reference
// (`text`), or with a role this package shows as plain text.
type Cite struct{ Content []Inline }

// Substitution is a substitution reference (|name|): the inline
// content its definition gives it, a replace directive's text or a
// unicode directive's characters; or its name, when the text defines
// it as what this package does not show (an image, a date); or its markup as
// written ("|name|"), when the text does not define it, as docutils shows
// it. A substitution in a replacement's text is not replaced again.
type Substitution struct {
	Name    string
	Content []Inline
}

// Subscript is text with the subscript role (H\ :sub:`2`\ O).
type Subscript struct{ Content []Inline }

// Superscript is text with the superscript role (E = mc\ :sup:`2`).
type Superscript struct{ Content []Inline }

// Target is an inline internal target (_`name`): its text, which
// references to the name (`name`_) link to by its ID.
type Target struct {
	Content []Inline
	ID      string
}

func (*Target) inline()       {}
func (*Image) inline()        {}
func (Text) inline()          {}
func (*Subscript) inline()    {}
func (*Superscript) inline()  {}
func (*Substitution) inline() {}
func (*Emphasis) inline()     {}
func (*Strong) inline()       {}
func (Literal) inline()       {}
func (*Reference) inline()    {}
func (*Cite) inline()         {}

// maxDepth bounds the nesting of blocks (quotes in lists in quotes...),
// so that hostile input cannot exhaust the stack; deeper content is kept
// as literal text.
const maxDepth = 32

// Parse parses reStructuredText. It never fails: like docutils, it always
// makes a document, and reports what is wrong in Document.Diagnostics.
func Parse(src string) *Document {
	return parse(src, false)
}

// Check returns what Parse reports about src, the same diagnostics,
// without building the inline content that only a writer needs: text
// without "*", "`" or "|" can hold no inline problem. It is for
// validators, which check many texts and show none.
func Check(src string) []Diagnostic {
	if onlyPlainParagraphs(src) {
		return nil
	}
	return parse(src, true).Diagnostics
}

// onlyPlainParagraphs reports whether src is paragraphs of plain text,
// about which docutils reports nothing, as are three in five
// descriptions: Check need not parse it. A text is when it has no "*",
// "`" or "|" (inline markup), no "::" (a literal block), no tab, feed or
// line break but the line feed, no line longer than docutils' limit
// (lineLengthLimit, in bytes), and every line that is not blank starts
// with an ASCII letter or digit but no enumerator: then no line is
// indented (a quote, a definition, unexpected indentation), an adornment
// (a title, a transition), or the start of a list, a table, a field, a
// line block, a doctest or explicit markup; every block is a paragraph,
// and its text holds nothing inline markup can report.
func onlyPlainParagraphs(src string) bool {
	// The lines first: most texts that are not plain have a line that
	// shows it early.
	for rest := src; len(rest) > 0; {
		line := rest
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = ""
		}
		if line = trimTrailingSpace(line); line == "" {
			continue
		}
		if len(line) > lineLengthLimit {
			return false // maybe too long a line
		}
		if c := line[0]; !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return false
		}
		if _, _, _, _, ok := enumMarker(line); ok {
			return false
		}
	}
	return !hasAnyByte(src, "*`|\t\v\f") && !strings.Contains(src, "::") && !hasOtherBreak(src)
}

// lineLengthLimit is docutils' line_length_limit setting, in characters:
// a text with a longer line it does not parse.
const lineLengthLimit = 10000

// LineTooLong reports whether src has a line longer than docutils'
// line_length_limit, 10,000 characters with tabs expanded: docutils
// parses none of such a text, and so neither do Parse and Check, which
// report the line. A page that shows the text had better show it as
// plain text.
func LineTooLong(src string) bool {
	if len(src) <= lineLengthLimit && (len(src)*8 <= lineLengthLimit || !hasAnyByte(src, "\t")) {
		return false // no line can be that long, even all tabs
	}
	_, ok := tooLongLine(splitLines(src))
	return ok
}

// tooLongLine returns the first of lines that is longer than
// lineLengthLimit.
func tooLongLine(lines []line) (line, bool) {
	for _, l := range lines {
		if len(l.text) > lineLengthLimit && utf8.RuneCountInString(l.text) > lineLengthLimit {
			return l, true
		}
	}
	return line{}, false
}

func parse(src string, checkOnly bool) *Document {
	p := &parser{src: src, doc: &Document{}, checkOnly: checkOnly}
	if !checkOnly {
		p.doc.Targets = map[string]string{}
	}
	lines := splitLines(src)
	if l, ok := tooLongLine(lines); ok {
		// docutils parses none of such a text (and names no line,
		// but in its message).
		p.report(l, Error, fmt.Sprintf("Line %d exceeds the line-length-limit.", l.num))
		return p.doc
	}
	p.all = lines
	p.doc.Children = p.blocks(lines, 0, true)
	p.closeSections(1, len(p.doc.Diagnostics))
	p.doc.Diagnostics = p.leading()
	if !checkOnly {
		p.doc.Children = p.flatten(p.doc.Children)
		if p.header != nil || p.footer != nil {
			p.doc.Children = slices.Concat(p.flatten(p.header), p.doc.Children, p.flatten(p.footer))
		}
		p.resolveFootnotes() // before the targets that refer to them
		p.resolveReferences()
		p.resolveSubstitutions()
		p.showUnresolved()
	}
	return p.doc
}

// line is one line of the text, with its place.
type line struct {
	text string // tabs expanded, trailing white space removed
	num  int    // 1-based line number
	off  int    // byte offset of the line's start in the source
	end  int    // byte offset of the line's end (before its line break)
}

// splitLines splits src into lines as docutils does: at line feeds,
// carriage returns and the other characters Python's str.splitlines
// breaks at; vertical tabs and form feeds become spaces; tabs expand to
// 8-column stops; trailing white space goes.
func splitLines(src string) []line {
	lines := make([]line, 0, strings.Count(src, "\n")+1)
	// Most texts break lines at line feeds only, and have no tab or
	// feed: their lines are found with a vectorised search for each line
	// feed, where the others are looked for byte by byte, and each line
	// needs only its trailing white space cut.
	onlyLineFeeds := !hasOtherBreak(src)
	plain := !hasAnyByte(src, "\t\v\f")
	start, num := 0, 1
	for i := 0; i < len(src); {
		n := 1
		if onlyLineFeeds {
			j := strings.IndexByte(src[i:], '\n')
			if j < 0 {
				break
			}
			i += j
		} else {
			for i < len(src) && !breakStart[src[i]] {
				i++
			}
			if i == len(src) {
				break
			}
			if n = lineBreak(src[i:]); n == 0 {
				i++
				continue
			}
		}
		lines = append(lines, line{cleanLine(src[start:i], plain), num, start, i})
		i += n
		start = i
		num++
	}
	if start < len(src) {
		lines = append(lines, line{cleanLine(src[start:], plain), num, start, len(src)})
	}
	return lines
}

// hasOtherBreak reports whether s has a line break other than a line
// feed: a carriage return, a file, group or record separator, U+0085,
// U+2028 or U+2029.
func hasOtherBreak(s string) bool {
	return hasAnyByte(s, "\r\x1c\x1d\x1e") ||
		strings.Contains(s, "\u0085") || strings.Contains(s, "\u2028") || strings.Contains(s, "\u2029")
}

// hasAnyByte reports whether s has any of the bytes in set. A vectorised
// search for each beats strings.ContainsAny's test of every byte of s
// against the set, which was a sixth of checking a description.
func hasAnyByte(s, set string) bool {
	for i := 0; i < len(set); i++ {
		if strings.IndexByte(s, set[i]) >= 0 {
			return true
		}
	}
	return false
}

// breakStart marks the bytes a line break can start with, which
// splitLines skips to instead of trying lineBreak at every byte.
var breakStart = [256]bool{'\r': true, '\n': true, '\x1c': true, '\x1d': true, '\x1e': true, 0xc2: true, 0xe2: true}

// lineBreak returns the length in bytes of the line break s starts with,
// or 0. It looks at bytes, not runes: the breaks' UTF-8 encodings start
// with a byte that is never inside another character's encoding, so
// every position where one starts is a place a rune starts, in valid
// UTF-8 or not.
func lineBreak(s string) int {
	switch s[0] {
	case '\r':
		if len(s) > 1 && s[1] == '\n' {
			return 2
		}
		return 1
	case '\n', '\x1c', '\x1d', '\x1e':
		return 1
	case 0xc2: // U+0085
		if len(s) > 1 && s[1] == 0x85 {
			return 2
		}
	case 0xe2: // U+2028, U+2029
		if len(s) > 2 && s[1] == 0x80 && (s[2] == 0xa8 || s[2] == 0xa9) {
			return 3
		}
	}
	return 0
}

// cleanLine is clean for a line of a text that has no tab or feed when
// plain is set: only its trailing white space goes.
func cleanLine(s string, plain bool) string {
	if !plain {
		return clean(s)
	}
	return trimTrailingSpace(s)
}

// clean expands tabs, turns vertical tabs and form feeds into spaces and
// drops trailing white space, as docutils' string2lines does.
func clean(s string) string {
	if hasAnyByte(s, "\t\v\f") {
		var b strings.Builder
		col := 0
		for i := 0; i < len(s); {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				b.WriteByte(s[i]) // keep invalid bytes as they are
				i++
				col++
				continue
			}
			i += size
			switch r {
			case '\t':
				n := 8 - col%8
				b.WriteString(strings.Repeat(" ", n))
				col += n
			case '\v', '\f':
				b.WriteByte(' ')
				col++
			default:
				b.WriteRune(r)
				col++
			}
		}
		s = b.String()
	}
	return trimTrailingSpace(s)
}

// trimTrailingSpace drops the white space docutils' string2lines drops
// from the end of a line. A line that ends in printable ASCII, as most
// do, has none: every other character of the set starts with a byte of
// 0x80 or more.
func trimTrailingSpace(s string) string {
	if len(s) == 0 || s[len(s)-1] > ' ' && s[len(s)-1] < utf8.RuneSelf {
		return s
	}
	return strings.TrimRight(s, trailingSpace)
}

// trailingSpace is the white space string2lines drops from line ends.
const trailingSpace = " \t\n\r\v\f\x1f\u0085\u1680\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
