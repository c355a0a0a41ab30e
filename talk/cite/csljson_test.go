package cite

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/talkmeta/talkmeta/internal/corpustest"
	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/cite/csl"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

// schemaPath is the official CSL-JSON schema in the shared references.
const schemaPath = "../../../shared/csl/csl-data.json"

// cslSchema compiles the schema once, offline.
var cslSchema = sync.OnceValues(func() (*jsonschema.Schema, error) {
	data, err := os.ReadFile(schemaPath)
	if err != nil {
		return nil, err
	}
	const id = "https://resource.citationstyles.org/schema/v1.0/input/json/csl-data.json"
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft7
	c.AssertFormat = true
	c.LoadURL = func(u string) (io.ReadCloser, error) { return nil, fmt.Errorf("no loading %s", u) }
	if err := c.AddResource(id, bytes.NewReader(data)); err != nil {
		return nil, err
	}
	return c.Compile(id)
})

// validateCSL returns the schema's complaints about a CSL-JSON document,
// sorted by instance location.
func validateCSL(t testing.TB, doc []byte) []string {
	t.Helper()
	s, err := cslSchema()
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("the CSL-JSON schema is not at %s", schemaPath)
	}
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatal(err)
	}
	if dec.More() {
		t.Fatal("trailing data after the CSL-JSON array")
	}
	err = s.Validate(v)
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		if err != nil {
			t.Fatal(err)
		}
		return nil
	}
	var leaves []string
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) == 0 {
			leaves = append(leaves, e.InstanceLocation+": "+e.Message)
		}
		for _, c := range e.Causes {
			walk(c)
		}
	}
	walk(ve)
	sort.Strings(leaves)
	return leaves
}

func TestCSLJSONSchema(t *testing.T) {
	for _, c := range goldenCases(t) {
		for _, opt := range []Options{{}, {EventDate: true}} {
			t.Run(fmt.Sprintf("%s/eventdate=%v", c.name, opt.EventDate), func(t *testing.T) {
				var b bytes.Buffer
				if err := WriteAll(&b, CSLJSON, append(c.talks, &talk.Talk{}), opt); err != nil {
					t.Fatal(err)
				}
				if p := validateCSL(t, b.Bytes()); len(p) > 0 {
					t.Errorf("not valid against csl-data.json:\n%s", strings.Join(p, "\n"))
				}
			})
		}
	}
	t.Run("otherTalks", func(t *testing.T) {
		var b bytes.Buffer
		if err := WriteAll(&b, CSLJSON, otherTalks(t), Options{EventDate: true}); err != nil {
			t.Fatal(err)
		}
		if p := validateCSL(t, b.Bytes()); len(p) > 0 {
			t.Errorf("not valid against csl-data.json:\n%s", strings.Join(p, "\n"))
		}
	})
	t.Run("the schema rejects", func(t *testing.T) {
		// Guard against a validator that accepts anything.
		p := validateCSL(t, []byte(`[{"id": "a", "type": "speech", "duration": "25:08", "author": [{"name": "x"}]}]`))
		if len(p) != 2 {
			t.Errorf("got %d problems, want 2 (duration, author name): %q", len(p), p)
		}
	})
	t.Run("no talks", func(t *testing.T) {
		var b bytes.Buffer
		if err := WriteCSLJSON(&b); err != nil {
			t.Fatal(err)
		}
		if b.String() != "[]\n" {
			t.Errorf("WriteCSLJSON() = %q, want %q", b.String(), "[]\n")
		}
		if p := validateCSL(t, b.Bytes()); len(p) > 0 {
			t.Error(p)
		}
	})
}

// TestCSLJSONCorpus validates the CSL-JSON of every talk of the corpus
// against the official schema.
func TestCSLJSONCorpus(t *testing.T) {
	var b bytes.Buffer
	w := NewWriter(&b, CSLJSON, Options{EventDate: true})
	n := 0
	for _, tk := range corpustest.Talks(t) {
		if err := w.Write(tk); err != nil {
			t.Fatal(err)
		}
		n++
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	p := validateCSL(t, b.Bytes())
	if len(p) > 0 {
		t.Errorf("%d problems, the first: %s", len(p), strings.Join(p[:min(10, len(p))], "\n"))
	}
	t.Logf("%d talks: %d schema problems", n, len(p))
}

// sameAsWritten reports how CSLItem's item differs from the item the CSL
// engine reads back from the CSL-JSON written for the same talk; a talk
// CSLItem refuses must be one the writers refuse, with the same error.
func sameAsWritten(t testing.TB, tk *talk.Talk, opt Options) string {
	t.Helper()
	it, err := CSLItem(tk, "id", opt)
	if err != nil {
		if refused := checkTalk(tk, -1); refused == nil || refused.Error() != err.Error() {
			t.Fatalf("CSLItem: %v; the writers: %v", err, refused)
		}
		return ""
	}
	var b bytes.Buffer
	if err := writeCSLItem(&b, tk, "id", opt, ""); err != nil {
		t.Fatal(err)
	}
	written, err := csl.ParseItems(b.Bytes())
	if err != nil {
		t.Fatalf("%v\n%s", err, b.Bytes())
	}
	return cmp.Diff(written[0], it)
}

// TestCSLItemIsWrittenItem holds CSLItem, which builds the engine's item
// directly, to the CSL-JSON the package writes, on real, hostile and empty
// talks and, with TALKMETA_CORPUS, on every talk of the corpus.
func TestCSLItemIsWrittenItem(t *testing.T) {
	talks := append(append(archiveTalks(t), hostileTalk(), &talk.Talk{}), scheduleTalks()...)
	if corpus := os.Getenv("TALKMETA_CORPUS"); corpus != "" {
		for tk, err := range pyvideo.Talks(os.DirFS(corpus)) {
			if err == nil {
				talks = append(talks, tk)
			}
		}
	} else {
		t.Log("TALKMETA_CORPUS is not set: the repository's records only")
	}
	for _, tk := range talks {
		for _, opt := range []Options{{}, {EventDate: true}} {
			if diff := sameAsWritten(t, tk, opt); diff != "" {
				t.Errorf("%s %+v: CSLItem differs from the written item (-written +CSLItem):\n%s", tk.Origin.Path, opt, diff)
			}
		}
	}
}

// TestReferenceIsEntryOfCSLItem holds Reference, which leaves out the
// variables a style does not read, to the entry of the whole item, in
// every built-in style and in one that reads the abstract and keywords
// Reference may leave out, on the repository's records and the hostile
// talk.
func TestReferenceIsEntryOfCSLItem(t *testing.T) {
	reads, err := csl.ParseStyle([]byte(`<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
<info><title>reads all</title><id>reads-all</id></info>
<citation><layout><text variable="title"/></layout></citation>
<bibliography><layout delimiter=". "><text variable="title"/><text variable="abstract"/><text variable="keyword"/></layout></bibliography>
</style>`))
	if err != nil {
		t.Fatal(err)
	}
	styles := map[string]*csl.Style{"reads-all": reads}
	for _, name := range csl.BuiltinStyleNames() {
		if styles[name], err = csl.BuiltinStyle(name); err != nil {
			t.Fatal(err)
		}
	}
	talks := append(append(archiveTalks(t), hostileTalk(), &talk.Talk{}), scheduleTalks()...)
	for name, st := range styles {
		pr, err := csl.New(st)
		if err != nil {
			t.Fatal(err)
		}
		for _, tk := range talks {
			for _, f := range []csl.Format{csl.Text, csl.HTML} {
				got, err := Reference(pr, f, tk, Options{})
				if err != nil {
					t.Fatal(err)
				}
				it, err := CSLItem(tk, Key(tk), Options{})
				if err != nil {
					t.Fatal(err)
				}
				want, err := pr.Entry(f, it)
				if err != nil {
					t.Fatal(err)
				}
				if got != want {
					t.Errorf("%s, %s: Reference = %q, want the entry of CSLItem %q", name, tk.Origin.Path, got, want)
				}
			}
		}
	}
	if pr, err := csl.New(reads); err != nil || !pr.Uses("abstract") {
		t.Errorf("the reads-all style does not read the abstract (%v)", err)
	}
}

// BenchmarkReference formats the APA reference of each of the
// repository's real records, descriptions and tags included, as a
// site's "cite this talk" box does; ns/talk is the time per talk and
// bytes are those of the records.
func BenchmarkReference(b *testing.B) {
	st, err := csl.BuiltinStyle("apa")
	if err != nil {
		b.Fatal(err)
	}
	pr, err := csl.New(st)
	if err != nil {
		b.Fatal(err)
	}
	talks := archiveTalks(b)
	var size int64
	for _, t := range talks {
		size += int64(len(t.Origin.Raw))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range talks {
			if _, err := Reference(pr, csl.Text, t, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(talks)), "ns/talk")
}
