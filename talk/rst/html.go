package rst

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/talkmeta/talkmeta/talk"
)

// HTMLOptions control WriteHTML.
type HTMLOptions struct {
	// HeadingLevel is the HTML heading level of the document's top
	// sections: 2 (the default) for text inside a page whose own title is
	// its h1. Deeper sections take the levels below, down to h6.
	HeadingLevel int
	// IDPrefix goes before the ids of the elements that directives name
	// (":name: setup" gives id "setup"), and in the links to them (a
	// target's "#setup" URL among them), so that a page can keep them
	// apart from its own ids; "" leaves them as docutils makes them.
	// White space and control characters in it are dropped, since an
	// HTML id holds none; any other text is kept, and the links to the
	// ids are percent-encoded to match them ("talk:", "50%").
	IDPrefix string
}

// WriteHTML writes the document as an HTML fragment. Every piece of text
// is escaped; links are made only of http, https and mailto URLs and
// relative references, so that no markup in the text can run script;
// images load only from http and https URLs (see the package doc's
// Safety); a reference to a target the text does not define is shown as
// text. A nil d is a [*talk.NilError], and nothing is written; the error
// is otherwise w's.
func WriteHTML(w io.Writer, d *Document, opt HTMLOptions) error {
	if d == nil {
		return &talk.NilError{Package: "rst", What: "document"}
	}
	hw := &htmlWriter{doc: d, top: opt.HeadingLevel, idPrefix: idPrefix(opt.IDPrefix)}
	if hw.top <= 0 {
		hw.top = 2
	}
	// A strings.Builder or bytes.Buffer, what callers usually pass, takes
	// the many small writes as they come, and they cannot fail; any other
	// writer gets them buffered (whose 4 kB buffer was a page's biggest
	// allocation but one).
	switch mw := w.(type) {
	case *strings.Builder:
		hw.w = mw
	case *bytes.Buffer:
		hw.w = mw
	default:
		bw := bufio.NewWriter(w)
		hw.w = bw
		hw.blocks(d.Children)
		return bw.Flush()
	}
	hw.blocks(d.Children)
	return nil
}

// stringWriter is what an htmlWriter writes to.
type stringWriter interface {
	io.Writer
	io.StringWriter
}

type htmlWriter struct {
	w      stringWriter
	doc    *Document
	top    int
	inLink bool // inside <a>, where another link may not start
	// idPrefix is HTMLOptions.IDPrefix.
	idPrefix string
}

func (hw *htmlWriter) blocks(bs []Block) {
	for _, b := range bs {
		hw.block(b)
	}
}

func (hw *htmlWriter) block(b Block) {
	w := hw.w
	switch b := b.(type) {
	case *Section:
		h := min(hw.top+b.Level-1, 6)
		fmt.Fprintf(w, "<h%d", h)
		hw.id(b.ID)
		w.WriteString(">")
		hw.inlines(b.Title)
		fmt.Fprintf(w, "</h%d>\n", h)
		hw.blocks(b.Children)
	case *Paragraph:
		w.WriteString("<p>")
		hw.inlines(b.Content)
		w.WriteString("</p>\n")
	case *Transition:
		w.WriteString("<hr>\n")
	case *BulletList:
		w.WriteString("<ul>\n")
		hw.items(b.Items)
		w.WriteString("</ul>\n")
	case *EnumeratedList:
		w.WriteString("<ol")
		if t := map[string]string{"loweralpha": "a", "upperalpha": "A", "lowerroman": "i", "upperroman": "I"}[b.Style]; t != "" {
			fmt.Fprintf(w, ` type="%s"`, t)
		}
		if b.Start != 1 {
			fmt.Fprintf(w, ` start="%d"`, b.Start)
		}
		w.WriteString(">\n")
		hw.items(b.Items)
		w.WriteString("</ol>\n")
	case *DefinitionList:
		w.WriteString("<dl>\n")
		for _, it := range b.Items {
			hw.term(it.Term, it.Classifiers, it.Definition)
		}
		w.WriteString("</dl>\n")
	case *FieldList:
		w.WriteString("<dl class=\"fields\">\n")
		for _, f := range b.Fields {
			// A field's name with its colon, as docutils' HTML5
			// writer shows it ("Author: Ada"), where a definition
			// list's term has none.
			hw.term(append(f.Name[:len(f.Name):len(f.Name)], Text(":")), nil, f.Body)
		}
		w.WriteString("</dl>\n")
	case *OptionList:
		// A description list, as definition and field lists are, each
		// option as the keyboard input it is.
		w.WriteString("<dl class=\"options\">\n")
		for _, it := range b.Items {
			w.WriteString("<dt>")
			for j, o := range it.Options {
				if j > 0 {
					w.WriteString(", ")
				}
				w.WriteString("<kbd>")
				writeEscaped(w, o)
				w.WriteString("</kbd>")
			}
			w.WriteString("</dt>\n<dd>\n")
			hw.blocks(it.Description)
			w.WriteString("</dd>\n")
		}
		w.WriteString("</dl>\n")
	case *LiteralBlock:
		w.WriteString("<pre")
		hw.id(b.ID)
		w.WriteString(">")
		if b.Content != nil {
			hw.inlines(b.Content)
		} else {
			writeEscaped(w, b.Text)
		}
		w.WriteString("</pre>\n")
	case *Table:
		if len(b.Head)+len(b.Body) == 0 {
			w.WriteString("<pre class=\"table\">")
			writeEscaped(w, b.Text)
			w.WriteString("</pre>\n")
			break
		}
		w.WriteString("<table")
		hw.id(b.ID)
		w.WriteString(">\n")
		if b.Caption != nil {
			w.WriteString("<caption>")
			hw.inlines(b.Caption)
			w.WriteString("</caption>\n")
		}
		if len(b.Head) > 0 {
			w.WriteString("<thead>\n")
			hw.rows(b.Head, "th")
			w.WriteString("</thead>\n")
		}
		if len(b.Body) > 0 {
			w.WriteString("<tbody>\n")
			hw.rows(b.Body, "td")
			w.WriteString("</tbody>\n")
		}
		w.WriteString("</table>\n")
	case *LineBlock:
		w.WriteString("<p class=\"lines\">")
		for i, l := range b.Lines {
			if i > 0 {
				w.WriteString("<br>\n")
			}
			// A line's indentation is kept, as spaces HTML does not
			// collapse (docutils nests a line block for it).
			if t, ok := firstText(l); ok {
				if indent := len(t) - len(strings.TrimLeft(t, " ")); indent > 0 {
					w.WriteString(strings.Repeat("\u00a0", indent))
					l = append([]Inline{Text(t[indent:])}, l[1:]...)
				}
			}
			hw.inlines(l)
		}
		w.WriteString("</p>\n")
	case *BlockQuote:
		w.WriteString("<blockquote")
		hw.id(b.ID)
		w.WriteString(">\n")
		hw.blocks(b.Children)
		if b.Attribution != nil {
			w.WriteString("<p class=\"attribution\">\u2014")
			hw.inlines(b.Attribution)
			w.WriteString("</p>\n")
		}
		w.WriteString("</blockquote>\n")
	case *Admonition:
		// An aside is a complementary landmark to a screen reader
		// (and to axe-core, which wants one at the page's top level,
		// not in the main content the description is in); a note
		// within the text is a note.
		w.WriteString("<aside")
		hw.id(b.ID)
		w.WriteString(" class=\"admonition ")
		writeEscaped(w, b.Kind)
		w.WriteString("\" role=\"note\">\n<p class=\"admonition-title\">")
		// A note's title is its kind, as docutils' English writer
		// gives it.
		if b.Title != nil {
			hw.inlines(b.Title)
		} else {
			writeEscaped(w, admonitionTitle(b.Kind))
		}
		w.WriteString("</p>\n")
		hw.blocks(b.Children)
		w.WriteString("</aside>\n")
	case *Image:
		hw.image(hw.namedImage(b))
		w.WriteString("\n")
	case *Figure:
		// As docutils' HTML5 writer writes it.
		w.WriteString("<figure")
		hw.id(b.ID)
		w.WriteString(">\n")
		hw.image(hw.namedImage(b.Image))
		w.WriteString("\n")
		if b.Caption != nil || len(b.Legend) > 0 {
			w.WriteString("<figcaption>\n")
			if b.Caption != nil {
				w.WriteString("<p>")
				hw.inlines(b.Caption)
				w.WriteString("</p>\n")
			}
			if len(b.Legend) > 0 {
				w.WriteString("<div class=\"legend\">\n")
				hw.blocks(b.Legend)
				w.WriteString("</div>\n")
			}
			w.WriteString("</figcaption>\n")
		}
		w.WriteString("</figure>\n")
	case *Footnote:
		// Not a complementary landmark (see Admonition): a footnote,
		// as docutils' HTML5 writer marks one, and a citation a note.
		w.WriteString("<aside")
		hw.id(b.ID)
		if b.Citation {
			w.WriteString(" class=\"citation\" role=\"note\">\n")
		} else {
			w.WriteString(" class=\"footnote\" role=\"doc-footnote\">\n")
		}
		w.WriteString("<span class=\"label\">[")
		writeEscaped(w, b.Label)
		w.WriteString("]</span>\n")
		hw.blocks(b.Children)
		w.WriteString("</aside>\n")
	}
}

// rows writes a table's rows, their cells as tag (th or td) elements.
func (hw *htmlWriter) rows(rows [][]TableCell, tag string) {
	w := hw.w
	for _, row := range rows {
		w.WriteString("<tr>")
		for _, c := range row {
			tag := tag
			if c.Stub {
				tag = "th" // a header of its row
			}
			w.WriteString("<" + tag)
			if c.ColSpan > 1 {
				fmt.Fprintf(w, ` colspan="%d"`, c.ColSpan)
			}
			if c.RowSpan > 1 {
				fmt.Fprintf(w, ` rowspan="%d"`, c.RowSpan)
			}
			w.WriteString(">")
			// A cell of one paragraph is shown without <p>, as a list
			// item of one is.
			if len(c.Children) == 1 {
				if p, ok := c.Children[0].(*Paragraph); ok {
					hw.inlines(p.Content)
					w.WriteString("</" + tag + ">")
					continue
				}
			}
			if len(c.Children) > 0 {
				w.WriteString("\n")
				hw.blocks(c.Children)
			}
			w.WriteString("</" + tag + ">")
		}
		w.WriteString("</tr>\n")
	}
}

// firstText returns the text that content starts with, if it starts
// with text.
func firstText(content []Inline) (string, bool) {
	if len(content) == 0 {
		return "", false
	}
	t, ok := content[0].(Text)
	return string(t), ok
}

// id writes an element's id attribute, if it has one.
func (hw *htmlWriter) id(id string) {
	if id != "" {
		hw.w.WriteString(` id="`)
		writeEscaped(hw.w, hw.idPrefix+id)
		hw.w.WriteString(`"`)
	}
}

// term writes one term of a description list, its classifiers, and
// what it describes. A classifier is a span of class "classifier", as
// docutils writes it, after " : " as written: docutils' style sheet
// shows the colon, which a page's may not.
func (hw *htmlWriter) term(term []Inline, classifiers [][]Inline, body []Block) {
	hw.w.WriteString("<dt>")
	hw.inlines(term)
	for _, c := range classifiers {
		hw.w.WriteString(` : <span class="classifier">`)
		hw.inlines(c)
		hw.w.WriteString("</span>")
	}
	hw.w.WriteString("</dt>\n<dd>\n")
	hw.blocks(body)
	hw.w.WriteString("</dd>\n")
}

func (hw *htmlWriter) items(items [][]Block) {
	for _, it := range items {
		hw.w.WriteString("<li>")
		// A list item of one paragraph is shown without <p>, as docutils'
		// compact lists are.
		if len(it) == 1 {
			if p, ok := it[0].(*Paragraph); ok {
				hw.inlines(p.Content)
				hw.w.WriteString("</li>\n")
				continue
			}
		}
		hw.w.WriteString("\n")
		hw.blocks(it)
		hw.w.WriteString("</li>\n")
	}
}

func (hw *htmlWriter) inlines(is []Inline) {
	w := hw.w
	for _, in := range is {
		switch in := in.(type) {
		case Text:
			writeEscaped(w, string(in))
		case Literal:
			w.WriteString("<code>")
			writeEscaped(w, string(in))
			w.WriteString("</code>")
		case *Emphasis:
			hw.element("em", in.Content)
		case *Strong:
			hw.element("strong", in.Content)
		case *Substitution:
			hw.inlines(in.Content)
		case *Subscript:
			hw.element("sub", in.Content)
		case *Superscript:
			hw.element("sup", in.Content)
		case *Cite:
			hw.element("cite", in.Content)
		case *Target:
			w.WriteString("<span")
			hw.id(in.ID)
			w.WriteString(">")
			hw.inlines(in.Content)
			w.WriteString("</span>")
		case *Image:
			hw.image(hw.namedImage(in))
		case *Reference:
			u := hw.href(in)
			if u == "" || hw.inLink {
				hw.inlines(in.Content)
				continue
			}
			w.WriteString(`<a href="`)
			writeEscaped(w, u)
			w.WriteString(`" rel="nofollow noopener">`)
			hw.inLink = true
			hw.inlines(nameImages(in.Content, u))
			hw.inLink = false
			w.WriteString("</a>")
		}
	}
}

// namedImage returns img, or, when img is a link (its :target:) whose
// alternative text is blank, a copy whose alternative text is the
// link's URL. A link needs a name for a screen reader to say (WCAG
// 2.4.4; axe-core's link-name rule), and an image that is all of a
// link is no decoration, whatever an empty :alt: says.
func (hw *htmlWriter) namedImage(img *Image) *Image {
	if img.Target == nil || hw.inLink || strings.TrimSpace(img.Alt) != "" {
		return img
	}
	if u := hw.href(img.Target); u != "" {
		named := *img
		named.Alt = u
		return &named
	}
	return img
}

// nameImages returns a link's content, or, when it is images (in
// substitutions, as "|logo|_" gives) whose alternative text is blank
// and no other text, a copy whose images' alternative text is the
// link's URL u, so that the link has a name (see namedImage).
func nameImages(content []Inline, u string) []Inline {
	if !blankImages(content) {
		return content
	}
	named := make([]Inline, len(content))
	for i, in := range content {
		switch in := in.(type) {
		case *Image:
			img := *in
			img.Alt = u
			named[i] = &img
		case *Substitution:
			sub := *in
			sub.Content = nameImages(in.Content, u)
			named[i] = &sub
		default:
			named[i] = in
		}
	}
	return named
}

// blankImages reports whether content has an image and no text but
// white space: no name for a link.
func blankImages(content []Inline) bool {
	images := false
	for _, in := range content {
		switch in := in.(type) {
		case Text:
			if strings.TrimSpace(string(in)) != "" {
				return false
			}
		case *Image:
			if strings.TrimSpace(in.Alt) != "" {
				return false
			}
			images = true
		case *Substitution:
			sub := blankImages(in.Content)
			if !sub && !blankText(in.Content) {
				return false
			}
			images = images || sub
		default:
			return false
		}
	}
	return images
}

// blankText reports whether content is text of white space alone.
func blankText(content []Inline) bool {
	for _, in := range content {
		if t, ok := in.(Text); !ok || strings.TrimSpace(string(t)) != "" {
			return false
		}
	}
	return true
}

// href returns the URL a reference links to, "" for none a page may
// link to: its own, or its target's, an id in the text prefixed.
func (hw *htmlWriter) href(ref *Reference) string {
	u := ref.URL
	if u == "" && ref.Name != "" {
		u = hw.doc.Targets[ref.Name]
	}
	if id, ok := strings.CutPrefix(u, "#"); ok && hw.doc.ids[id] {
		// A link within the page, which no prefix can make unsafe: not
		// through SafeURL, which would take the "talk:" of "#talk:setup"
		// for a scheme and drop the link, and read "%41" as "A".
		return "#" + (&url.URL{Fragment: hw.idPrefix + id}).EscapedFragment()
	}
	return SafeURL(u)
}

// idPrefix is HTMLOptions.IDPrefix without the white space and control
// characters an HTML id cannot hold.
func idPrefix(p string) string {
	return strings.Map(func(r rune) rune {
		if r <= ' ' || r == 0x7f || unicode.IsSpace(r) {
			return -1
		}
		return r
	}, p)
}

// element writes content in an inline element named name.
func (hw *htmlWriter) element(name string, content []Inline) {
	hw.w.WriteString("<")
	hw.w.WriteString(name)
	hw.w.WriteString(">")
	hw.inlines(content)
	hw.w.WriteString("</")
	hw.w.WriteString(name)
	hw.w.WriteString(">")
}

// writeEscaped writes s as html.EscapeString(s), without building the
// escaped copy: most descriptions' text has an apostrophe or a quotation
// mark, and those copies were a tenth of the bytes a page allocated.
func writeEscaped(w io.StringWriter, s string) {
	for {
		i := strings.IndexAny(s, `<>&'"`)
		if i < 0 {
			w.WriteString(s)
			return
		}
		w.WriteString(s[:i])
		w.WriteString(htmlEscapes[s[i]])
		s = s[i+1:]
	}
}

// htmlEscapes are html.EscapeString's character references.
var htmlEscapes = [256]string{'<': "&lt;", '>': "&gt;", '&': "&amp;", '\'': "&#39;", '"': "&#34;"}

// SafeURL returns u when a page may link to it: an absolute http, https
// or mailto URL, or a relative reference (no scheme); otherwise "". The
// URL is read as a browser reads it: white space around it and tabs and
// line breaks within it are dropped, and the scheme's case ignored, so
// that "JaVa\tScript:" is refused. A space within it (docutils' URI of
// "a\ b") is percent-encoded, as a browser sends it, where it was
// dropped and the link led elsewhere; another control character makes
// no URL.
func SafeURL(u string) string {
	u = strings.TrimSpace(u)
	if u == "" {
		return ""
	}
	cleaned := strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, u)
	parsed, err := url.Parse(cleaned)
	if err != nil {
		return ""
	}
	switch strings.ToLower(parsed.Scheme) {
	case "http", "https":
		if parsed.Host == "" {
			return "" // "http:" or "http:/x" leads nowhere
		}
	case "mailto":
	case "":
		if strings.Contains(strings.SplitN(cleaned, "/", 2)[0], ":") {
			return "" // "javascript&colon;..." and other scheme look-alikes
		}
	default:
		return ""
	}
	return escapeURL(cleaned)
}

// escapeURL percent-encodes the characters that may not appear in a URL
// after its host ("[", "]", "{", "|", ...), which texts carry in links
// such as "https://x.org/a](https://x.org/a)", so that the href is valid.
func escapeURL(u string) string {
	rest := 0
	if i := strings.Index(u, "://"); i >= 0 {
		rest = i + 3
		if j := strings.IndexAny(u[rest:], "/?#"); j >= 0 {
			rest += j
		} else {
			return u
		}
	}
	const unsafe = " []{}|\\^`<>\""
	if !strings.ContainsAny(u[rest:], unsafe) {
		return u
	}
	var b strings.Builder
	b.WriteString(u[:rest])
	for i := rest; i < len(u); i++ {
		if strings.IndexByte(unsafe, u[i]) >= 0 {
			fmt.Fprintf(&b, "%%%02X", u[i])
		} else {
			b.WriteByte(u[i])
		}
	}
	return b.String()
}

// admonitionTitle is the title docutils' English language module gives
// an admonition of kind: its name with a capital.
func admonitionTitle(kind string) string {
	if kind == "" {
		return ""
	}
	r, size := utf8.DecodeRuneInString(kind)
	return string(unicode.ToUpper(r)) + kind[size:]
}
