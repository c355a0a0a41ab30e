package schema

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v5"
)

// The $ids of the embedded schemas. They are stable: a new version of a
// schema that rejects records the old one accepted gets a new $id.
const (
	TalkID            = "https://talkmeta.github.io/schema/v1/talk.json"
	SpeakerID         = "https://talkmeta.github.io/schema/v1/speaker.json"
	EventID           = "https://talkmeta.github.io/schema/v1/event.json"
	PyvideoTalkID     = "https://talkmeta.github.io/schema/v1/pyvideo/talk.json"
	PyvideoCategoryID = "https://talkmeta.github.io/schema/v1/pyvideo/category.json"
)

//go:embed talk.json speaker.json event.json pyvideo/talk.json pyvideo/category.json
var files embed.FS

// idPrefix is what every $id starts with; a file's name in [Files] is its
// $id without it.
const idPrefix = "https://talkmeta.github.io/schema/v1/"

// Files returns the embedded schemas, for publishing them or feeding them
// to another validator: talk.json, speaker.json and event.json (talkmeta's
// JSON form) and pyvideo/talk.json and pyvideo/category.json (the pyvideo
// profile). A file's $id is [TalkID] and so on: the base URL
// https://talkmeta.github.io/schema/v1/ followed by its name here, so that
// the schemas' relative $refs resolve when they are published side by
// side.
func Files() fs.FS { return files }

// compiled is every schema compiled, and every schema decoded, to look up
// a keyword's value (a minimum, a pattern) when explaining a failure.
type compiled struct {
	schemas map[string]*jsonschema.Schema // by $id
	docs    map[string]any                // by $id
	// quick holds, by $id, the fast check of each schema that quick could
	// reduce; see quickSchema.
	quick map[string]*quickSchema
}

// load compiles the schemas once per process; compiled schemas are
// immutable and safe for concurrent use.
var load = sync.OnceValues(func() (*compiled, error) {
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	c.AssertFormat = true
	c.LoadURL = func(url string) (_ io.ReadCloser, err error) {
		return nil, fmt.Errorf("schema: refusing to load %s: the talkmeta schemas are self-contained", url)
	}
	cs := &compiled{schemas: map[string]*jsonschema.Schema{}, docs: map[string]any{}, quick: map[string]*quickSchema{}}
	ids := []string{TalkID, SpeakerID, EventID, PyvideoTalkID, PyvideoCategoryID}
	for _, id := range ids {
		data, err := files.ReadFile(strings.TrimPrefix(id, idPrefix))
		if err != nil {
			return nil, err
		}
		if err := c.AddResource(id, bytes.NewReader(data)); err != nil {
			return nil, err
		}
		// Numbers stay as written, for messages: 9223372036854775807 is
		// no float64.
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.UseNumber()
		var doc any
		if err := dec.Decode(&doc); err != nil {
			return nil, err
		}
		cs.docs[id] = doc
	}
	for _, id := range ids {
		s, err := c.Compile(id)
		if err != nil {
			return nil, err
		}
		cs.schemas[id] = s
		if q := quick(s); q != nil {
			cs.quick[id] = q
		}
	}
	return cs, nil
})
