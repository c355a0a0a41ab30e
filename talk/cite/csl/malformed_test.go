package csl

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

// malformedStyle is a style whose lines after the <info> are body.
func malformedStyle(body string) string {
	return `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>t</title><id>t</id><updated>2020-01-01T00:00:00+00:00</updated></info>
` + body + "\n</style>\n"
}

// TestMalformedStyles requires a clear error, naming the file, line and
// element, for styles that break CSL's rules, and no hang: macros that
// call each other, a macro called twice by each of forty others (2^40
// renderings of it), a second citation, elements inside <text>, 70,000
// variables (the engine numbers them in 16 bits, and panicked), an empty
// variable attribute (New panicked; FuzzStyle found it), a root in
// another namespace.
func TestMalformedStyles(t *testing.T) {
	var doubling strings.Builder
	for i := range 40 {
		fmt.Fprintf(&doubling, `  <macro name="m%d"><text macro="m%d"/><text macro="m%d"/></macro>`+"\n", i, i+1, i+1)
	}
	doubling.WriteString(`  <macro name="m40"><text value="x"/></macro>` + "\n")
	doubling.WriteString(`  <citation><layout><text macro="m0"/></layout></citation>`)
	var manyVariables strings.Builder
	manyVariables.WriteString("  <citation><layout>")
	for i := range 70000 {
		fmt.Fprintf(&manyVariables, `<text variable="v%d"/>`, i)
	}
	manyVariables.WriteString("</layout></citation>")
	styles := []struct{ name, body string }{
		{"bad-xml.csl", `  <citation><layout><text variable="title"></layout></citation>`},
		{"unknown-element.csl", `  <citation><layout><textt variable="title"/></layout></citation>`},
		{"missing-macro.csl", `  <citation><layout><text macro="nope"/></layout></citation>`},
		{"recursion.csl", `  <macro name="a"><text macro="b"/></macro>
  <macro name="b"><group><choose><if variable="title"><text macro="a"/></if></choose></group></macro>
  <citation><layout><text macro="a"/></layout></citation>`},
		{"doubling.csl", doubling.String()},
		{"two-citations.csl", `  <citation><layout><text value="x"/></layout></citation>
  <citation><layout><text value="y"/></layout></citation>`},
		{"text-child.csl", `  <citation><layout><text variable="title"><text value="x"/></text></layout></citation>`},
		{"label-child.csl", `  <citation><layout><label variable="page"><group/></label></layout></citation>`},
		{"many-variables.csl", manyVariables.String()},
		{"empty-variable.csl", `  <citation><layout><number variable=" "/></layout></citation>`},
	}
	fsys := fstest.MapFS{}
	for _, s := range styles {
		fsys[s.name] = &fstest.MapFile{Data: []byte(malformedStyle(s.body))}
	}
	// A style in another namespace than CSL's: skipped as a foreign
	// element, its root was "no root element" at 1:1.
	styles = append(styles, struct{ name, body string }{"wrong-namespace.csl", ""})
	fsys["wrong-namespace.csl"] = &fstest.MapFile{Data: []byte(strings.Replace(malformedStyle(`  <citation><layout><text value="x"/></layout></citation>`),
		"http://purl.org/net/xbiblio/csl", "http://purl.org/net/xbiblio/csl/1.0", 1))}
	var got []string
	for _, s := range styles {
		// A hang fails the test by go test's -timeout.
		_, err := LoadStyle(fsys, s.name)
		got = append(got, fmt.Sprint(err))
	}
	want := []string{
		"csl: bad-xml.csl:4: element <text> closed by </layout>",
		"csl: unknown-element.csl:4:21: <textt>: unexpected element in <layout>",
		`csl: missing-macro.csl:4:21: <text> macro: undefined macro "nope"`,
		`csl: recursion.csl:4:3: <macro> name: macro "a" calls itself (a → b → a)`,
		`csl: doubling.csl:25:3: <macro> name: macro "m21" can render more than 1048576 elements (each call renders the whole macro called)`,
		"csl: two-citations.csl:5:3: <citation>: a second <citation> (line 4 has one)",
		"csl: text-child.csl:4:44: <text>: unexpected element in <text>",
		"csl: label-child.csl:4:44: <group>: unexpected element in <label>",
		"csl: many-variables.csl:4:238911: <text> variable: the style names more than 10000 variables",
		"csl: empty-variable.csl:4:21: <number> variable: names no variable",
		`csl: wrong-namespace.csl:2:1: the root element <style> is in the namespace "http://purl.org/net/xbiblio/csl/1.0"; a CSL style's is "http://purl.org/net/xbiblio/csl"`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
