package cite

import (
	"io"
	"strconv"
	"strings"
	"sync"

	"github.com/talkmeta/talkmeta/internal/bufpool"
	"github.com/talkmeta/talkmeta/internal/jsonx"
	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/cite/csl"
)

// cslName is a CSL-JSON name object.
type cslName struct {
	Family              string `json:"family,omitempty"`
	Given               string `json:"given,omitempty"`
	DroppingParticle    string `json:"dropping-particle,omitempty"`
	NonDroppingParticle string `json:"non-dropping-particle,omitempty"`
	Suffix              string `json:"suffix,omitempty"`
	Literal             string `json:"literal,omitempty"`
}

// cslDate is a CSL-JSON date object.
type cslDate struct {
	DateParts [][]int `json:"date-parts"`
}

// cslItem is a CSL-JSON item, with the variables a talk fills in the
// order the CSL specification lists them. Its json tags say the form
// appendCSLItem writes, which FuzzCSLJSONItem holds it to.
type cslItem struct {
	ID          string    `json:"id"`
	Type        string    `json:"type"`
	CitationKey string    `json:"citation-key,omitempty"`
	Title       string    `json:"title,omitempty"`
	Author      []cslName `json:"author,omitempty"`
	EventTitle  string    `json:"event-title,omitempty"`
	Event       string    `json:"event,omitempty"`
	EventPlace  string    `json:"event-place,omitempty"`
	EventDate   *cslDate  `json:"event-date,omitempty"`
	Issued      *cslDate  `json:"issued,omitempty"`
	Genre       string    `json:"genre,omitempty"`
	Dimensions  string    `json:"dimensions,omitempty"`
	URL         string    `json:"URL,omitempty"`
	Language    string    `json:"language,omitempty"`
	Abstract    string    `json:"abstract,omitempty"`
	Keyword     string    `json:"keyword,omitempty"`
}

func cslDateOf(d talk.Date) *cslDate {
	if d.IsZero() {
		return nil
	}
	tm := d.Time()
	parts := []int{tm.Year()}
	if d.Precision() >= talk.Month {
		parts = append(parts, int(tm.Month()))
	}
	if d.Precision() >= talk.Day {
		parts = append(parts, tm.Day())
	}
	return &cslDate{DateParts: [][]int{parts}}
}

// cslItemOf returns t as a CSL item. reads, when not nil, says which
// variables will be read (see csl.Processor.Uses), and the ones that cost
// most to build, the abstract and the keywords, are left out when it says
// no.
func cslItemOf(t *talk.Talk, id string, names []Name, opt Options, reads func(variable string) bool) cslItem {
	it := cslItem{
		ID:          id,
		Type:        "speech",
		CitationKey: id,
		Title:       title(t),
		EventTitle:  clean(t.Event.Title),
		EventPlace:  cityCountry(t),
		Issued:      cslDateOf(issued(t)),
		Genre:       Genre(t),
		URL:         link(t),
		Language:    string(t.Language),
	}
	if reads == nil || reads("abstract") {
		it.Abstract = abstract(t)
	}
	it.Event = it.EventTitle
	if opt.EventDate {
		it.EventDate = it.Issued
	}
	for _, n := range names {
		it.Author = append(it.Author, cslName{Family: n.Family, Given: n.Given,
			DroppingParticle: n.DroppingParticle, NonDroppingParticle: n.NonDroppingParticle,
			Suffix: n.Suffix, Literal: n.Literal})
	}
	if t.Duration > 0 {
		it.Dimensions = t.Duration.Clock()
	}
	if reads == nil || reads("keyword") {
		it.Keyword = strings.Join(tags(t), ", ")
	}
	return it
}

// WriteCSLJSON writes talks as a CSL-JSON array, each a CSL item of type
// speech with unique ids (see [Writer]), without event-date (see
// [Options.EventDate]). Only errors from w are returned, and what
// [WriteAll] finds before anything is written.
func WriteCSLJSON(w io.Writer, talks ...*talk.Talk) error {
	return WriteAll(w, CSLJSON, talks, Options{})
}

// writeCSLItem writes one item, indented by indent.
func writeCSLItem(w io.Writer, t *talk.Talk, id string, opt Options, indent string) error {
	it := cslItemOf(t, id, Names(t), opt, nil)
	b := bufpool.Get()
	defer bufpool.Put(b)
	b.Write(appendCSLItem(b.AvailableBuffer(), &it, indent))
	_, err := w.Write(b.Bytes())
	return err
}

// appendCSLItem appends it, starting with indent, as encoding/json's
// Encoder writes it with SetIndent(indent, "  ") and SetEscapeHTML(false),
// without the newline the Encoder ends with: reflection and the
// indenting pass over its output were three quarters of writing an item
// (BenchmarkWriteRecords). FuzzCSLJSONItem holds the two to each other.
func appendCSLItem(b []byte, it *cslItem, indent string) []byte {
	w := indentWriter{b: append(b, indent...), prefix: indent}
	w.open('{')
	w.member("id", it.ID)
	w.member("type", it.Type)
	w.optional("citation-key", it.CitationKey)
	w.optional("title", it.Title)
	if len(it.Author) > 0 {
		w.key("author")
		w.open('[')
		for _, n := range it.Author {
			w.next()
			w.open('{')
			w.optional("family", n.Family)
			w.optional("given", n.Given)
			w.optional("dropping-particle", n.DroppingParticle)
			w.optional("non-dropping-particle", n.NonDroppingParticle)
			w.optional("suffix", n.Suffix)
			w.optional("literal", n.Literal)
			w.close('}')
		}
		w.close(']')
	}
	w.optional("event-title", it.EventTitle)
	w.optional("event", it.Event)
	w.optional("event-place", it.EventPlace)
	w.date("event-date", it.EventDate)
	w.date("issued", it.Issued)
	w.optional("genre", it.Genre)
	w.optional("dimensions", it.Dimensions)
	w.optional("URL", it.URL)
	w.optional("language", it.Language)
	w.optional("abstract", it.Abstract)
	w.optional("keyword", it.Keyword)
	w.close('}')
	return w.b
}

// indentWriter appends JSON laid out as encoding/json's indenting lays
// it out: each member and element on a line of its own, prefix and two
// spaces a level, and an empty object or array as "{}" or "[]".
type indentWriter struct {
	b      []byte
	prefix string
	depth  int
	empty  bool // nothing is in the innermost object or array yet
}

func (w *indentWriter) open(c byte) {
	w.b = append(w.b, c)
	w.depth++
	w.empty = true
}

func (w *indentWriter) close(c byte) {
	w.depth--
	if !w.empty {
		w.newline()
	}
	w.b = append(w.b, c)
	w.empty = false
}

// next starts the next member or element.
func (w *indentWriter) next() {
	if !w.empty {
		w.b = append(w.b, ',')
	}
	w.empty = false
	w.newline()
}

func (w *indentWriter) newline() {
	w.b = append(w.b, '\n')
	w.b = append(w.b, w.prefix...)
	for range w.depth {
		w.b = append(w.b, "  "...)
	}
}

func (w *indentWriter) key(k string) {
	w.next()
	w.b = jsonx.Plain.AppendString(w.b, k)
	w.b = append(w.b, ": "...)
}

func (w *indentWriter) member(k, v string) {
	w.key(k)
	w.b = jsonx.Plain.AppendString(w.b, v)
}

// optional writes the member k unless v is empty (omitempty).
func (w *indentWriter) optional(k, v string) {
	if v != "" {
		w.member(k, v)
	}
}

// date writes the member k unless d is nil.
func (w *indentWriter) date(k string, d *cslDate) {
	if d == nil {
		return
	}
	w.key(k)
	w.open('{')
	w.key("date-parts")
	w.open('[')
	for _, parts := range d.DateParts {
		w.next()
		w.open('[')
		for _, p := range parts {
			w.next()
			w.b = strconv.AppendInt(w.b, int64(p), 10)
		}
		w.close(']')
	}
	w.close(']')
	w.close('}')
}

// Reference formats t's bibliography entry in f with pr, a processor of
// any CSL style (see talk/cite/csl): the entry of the item [CSLItem]
// gives, with [Key] as its id. A site's "cite this talk" box is one call.
// It does not build the abstract and keywords when the style does not read
// them (see [csl.Processor.Uses]), which most styles do not.
//
// A nil t is a [*talk.NilError], text that is not UTF-8 or a date with a
// year outside 0000-9999 is the error [Writer.Write] gives, and a nil or
// zero pr gives the error its methods give, [csl.ErrNoStyle].
func Reference(pr *csl.Processor, f csl.Format, t *talk.Talk, opt Options) (string, error) {
	if err := checkTalk(t, -1); err != nil {
		return "", err
	}
	names := Names(t)
	it := engineItems.Get().(*csl.Item)
	defer releaseEngineItem(it)
	cslItemOf(t, key(t, names), names, opt, pr.Uses).fill(it)
	return pr.Entry(f, it)
}

// engineItems lends Reference the items it fills and hands to the
// engine, which keeps nothing of an item once its entry is made: an
// item's three maps were a tenth of the bytes a page, its JSON-LD, BibTeX
// and APA entry allocate (BenchmarkReference).
var engineItems = sync.Pool{New: func() any { return new(csl.Item) }}

// releaseEngineItem gives it back to engineItems emptied, its maps kept
// to be filled again and holding on to no talk.
func releaseEngineItem(it *csl.Item) {
	clear(it.Fields)
	clear(it.Names)
	clear(it.Dates)
	*it = csl.Item{Fields: it.Fields, Names: it.Names, Dates: it.Dates}
	engineItems.Put(it)
}

// CSLItem returns the talk as an item for the CSL engine in talk/cite/csl,
// with the given id: the item WriteCSLJSON writes, as the engine would
// read it back (TestCSLItemIsWrittenItem holds the two to each other on
// every talk), so that formatted references and CSL-JSON files never
// disagree.
//
// It refuses what the writers and [Reference] refuse, with the same
// error: a nil t is a [*talk.NilError], and text that is not UTF-8 or a
// date with a year outside 0000-9999 is [Writer.Write]'s error, which
// the engine would cite with U+FFFD in place of the bad bytes, or with a
// year of five digits.
func CSLItem(t *talk.Talk, id string, opt Options) (*csl.Item, error) {
	if err := checkTalk(t, -1); err != nil {
		return nil, err
	}
	it := new(csl.Item)
	cslItemOf(t, id, Names(t), opt, nil).fill(it)
	return it, nil
}

// fill makes it, an empty item, the item in the engine's form, without
// the JSON round trip that would cost a reference two thirds of its time.
func (c cslItem) fill(it *csl.Item) {
	it.ID, it.Type = c.ID, c.Type
	for _, f := range [...]struct{ variable, value string }{
		{"citation-key", c.CitationKey}, {"title", c.Title},
		{"event-title", c.EventTitle}, {"event", c.Event}, {"event-place", c.EventPlace},
		{"genre", c.Genre}, {"dimensions", c.Dimensions}, {"URL", c.URL},
		{"language", c.Language}, {"abstract", c.Abstract}, {"keyword", c.Keyword},
	} {
		it.Set(f.variable, f.value)
	}
	if len(c.Author) > 0 {
		names := make([]csl.Name, len(c.Author))
		for i, n := range c.Author {
			names[i] = csl.Name{Family: n.Family, Given: n.Given, DroppingParticle: n.DroppingParticle,
				NonDroppingParticle: n.NonDroppingParticle, Suffix: n.Suffix, Literal: n.Literal}
		}
		it.SetNames("author", names...)
	}
	for _, d := range [...]struct {
		variable string
		date     *cslDate
	}{{"issued", c.Issued}, {"event-date", c.EventDate}} {
		if d.date != nil {
			it.SetDate(d.variable, csl.Date{Parts: d.date.DateParts})
		}
	}
}
