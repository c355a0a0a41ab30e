package rst

import (
	"fmt"
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Grid tables are checked as docutils 0.19 checks them, following its
// tableparser.GridTableParser: once isolate_grid_table has taken the
// table's lines, each cell is traced from its top-left corner, right,
// down, left and up, and a table whose cells do not cover it is an
// error. The table is shown as drawn, but its cells are parsed for what
// docutils reports in them, as build_table parses them: each a nested
// document of its own.

// gridCell is one cell of a grid table as GridTableParser traces it: the
// lines and columns (in padRunes' runes) of its border.
type gridCell struct{ top, left, bottom, right int }

// corners is GridTableParser's queue of upper-left corners to trace a
// cell from, the least (top, then left) first. docutils sorts a list
// after every cell; a heap takes the least as well, and keeps a table of
// many cells linear. (container/heap boxed every corner it took.)
type corners [][2]int

func cornerLess(a, b [2]int) bool { return a[0] < b[0] || a[0] == b[0] && a[1] < b[1] }

func (c *corners) push(x [2]int) {
	q := append(*c, x)
	for i := len(q) - 1; i > 0; {
		parent := (i - 1) / 2
		if !cornerLess(q[i], q[parent]) {
			break
		}
		q[i], q[parent] = q[parent], q[i]
		i = parent
	}
	*c = q
}

func (c *corners) pop() [2]int {
	q := *c
	top := q[0]
	last := len(q) - 1
	q[0] = q[last]
	q = q[:last]
	for i := 0; ; {
		least, l, r := i, 2*i+1, 2*i+2
		if l < len(q) && cornerLess(q[l], q[least]) {
			least = l
		}
		if r < len(q) && cornerLess(q[r], q[least]) {
			least = r
		}
		if least == i {
			break
		}
		q[i], q[least] = q[least], q[i]
		i = least
	}
	*c = q
	return top
}

// headBodySep reports whether row is a grid table's head/body separator,
// as docutils' head_body_separator_pat ("\+=[=+]+=\+ *$") matches one.
func headBodySep(row []rune) bool {
	n := len(row)
	for n > 0 && row[n-1] == ' ' {
		n--
	}
	if n < 5 || row[0] != '+' || row[1] != '=' || row[n-2] != '=' || row[n-1] != '+' {
		return false
	}
	for _, r := range row[2 : n-2] {
		if r != '=' && r != '+' {
			return false
		}
	}
	return true
}

// gridCells traces the cells of a grid table, its lines as padRunes made
// them (all as long), as GridTableParser.parse does, and returns them in
// the order build_table parses them: by row, then by column. For a table
// it cannot parse it returns docutils' complaint and the line of the
// table it names.
func gridCells(rows [][]rune) (cells []gridCell, offset int, detail string) {
	sep := -1
	for i, row := range rows {
		if !headBodySep(row) {
			continue
		}
		if sep > 0 {
			return nil, i, fmt.Sprintf("Multiple head/body row separators (table lines %d and %d); only one allowed.", sep+1, i+1)
		}
		// Traced as a row border; the caller's rows, which cells' text
		// is cut from, keep theirs.
		sep = i
		r := slices.Clone(row)
		for k := range r {
			if r[k] == '=' {
				r[k] = '-'
			}
		}
		rows = append(rows[:i:i], append([][]rune{r}, rows[i+1:]...)...)
	}
	bottom, right := len(rows)-1, len(rows[0])-1
	// done is, for each column, the last line traced cells cover.
	done := make([]int, len(rows[0]))
	for k := range done {
		done[k] = -1
	}
	queue := corners{{0, 0}}
	for len(queue) > 0 {
		c := queue.pop()
		top, left := c[0], c[1]
		if top == bottom || left == right || top <= done[left] {
			continue
		}
		cell, ok := scanCell(rows, top, left)
		if !ok {
			continue
		}
		for col := left; col < cell.right; col++ {
			done[col] = cell.bottom - 1
		}
		cells = append(cells, cell)
		queue.push([2]int{top, cell.right})
		queue.push([2]int{cell.bottom, left})
	}
	for col := 0; col < right; col++ {
		if done[col] != bottom-1 {
			return nil, 0, "Malformed table; parse incomplete."
		}
	}
	slices.SortFunc(cells, func(a, b gridCell) int {
		if a.top != b.top {
			return a.top - b.top
		}
		return a.left - b.left
	})
	return cells, 0, ""
}

// scanCell traces the cell whose top-left corner is at (top, left), as
// GridTableParser's scan_right, scan_down, scan_left and scan_up do: the
// first top-right corner whose column leads down to a bottom border that
// leads back left and up to the start.
func scanCell(rows [][]rune, top, left int) (gridCell, bool) {
	bottom, right := len(rows)-1, len(rows[0])-1
	line := rows[top]
	for i := left + 1; i <= right; i++ {
		if line[i] == '+' {
			if b, ok := scanDown(rows, top, left, i, bottom); ok {
				return gridCell{top, left, b, i}, true
			}
		} else if line[i] != '-' {
			return gridCell{}, false
		}
	}
	return gridCell{}, false
}

// scanDown looks down the column right for the cell's bottom-right
// corner, from which its bottom and left borders lead back.
func scanDown(rows [][]rune, top, left, right, bottom int) (int, bool) {
	for i := top + 1; i <= bottom; i++ {
		switch rows[i][right] {
		case '+':
			if scanLeftUp(rows, top, left, i, right) {
				return i, true
			}
		case '|':
		default:
			return 0, false
		}
	}
	return 0, false
}

// scanLeftUp reports whether the bottom border from (bottom, right) leads
// left to a corner under the cell's start, and its left border up to it.
func scanLeftUp(rows [][]rune, top, left, bottom, right int) bool {
	line := rows[bottom]
	for i := right - 1; i > left; i-- {
		if line[i] != '+' && line[i] != '-' {
			return false
		}
	}
	if line[left] != '+' {
		return false
	}
	for i := bottom - 1; i > top; i-- {
		if c := rows[i][left]; c != '+' && c != '|' {
			return false
		}
	}
	return true
}

// cellSpans returns the columns of each of the lines first to last
// (excluded) that a cell's text is, as docutils' get_2D_block cuts them
// from left to right: the columns as they are, but that in a line with
// combining characters they count the string's characters other than
// those, and the shift carries on to the lines below (as it does in
// docutils). indices are the rows' columnIndices, found once for all the
// cells of a row. It returns nil when no line has a combining character,
// and each line is cut at left and right.
func cellSpans(rows [][]rune, indices [][]int, first, last, left, right int) []column {
	if !slices.ContainsFunc(indices[first:last], func(ci []int) bool { return ci != nil }) {
		return nil
	}
	spans := make([]column, 0, last-first)
	for k := first; k < last; k++ {
		if ci := indices[k]; ci != nil {
			if left < len(ci) {
				left = ci[left]
			} else {
				left += len(rows[k]) - len(ci)
			}
			if right < len(ci) {
				right = ci[right]
			} else {
				right += len(rows[k]) - len(ci)
			}
		}
		spans = append(spans, column{left, right})
	}
	return spans
}

// columnIndices is docutils' utils.column_indices for a line with
// combining characters: the indices of its characters but those. For a
// line without, whose indices are its columns, it returns nil.
func columnIndices(row []rune) []int {
	if !slices.ContainsFunc(row, isCombining) {
		return nil
	}
	ci := make([]int, 0, len(row))
	for i, r := range row {
		if !isCombining(r) {
			ci = append(ci, i)
		}
	}
	return ci
}

// rowIndices returns the columnIndices of each row.
func rowIndices(rows [][]rune) [][]int {
	indices := make([][]int, len(rows))
	for k, row := range rows {
		indices[k] = columnIndices(row)
	}
	return indices
}

// isCombining reports whether r is a combining character as docutils
// takes one, Python's unicodedata.combining: a character of a canonical
// combining class other than 0. (Most marks of Indic scripts, of class
// 0, and the enclosing marks are not; some spacing marks are.)
func isCombining(r rune) bool {
	return r >= 0x300 && norm.NFD.PropertiesString(string(r)).CCC() != 0
}

// gridTableCells parses the cells of a grid table that docutils has
// isolated: table is its lines, rows their runes, and shift how many
// lines below its own docutils reports a cell's line (see gridTable). It
// returns the table's columns, or docutils' complaint, and the line of
// the table it names, for a table it cannot parse.
func (p *parser) gridTableCells(table []line, rows [][]rune, shift, depth int) (grid tableGrid, cols, offset int, detail string) {
	cells, offset, detail := gridCells(rows)
	if detail != "" {
		return tableGrid{}, 0, offset, detail
	}
	// The columns are between the "+" that GridTableParser's scans pass
	// on the cells' top and bottom edges (its colseps), and the left
	// edge.
	seps := map[int]bool{0: true}
	for _, c := range cells {
		for x := c.left + 1; x <= c.right; x++ {
			if rows[c.top][x] == '+' || x < c.right && rows[c.bottom][x] == '+' {
				seps[x] = true
			}
		}
	}
	offs := make([]rowOffsets, len(table))
	for k, l := range table {
		offs[k].offs, offs[k].base = sourceOffsets(p.span(l.off, l.end), l, rows[k])
	}
	indices := rowIndices(rows)
	// The rows start at the cells' tops; the head is the rows above the
	// head/body separator, if there is one.
	headEnd := -1
	for k, row := range rows {
		if headBodySep(row) {
			headEnd = k
		}
	}
	var tops []int
	for _, c := range cells {
		if len(tops) == 0 || tops[len(tops)-1] != c.top {
			tops = append(tops, c.top)
		}
	}
	grid.rows = make([][]TableCell, len(tops))
	r := -1
	for _, c := range cells {
		first, last := c.top+1, c.bottom
		col := column{c.left + 1, c.right}
		blocks := p.tableCell(table, rows, offs, cell{first: first, last: last, col: col, spans: cellSpans(rows, indices, first, last, col.start, col.end)}, shift, depth)
		for r < 0 || tops[r] != c.top {
			r++
		}
		tc := TableCell{Children: blocks, ColSpan: 1, RowSpan: 1}
		for x := c.left + 1; x < c.right; x++ {
			if seps[x] {
				tc.ColSpan++
			}
		}
		for _, t := range tops[r+1:] {
			if t < c.bottom {
				tc.RowSpan++
			}
		}
		grid.rows[r] = append(grid.rows[r], tc)
		if c.bottom <= headEnd {
			grid.head = r + 1
		}
	}
	return grid, len(seps) - 1, 0, ""
}

// gridRows returns a grid table's lines as padRunes makes them, and
// whether they make a table that docutils' isolate_grid_table takes: all
// as long as the first, and ending in "+" or "|".
func gridRows(text []string) ([][]rune, bool) {
	rows := make([][]rune, len(text))
	for k, t := range text {
		rows[k] = padRunes(t)
		if len(rows[k]) != len(rows[0]) || !strings.HasSuffix(t, "+") && !strings.HasSuffix(t, "|") {
			return nil, false
		}
	}
	return rows, true
}
