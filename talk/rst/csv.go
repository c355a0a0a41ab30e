package rst

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// The csv-table directive's data is read as docutils 0.19 reads it, with
// Python 3.11's csv reader: each line of the content, a line feed after
// it, in docutils' DocutilsDialect (strict, the delimiter, quote and
// escape the options name), the :header: option's lines in its
// HeaderDialect. What the reader refuses docutils reports as an error
// with the CSV data; then the table's rows and columns must fit its
// :header-rows:, :stub-columns: and :widths:, and each cell is parsed as
// build_table parses it.

// csvDialect is what docutils tells the csv reader of the data.
type csvDialect struct {
	delimiter, quote rune
	escape           rune // noEscape for none
	doubleQuote      bool // a quote in a quoted field is written twice
	skipInitialSpace bool // spaces that start a field are not its own
}

// noEscape is a csvDialect's escape when it has none.
const noEscape = -1

// headerDialect is docutils' HeaderDialect, in which the :header:
// option's lines are read.
var headerDialect = csvDialect{delimiter: ',', quote: '"', escape: '\\', skipInitialSpace: true}

// csvTableDialect is docutils' DocutilsDialect of a csv-table's options,
// which their checks have let through.
func csvTableDialect(options map[string]*string) csvDialect {
	d := csvDialect{delimiter: ',', quote: '"', escape: noEscape, doubleQuote: true, skipInitialSpace: true}
	char := func(v *string) rune {
		if r, isCode, _ := unicodeCode(*v); isCode {
			return r
		}
		r, _ := utf8.DecodeRuneInString(*v)
		return r
	}
	if v := options["delim"]; v != nil {
		switch *v {
		case "tab":
			d.delimiter = '\t'
		case "space":
			d.delimiter = ' '
		default:
			d.delimiter = char(v)
		}
	}
	if _, ok := options["keepspace"]; ok {
		d.skipInitialSpace = false
	}
	if v := options["quote"]; v != nil {
		d.quote = char(v)
	}
	if v := options["escape"]; v != nil {
		d.doubleQuote, d.escape = false, char(v)
	}
	return d
}

// csvField is a field of CSV data: its text, and where it starts: the
// index of its first line in the data, and the byte of that line.
type csvField struct {
	text      string
	line, col int
}

// csvFieldLimit is Python's csv.field_size_limit(), in characters.
const csvFieldLimit = 131072

// readCSV reads lines as Python 3.11's csv.reader reads them, each with a
// line feed after it, in the dialect: it returns the rows, or the message
// of the csv.Error the reader raises.
func readCSV(lines []string, d csvDialect) ([][]csvField, string) {
	const (
		startRecord = iota
		startField
		escapedChar
		afterEscapedCRNL
		inField
		inQuotedField
		escapeInQuotedField
		quoteInQuotedField
	)
	// eol is the end of a line, which the reader sees after its line feed.
	const eol = -2
	var (
		rows   [][]csvField
		fields []csvField
		field  []byte
		length int // field's length in characters
		start  csvField
		state  = startRecord
	)
	save := func() {
		start.text = string(field)
		fields = append(fields, start)
		field, length, start = field[:0], 0, csvField{}
	}
	for li, text := range lines {
		for i := 0; i <= len(text)+1; {
			// The line's characters, its line feed, then eol; a byte
			// that is not UTF-8 is a character that matches none.
			c, size := rune(eol), 0
			switch {
			case i == len(text):
				c, size = '\n', 1
			case i < len(text):
				c, size = utf8.DecodeRuneInString(text[i:])
				if c == utf8.RuneError && size == 1 {
					c = utf8.MaxRune + 1
				}
			}
			add := func() string {
				if length >= csvFieldLimit {
					return fmt.Sprintf("field larger than field limit (%d)", csvFieldLimit)
				}
				if length == 0 {
					start.line, start.col = li, i
				}
				if c == eol {
					field = append(field, '\n')
				} else if i < len(text) {
					field = append(field, text[i:i+size]...)
				} else {
					field = append(field, '\n')
				}
				length++
				return ""
			}
			msg := ""
			isEOL := c == '\n' || c == eol
			starting := state == startRecord || state == startField
			switch state {
			case startRecord, startField, afterEscapedCRNL, inField:
				// A field's first character may start a quote or be a
				// space to skip; one after it is its own.
				switch {
				case state == startRecord && isEOL, state == afterEscapedCRNL && c == eol:
					// An empty line (a row of no fields), or the end of
					// a line whose line feed was escaped.
				case isEOL:
					save()
					state = startRecord
				case starting && c == d.quote:
					state = inQuotedField
				case c == d.escape:
					state = escapedChar
				case starting && c == ' ' && d.skipInitialSpace:
					state = startField
				case c == d.delimiter:
					save()
					state = startField
				default:
					msg = add()
					state = inField
				}
			case escapedChar:
				msg = add()
				state = inField
				if c == '\n' {
					state = afterEscapedCRNL
				}
			case inQuotedField:
				switch {
				case c == eol:
				case c == d.escape:
					state = escapeInQuotedField
				case c == d.quote && d.doubleQuote:
					state = quoteInQuotedField
				case c == d.quote:
					state = inField
				default:
					msg = add()
				}
			case escapeInQuotedField:
				msg = add()
				state = inQuotedField
			case quoteInQuotedField:
				switch {
				case c == d.quote:
					msg = add()
					state = inQuotedField
				case c == d.delimiter:
					save()
					state = startField
				case isEOL:
					save()
					state = startRecord
				default:
					msg = fmt.Sprintf("'%c' expected after '%c'", d.delimiter, d.quote)
				}
			}
			if msg != "" {
				return nil, msg
			}
			if c == eol {
				break
			}
			i += size
		}
		if state == startRecord {
			rows = append(rows, fields)
			fields = nil
		}
	}
	if state != startRecord {
		// A quoted field, or an escaped line feed, open at the end.
		return nil, "unexpected end of data"
	}
	return rows, ""
}

// csvTable checks a csv-table's data, the directive's content, and parses
// its cells, as docutils' CSVTable.run does: it returns what docutils
// reports of the table, "" for none.
func (p *parser) csvTable(name string, content []line, options map[string]*string, depth int) (*Table, string) {
	head, rows, cols, msg := csvData(name, content, options)
	if msg != "" {
		return nil, msg
	}
	// Rows short of the table's columns get empty cells, as docutils
	// gives them.
	cells := func(r []csvField, inContent bool) []TableCell {
		out := make([]TableCell, cols)
		for k := range out {
			out[k] = TableCell{ColSpan: 1, RowSpan: 1}
			if k < len(r) {
				out[k].Children = p.csvCell(r[k], content, inContent, depth)
			}
		}
		return out
	}
	var grid tableGrid
	for _, r := range head {
		grid.rows = append(grid.rows, cells(r, false))
	}
	for _, r := range rows {
		grid.rows = append(grid.rows, cells(r, true))
	}
	headerRows, _ := pyInt(options["header-rows"])
	grid.head = len(head) + headerRows
	stubs, _ := pyInt(options["stub-columns"])
	grid.markStubs(stubs)
	var text []string
	for _, l := range content {
		text = append(text, l.text)
	}
	return grid.table(strings.Join(text, "\n"), cols), ""
}

// csvData reads a csv-table's :header: option and its data, the
// directive's content, and checks them as docutils' CSVTable.run does: it
// returns their rows and the table's columns, or what docutils reports.
func csvData(name string, content []line, options map[string]*string) (head, rows [][]csvField, cols int, msg string) {
	fail := func(msg string) ([][]csvField, [][]csvField, int, string) {
		return nil, nil, 0, fmt.Sprintf("Error with CSV data in %q directive:\n%s", name, msg)
	}
	refused := func(msg string) ([][]csvField, [][]csvField, int, string) { return nil, nil, 0, msg }
	if v := options["header"]; v != nil {
		if head, msg = readCSV(strings.Split(*v, "\n"), headerDialect); msg != "" {
			return fail(msg)
		}
	}
	data := make([]string, len(content))
	for k, l := range content {
		data[k] = l.text
	}
	if rows, msg = readCSV(data, csvTableDialect(options)); msg != "" {
		return fail(msg)
	}
	for _, r := range append(head[:len(head):len(head)], rows...) {
		cols = max(cols, len(r))
	}
	headerRows, _ := pyInt(options["header-rows"])
	stubs, _ := pyInt(options["stub-columns"])
	switch {
	case len(rows) < headerRows:
		return refused(fmt.Sprintf("%s header row(s) specified but only %d row(s) of data supplied (%q directive).", pyIntText(*options["header-rows"]), len(rows), name))
	case len(rows) == headerRows && headerRows > 0:
		return refused(fmt.Sprintf("Insufficient data supplied (%d row(s)); no data remaining for table body, required by %q directive.", len(rows), name))
	}
	for _, r := range rows {
		switch {
		case len(r) < stubs:
			return refused(fmt.Sprintf("%s stub column(s) specified but only %d columns(s) of data supplied (%q directive).", pyIntText(*options["stub-columns"]), len(r), name))
		case len(r) == stubs && stubs > 0:
			return refused(fmt.Sprintf("Insufficient data supplied (%d columns(s)); no data remaining for table body, required by %q directive.", len(r), name))
		}
	}
	if msg := widthsProblem(name, options, cols); msg != "" {
		return refused(msg)
	}
	if cols == 0 {
		return refused("No table data detected in CSV file.")
	}
	return head, rows, cols, ""
}

// csvCell parses a cell of a csv-table, the field f of the data in its
// content lines (or of its :header: option when not inContent), as
// docutils' build_table does: its lines numbered from the content's
// first line on, as docutils numbers every cell's, while what docutils
// names by its input's line (see srcLine) it names by the line of the
// cell. The cell's text is parsed as the text of p.cell, at offsets past
// the source's end (see span); what is reported in it then takes the
// offset in the content that its line comes from.
func (p *parser) csvCell(f csvField, content []line, inContent bool, depth int) []Block {
	if strings.Trim(f.text, "\n") == "" {
		return nil // docutils parses no cell without text
	}
	base := len(p.src) + 1 // (an offset of len(p.src) is the source's end)
	savedCell, savedAll := p.cell, p.all
	p.cell = f.text
	cellLines := splitLines(f.text)
	for k := range cellLines {
		cellLines[k].off += base
		cellLines[k].end += base
	}
	p.all = cellLines
	lines := make([]line, len(cellLines))
	for k, l := range cellLines {
		l.num = content[0].num + k
		lines[k] = l
	}
	n, lead := len(p.doc.Diagnostics), len(p.lead)
	blocks := p.blocks(lines, depth+1, false)
	p.cell, p.all = savedCell, savedAll
	for k := n; k < len(p.doc.Diagnostics); k++ {
		p.csvOffset(&p.doc.Diagnostics[k], f, cellLines, content, inContent, base)
	}
	for k := lead; k < len(p.lead); k++ {
		p.csvOffset(&p.lead[k].Diagnostic, f, cellLines, content, inContent, base)
	}
	return blocks
}

// csvOffset gives a diagnostic reported in the csv-table cell f, whose
// lines are cellLines at offsets from base on, the offset in the content
// that its line comes from (see csvCell).
func (p *parser) csvOffset(d *Diagnostic, f csvField, cellLines, content []line, inContent bool, base int) {
	if d.Offset < base {
		return // a line outside the cell's (see topLine)
	}
	if !inContent {
		d.Offset = content[0].off
		return
	}
	// The cell's line, and the line of the content it is on.
	j, found := slices.BinarySearchFunc(cellLines, d.Offset, func(l line, off int) int { return cmp.Compare(l.off, off) })
	if !found {
		j = max(j-1, 0)
	}
	src := content[f.line+j]
	start := src.off + len(trimTrailingSpace(p.span(src.off, src.end))) - len(src.text)
	if j == 0 {
		start += f.col
	}
	d.Offset = min(max(start, src.off)+d.Offset-cellLines[j].off, src.end)
}
