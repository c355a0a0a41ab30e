package html

import (
	"bytes"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"sync"

	"github.com/talkmeta/talkmeta/internal/bufpool"
	"github.com/talkmeta/talkmeta/internal/weburl"
	"github.com/talkmeta/talkmeta/talk/jsonld"
)

// A pageWriter writes a talk page into a byte slice, as a bytes.Buffer
// would, and notes whether what it has written may hold a code point HTML
// forbids in a document. WriteTalk then replaces them only when it may:
// looking for them over the whole written page, whose style and markup are
// this package's and hold none, was a sixth of a page's time. The
// strings of the talk go through htmlText, which looks at their bytes
// anyway; the description's HTML and the JSON-LD graph are looked at as
// parts (partMayHoldForbidden). The markup and attrURL's output are
// ASCII, and the style holds no forbidden code point (TestStylePlain), so
// a forbidden code point in the page lies within one of the parts looked
// at, or begins in one with a sequence it does not finish, which also
// counts.
// FuzzCompiledPage and TestCompiledPage hold the pages to the templates',
// whose whole page replaceForbidden scans.
type pageWriter struct {
	buf              []byte
	mayHoldForbidden bool
	// buffer is the pooled buffer whose array buf began in, for lend.
	buffer *bytes.Buffer
}

// lend gives the page, as it is so far, to the pooled buffer, for a writer
// that is given it to append to: talk/jsonld and talk/rst write to any
// io.Writer, but wrap any but a bytes.Buffer in a buffer of their own,
// which for rst was the largest allocation of a page. Take the page back
// with takeBack.
func (b *pageWriter) lend() *bytes.Buffer {
	*b.buffer = *bytes.NewBuffer(b.buf)
	return b.buffer
}

// takeBack takes the page back from the buffer lend gave it to, with what
// was written to the buffer since.
func (b *pageWriter) takeBack() {
	b.buf = b.buffer.Bytes()
}

// WriteString appends s, as bytes.Buffer's does.
func (b *pageWriter) WriteString(s string) (int, error) {
	b.buf = append(b.buf, s...)
	return len(s), nil
}

// WriteByte appends c, as bytes.Buffer's does.
func (b *pageWriter) WriteByte(c byte) error {
	b.buf = append(b.buf, c)
	return nil
}

// writeTalkPage writes p as the embedded "page" template would, byte for
// byte, without executing it. A talk page is the one page a site renders
// thousands of, and html/template spent over half of its time finding
// fields and calling escapers through reflection; here each action of the
// templates is a call of the escaper html/template chose for it (the
// comments name the blocks). TestCompiledPage holds the two to the same
// bytes over every test talk, the hostile strings and, with
// $TALKMETA_CORPUS, the corpus; FuzzCompiledPage over arbitrary fields. A
// change to the embedded talk page templates must be made here too, and
// those tests say where the two part.
//
// A Renderer with its own Templates executes them instead, so that
// overriding a block works as documented.
func writeTalkPage(b *pageWriter, p *page, style string) error {
	// The description is rendered before the head, whose meta description
	// may be what a reader sees of it (descriptionMeta).
	if t := p.Talk; p.markup {
		desc := bufpool.Get()
		defer bufpool.Put(desc)
		if err := writeMarkup(desc, t.Description, t.Markup, descriptionLevel); err != nil {
			return fmt.Errorf("description: %w", err)
		}
		p.renderedDescription = desc.Bytes()
		describeMarkup(p, t, p.renderedDescription)
	}
	// "page"
	b.WriteString("<!DOCTYPE html>\n<html lang=\"")
	attrText(b, p.Head.Lang)
	b.WriteString("\">\n<head>\n")
	if err := writeHead(b, p, style); err != nil {
		return err
	}
	b.WriteString("\n</head>\n<body>\n")
	writeNav(b, &p.Head)
	b.WriteString("\n<main>\n")
	if err := writeTalkBlock(b, p); err != nil {
		return err
	}
	b.WriteString("\n</main>\n</body>\n</html>\n")
	return nil
}

// writeHead is the "head" block, with the talk's JSON-LD graph.
func writeHead(b *pageWriter, p *page, style string) error {
	h := &p.Head
	b.WriteString("<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
	// documentTitle, in its parts.
	if p.EventTitle != "" {
		heading, event := titleParts(p.Heading, p.headingDir(), p.EventTitle)
		htmlText(b, heading)
		htmlText(b, titleSeparator)
		htmlText(b, event)
	} else {
		htmlText(b, p.Heading)
	}
	b.WriteString("</title>\n")
	// The description, title and thumbnail come again in the Open Graph
	// and Twitter meta elements, escaped as they were the first time.
	desc := metaLineIf(b, `<meta name="description" content="`, h.Description)
	if h.Canonical != "" {
		b.WriteString(`<link rel="canonical" href="`)
		attrURL(b, h.Canonical)
		b.WriteString(`">`)
	}
	b.WriteByte('\n')
	metaLine(b, `<meta property="og:type" content="`, h.OGType)
	if h.Locale != "" {
		metaLine(b, `<meta property="og:locale" content="`, h.Locale)
	}
	title := metaLine(b, `<meta property="og:title" content="`, h.OGTitle)
	metaLineIfAgain(b, `<meta property="og:description" content="`, desc)
	metaLineIf(b, `<meta property="og:url" content="`, h.OGURL())
	ogImage := h.OGImage()
	image := metaLineIf(b, `<meta property="og:image" content="`, ogImage)
	if ogImage != "" {
		b.WriteString(`<meta name="twitter:card" content="summary_large_image">`)
	} else {
		b.WriteString(`<meta name="twitter:card" content="summary">`)
	}
	b.WriteByte('\n')
	metaLineAgain(b, `<meta name="twitter:title" content="`, title)
	metaLineIfAgain(b, `<meta name="twitter:description" content="`, desc)
	metaLineIfAgain(b, `<meta name="twitter:image" content="`, image)
	if h.StyleSheet != "" {
		b.WriteString(`<link rel="stylesheet" href="`)
		attrURL(b, h.StyleSheet)
		b.WriteString(`">`)
	} else {
		b.WriteString("<style>")
		b.WriteString(style)
		b.WriteString("</style>")
	}
	b.WriteByte('\n')
	// The graph as talkJSONLD gives it, which jsvalescaper passes through
	// as it is: without its final line break.
	b.WriteString(`<script type="application/ld+json">`)
	start := len(b.buf)
	_, err := jsonld.Write(b.lend(), p.Talk, p.ldOptions)
	b.takeBack()
	if err != nil {
		return err
	}
	if n := len(b.buf); n > start && b.buf[n-1] == '\n' {
		b.buf = b.buf[:n-1]
	}
	b.mayHoldForbidden = b.mayHoldForbidden || graphMayHoldForbidden(b.buf[start:])
	b.WriteString(`</script>`)
	return nil
}

// metaLine writes a meta element, start up to its content value, and the
// line's end, and returns where the value is.
func metaLine(b *pageWriter, start, value string) written {
	b.WriteString(start)
	at := len(b.buf)
	attrText(b, value)
	v := written{at, len(b.buf)}
	b.WriteString("\">\n")
	return v
}

// metaLineIf writes a meta element when its value is not "", as the
// "head" block's {{with}} does, and the line's end either way, and returns
// where the value is (nothing for "").
func metaLineIf(b *pageWriter, start, value string) written {
	if value == "" {
		b.WriteByte('\n')
		return written{}
	}
	return metaLine(b, start, value)
}

// metaLineAgain is metaLine for a value that metaLine wrote before, at
// v: copied from there rather than escaped again.
func metaLineAgain(b *pageWriter, start string, v written) {
	b.WriteString(start)
	b.buf = append(b.buf, b.buf[v.start:v.end]...)
	b.WriteString("\">\n")
}

// metaLineIfAgain is metaLineIf for a value that metaLineIf wrote before,
// at v.
func metaLineIfAgain(b *pageWriter, start string, v written) {
	if v.end == v.start {
		b.WriteByte('\n')
		return
	}
	metaLineAgain(b, start, v)
}

// written is where a value is in a page being written: only "" is
// written as nothing.
type written struct{ start, end int }

// writeNav is the "nav" block.
func writeNav(b *pageWriter, h *head) {
	if h.Home == "" {
		return
	}
	b.WriteString(`<nav aria-label="Site"><a href="`)
	attrURL(b, h.Home)
	b.WriteString(`">`)
	htmlText(b, h.SiteName)
	b.WriteString(`</a></nav>`)
}

// writeTalkBlock is the "talk" block.
func writeTalkBlock(b *pageWriter, p *page) error {
	t := p.Talk
	b.WriteString("<article>\n<header>\n")
	if p.EventTitle != "" {
		b.WriteString(`<p class="event" dir="auto">`)
		if p.EventURL != "" {
			b.WriteString(`<a href="`)
			attrURL(b, p.EventURL)
			b.WriteString(`">`)
			htmlText(b, p.EventTitle)
			b.WriteString(`</a>`)
		} else {
			htmlText(b, p.EventTitle)
		}
		b.WriteString(`</p>`)
	}
	b.WriteString("\n<h1")
	if p.Heading == t.Title {
		writeLang(b, p)
	}
	b.WriteByte('>')
	htmlText(b, p.Heading)
	b.WriteString("</h1>\n")
	if t.Subtitle != "" {
		b.WriteString(`<p class="subtitle"`)
		writeLangDir(b, p.ContentLang, p.SubtitleDir)
		b.WriteByte('>')
		htmlText(b, t.Subtitle)
		b.WriteString(`</p>`)
	}
	b.WriteByte('\n')
	if len(p.Speakers) > 0 {
		b.WriteString(`<p class="speakers">`)
		writePeople(b, p.Speakers)
		b.WriteString(`</p>`)
	}
	b.WriteByte('\n')
	// The list of facts is left out when there is none, as a list
	// without items says nothing.
	place := talkPlace(t)
	if !p.recorded.IsZero() || t.Duration > 0 || place != ([5]string{}) || strings.TrimSpace(t.Kind) != "" || p.Track != "" || p.Language != "" {
		writeFacts(b, p, &place)
	}
	b.WriteString("\n</header>\n")
	videos := 0
	for i := range t.Videos {
		if parts, ok := videoOf(&t.Videos[i], t, videos+1, p.videos); ok {
			writeVideo(b, &parts, p)
			videos++
		}
	}
	b.WriteByte('\n')
	if videos == 0 && p.Head.Thumbnail != "" {
		b.WriteString(`<img class="thumbnail" src="`)
		attrURL(b, p.Head.Thumbnail)
		b.WriteString(`" alt="Still from the talk `)
		attrText(b, p.Heading)
		b.WriteString(`">`)
	}
	if p.Recording != "" {
		b.WriteString(`<p class="recording">`)
		b.WriteString(p.Recording) // recordingNote's, which need no escaping
		b.WriteString(`</p>`)
	}
	b.WriteByte('\n')
	if err := writeDescription(b, p); err != nil {
		return err
	}
	if len(p.Parts) > 0 {
		b.WriteString(`<section aria-labelledby="parts"><h2 id="parts">Talks in this session</h2>`)
		writeParts(b, p.Parts)
		b.WriteString(`</section>`)
	}
	b.WriteByte('\n')
	if len(t.Tags) > 0 {
		b.WriteString(`<section aria-labelledby="tags"><h2 id="tags">Tags</h2><ul class="tags"`)
		writeLangDir(b, p.ContentLang, p.LangDir)
		b.WriteByte('>')
		for _, tag := range t.Tags {
			b.WriteString("<li")
			writeLangDir(b, "", tagDir(p.LangDir, tag))
			b.WriteByte('>')
			htmlText(b, tag)
			b.WriteString("</li>")
		}
		b.WriteString(`</ul></section>`)
	}
	b.WriteByte('\n')
	if len(p.Links) > 0 {
		b.WriteString(`<section aria-labelledby="links"><h2 id="links">Links</h2><ul>`)
		for _, l := range p.Links {
			b.WriteString("<li")
			writeLangDir(b, "", l.Dir)
			b.WriteByte('>')
			if l.Safe {
				b.WriteString(`<a href="`)
				attrURL(b, l.URL)
				b.WriteString(`" rel="nofollow noopener">`)
				htmlText(b, l.Text)
				b.WriteString("</a>")
			} else {
				htmlText(b, l.Text)
			}
			b.WriteString("</li>")
		}
		b.WriteString(`</ul></section>`)
	}
	b.WriteByte('\n')
	if len(p.Citations) > 0 {
		b.WriteString(`<section aria-labelledby="cite"><h2 id="cite">Cite this talk</h2>`)
		for _, c := range p.Citations {
			b.WriteString("<h3>")
			htmlText(b, c.Label)
			b.WriteString("</h3><pre>")
			htmlText(b, c.Text)
			b.WriteString("</pre>")
		}
		b.WriteString(`</section>`)
	}
	b.WriteByte('\n')
	if t.License != "" {
		b.WriteString(`<footer><p class="license">`)
		htmlText(b, t.License)
		b.WriteString(`</p></footer>`)
	}
	b.WriteString("\n</article>")
	return nil
}

// writeFacts is the "talk" block's list of facts, which it writes only
// when there is one; place is talkPlace's.
func writeFacts(b *pageWriter, p *page, place *[5]string) {
	t := p.Talk
	b.WriteString("<dl class=\"facts\">\n")
	if !p.recorded.IsZero() {
		var human [64]byte
		writeFact(b, "Date", machineDate(p.recorded), appendHumanDate(human[:0], p.recorded))
	}
	b.WriteByte('\n')
	if t.Duration > 0 {
		var human [32]byte
		writeFact(b, "Duration", machineDuration(t.Duration), appendHumanDuration(human[:0], t.Duration))
	}
	b.WriteByte('\n')
	if *place != ([5]string{}) {
		b.WriteString(`<dt>Place</dt><dd dir="auto">`)
		writePlace(b, place[:])
		b.WriteString(`</dd>`)
	}
	b.WriteByte('\n')
	if strings.TrimSpace(t.Kind) != "" {
		var kind [32]byte
		b.WriteString(`<dt>Type</dt><dd>`)
		htmlText(b, appendKindName(kind[:0], t.Kind))
		b.WriteString(`</dd>`)
	}
	b.WriteByte('\n')
	if p.Track != "" {
		b.WriteString(`<dt>Track</dt><dd`)
		writeLangDir(b, p.ContentLang, p.TrackDir)
		b.WriteByte('>')
		htmlText(b, p.Track)
		b.WriteString(`</dd>`)
	}
	b.WriteByte('\n')
	if p.Language != "" {
		b.WriteString(`<dt>Language</dt><dd>`)
		htmlText(b, p.Language)
		b.WriteString(`</dd>`)
	}
	b.WriteString("\n</dl>")
}

// writeLang is the "lang" block: the language and direction of the
// talk's own words, on the elements that hold them, so that the page's
// own labels ("Date", "Tags") keep the page's language.
func writeLang(b *pageWriter, p *page) { writeLangDir(b, p.ContentLang, p.ContentDir) }

// writeLangDir writes the lang and dir attributes of an element of text
// in lang whose direction is dir, each only when not "".
func writeLangDir(b *pageWriter, lang, dir string) {
	if lang != "" {
		b.WriteString(` lang="`)
		attrText(b, lang)
		b.WriteByte('"')
	}
	if dir != "" {
		b.WriteString(` dir="`)
		attrText(b, dir) // "ltr", "rtl" or "auto": nothing to escape, but the templates escape it
		b.WriteByte('"')
	}
}

// writeDescription is the "talk" block's section of the description, for
// a description that has any: as writeTalkPage rendered it in its markup
// (the HTML that htmlescaper passes through as it is), or as plain
// paragraphs. It is rendered into a pooled buffer, not a string of its
// own as the templates need, which was a sixth of the bytes a page
// allocated.
func writeDescription(b *pageWriter, p *page) error {
	t := p.Talk
	start := func() {
		b.WriteString(`<section aria-labelledby="about"><h2 id="about">About this talk</h2><div class="description"`)
		writeLangDir(b, p.ContentLang, p.DescriptionDir)
		b.WriteByte('>')
	}
	if !p.markup {
		paragraphs := plainBody(t.Description).Paragraphs
		if len(paragraphs) == 0 {
			return nil
		}
		start()
		for _, para := range paragraphs {
			b.WriteString("<p>")
			htmlText(b, para)
			b.WriteString("</p>")
		}
		b.WriteString(`</div></section>`)
		return nil
	}
	if len(bytes.TrimSpace(p.renderedDescription)) == 0 {
		return nil // renderBody makes no body of white space
	}
	start()
	b.buf = append(b.buf, p.renderedDescription...)
	b.mayHoldForbidden = b.mayHoldForbidden || partMayHoldForbidden(p.renderedDescription)
	b.WriteString(`</div></section>`)
	return nil
}

// writeFact is a {{with}} of the Date or Duration of the "talk" block:
// the timeValue {machine, human}.
func writeFact(b *pageWriter, name, machine string, human []byte) {
	b.WriteString("<dt>")
	b.WriteString(name)
	b.WriteString(`</dt><dd><time datetime="`)
	attrText(b, machine)
	b.WriteString(`">`)
	htmlText(b, human)
	b.WriteString("</time></dd>")
}

// writePlace is the Place of the "talk" block, the parts of talkPlace
// that are known joined as talk.Place.String joins them, written in
// their parts rather than joined into a string first.
func writePlace(b *pageWriter, parts []string) {
	first := true
	for _, part := range parts {
		if part == "" {
			continue
		}
		if !first {
			b.WriteString(", ")
		}
		htmlText(b, part)
		first = false
	}
}

// writeVideo is the "video" block, of the video of v.video for p's
// talk: written in its parts.
func writeVideo(b *pageWriter, v *videoParts, p *page) {
	title := p.Heading
	b.WriteString("<figure class=\"video\">\n")
	switch {
	case v.embedPrefix != "":
		// attrURL of the player's address: its prefix and suffix are of
		// an http(s) scheme and of bytes it keeps, and url.PathEscape
		// leaves no "%" without two hex digits after it.
		b.WriteString(`<iframe src="`)
		b.WriteString(v.embedPrefix)
		urlText(b, url.PathEscape(v.id))
		b.WriteString(v.embedSuffix)
		b.WriteString(`" title="`)
		writeVideoTitle(b, v, title)
		b.WriteString("\" loading=\"lazy\" allow=\"fullscreen; picture-in-picture\" referrerpolicy=\"strict-origin-when-cross-origin\"></iframe>\n")
	case v.file != "":
		b.WriteString(`<video controls preload="metadata" src="`)
		attrURL(b, v.file)
		b.WriteByte('"')
		if v.poster != "" {
			b.WriteString(` poster="`)
			attrURL(b, v.poster)
			b.WriteByte('"')
		}
		b.WriteString(` aria-label="`)
		writeVideoTitle(b, v, title)
		b.WriteString("\"></video>\n")
	default:
		b.WriteString(`<p><a href="`)
		attrURL(b, v.link)
		b.WriteString(`" rel="nofollow noopener">Watch Recording `)
		if v.n > 0 {
			b.buf = strconv.AppendInt(b.buf, int64(v.n), 10)
			b.WriteByte(' ')
		}
		// The heading isolated, so that the words around it do not
		// reorder its own ("(part 1)" at the end of Arabic).
		b.WriteString("of <bdi")
		lang, dir := p.headingLang()
		writeLangDir(b, lang, dir)
		b.WriteByte('>')
		htmlText(b, title)
		b.WriteString("</bdi>")
		if v.language != "" {
			b.WriteString(" (")
			htmlText(b, v.language)
			b.WriteByte(')')
		}
		b.WriteString(" on ")
		htmlText(b, v.provider)
		b.WriteString("</a></p>")
	}
	b.WriteString("\n</figure>")
}

// writeVideoTitle writes the title of the video of v.video(heading),
// escaped for text or an attribute value, which escape alike.
func writeVideoTitle(b *pageWriter, v *videoParts, heading string) {
	if v.n > 0 {
		b.WriteString("Recording ")
		b.buf = strconv.AppendInt(b.buf, int64(v.n), 10)
		b.WriteString(" of ")
	} else {
		b.WriteString("Recording of ")
	}
	htmlText(b, heading)
	if v.language != "" {
		b.WriteString(" (")
		htmlText(b, v.language)
		b.WriteByte(')')
	}
}

// writeParts is the "parts" block.
func writeParts(b *pageWriter, parts []partItem) {
	b.WriteString("<ol class=\"talks\">\n")
	for i := range parts {
		it := &parts[i]
		b.WriteString("<li><div><h3")
		writeLangDir(b, it.Lang, it.Dir)
		b.WriteByte('>')
		htmlText(b, it.Title)
		b.WriteString("</h3>")
		if len(it.Speakers) > 0 {
			b.WriteString(`<p class="speakers">`)
			writePeople(b, it.Speakers)
			b.WriteString("</p>")
		}
		if it.Kind != "" || it.Date != nil || it.Duration != nil {
			b.WriteString(`<p class="meta">`)
			if it.Kind != "" {
				b.WriteString("<span>")
				htmlText(b, it.Kind)
				b.WriteString("</span>")
			}
			for _, v := range [2]*timeValue{it.Date, it.Duration} {
				if v != nil {
					b.WriteString(`<span><time datetime="`)
					attrText(b, v.Machine)
					b.WriteString(`">`)
					htmlText(b, v.Human)
					b.WriteString("</time></span>")
				}
			}
			b.WriteString("</p>")
		}
		if len(it.Parts) > 0 {
			writeParts(b, it.Parts)
		}
		b.WriteString("</div></li>\n")
	}
	b.WriteString("</ol>")
}

// writePeople is the "people" block.
func writePeople(b *pageWriter, people []person) {
	for i, s := range people {
		if i > 0 {
			b.WriteString(", ")
		}
		if s.URL != "" {
			b.WriteString(`<a href="`)
			attrURL(b, s.URL)
			b.WriteString(`" dir="auto">`)
			htmlText(b, s.Name)
			b.WriteString("</a>")
		} else {
			b.WriteString(`<span dir="auto">`)
			htmlText(b, s.Name)
			b.WriteString("</span>")
		}
	}
}

// htmlText writes a string as html/template's htmlescaper,
// rcdataescaper and attrescaper all write one that is not typed HTML:
// NUL becomes U+FFFD and the five characters that could end text or an
// attribute value, and "+", become character references. No other byte
// changes, so the loop can go by bytes: none of these is part of a
// multi-byte UTF-8 sequence, and html/template passes invalid UTF-8 on.
// On the way it notes whether s may make replaceForbidden change the
// page, as partMayHoldForbidden would: what it replaces is ASCII and
// becomes ASCII or U+FFFD, which cannot begin or finish a forbidden code
// point.
func htmlText[T string | []byte](b *pageWriter, s T) {
	done := 0
	for i := 0; i < len(s); i++ {
		if i+8 <= len(s) && plainTextRun(s, i) {
			i += 7
			continue
		}
		switch textBytes[s[i]] {
		case plainText:
			continue
		case suspectText:
			if !b.mayHoldForbidden && forbiddenAt(s, i) {
				b.mayHoldForbidden = true
			}
			continue
		}
		b.buf = append(b.buf, s[done:i]...)
		b.buf = append(b.buf, htmlReplacement[s[i]]...)
		done = i + 1
	}
	b.buf = append(b.buf, s[done:]...)
}

// plainTextRun reports whether the eight bytes of s from i are all
// printable ASCII that htmlText copies as they are, as most of a title or
// summary is: it then skips them at once. Eight lookups and-ed with one
// branch for the eight took fewer instructions than a SWAR test of the
// word (whose constants cost instructions of their own), as in
// talk/jsonld's plainRun.
func plainTextRun[T string | []byte](s T, i int) bool {
	s = s[i : i+8]
	return textPlain[s[0]]&textPlain[s[1]]&textPlain[s[2]]&textPlain[s[3]]&
		textPlain[s[4]]&textPlain[s[5]]&textPlain[s[6]]&textPlain[s[7]] != 0
}

// textPlain marks with 1 the bytes plainTextRun passes.
var textPlain = func() (t [256]uint8) {
	for c := ' '; c <= '~'; c++ {
		if textBytes[c] == plainText {
			t[c] = 1
		}
	}
	return t
}()

// The kinds of byte htmlText tells apart.
const (
	plainText   = iota // copied as it is
	escapedText        // replaced as htmlReplacement says
	suspectText        // copied, and may begin a forbidden code point (suspectBytes)
)

// textBytes is the kind of each byte for htmlText.
var textBytes = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case htmlReplacement[c] != "":
			t[c] = escapedText
		case suspectBytes[c]:
			t[c] = suspectText
		}
	}
	return t
}()

// attrText writes an attribute value: for the strings of a page,
// html/template's attrescaper is its htmlescaper.
func attrText(b *pageWriter, s string) { htmlText(b, s) }

// htmlReplacement is html/template's replacement table for text and
// attribute values.
var htmlReplacement = [256]string{
	0:    "\uFFFD",
	'"':  "&#34;",
	'&':  "&amp;",
	'\'': "&#39;",
	'+':  "&#43;",
	'<':  "&lt;",
	'>':  "&gt;",
}

// attrURL writes a URL attribute value as html/template's urlfilter,
// urlnormalizer and attrescaper do in turn: a URL with a scheme other
// than http, https or mailto becomes "#ZgotmplZ"; bytes a URL may not hold
// are percent-encoded (existing escapes are kept); and the "&", "'" and
// "+" left become character references.
func attrURL(b *pageWriter, s string) {
	if scheme, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(scheme, "/") &&
		!strings.EqualFold(scheme, "http") && !strings.EqualFold(scheme, "https") && !strings.EqualFold(scheme, "mailto") {
		s = "#ZgotmplZ"
	}
	urlText(b, s)
}

// urlText writes s as attrURL does once it has checked the scheme.
func urlText(b *pageWriter, s string) {
	const hex = "0123456789abcdef"
	done := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		kind := urlBytes[c]
		if kind == urlKept || kind == urlPercent && weburl.EscapeAt(s, i) {
			continue
		}
		b.buf = append(b.buf, s[done:i]...)
		if kind == urlEntity {
			b.buf = append(b.buf, htmlReplacement[c]...)
		} else {
			b.buf = append(b.buf, '%', hex[c>>4], hex[c&15])
		}
		done = i + 1
	}
	b.buf = append(b.buf, s[done:]...)
}

// The kinds of byte attrURL tells apart.
const (
	urlEscaped = iota // percent-encoded
	urlKept           // written as it is
	urlEntity         // kept by urlnormalizer, then a character reference ("&", "+")
	urlPercent        // "%", kept when it starts an escape
)

// urlBytes is the kind of each byte for attrURL: html/template's
// urlnormalizer keeps RFC 3986's unreserved and reserved characters (but
// "'", "(" and ")"), and a "%" that starts an escape, and attrescaper then
// replaces those of them that htmlReplacement has.
var urlBytes = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
			t[c] = urlKept
		case strings.IndexByte("-._~!#$&*+,/:;=?@[]", byte(c)) >= 0:
			t[c] = urlKept
			if htmlReplacement[c] != "" {
				t[c] = urlEntity
			}
		case c == '%':
			t[c] = urlPercent
		}
	}
	return t
}()

// defaultStyle is the embedded "style" block's text, which pages without
// a StyleSheet carry inline.
var defaultStyle = sync.OnceValues(func() (string, error) {
	tmpl, err := defaultTemplates()
	if err != nil {
		return "", err
	}
	var b strings.Builder
	if err := tmpl.ExecuteTemplate(&b, "style", nil); err != nil {
		return "", err
	}
	return b.String(), nil
})
