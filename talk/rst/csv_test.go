package rst

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestReadCSV holds readCSV to what Python 3.11's csv.reader returns, or
// the csv.Error it raises, for the lines (each given a line feed) in
// docutils' dialect or the one changed as noted (recorded with Python).
func TestReadCSV(t *testing.T) {
	docutils := csvDialect{delimiter: ',', quote: '"', escape: noEscape, doubleQuote: true, skipInitialSpace: true}
	escaped := docutils
	escaped.escape, escaped.doubleQuote = '\\', false
	spaced := docutils
	spaced.delimiter = ' '
	kept := docutils
	kept.skipInitialSpace = false
	quoted := docutils
	quoted.quote = '\''
	tabbed := docutils
	tabbed.delimiter = '\t'
	for _, c := range []struct {
		lines   []string
		dialect csvDialect
		rows    [][]string
		err     string
	}{
		{[]string{"a, b ,c"}, docutils, [][]string{{"a", "b ", "c"}}, ""},
		{[]string{"", "a"}, docutils, [][]string{{}, {"a"}}, ""},
		{[]string{`"a ""b"", c",d`}, docutils, [][]string{{`a "b", c`, "d"}}, ""},
		{[]string{`"a`, `b"`, ""}, docutils, [][]string{{"a\nb"}, {}}, ""},
		{[]string{`a,"b`}, docutils, nil, "unexpected end of data"},
		{[]string{`a,"b"c`}, docutils, nil, `',' expected after '"'`},
		{[]string{`a,"b" ,c`}, docutils, nil, `',' expected after '"'`},
		{[]string{`a\`, "b"}, escaped, [][]string{{"a\nb"}}, ""},
		{[]string{`a\`}, escaped, nil, "unexpected end of data"},
		{[]string{`"a\"b"c`}, escaped, [][]string{{`a"bc`}}, ""},
		{[]string{"a  b ,  c"}, spaced, [][]string{{"a", "b", ",", "c"}}, ""},
		{[]string{"a, b"}, kept, [][]string{{"a", " b"}}, ""},
		{[]string{"'a,b',c"}, quoted, [][]string{{"a,b", "c"}}, ""},
		{[]string{"a,\x00b"}, docutils, [][]string{{"a", "\x00b"}}, ""},
		{[]string{"a\tb\t\"c\"x"}, tabbed, nil, "'\t' expected after '\"'"},
		{[]string{"x,é😀"}, docutils, [][]string{{"x", "é😀"}}, ""},
		{[]string{strings.Repeat("x", csvFieldLimit)}, docutils, [][]string{{strings.Repeat("x", csvFieldLimit)}}, ""},
		{[]string{`"` + strings.Repeat("é", csvFieldLimit) + `x"`}, docutils, nil, "field larger than field limit (131072)"},
	} {
		rows, err := readCSV(c.lines, c.dialect)
		var got [][]string
		for _, r := range rows {
			texts := []string{}
			for _, f := range r {
				texts = append(texts, f.text)
			}
			got = append(got, texts)
		}
		if diff := cmp.Diff(c.rows, got, cmpopts.EquateEmpty()); diff != "" || err != c.err {
			t.Errorf("readCSV(%.40q): error %q, want %q; rows (-want +got):\n%s", c.lines, err, c.err, diff)
		}
	}
}

// TestCSVFieldLimit: a field longer than Python's limit is the error
// docutils reports with the CSV data; one line short of it is not (too
// long texts for cases.json; recorded with docutils).
func TestCSVFieldLimit(t *testing.T) {
	for lines, want := range map[int][]message{
		13: nil,
		14: {{float64(Error), float64(1), "Error with CSV data in \"csv-table\" directive:\nfield larger than field limit (131072)"}},
	} {
		src := ".. csv-table::\n\n   a,\"" + strings.Repeat(strings.Repeat("b", 9990)+"\n   ", lines) + "\"\n"
		if diff := cmp.Diff(want, messagesOf(Parse(src)), cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("%d lines (-docutils +rst):\n%s", lines, diff)
		}
	}
}

// TestCSVCellOffsets: what is reported in a csv-table's cells is named
// at docutils' lines (the content's first line, for every cell), but at
// the offset in the source of the cell's line, a field's first line from
// where the field starts.
func TestCSVCellOffsets(t *testing.T) {
	src := ".. csv-table::\n   :header: h, *h\n\n   a, *b\n   \"c\n   *d\", e\n"
	got := Parse(src).Diagnostics
	at := func(s string) int { return strings.Index(src, s) }
	want := []Diagnostic{
		{Line: 4, Offset: at("   a,"), Level: Warning, Message: "Inline emphasis start-string without end-string."},
		{Line: 4, Offset: at("*b"), Level: Warning, Message: "Inline emphasis start-string without end-string."},
		{Line: 4, Offset: at("c\n"), Level: Warning, Message: "Inline emphasis start-string without end-string."},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(got, Check(src)); diff != "" {
		t.Errorf("Check differs from Parse (-Parse +Check):\n%s", diff)
	}
}
