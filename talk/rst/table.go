package rst

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/talkmeta/talkmeta/internal/ascii"
)

// Simple tables are checked as docutils 0.19 checks them, following its
// isolate_simple_table and tableparser.SimpleTableParser: the table runs
// from its top border to the border after its header or its last row,
// and a table without one takes the rest of the block; the columns are
// the top border's runs of "=", and text between them, or a span line
// that ends short, is an error. The table is shown as drawn, but its
// cells are parsed for what docutils reports in them.

// simpleBorder reports whether s is a simple table's border, as
// docutils' simple_table_border_pat ("=+[ =]*$") matches one.
func simpleBorder(s string) bool {
	return strings.HasPrefix(s, "=") && strings.Trim(s, "= ") == ""
}

// simpleTable takes the simple table whose top border is lines[i].
func (p *parser) simpleTable(lines []line, i, depth int) (Block, int) {
	start := i
	var grid tableGrid
	drawn := func(end int, ok bool) Block {
		text := make([]string, end-start)
		for k, l := range lines[start:end] {
			text[k] = l.text
		}
		if !ok {
			// As a malformed grid table is: docutils shows the text in
			// its error message.
			return &inMessage{&LiteralBlock{Text: strings.Join(text, "\n")}}
		}
		return grid.table(strings.Join(text, "\n"), len(spanColumns(padRunes(lines[start].text))))
	}
	malformed := func(detail string, at int) {
		// A span that ends a table can be named a line past it.
		p.reportAfter(lines, at, Error, "Malformed table.\n"+detail)
	}
	blankAfter := func(k int) bool { return k+1 >= len(lines) || blank(lines[k+1]) }
	topLen := len(lines[start].text)
	found, foundAt, end := 0, -1, -1
	for k := start + 1; k < len(lines); k++ {
		if !simpleBorder(lines[k].text) {
			continue
		}
		if len(lines[k].text) != topLen {
			malformed("Bottom/header table border does not match top border.", start)
			if !blankAfter(k) {
				p.reportAfter(lines, k+1, Warning, "Blank line required after table.")
			}
			return drawn(k+1, false), k + 1 - start
		}
		found, foundAt = found+1, k
		if found == 2 || blankAfter(k) {
			end = k
			break
		}
	}
	if end < 0 {
		if found == 0 {
			// docutils takes the rest of the block for the table.
			malformed("No bottom table border found.", start)
			return drawn(len(lines), false), len(lines) - start
		}
		malformed("No bottom table border found or no blank line after table bottom.", start)
		p.reportAfter(lines, foundAt+1, Warning, "Blank line required after table.")
		return drawn(foundAt+1, false), foundAt + 1 - start
	}
	p.reach(lines, end, depth)
	grid, offset, detail := p.simpleTableCells(lines[start:end+1], depth)
	if detail != "" {
		malformed(detail, start+offset)
	}
	if !blankAfter(end) {
		p.reportAfter(lines, end+1, Warning, "Blank line required after table.")
	}
	return drawn(end+1, detail == ""), end + 1 - start
}

// padRunes is a table line as docutils' pad_double_width makes it: a
// rune for each column, a wide character followed by a pad.
func padRunes(s string) []rune {
	rs := make([]rune, 0, len(s))
	for _, r := range s {
		rs = append(rs, r)
		if isWide(r) {
			rs = append(rs, tablePad)
		}
	}
	return rs
}

// sourceOffsets returns, for each rune of row (a table line l as
// padRunes made it), the offset in the source of the character it came
// from, and after them the end of the last: a cell's span of the source,
// which Check reads its paragraphs' text from, is then its own, not the
// line's (a row of many cells would take time growing with the square of
// its length). src is l's span of the source, whose end is l's text with
// tabs expanded and feeds made spaces (clean), its start cut off in a
// nested block: a tab gives each of its spaces its own offset.
//
// A row of ASCII without tabs, as most are, needs no list: its runes are
// its bytes, at the offsets from that of its text on; for it the list is
// nil and the offset of its text is returned.
func sourceOffsets(src string, l line, row []rune) ([]int, int) {
	if len(row) == len(l.text) && !hasAnyByte(src, "\t\v\f") && ascii.String(src) {
		return nil, l.off + len(trimTrailingSpace(src)) - len(l.text)
	}
	offs := make([]int, 0, len(row)+1)
	skip := utf8.RuneCountInString(clean(src)) - utf8.RuneCountInString(l.text)
	col := 0
	i := 0
	for i < len(src) && len(offs) < len(row) {
		r, size := utf8.DecodeRuneInString(src[i:])
		n := 1
		if r == '\t' {
			n = 8 - col%8
		}
		for k := 0; k < n && len(offs) < len(row); k++ {
			if skip > 0 {
				skip--
				continue
			}
			offs = append(offs, l.off+i)
			if r != utf8.RuneError && isWide(r) {
				offs = append(offs, l.off+i) // its pad
			}
		}
		if r == '\t' {
			col += n
		} else {
			col++
		}
		i += size
	}
	for len(offs) <= len(row) {
		offs = append(offs, l.off+i)
	}
	return offs, 0
}

// rowOffsets are a table row's source offsets: offs, or base for a row
// whose runes are its text's bytes (see sourceOffsets).
type rowOffsets struct {
	offs []int
	base int
}

// at returns the source offset of the row's i-th rune, or of its end.
func (r rowOffsets) at(i int) int {
	if r.offs == nil {
		return r.base + i
	}
	return r.offs[i]
}

// tablePad is docutils' double_width_pad_char.
const tablePad = '\x00'

// column is a table column's span of runes, end exclusive.
type column struct{ start, end int }

// cell is one cell of a table: its column of a row's lines.
type cell struct {
	first, last int // the row's lines, last exclusive
	col         column
	// spans, when set, are the columns of each of the lines, for a
	// grid table's cell, whose lines docutils can cut at columns of
	// their own (see cellSpans).
	spans []column
}

// simpleTableCells parses a simple table's block (its top border to its
// bottom border) as SimpleTableParser does, and then each cell's content
// as docutils' build_table does; it returns docutils' complaint, and the
// line of the block it names, for a table that it cannot parse, whose
// cells it does not parse.
func (p *parser) simpleTableCells(block []line, depth int) (grid tableGrid, offset int, detail string) {
	rows := make([][]rune, len(block))
	stripped := make([][]rune, len(block)) // without combining characters
	offs := make([]rowOffsets, len(block))
	for k, l := range block {
		rows[k] = padRunes(l.text)
		stripped[k] = stripCombining(rows[k])
		offs[k].offs, offs[k].base = sourceOffsets(p.span(l.off, l.end), l, rows[k])
	}
	columns := spanColumns(rows[0])
	if len(columns) == 0 {
		return tableGrid{}, 0, ""
	}
	borderEnd := columns[len(columns)-1].end
	var cells []cell
	// parseRow checks the row of lines rows[first:last] against the
	// columns, or those of its span line, and parses its cells.
	parseRow := func(first, last int, span []rune, spanAt int) (int, string) {
		if first >= last && span == nil {
			return 0, ""
		}
		cols := append([]column(nil), columns...)
		if span != nil {
			cols = spanColumns(span)
			if cols[len(cols)-1].end != borderEnd {
				return spanAt, fmt.Sprintf("Column span incomplete in table line %d.", spanAt+1)
			}
			cols[len(cols)-1].end = columns[len(columns)-1].end
		}
		// check_columns: text between columns is an error; text past the
		// last column widens it.
		for c := range cols {
			nextStart := -1
			if c+1 < len(cols) {
				nextStart = cols[c+1].start
			}
			for k := first; k < last; k++ {
				line := stripped[k]
				if c == len(cols)-1 {
					if strings.TrimFunc(string(runeSlice(line, cols[c].end, -1)), isPySpace) != "" {
						text := strings.TrimRightFunc(string(runeSlice(line, cols[c].start, -1)), isPySpace)
						newEnd := cols[c].start + len([]rune(text))
						cols[c].end = max(columns[len(columns)-1].end, newEnd)
						columns[len(columns)-1].end = max(columns[len(columns)-1].end, newEnd)
					}
					continue
				}
				if strings.TrimFunc(string(runeSlice(line, cols[c].end, nextStart)), isPySpace) != "" {
					return k, fmt.Sprintf("Text in column margin in table line %d.", k+1)
				}
			}
		}
		// init_row: a span must start and end at the columns' edges.
		ci := 0
		for _, col := range cols {
			if ci >= len(columns) || col.start != columns[ci].start {
				return first + 1, fmt.Sprintf("Column span alignment problem in table line %d.", first+2)
			}
			for col.end != columns[ci].end {
				if ci++; ci >= len(columns) {
					return first + 1, fmt.Sprintf("Column span alignment problem in table line %d.", first+2)
				}
			}
			ci++
		}
		for _, col := range cols {
			cells = append(cells, cell{first: first, last: last, col: col})
		}
		return 0, ""
	}
	first := columns[0]
	start, textFound := 1, false
	headEnd := 0 // the cells of the header rows, above its "=" border
	for k := 1; k < len(rows); k++ {
		row := rows[k]
		switch {
		case k == len(rows)-1 || isSpanLine(row):
			if offset, detail := parseRow(start, k, spanLine(row), k); detail != "" {
				return tableGrid{}, offset, detail
			}
			if k < len(rows)-1 && simpleBorder(string(row)) {
				headEnd = len(cells)
			}
			start, textFound = k+1, false
		case strings.TrimFunc(string(runeSlice(row, first.start, first.end)), isPySpace) != "":
			if textFound && k != start {
				if offset, detail := parseRow(start, k, nil, 0); detail != "" {
					return tableGrid{}, offset, detail
				}
			}
			start, textFound = k, true
		case !textFound:
			start = k + 1
		}
	}
	// The cells are cut from the lines as they are, combining
	// characters and all (get_2D_block).
	indices := rowIndices(rows)
	for k, c := range cells {
		c.spans = cellSpans(rows, indices, c.first, c.last, c.col.start, c.col.end)
		blocks := p.tableCell(block, rows, offs, c, 1, depth)
		if k == 0 || cells[k-1].first != c.first {
			grid.rows = append(grid.rows, nil)
			if k < headEnd {
				grid.head++
			}
		}
		// A span's columns are those of the top border it covers.
		tc := TableCell{Children: blocks, ColSpan: 0, RowSpan: 1}
		for _, col := range columns {
			if col.start >= c.col.start && col.start < c.col.end {
				tc.ColSpan++
			}
		}
		grid.rows[len(grid.rows)-1] = append(grid.rows[len(grid.rows)-1], tc)
	}
	return grid, 0, ""
}

// isSpanLine reports whether a row is a column span underline or the
// header's border ("-[ -]*$" once docutils has made its "=" "-").
func isSpanLine(row []rune) bool {
	if len(row) == 0 || row[0] != '-' && row[0] != '=' {
		return false
	}
	c := row[0]
	for _, r := range row {
		if r != c && r != ' ' {
			return false
		}
	}
	return true
}

// spanLine returns a span line's runes with its trailing spaces cut, as
// docutils gives it to parse_columns.
func spanLine(row []rune) []rune {
	end := len(row)
	for end > 0 && row[end-1] == ' ' {
		end--
	}
	return row[:end]
}

// spanColumns returns the columns a border or span line marks: its runs
// of "-" or "=" (parse_columns).
func spanColumns(row []rune) []column {
	var cols []column
	for k := 0; k < len(row); {
		for k < len(row) && row[k] == ' ' {
			k++
		}
		if k >= len(row) {
			break
		}
		s := k
		for k < len(row) && row[k] != ' ' {
			k++
		}
		cols = append(cols, column{s, k})
	}
	return cols
}

// runeSlice is Python's line[a:b] on runes; b < 0 means the end.
func runeSlice(line []rune, a, b int) []rune {
	if b < 0 || b > len(line) {
		b = len(line)
	}
	if a > b {
		return nil
	}
	return line[a:b]
}

// stripCombining drops combining characters, as docutils' check_columns
// does before it looks in the margins.
func stripCombining(line []rune) []rune {
	if !slices.ContainsFunc(line, isCombining) {
		return line
	}
	out := make([]rune, 0, len(line))
	for _, r := range line {
		if !isCombining(r) {
			out = append(out, r)
		}
	}
	return out
}

// tableCell parses one cell's content for its diagnostics, as docutils'
// build_table does: its column of the row's lines, dedented. docutils
// gives the cell a line offset shift too many (one, but for a grid table
// it cut short), and so reports the cell's problems shift lines below
// where they are; so does this.
func (p *parser) tableCell(block []line, rows [][]rune, offs []rowOffsets, c cell, shift, depth int) []Block {
	content := make([]line, 0, c.last-c.first)
	nonEmpty := false
	for k := c.first; k < c.last; k++ {
		col := c.col
		if c.spans != nil {
			col = c.spans[k-c.first]
		}
		text := strings.TrimRightFunc(string(runeSlice(rows[k], col.start, col.end)), isPySpace)
		text = strings.ReplaceAll(text, string(tablePad), "")
		nonEmpty = nonEmpty || text != ""
		// The line's span is the cell's part of the source, which Check
		// reads the paragraphs' text from; its number is docutils'.
		at := block[k]
		at.num += shift
		at.text = text
		at.off = offs[k].at(min(col.start, len(rows[k])))
		at.end = offs[k].at(max(min(col.end, len(rows[k])), min(col.start, len(rows[k]))))
		content = append(content, at)
	}
	if !nonEmpty {
		return nil
	}
	minIndent := -1
	for _, l := range content {
		if l.text != "" {
			if ind := indentOf(l.text); minIndent < 0 || ind < minIndent {
				minIndent = ind
			}
		}
	}
	for k := range content {
		if content[k].text != "" {
			content[k].text = content[k].text[minIndent:]
		}
	}
	n := len(p.doc.Diagnostics)
	blocks := p.blocks(content, depth+1, false)
	p.cellDiagnostics += len(p.doc.Diagnostics) - n
	p.fixOffsets(n, block)
	return blocks
}

// A tableGrid is a table's rows of cells, the first head of them its
// header rows.
type tableGrid struct {
	rows [][]TableCell
	head int
}

// markStubs marks the cells of the first stubs columns of the grid's
// body rows as stubs (a directive's :stub-columns:).
func (g tableGrid) markStubs(stubs int) {
	for _, row := range g.rows[g.head:] {
		for k := range row[:min(stubs, len(row))] {
			row[k].Stub = true
		}
	}
}

// table is the Table of the grid, drawn as text, of cols columns.
func (g tableGrid) table(text string, cols int) *Table {
	t := &Table{Text: text, Body: g.rows, cols: cols}
	if g.head > 0 {
		t.Head, t.Body = g.rows[:g.head], g.rows[g.head:]
	}
	return t
}

// fixOffsets sets the offset of the diagnostics from the n-th on to that
// of the line of lines (consecutive lines of the source) they name, for
// content whose lines docutils numbers otherwise than the source does;
// past lines, to the end of their last.
func (p *parser) fixOffsets(n int, lines []line) {
	if len(lines) == 0 {
		return
	}
	for k := n; k < len(p.doc.Diagnostics); k++ {
		d := &p.doc.Diagnostics[k]
		if j := d.Line - lines[0].num; j >= 0 && j < len(lines) {
			d.Offset = lines[j].off
		} else {
			d.Offset = lines[len(lines)-1].end
		}
	}
}
