package html_test

import (
	"bytes"
	"fmt"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/talkmeta/talkmeta/internal/corpustest"
	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/html"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

// pagePair renders talk pages twice: with the zero Renderer's written-out
// page, and by executing the embedded templates, which must agree byte
// for byte.
type pagePair struct {
	compiled, templated html.Renderer
}

// pagePairs are Renderers with each setting a talk page depends on.
func pagePairs(t testing.TB) []pagePair {
	t.Helper()
	var pairs []pagePair
	for _, r := range []html.Renderer{
		{},
		{BaseURL: "https://talks.example.org", SiteName: "Talks & <friends>", StyleSheet: "/style.css"},
	} {
		tmpl, err := html.DefaultTemplates()
		if err != nil {
			t.Fatal(err)
		}
		templated := r
		templated.Templates = tmpl
		pairs = append(pairs, pagePair{r, templated})
	}
	return pairs
}

// pageOptions are the options each talk is rendered with besides none.
var pageOptions = []html.PageOptions{
	{},
	{
		Canonical: "/a b/it's+here.html",
		Citations: []html.Citation{{Label: "BibTeX", Text: "@misc{x,\n  title = {A & <B>},\n}"}},
		Links:     []talk.Link{{URL: "/edit?x=1&y=2", Label: "Edit"}, {URL: "javascript:alert(1)", Label: "bad"}},
	},
}

// comparePages renders tk with every pair and option and reports where
// the written-out page and the templates part.
func comparePages(t *testing.T, pairs []pagePair, name string, tk *talk.Talk) {
	t.Helper()
	for i, pair := range pairs {
		for j, opt := range pageOptions {
			var got, want bytes.Buffer
			errGot := pair.compiled.WriteTalk(&got, tk, opt)
			errWant := pair.templated.WriteTalk(&want, tk, opt)
			if (errGot == nil) != (errWant == nil) {
				t.Fatalf("%s (renderer %d, options %d): error %v, templates' error %v", name, i, j, errGot, errWant)
			}
			if diff := cmp.Diff(want.String(), got.String()); diff != "" {
				t.Fatalf("%s (renderer %d, options %d): page differs from the templates' (-templates +written):\n%s", name, i, j, diff)
			}
		}
	}
}

// TestCompiledPage holds the talk page the zero Renderer writes to the
// embedded templates' page, over every talk of the test archive, the
// hostile strings in every field, and the corpus when $TALKMETA_CORPUS
// names it.
func TestCompiledPage(t *testing.T) {
	pairs := pagePairs(t)
	n := 0
	for tk, err := range pyvideo.Talks(os.DirFS(archive)) {
		if err != nil {
			t.Fatal(err)
		}
		comparePages(t, pairs, tk.Origin.Path, tk)
		n++
	}
	if n == 0 {
		t.Fatal("no talks in the test archive")
	}
	comparePages(t, pairs, "empty talk", &talk.Talk{})
	comparePages(t, pairs, "markdown talk", &talk.Talk{Title: "M", Description: "# A\n\n*b* <i>c</i>", Markup: talk.Markdown})
	for i, h := range hostileStrings(t) {
		comparePages(t, pairs, fmt.Sprintf("hostile string %d %q", i+1, h), hostileTalk(h))
		comparePages(t, pairs, fmt.Sprintf("hostile string %d %q away", i+1, h), hostileAwayTalk(h))
	}
}

// TestCompiledPageCorpus is TestCompiledPage over the corpus.
func TestCompiledPageCorpus(t *testing.T) {
	pairs := pagePairs(t)[:1]
	for _, tk := range corpustest.Talks(t) {
		comparePages(t, pairs, tk.Origin.Path, tk)
	}
}

// FuzzCompiledPage holds the written-out talk page to the templates' for
// arbitrary text in the fields a page shows, URLs included.
func FuzzCompiledPage(f *testing.F) {
	f.Add("async/await", "Yury Selivanov", "*awesome*", "https://example.org/a b?c=d&e+f#g", "asyncio", "en")
	f.Add("</title><script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "x\x00y", "javascript:alert(1)", "\u2028</script>", "de-CH")
	f.Add("T", "S", "", "/path/%41%zz%4", "", "\xff")
	f.Add("", "", "Title\n=====\n\n::\n\n  <code>", "mailto:a@b.c", "+", "")
	f.Add("a\u0085b", "x\xc2", "\x85 \ufdd0 \U0001fffe", "https://x.org/\x7f", "\xef\xb7", "\xf0\x9f")
	f.Add("T\x01", "\uffff", "ok \u00b7 \uff0c \U0001f600", "https://x.org/", "\xc2", "en")
	f.Add("0", "\xc20", "0", "0", "0", "0")
	f.Add("Web", "A1", "", "Euskalduna", "lightning_talk", "es")
	f.Add("\u01c6", " ", "\t", "\xe1", "\u01c6emo_day ", "ar")
	pairs := pagePairs(f)
	f.Fuzz(func(t *testing.T, title, speaker, desc, link, tag, lang string) {
		tk := &talk.Talk{
			Title: title, Subtitle: tag, Description: desc, Markup: talk.ReStructuredText,
			Kind: tag, Track: title, Place: talk.Place{Room: speaker},
			Speakers: []talk.Speaker{{Name: speaker, Homepage: link}, {Name: tag}},
			Event: talk.Event{ID: speaker, Title: tag, URL: link,
				Place: talk.Place{Venue: link, Room: tag, City: title, Region: desc, Country: lang}},
			Tags:      []string{tag, title},
			Links:     []talk.Link{{URL: link, Label: tag}},
			Slides:    []talk.Link{{URL: link}},
			Thumbnail: link, License: speaker, Language: talk.Language(lang),
			Videos: []talk.Video{{URL: link, Provider: talk.YouTube, ID: tag}, {URL: link, Provider: talk.File},
				{URL: link, Provider: tag}},
			// A block's parts, one with its own.
			Parts: []talk.Talk{
				{Title: tag, Language: talk.Language(lang), Kind: title, Speakers: []talk.Speaker{{Name: speaker}}},
				{Title: title, Parts: []talk.Talk{{Title: desc, Kind: tag}}},
			},
		}
		comparePages(t, pairs, "fuzzed talk", tk)
		tk.Videos = nil
		// Given away from the event's place, at a place of its own.
		tk.Place = talk.Place{Venue: title, Room: speaker, City: link, Region: lang, Country: tag}
		comparePages(t, pairs, "fuzzed talk without videos", tk)
		// The description in the other markups, which a written-out page
		// also renders straight into itself.
		tk.Markup = talk.Markdown
		comparePages(t, pairs, "fuzzed Markdown talk", tk)
		tk.Markup = talk.Plain
		comparePages(t, pairs, "fuzzed plain-text talk", tk)
		// With a summary, which the head shows instead of the
		// description's first words.
		tk.Summary, tk.Markup = title, talk.ReStructuredText
		comparePages(t, pairs, "fuzzed talk with a summary", tk)
	})
}
