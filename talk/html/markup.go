package html

import (
	"bytes"
	htmltemplate "html/template"
	"io"
	"net/url"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/talkmeta/talkmeta/internal/bufpool"
	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/rst"
)

// body is a description made ready for a page: either HTML that a markup
// renderer made, or plain paragraphs for the templates to escape.
type body struct {
	HTML       htmltemplate.HTML
	Paragraphs []string
}

// renderMarkup renders a description in its markup. headingLevel is the
// level of the heading the description sits under; the description's own
// headings start one below it, so that a page's headings stay in order.
func renderMarkup(src string, m talk.Markup, headingLevel int) (body, error) {
	if !isMarkup(m) {
		return plainBody(src), nil
	}
	return renderBody(func(w io.Writer) error { return writeMarkup(w, src, m, headingLevel) })
}

// isMarkup reports whether writeMarkup renders text in m: Markdown and
// reStructuredText, as opposed to plain text.
func isMarkup(m talk.Markup) bool {
	return m == talk.Markdown || m == talk.ReStructuredText
}

// writeMarkup writes the HTML of src, in the markup m (see isMarkup), to
// w, its headings below headingLevel (see renderMarkup).
func writeMarkup(w io.Writer, src string, m talk.Markup, headingLevel int) error {
	if m == talk.Markdown {
		return writeMarkdown(w, src, headingLevel)
	}
	return writeRST(w, src, headingLevel)
}

// writeRST renders reStructuredText with talk/rst, whose writer escapes
// all text and links only http, https, mailto and relative URLs. Its
// sections never skip a level, so starting them one below headingLevel
// keeps the page's headings in order.
func writeRST(w io.Writer, src string, headingLevel int) error {
	return rst.WriteHTML(w, rst.Parse(src), rst.HTMLOptions{HeadingLevel: min(headingLevel+1, 6)})
}

// renderBody returns what render writes as a body's HTML, or no body when
// it writes only white space. It renders into a pooled buffer, so that
// the body keeps one copy of exactly its size.
func renderBody(render func(io.Writer) error) (body, error) {
	b := bufpool.Get()
	defer bufpool.Put(b)
	if err := render(b); err != nil {
		return body{}, err
	}
	if len(bytes.TrimSpace(b.Bytes())) == 0 {
		return body{}, nil
	}
	return body{HTML: htmltemplate.HTML(b.String())}, nil
}

// plainBody splits text into paragraphs at blank lines.
func plainBody(src string) body {
	var b body
	for _, para := range strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n\n") {
		if para = strings.TrimSpace(para); para != "" {
			b.Paragraphs = append(b.Paragraphs, para)
		}
	}
	return b
}

// markdown is the one goldmark instance; goldmark's Markdown is safe for
// concurrent use and this one is never changed after it is made. Its
// renderer is goldmark's safe default: raw HTML is left out.
var markdown = sync.OnceValue(func() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(
			extension.Table,
			extension.Strikethrough,
			extension.NewLinkify(extension.WithLinkifyAllowedProtocols([]string{"http:", "https:", "mailto:"})),
		),
	)
})

// writeMarkdown renders Markdown with goldmark.
func writeMarkdown(w io.Writer, src string, headingLevel int) error {
	md := markdown()
	source := []byte(src)
	doc := md.Parser().Parse(text.NewReader(source))
	makeSafe(doc, source, headingLevel)
	// goldmark escapes all text and attribute values, writes no raw HTML
	// from the source, and makeSafe has removed every link to a scheme
	// other than http, https and mailto.
	return md.Renderer().Render(w, source, doc)
}

// makeSafe rewrites a Markdown tree for a page: headings move below
// headingLevel and skip no level, links to anything but http, https, mailto and relative
// URLs become their text, images from anything but http(s) become their
// alternative text, and links get rel="nofollow noopener".
func makeSafe(doc ast.Node, source []byte, headingLevel int) {
	var unwrap []ast.Node
	var replace [][2]ast.Node
	last := headingLevel
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			// Below the page's heading, and never more than one level
			// below the heading before it.
			n.Level = min(n.Level+headingLevel, last+1, 6)
			last = n.Level
		case *ast.Link:
			if !linkable(string(util.URLEscape(n.Destination, true))) {
				unwrap = append(unwrap, n)
			} else {
				n.SetAttributeString("rel", []byte("nofollow noopener"))
			}
		case *ast.Image:
			if !imageable(string(util.URLEscape(n.Destination, true))) {
				unwrap = append(unwrap, n)
			}
		case *ast.AutoLink:
			u := string(util.URLEscape(n.URL(source), false))
			if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(u), "mailto:") {
				u = "mailto:" + u
			}
			if !linkable(u) || strings.HasPrefix(u, "/") {
				replace = append(replace, [2]ast.Node{n, ast.NewString(n.Label(source))})
			} else {
				n.SetAttributeString("rel", []byte("nofollow noopener"))
			}
		}
		return ast.WalkContinue, nil
	})
	for _, n := range unwrap {
		parent := n.Parent()
		for c := n.FirstChild(); c != nil; {
			next := c.NextSibling()
			parent.InsertBefore(parent, n, c)
			c = next
		}
		parent.RemoveChild(parent, n)
	}
	for _, r := range replace {
		r[0].Parent().ReplaceChild(r[0].Parent(), r[0], r[1])
	}
}

// linkable reports whether a Markdown link may point at u: an http(s) URL
// with a well-formed host, a mailto URL, or a relative URL.
func linkable(u string) bool {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil {
		return false
	}
	if p.Scheme == "" {
		return p.Host == "" || validHost(p.Hostname())
	}
	return safeURL(u) != ""
}

// imageable reports whether a page may load an image from u: http(s)
// only.
func imageable(u string) bool {
	s := safeURL(u)
	return s != "" && !strings.HasPrefix(strings.ToLower(s), "mailto:")
}
