package html

import (
	"bytes"
	stdhtml "html"
	htmltemplate "html/template"
	"io"
	"net/url"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/talkmeta/talkmeta/internal/bufpool"
	"github.com/talkmeta/talkmeta/internal/weburl"
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
	if !isMarkup(src, m) {
		return plainBody(src), nil
	}
	return renderBody(func(w io.Writer) error { return writeMarkup(w, src, m, headingLevel) })
}

// isMarkup reports whether writeMarkup renders src, text in m:
// reStructuredText that docutils would parse (not one with a line over
// its length limit, of which it parses nothing: see rst.LineTooLong),
// and Markdown that goldmark renders in reasonable time (see
// markdownInBounds), as opposed to plain text, which a page shows as
// paragraphs, all of it.
func isMarkup(src string, m talk.Markup) bool {
	switch m {
	case talk.ReStructuredText:
		return !rst.LineTooLong(src)
	case talk.Markdown:
		return markdownInBounds(src)
	}
	return false
}

// Bounds on the Markdown a page renders with goldmark, whose parser takes
// time that grows with the square of a line's nesting of block quotes and
// lists (">>>>" or "- - - -": 4.5 s for a line of 64 KiB) and of a
// paragraph's unclosed links ("[a](" over and over: 2.8 s for 64 KiB).
// Within them a description renders in a few milliseconds at most; beyond
// them it is shown as plain text, all of it, as a description without
// markup is. No real description comes near them.
const (
	maxMarkdownBytes     = 64 << 10 // the whole description
	maxMarkdownParagraph = 4 << 10  // a run of lines without a blank one
	maxMarkdownNesting   = 32       // quotes and list items opened on one line
)

// markdownInBounds reports whether src is within the bounds above.
func markdownInBounds(src string) bool {
	if len(src) > maxMarkdownBytes {
		return false
	}
	paragraph := 0
	for line := range strings.Lines(src) {
		if strings.TrimSpace(line) == "" {
			paragraph = 0
			continue
		}
		if paragraph += len(line); paragraph > maxMarkdownParagraph {
			return false
		}
		if containersOpened(line) > maxMarkdownNesting {
			return false
		}
	}
	return true
}

// containersOpened counts the block quote markers (">") and list item
// markers ("-", "+", "*", "1.", "1)") a line of Markdown begins with, each
// after up to three spaces, as CommonMark opens one container within
// another on one line.
func containersOpened(line string) int {
	n := 0
	for {
		i := 0
		for i < 3 && i < len(line) && line[i] == ' ' {
			i++
		}
		j := i
		for j < i+9 && j < len(line) && '0' <= line[j] && line[j] <= '9' {
			j++ // an ordered list's number, of up to nine digits
		}
		switch {
		case j > i && j < len(line) && (line[j] == '.' || line[j] == ')'):
			j++
		case j == i && i < len(line) && line[i] == '>':
			n++
			line = line[i+1:]
			continue
		case j == i && i < len(line) && (line[i] == '-' || line[i] == '+' || line[i] == '*'):
			j++
		default:
			return n
		}
		if j < len(line) && line[j] != ' ' && line[j] != '\t' {
			return n // "-x" or "1.x": text, not a list item
		}
		n++
		line = line[j:]
	}
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
// keeps the page's headings in order; the ids of the elements the text
// names start with "description-", which none of the page's own does.
func writeRST(w io.Writer, src string, headingLevel int) error {
	return rst.WriteHTML(w, rst.Parse(src), rst.HTMLOptions{HeadingLevel: min(headingLevel+1, 6), IDPrefix: "description-"})
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
// alternative text (the others load lazily and send no referrer), and
// links get rel="nofollow noopener".
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
			} else {
				// As talk/rst writes its images: another site's image
				// loads only when a reader scrolls to it, and is not
				// told which page shows it.
				n.SetAttributeString("loading", []byte("lazy"))
				n.SetAttributeString("referrerpolicy", []byte("no-referrer"))
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
	nameImageLinks(doc, source)
}

// nameImageLinks gives a link whose content is images with no
// alternative text ("[![](logo.png)](https://example.org/)") a name: its
// URL, as its images' alternative text, as talk/rst names such a link.
// A link without a name leaves a screen reader nothing to say of it
// (WCAG 2.4.4; axe-core's link-name rule), and an image that is all of
// a link is no decoration.
func nameImageLinks(doc ast.Node, source []byte) {
	var links []*ast.Link
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if l, ok := n.(*ast.Link); ok && entering {
			links = append(links, l)
		}
		return ast.WalkContinue, nil
	})
	for _, l := range links {
		var images []ast.Node
		named := false
		for c := l.FirstChild(); c != nil; c = c.NextSibling() {
			if _, ok := c.(*ast.Image); ok && strings.TrimSpace(mdText(c, source)) == "" {
				images = append(images, c)
			} else if strings.TrimSpace(mdText(c, source)) != "" || c.Kind() != ast.KindText && c.Kind() != ast.KindString {
				named = true
			}
		}
		if named || len(images) == 0 {
			continue
		}
		u := util.URLEscape(l.Destination, true)
		for _, img := range images {
			for c := img.FirstChild(); c != nil; c = img.FirstChild() {
				img.RemoveChild(img, c)
			}
			img.AppendChild(img, ast.NewString(u))
		}
	}
}

// mdText is the text of a Markdown node as goldmark writes an image's
// alternative text: its Text and String nodes' text, at any depth.
func mdText(n ast.Node, source []byte) string {
	switch n := n.(type) {
	case *ast.Text:
		return string(n.Segment.Value(source))
	case *ast.String:
		return string(n.Value)
	}
	var b strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		b.WriteString(mdText(c, source))
	}
	return b.String()
}

// linkable reports whether a Markdown link may point at u: an http(s) URL
// with a well-formed host, a mailto URL, or a relative URL.
func linkable(u string) bool {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil {
		return false
	}
	if p.Scheme == "" {
		return p.Host == "" || weburl.ValidHost(p.Hostname())
	}
	return safeURL(u) != ""
}

// imageable reports whether a page may load an image from u: http(s)
// only.
func imageable(u string) bool { return imageURL(u) != "" }

// imageURL is safeURL for an image a page loads (a thumbnail, a poster,
// a portrait, og:image): a mailto URL, which safeURL passes for links,
// is no image's, and gives "".
func imageURL(u string) string {
	s := safeURL(u)
	if strings.HasPrefix(s, "mailto:") { // safeURL writes schemes in lower case
		return ""
	}
	return s
}

// descriptionMeta is the meta description of a page that shows src, a
// description, as rendered, the HTML writeMarkup made of it when markup
// (isMarkup): the first words a reader sees, without the markup's syntax
// ("Why\n===\n\n*Fast* code" is "Why Fast code", not "Why === *Fast*
// code"). Plain text is its own.
func descriptionMeta[T ~string | []byte](src string, markup bool, rendered T) string {
	if !markup {
		return shorten(src)
	}
	return shorten(visibleText(rendered))
}

// visibleText is the text a reader sees of rendered, the HTML a markup
// renderer made: tags left out and character references decoded, its
// blocks (paragraphs, list items, headings) as paragraphs apart, each
// one's words joined by single spaces (or by nothing across a line break
// between Chinese or Japanese characters: joinsAcrossLine), but for
// preformatted blocks
// (code), whose lines and indentation are kept as a reader sees them.
func visibleText[T ~string | []byte](rendered T) string {
	b := bufpool.Get()
	defer bufpool.Put(b)
	b.Grow(len(rendered)) // the text is no longer than its HTML
	v := visibleWords{text: b.AvailableBuffer(), pre: -1}
	var ref [utf8.UTFMax * 2]byte // a reference decodes to at most two characters
	for i := 0; i < len(rendered); {
		switch rendered[i] {
		case '<':
			end := tagEnd(rendered, i+1)
			if name, closing := tagName(rendered[i+1 : end]); !inlineElement(name) {
				v.blockBreak(name == "pre" && !closing, name == "pre" && closing)
			}
			i = end + 1
		case '&':
			end := i + 1
			for end < len(rendered) && end-i < 32 && rendered[end] != ';' && rendered[end] != '&' && rendered[end] != '<' {
				end++
			}
			if end < len(rendered) && rendered[end] == ';' {
				appendText(&v, appendUnescaped(ref[:0], string(rendered[i:end+1])))
				i = end + 1
				continue
			}
			appendText(&v, "&")
			i++
		default:
			// The text up to the next tag or reference, at once.
			end := i + 1
			for end < len(rendered) && rendered[end] != '<' && rendered[end] != '&' {
				end++
			}
			appendText(&v, rendered[i:end])
			i = end
		}
	}
	v.blockBreak(false, v.pre >= 0)
	return string(v.text)
}

// visibleWords is visibleText's text as it is made.
type visibleWords struct {
	text []byte
	gap  gap // what goes before the next word
	// pre is where the text of the preformatted block being read starts
	// in text, its separator before it; -1 outside one.
	pre, preText int
}

// gap is what goes between two words of visibleWords: nothing, a space, a
// line's break (lineGap), or a paragraph's break.
type gap int

const (
	noGap gap = iota
	spaceGap
	// lineGap is white space with a line break in it, which is a space
	// but between two Chinese or Japanese characters (joinsAcrossLine).
	lineGap
	paragraphGap
)

// joinsAcrossLine reports whether the line break between the text before
// and the word after is nothing rather than a space, as CSS lays it out
// (its segment break transformation): between two characters of East
// Asian width wide, full-width or half-width but Hangul, that is between
// Chinese and Japanese characters, which are written without spaces and
// which a source wraps anywhere ("生じます。\n本発表では" is
// "生じます。本発表では", not "生じます。 本発表では").
func joinsAcrossLine[T ~string | []byte, U ~string | []byte](before T, after U) bool {
	if len(before) == 0 || len(after) == 0 || before[len(before)-1] < utf8.RuneSelf || after[0] < utf8.RuneSelf {
		return false
	}
	last, _ := runeBefore(before, len(before))
	return wideNotHangul(last) && wideNotHangul(runeAt(after, 0))
}

// wideNotHangul reports whether r is of East Asian width wide, full-width
// or half-width, and not Hangul.
func wideNotHangul(r rune) bool {
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth, width.EastAsianHalfwidth:
		return !unicode.Is(unicode.Hangul, r)
	}
	return false
}

// blockBreak ends the block being read: it starts a preformatted one
// when opening, and ends one when closing. A preformatted block loses
// its blank lines before its first and its spaces after its last, as a
// page shows it, and is left out when only spaces.
func (v *visibleWords) blockBreak(opening, closing bool) {
	v.gap = paragraphGap
	if closing && v.pre >= 0 {
		lines := bytes.TrimRightFunc(v.text[v.preText:], unicode.IsSpace)
		for len(lines) > 0 {
			nl := bytes.IndexByte(lines, '\n')
			if nl < 0 || len(bytes.TrimSpace(lines[:nl])) > 0 {
				break
			}
			lines = lines[nl+1:]
		}
		if len(lines) == 0 {
			v.text = v.text[:v.pre]
		} else {
			v.text = append(v.text[:v.preText], lines...) // copy handles the overlap
		}
		v.pre = -1
	}
	if opening {
		v.pre = len(v.text)
		if len(v.text) > 0 {
			v.text = append(v.text, '\n', '\n')
		}
		v.preText = len(v.text)
	}
}

// appendText adds s, text of the page, to v: its words, or within a
// preformatted block its lines as they are.
func appendText[T ~string | []byte](v *visibleWords, s T) {
	if v.pre >= 0 {
		// A line ends at "\r\n" or "\r" too, as HTML reads it.
		done := 0
		for i := 0; i < len(s); i++ {
			if s[i] == '\r' {
				v.text = append(append(v.text, s[done:i]...), '\n')
				if i+1 < len(s) && s[i+1] == '\n' {
					i++
				}
				done = i + 1
			}
		}
		v.text = append(v.text, s[done:]...)
		return
	}
	for i := 0; i < len(s); {
		c, size := s[i], 1
		isSpace := asciiSpace(c)
		if c >= utf8.RuneSelf {
			var r rune
			r, size = utf8.DecodeRuneInString(string(s[i:min(i+utf8.UTFMax, len(s))]))
			isSpace = unicode.IsSpace(r)
		}
		if isSpace {
			g := spaceGap
			if c == '\n' || c == '\r' {
				g = lineGap
			}
			v.gap = max(v.gap, g)
			i += size
			continue
		}
		if len(v.text) > 0 && v.gap == paragraphGap {
			v.text = append(v.text, '\n', '\n')
		} else if len(v.text) > 0 && (v.gap == spaceGap || v.gap == lineGap && !joinsAcrossLine(v.text, s[i:])) {
			v.text = append(v.text, ' ')
		}
		v.gap = noGap
		// The rest of the word's ASCII at once.
		end := i + size
		for end < len(s) && asciiWordByte[s[end]] {
			end++
		}
		v.text = append(v.text, s[i:end]...)
		i = end
	}
}

// asciiWordByte marks the bytes of a word that appendText copies as
// they are: ASCII but for spaces.
var asciiWordByte = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = !asciiSpace(byte(c))
	}
	return t
}()

// appendUnescaped appends the character reference ref decoded: the
// escapers' own references at once, others as html.UnescapeString
// decodes them.
func appendUnescaped(dst []byte, ref string) []byte {
	switch ref {
	case "&lt;":
		return append(dst, '<')
	case "&gt;":
		return append(dst, '>')
	case "&amp;":
		return append(dst, '&')
	case "&#39;", "&#x27;", "&apos;":
		return append(dst, '\'')
	case "&#34;", "&quot;":
		return append(dst, '"')
	}
	return append(dst, stdhtml.UnescapeString(ref)...)
}

// tagEnd returns the index of the ">" that ends the tag whose name starts
// at i in h, past any quoted attribute value, or len(h) for none.
func tagEnd[T ~string | []byte](h T, i int) int {
	var quote byte
	for ; i < len(h); i++ {
		switch c := h[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return i
		}
	}
	return len(h)
}

// tagName returns the name of the element of tag, a tag's text between
// "<" and ">" (such as `/em` or `a href="x"`), and whether it closes it;
// "!" for a comment.
func tagName[T ~string | []byte](tag T) (name string, closing bool) {
	if len(tag) > 0 && tag[0] == '!' {
		return "!", false
	}
	i := 0
	if i < len(tag) && tag[i] == '/' {
		i++
	}
	j := i
	for j < len(tag) && ('a' <= tag[j] && tag[j] <= 'z' || '0' <= tag[j] && tag[j] <= '9') {
		j++
	}
	return string(tag[i:j]), i > 0
}

// inlineElement reports whether the element of tagName name is one that a
// line of text runs through without a break.
func inlineElement(name string) bool {
	switch name {
	case "!": // a comment, such as goldmark's for raw HTML it left out, breaks no text
		return true
	case "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i", "ins",
		"kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "tt",
		"u", "var", "wbr":
		return true
	}
	return false
}
