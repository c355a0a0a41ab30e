package html_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/html"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

// TestMetaDescription holds a page's meta description (and so its Open
// Graph and Twitter descriptions) to what a reader sees of the talk: its
// summary, or the first words of its description as the page shows them,
// without the markup's syntax. Search results and link previews show the
// meta description as it is, so "Why\n===" there would read as "Why ===".
func TestMetaDescription(t *testing.T) {
	long := strings.Repeat("*word* ", 60)
	tests := []struct {
		name string
		talk talk.Talk
		want string // the meta description element's line; "" for none
	}{
		{"summary first", talk.Talk{Summary: "The *summary*.", Description: "Why\n===", Markup: talk.ReStructuredText},
			`<meta name="description" content="The *summary*.">`},
		{"reStructuredText", talk.Talk{Description: "Why\n===\n\n*Fast* code, ``x < y`` and `a link <https://x.org>`_.\n\n- one\n- two\n", Markup: talk.ReStructuredText},
			`<meta name="description" content="Why Fast code, x &lt; y and a link. one two">`},
		{"character references", talk.Talk{Description: "Tom & Jerry's \"show\"", Markup: talk.ReStructuredText},
			`<meta name="description" content="Tom &amp; Jerry&#39;s &#34;show&#34;">`},
		{"only a comment", talk.Talk{Description: ".. a comment, which no reader sees", Markup: talk.ReStructuredText}, ""},
		{"Markdown", talk.Talk{Description: "# Outline\n\n- one\n- two **bold** [link](https://x.org)\n\n<script>alert(1)</script>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", Markup: talk.Markdown},
			`<meta name="description" content="Outline one two bold link a b 1 2">`},
		{"blank summary", talk.Talk{Summary: " \n", Description: "Plain words."},
			`<meta name="description" content="Plain words.">`},
		{"plain text keeps its stars", talk.Talk{Description: "a *b*\n\nc"},
			`<meta name="description" content="a *b* c">`},
		// A line break between Chinese or Japanese characters, which a
		// source wraps anywhere, is nothing, as a browser lays it out;
		// elsewhere (before a Latin word, between Korean words) a space.
		{"Japanese lines", talk.Talk{Description: "生じます。\n本発表では、\nDjango を\n使います。\n한국어\n문장", Markup: talk.ReStructuredText},
			`<meta name="description" content="生じます。本発表では、 Django を使います。 한국어 문장">`},
		{"Japanese lines in plain text", talk.Talk{Description: "生じます。\n本発表では、\nDjango を\n使います。\n한국어\n문장"},
			`<meta name="description" content="生じます。本発表では、 Django を使います。 한국어 문장">`},
		{"Japanese lines and spaces", talk.Talk{Description: "本発表 \n では 、 です", Markup: talk.Markdown},
			`<meta name="description" content="本発表では 、 です">`},
		{"cut at a word", talk.Talk{Description: long, Markup: talk.ReStructuredText},
			`<meta name="description" content="` + strings.TrimSpace(strings.Repeat("word ", 40)) + `…">`},
	}
	for _, pair := range pagePairs(t)[:1] {
		for _, r := range []html.Renderer{pair.compiled, pair.templated} {
			for _, tt := range tests {
				var b bytes.Buffer
				if err := r.WriteTalk(&b, &tt.talk, html.PageOptions{}); err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(tt.want, metaDescription(b.String())); diff != "" {
					t.Errorf("%s (templates: %v): meta description (-want +got):\n%s", tt.name, r.Templates != nil, diff)
				}
			}
		}
	}
}

// TestEventMetaDescription is TestMetaDescription for an event's page,
// whose description is reStructuredText when it comes from pyvideo.
func TestEventMetaDescription(t *testing.T) {
	desc := "EuroPython\n==========\n\n*The* conference, see `the site <https://ep.org>`_."
	tests := []struct {
		format string
		want   string
	}{
		{pyvideo.FormatName, `<meta name="description" content="EuroPython The conference, see the site.">`},
		{talk.FormatName, "<meta name=\"description\" content=\"EuroPython ========== *The* conference, see `the site &lt;https://ep.org&gt;`_.\">"},
	}
	for _, tt := range tests {
		ev := &talk.Event{ID: "ep", Title: "EuroPython", Description: desc, Origin: talk.Origin{Format: tt.format}}
		var r html.Renderer
		var b bytes.Buffer
		if err := r.WriteEvent(&b, ev, nil, html.PageOptions{}); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tt.want, metaDescription(b.String())); diff != "" {
			t.Errorf("%s event: meta description (-want +got):\n%s", tt.format, diff)
		}
	}
}

// metaDescription returns the line of page's meta description element,
// or "" for none.
func metaDescription(page string) string {
	for line := range strings.Lines(page) {
		if strings.HasPrefix(line, `<meta name="description"`) {
			return strings.TrimSuffix(line, "\n")
		}
	}
	return ""
}

// TestRSTLineTooLong shows a reStructuredText description with a line
// docutils will not parse (rst.LineTooLong), of which docutils and
// talk/rst parse nothing, as plain text: all of it, not none.
func TestRSTLineTooLong(t *testing.T) {
	long := strings.Repeat("x", 10001)
	tk := &talk.Talk{Title: "T", Description: "*Intro*\n\n" + long, Markup: talk.ReStructuredText}
	for _, pair := range pagePairs(t)[:1] {
		for _, r := range []html.Renderer{pair.compiled, pair.templated} {
			var b bytes.Buffer
			if err := r.WriteTalk(&b, tk, html.PageOptions{}); err != nil {
				t.Fatal(err)
			}
			page := b.String()
			start := strings.Index(page, `<div class="description" dir="auto">`)
			if start < 0 {
				t.Fatalf("templates: %v: no description in the page", r.Templates != nil)
			}
			end := strings.Index(page[start:], "</div>")
			want := `<div class="description" dir="auto"><p>*Intro*</p><p>` + long + `</p></div>`
			if diff := cmp.Diff(want, page[start:start+end+len("</div>")]); diff != "" {
				t.Errorf("templates: %v: description (-want +got):\n%s", r.Templates != nil, diff)
			}
			if diff := cmp.Diff(`<meta name="description" content="*Intro* `+long[:192]+`…">`, metaDescription(page)); diff != "" {
				t.Errorf("templates: %v: meta description (-want +got):\n%s", r.Templates != nil, diff)
			}
		}
	}
}
