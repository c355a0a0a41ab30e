package cite

import (
	"bytes"
	"encoding/json"
	"io"

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
// order the CSL specification lists them.
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

func cslItemOf(t *talk.Talk, id string, opt Options) cslItem {
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
		Abstract:    abstract(t),
	}
	it.Event = it.EventTitle
	if opt.EventDate {
		it.EventDate = it.Issued
	}
	for _, n := range Names(t) {
		it.Author = append(it.Author, cslName{Family: n.Family, Given: n.Given,
			DroppingParticle: n.DroppingParticle, NonDroppingParticle: n.NonDroppingParticle,
			Suffix: n.Suffix, Literal: n.Literal})
	}
	if t.Duration > 0 {
		it.Dimensions = t.Duration.Clock()
	}
	for i, k := range tags(t) {
		if i > 0 {
			it.Keyword += ", "
		}
		it.Keyword += k
	}
	return it
}

// WriteCSLJSON writes talks as a CSL-JSON array, each a CSL item of type
// speech with unique ids (see [Writer]), without event-date (see
// [Options.EventDate]). Only errors from w are returned.
func WriteCSLJSON(w io.Writer, talks ...*talk.Talk) error {
	return WriteAll(w, CSLJSON, talks, Options{})
}

// writeCSLItem writes one item, indented by indent.
func writeCSLItem(w io.Writer, t *talk.Talk, id string, opt Options, indent string) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent(indent, "  ")
	if err := enc.Encode(cslItemOf(t, id, opt)); err != nil {
		return err
	}
	_, err := w.Write(append([]byte(indent), bytes.TrimSuffix(b.Bytes(), []byte("\n"))...))
	return err
}

// Reference formats t's bibliography entry in f with pr, a processor of
// any CSL style (see talk/cite/csl): the entry of the item [CSLItem]
// gives, with [Key] as its id. A site's "cite this talk" box is one call.
func Reference(pr *csl.Processor, t *talk.Talk, f csl.Format, opt Options) (string, error) {
	it, err := CSLItem(t, Key(t), opt)
	if err != nil {
		return "", err
	}
	return pr.Entry(it, f)
}

// CSLItem returns the talk as an item for the CSL engine in talk/cite/csl,
// with the given id: the item WriteCSLJSON would write, read back, so that
// formatted references and CSL-JSON files can never disagree.
func CSLItem(t *talk.Talk, id string, opt Options) (*csl.Item, error) {
	data, err := json.Marshal([]cslItem{cslItemOf(t, id, opt)})
	if err != nil {
		return nil, err
	}
	items, err := csl.ParseItems(data)
	if err != nil {
		return nil, err
	}
	return items[0], nil
}
