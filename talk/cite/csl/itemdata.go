package csl

import (
	"regexp"
	"strconv"
	"strings"
)

// itemData is an Item as the renderer reads it, after the normalisation
// citeproc-js applies when it loads an item.
type itemData struct {
	id, typ string
	fields  map[string]string
	names   map[string][]Name
	dates   map[string]*dateValue
}

// dateValue is a date split into parts; a part is 0 when absent.
type dateValue struct {
	parts   [2][3]int
	hasEnd  bool
	season  string
	circa   bool
	literal string
	raw     string
}

func partIndex(name string) int {
	switch name {
	case "year":
		return 0
	case "month":
		return 1
	case "day":
		return 2
	}
	return -1
}

// hasAny reports whether the date has something the given parts (or a
// literal) would render.
func (d *dateValue) hasAny(parts []string) bool {
	if d.literal != "" {
		return true
	}
	for _, p := range parts {
		i := partIndex(p)
		if i < 0 {
			continue
		}
		if d.parts[0][i] != 0 || (d.hasEnd && d.parts[1][i] != 0) {
			return true
		}
	}
	return false
}

// truthy is the date as a JavaScript condition sees it: any part set.
func (d *dateValue) truthy() bool {
	for _, p := range d.parts {
		for _, v := range p {
			if v != 0 {
				return true
			}
		}
	}
	return d.season != "" || d.circa || d.literal != "" || d.raw != ""
}

func (it *itemData) has(v string) bool {
	if it.fields[v] != "" {
		return true
	}
	if len(it.names[v]) > 0 {
		return true
	}
	if d := it.dates[v]; d != nil && d.truthy() {
		return true
	}
	return false
}

var pageSplitRe = regexp.MustCompile(`\s*(?:&|, |-|\x{2013})\s*`)

// load prepares an item for rendering.
func load(it *Item) *itemData {
	d := &itemData{id: it.ID, typ: it.Type,
		fields: make(map[string]string, len(it.Fields)),
		names:  make(map[string][]Name, len(it.Names)),
		dates:  make(map[string]*dateValue, len(it.Dates))}
	for k, v := range it.Fields {
		if v != "" {
			d.fields[k] = v
		}
	}
	for k, v := range it.Names {
		if len(v) > 0 {
			d.names[k] = v
		}
	}
	for k, v := range it.Dates {
		d.dates[k] = parseDateValue(v)
	}
	if lang := d.fields["language"]; strings.ContainsAny(lang, "<>") {
		if i := strings.IndexAny(lang, "<>"); i >= 0 {
			a, b := lang[:i], lang[i+1:]
			if lang[i] == '<' {
				d.fields["language"] = a
			} else {
				d.fields["language"] = b
			}
			if d.fields["language"] == "" {
				delete(d.fields, "language")
			}
		}
	}
	if p := d.fields["page"]; p != "" {
		parts := pageSplitRe.Split(p, -1)
		if !strings.HasSuffix(parts[0], "\\") {
			d.fields["page-first"] = parts[0]
		} else {
			d.fields["page-first"] = p
		}
	}
	if d.fields["title-short"] == "" && d.fields["shortTitle"] != "" {
		d.fields["title-short"] = d.fields["shortTitle"]
	}
	if d.fields["container-title-short"] == "" && d.fields["journalAbbreviation"] != "" {
		d.fields["container-title-short"] = d.fields["journalAbbreviation"]
	}
	return d
}

func parseDateValue(v Date) *dateValue {
	d := &dateValue{season: v.Season, circa: v.Circa, literal: v.Literal, raw: v.Raw}
	parts := v.Parts
	if len(parts) == 0 && v.Raw != "" {
		parts, d.literal = parseRawDate(v.Raw)
		if d.literal == "" && len(parts) == 0 {
			d.literal = v.Raw
		}
	}
	for i, p := range parts {
		if i > 1 {
			break
		}
		for j := 0; j < 3 && j < len(p); j++ {
			d.parts[i][j] = p[j]
		}
		if i == 1 {
			d.hasEnd = true
		}
	}
	return d
}

var (
	isoDateRe   = regexp.MustCompile(`^(-?\d{1,4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?(?:[T ].*)?$`)
	monthNameRe = regexp.MustCompile(`(?i)^(?:(\d{1,2})\s+)?([a-z]+)\.?\s+(?:(\d{1,2}),?\s+)?(-?\d{1,4})$`)
	monthNames  = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}
)

// parseRawDate reads the common forms of an unparsed date: ISO 8601
// ("2016-07-21", "2016-07", "2016"), an English month name ("July 21,
// 2016", "21 July 2016"), and a range of either joined by "/". Anything
// else is kept as a literal.
func parseRawDate(raw string) ([][]int, string) {
	raw = strings.TrimSpace(raw)
	var out [][]int
	for _, piece := range strings.SplitN(raw, "/", 2) {
		p := parseOneDate(strings.TrimSpace(piece))
		if p == nil {
			return nil, raw
		}
		out = append(out, p)
	}
	if len(out) == 2 && len(out[0]) != len(out[1]) {
		return nil, raw
	}
	return out, ""
}

func parseOneDate(s string) []int {
	if m := isoDateRe.FindStringSubmatch(s); m != nil {
		var p []int
		for _, x := range m[1:4] {
			if x == "" {
				break
			}
			n, _ := strconv.Atoi(x)
			p = append(p, n)
		}
		return p
	}
	if m := monthNameRe.FindStringSubmatch(s); m != nil {
		name := strings.ToLower(m[2])
		month := 0
		for i, mn := range monthNames {
			if strings.HasPrefix(name, mn) {
				month = i + 1
			}
		}
		if month == 0 {
			return nil
		}
		year, _ := strconv.Atoi(m[4])
		day := m[1]
		if day == "" {
			day = m[3]
		}
		if day == "" {
			return []int{year, month}
		}
		dn, _ := strconv.Atoi(day)
		return []int{year, month, dn}
	}
	return nil
}
