package html

import (
	"bytes"
	"embed"
	"encoding/binary"
	"fmt"
	htmltemplate "html/template"
	"io"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/talkmeta/talkmeta/internal/ascii"
	"github.com/talkmeta/talkmeta/internal/bufpool"
	"github.com/talkmeta/talkmeta/internal/pagecheck"
	"github.com/talkmeta/talkmeta/internal/weburl"
	"github.com/talkmeta/talkmeta/internal/zone"
	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/jsonld"
)

//go:embed templates
var templateFiles embed.FS

// Citation is one formatted citation of the talk for the page's "Cite this
// talk" section, such as {"BibTeX", "@misc{...}"}. The caller makes them
// (talk/cite), so that this package needs no citation code.
type Citation struct {
	Label string // the section's heading for it: the format's name, such as "BibTeX"
	Text  string // the citation as the format writes it, shown preformatted
}

// Renderer writes the pages of a talk archive: talk pages ([Renderer.WriteTalk]),
// event pages ([Renderer.WriteEvent]), speaker pages ([Renderer.WriteSpeaker])
// and an index of events ([Renderer.WriteIndex]), linked to each other as
// URLs says. The zero Renderer uses the embedded templates and pyvideo.org's
// URL scheme. A Renderer is safe for concurrent use once made.
type Renderer struct {
	// Templates, when not nil, is the template set pages are written
	// with, in place of the embedded one: the set [DefaultTemplates]
	// returns, with the caller's definitions parsed into it to replace
	// blocks of the same name, such as "style" or "talk". It is used as
	// it is, not merged with the embedded set, so a set of its own must
	// define every page and block the pages use (see the package doc);
	// writing a page it lacks is an error that names the template.
	Templates *htmltemplate.Template
	// BaseURL makes the canonical URL, links between pages and JSON-LD
	// @ids absolute. Without it, pages link to each other with paths
	// from the site's root ("/speaker/yury-selivanov.html"). The paths
	// are written after it, so it has a scheme and a host, perhaps a
	// path, and no user, query or fragment, which would take the paths
	// in ("https://x.org/?lang=en/speaker/...", the home page), nor a
	// character a URL must percent-encode, which every link would have
	// as it is ("/my talks": write "/my%20talks"). The page writers
	// check it and return an error, before writing, for one that is not
	// such a URL, rather than link every page wrongly.
	BaseURL string
	// URLs places the pages; nil means [PyvideoURLs].
	URLs URLs
	// SiteName heads the index and names it in every page's navigation;
	// "" means "Talks".
	SiteName string
	// StyleSheet, when not "", is the path (below BaseURL) or URL of a
	// style sheet that pages link to instead of carrying their style
	// inline; write it with [Renderer.WriteStyle].
	StyleSheet string
}

// defaultTemplates parses the embedded templates once; the set is never
// changed afterwards, and html/template allows concurrent execution.
var defaultTemplates = sync.OnceValues(DefaultTemplates)

// DefaultTemplates returns a fresh copy of the embedded templates, for a
// caller to override blocks in with Parse and pass as [Renderer.Templates].
func DefaultTemplates() (*htmltemplate.Template, error) {
	return htmltemplate.ParseFS(templateFiles, "templates/*")
}

// PageOptions carry what a page shows beside its subject.
type PageOptions struct {
	// Canonical is the page's own URL (or a path below BaseURL); ""
	// derives it from BaseURL and URLs.
	Canonical string
	// Citations are shown on talk pages; other pages ignore them.
	Citations []Citation
	// Links are the site's own links for the page ("Add to calendar",
	// "Edit this page"), shown after a talk's links, or in a Links
	// section after an event's, speaker's or the index's content. A URL
	// is an absolute http(s) or mailto URL, or a path on the site (below
	// BaseURL, as Canonical); any other is shown as text.
	Links []talk.Link
}

// head is what every page's <head> and navigation show.
type head struct {
	Lang        string
	Title       string // the document's <title>
	OGType      string
	OGTitle     string
	Locale      string // og:locale of a talk's page (see ogLocale); "" for Open Graph's default
	Description string
	Canonical   string
	Thumbnail   string
	JSONLD      htmltemplate.JS
	Home        string // the index's URL; "" on the index itself or when there is none
	SiteName    string
	StyleSheet  string // the style sheet's URL; "" to inline the style
	SiteLinks   []link // PageOptions.Links
}

// OGURL is Canonical for og:url, which Open Graph wants absolute: "" for
// a path (a Renderer without a BaseURL), which link previews would not
// read.
func (h head) OGURL() string { return absoluteOnly(h.Canonical) }

// OGImage is Thumbnail for og:image and twitter:image, which link
// previews read only when absolute: "" for a path.
func (h head) OGImage() string { return absoluteOnly(h.Thumbnail) }

// absoluteOnly is u when it is an absolute http(s) URL, else "".
func absoluteOnly(u string) string {
	if weburl.Is(u) {
		return u
	}
	return ""
}

// page is what the talk templates see.
type page struct {
	Head        head // the document's head, the "head" and "nav" blocks' data
	Talk        *talk.Talk
	Heading     string // the title, or words for its absence
	ContentLang string
	ContentDir  string // the title's direction (dirAttr)
	// LangDir is the direction of the talk's language (langDir): its
	// tags' list's, which is the language's, not the title's, as a
	// title in Latin letters alone of an Arabic talk is "auto".
	LangDir string
	// SubtitleDir, TrackDir and DescriptionDir are the directions of the
	// subtitle, the track and the description, as ContentDir is the
	// title's: each is dirAttr's of its own words, as a subtitle or track
	// in English of an Arabic talk is laid out left to right, and an
	// Arabic description of a talk titled in Latin letters right to left.
	SubtitleDir, TrackDir, DescriptionDir string
	// Tags are the talk's tags, each with the Dir of its list item:
	// "auto" where its words are written the other way than the list
	// (LangDir), "" for the list's own (tagDir).
	Tags            []tagItem
	EventURL        string
	EventTitle      string // the event's title, or its ID without one; "" for neither (talkEventTitle)
	Speakers        []person
	Date            *timeValue
	Duration        *timeValue
	Place           string // where the talk was given: talk.Talk.Where's String
	Kind            string // kindName of the talk's Kind
	Track           string // the talk's Track, trimmed
	Language        string
	Videos          []video
	Recording       string // why there is no recording to show, when the talk says (recordingNote)
	Paragraphs      []string
	DescriptionHTML htmltemplate.HTML
	Links           []link
	Citations       []Citation
	// Parts are the talks within this one (talk.Talk.Parts): the
	// lightning talks of a block, which have no pages of their own, so
	// that the block's page is where their titles and speakers are read.
	Parts []partItem

	ldOptions jsonld.Options // the JSON-LD graph's
	// markup is whether the description is rendered in its markup
	// (isMarkup), which scans it: found once, in fillPage.
	markup bool
	// renderedDescription is the description's HTML, for a description
	// in markup, as writeTalkPage renders it before the head.
	renderedDescription []byte
	// videos is how many of the talk's videos the page shows: those with
	// a web address.
	videos int
	// recorded is the talk's date as the page shows it: localDate's.
	recorded talk.Date
}

// tagItem is a tag in a talk's list of tags.
type tagItem struct{ Text, Dir string }

// person is a speaker's name and the URL of their page, if any.
type person struct{ Name, URL string }

type timeValue struct{ Machine, Human string }

type video struct {
	Title, Provider, Embed, File, Poster, Link string
	// The parts of Title, for the words of a link to the recording,
	// where the heading is isolated from the page's words around it: the
	// number of the recording among those shown (0 for one alone), the
	// talk's heading, its lang and dir attributes ("" for none), and
	// the recording's language where it is not the talk's.
	Number                       int
	Heading, Lang, Dir, Language string
}

type link struct {
	URL, Text string
	Safe      bool
	// Dir is the dir attribute of the link's list item: "auto" for a
	// label a record gives that holds a letter written right to left,
	// which the page's left-to-right list laid out with its punctuation
	// at the wrong end ("שקפים!" as "!שקפים"); "" for the list's own.
	Dir string
}

// recordLink is the link to u, "" for an unsafe URL (then shown as
// text), labelled with text, which a record gives (see link.Dir). Its
// direction is not tagDir's: a label's language is not known, and the
// list it is in has no dir of its own but the page's, which a site's
// templates may make right to left. A label that holds a letter written
// right to left is "auto" even where it begins in Latin letters
// ("Slides שקפים"), which lays it out left to right in a page of either
// direction; tagDir's rule, for a list whose direction is known, leaves
// that one to the list.
func recordLink(u, text string) link {
	l := link{URL: u, Text: text, Safe: u != ""}
	if hasRightToLeft(text) {
		l.Dir = "auto"
	}
	return l
}

// WriteTalk writes t's page to w, with its speakers and event linked to
// their pages where the Renderer's URLs place them. A nil t is a
// [*talk.NilError], text that is not UTF-8 is [talk.Talk.CheckUTF8]'s
// error, a year outside 0000-9999 is [talk.Talk.CheckDates]', and
// nothing is written.
func (r *Renderer) WriteTalk(w io.Writer, t *talk.Talk, opt PageOptions) error {
	if err := pagecheck.Check("html", "talk", t == nil, nil, t.CheckUTF8, t.CheckDates); err != nil {
		return err
	}
	if err := r.checkBase(); err != nil {
		return err
	}
	if r.Templates != nil {
		p, err := r.templatePage(t, opt)
		if err != nil {
			return err
		}
		return r.execute(w, "page", p)
	}
	style, err := defaultStyle()
	if err != nil {
		return fmt.Errorf("html: %w", err)
	}
	var p page
	r.fillPage(&p, t, opt, false)
	b := bufpool.Get()
	defer bufpool.Put(b)
	pw := pageWriter{buf: b.AvailableBuffer(), buffer: b}
	if err := writeTalkPage(&pw, &p, style); err != nil {
		return fmt.Errorf("html: %w", err)
	}
	page := pw.buf
	if pw.mayHoldForbidden {
		page = replaceForbidden(page)
	}
	_, err = w.Write(page)
	return err
}

// checkBase reports a BaseURL that the pages' paths cannot follow (see
// Renderer.BaseURL), which would link every page of the site wrongly
// without a word; "" is none, and paths from the site's root.
func (r *Renderer) checkBase() error {
	if r.BaseURL == "" {
		return nil
	}
	if err := weburl.CheckBase(r.BaseURL); err != nil {
		return fmt.Errorf("html: Renderer.BaseURL %w", err)
	}
	return nil
}

// WriteStyle writes the pages' style sheet (the "style" template) to w,
// for a site that serves it as [Renderer.StyleSheet].
func (r *Renderer) WriteStyle(w io.Writer) error {
	return r.execute(w, "style", nil)
}

// execute runs the named template with data and writes the page.
func (r *Renderer) execute(w io.Writer, name string, data any) error {
	tmpl := r.Templates
	if tmpl == nil {
		var err error
		if tmpl, err = defaultTemplates(); err != nil {
			return fmt.Errorf("html: %w", err)
		}
	}
	if tmpl.Lookup(name) == nil {
		// html/template would say only that it "is undefined".
		return fmt.Errorf("html: Renderer.Templates defines no %q template: parse replacements into the set DefaultTemplates returns", name)
	}
	b := bufpool.Get()
	defer bufpool.Put(b)
	if err := tmpl.ExecuteTemplate(b, name, data); err != nil {
		return fmt.Errorf("html: %w", err)
	}
	_, err := w.Write(replaceForbidden(b.Bytes()))
	return err
}

// head fills what every page has; self is the page's path from URLs.
func (r *Renderer) head(self string, opt PageOptions) head {
	h := head{Lang: "en", SiteName: r.SiteName, Canonical: r.canonical(self, opt), StyleSheet: r.href(r.StyleSheet)}
	if h.SiteName == "" {
		h.SiteName = "Talks"
	}
	if home := r.urls().Index(); home != self {
		h.Home = r.href(home)
	}
	for _, l := range opt.Links {
		sl := linkOf(l)
		if !sl.Safe && !strings.Contains(l.URL, ":") {
			// A path on the site, as Canonical and the URLs are, but
			// for white space around it, which safeURL passes over in
			// an absolute URL too: " //cdn.example/x.pdf" is another
			// host's, shown as text, not "/%20//cdn.example/x.pdf".
			sl.URL = r.href(strings.TrimSpace(l.URL))
			sl.Safe = sl.URL != ""
		}
		h.SiteLinks = append(h.SiteLinks, sl)
	}
	return h
}

// canonical is the URL of the page at self, written with opt.
func (r *Renderer) canonical(self string, opt PageOptions) string {
	if opt.Canonical != "" {
		return r.href(opt.Canonical)
	}
	return r.href(self)
}

// linkOf makes a link safe to show: an unsafe URL becomes text, and a
// link without a label, or with one of white space only, which would
// leave the link without an accessible name, shows its URL.
func linkOf(l talk.Link) link {
	text := l.Label
	if strings.TrimSpace(text) == "" {
		text = l.URL
	}
	return recordLink(safeURL(l.URL), text)
}

// appendSlides appends the links of a talk's slides, as linkOf makes
// them but for those without a label (RubyEvents' slides_url, a
// hand-written record's): these are "Slides", as talk/pyvideo labels
// them, numbered when there are several ("Slides 1", "Slides 2"), so
// that the page says what the link is rather than show a bare URL among
// the talk's other links, and several say which is which. A URL the page
// does not link to is shown as text, as linkOf shows it, for a reader to
// have it.
func appendSlides(links []link, slides []talk.Link) []link {
	start, unlabelled := len(links), 0
	for _, l := range slides {
		sl := linkOf(l)
		if sl.Safe && strings.TrimSpace(l.Label) == "" {
			unlabelled++
			sl.Text = "Slides"
		}
		links = append(links, sl)
	}
	if unlabelled > 1 {
		n := 0
		for i, l := range slides {
			if sl := &links[start+i]; sl.Safe && strings.TrimSpace(l.Label) == "" {
				n++
				sl.Text += " " + strconv.Itoa(n)
			}
		}
	}
	return links
}

// replaceForbidden replaces the code points HTML does not allow in a
// document (controls other than white space, and noncharacters), which
// real data does contain, with U+FFFD, so that the page stays valid. The
// JSON-LD block has none but noncharacters above U+FFFF: talk/jsonld
// escapes the others (see graphMayHoldForbidden).
func replaceForbidden(page []byte) []byte {
	if !mayHoldForbidden(page) {
		return page
	}
	return bytes.Map(func(r rune) rune {
		if forbidden(r) {
			return utf8.RuneError
		}
		return r
	}, page)
}

// mayHoldForbidden is a fast test on bytes: false means page holds no
// forbidden code point. It looks for C0 controls and DEL, the lead byte
// 0xC2 followed by a C1 control's second byte, and the lead bytes of the
// noncharacters (0xEF for U+FDD0-U+FDEF and U+FFFE-U+FFFF; 0xF0-0xF4 for
// the planes above), which the exact test then decides.
func mayHoldForbidden(page []byte) bool {
	for i := 0; i < len(page); i++ {
		if i+8 <= len(page) && ascii.Printable(ascii.Load64(page, i)) {
			i += 7
			continue
		}
		c := page[i]
		if !suspectBytes[c] {
			continue
		}
		switch {
		case c == 0xC2:
			if i+1 < len(page) && page[i+1] <= 0x9f {
				return true
			}
		case c == 0xEF, c >= 0xF0:
			return bytes.ContainsFunc(page[i:], forbidden)
		default:
			return true
		}
	}
	return false
}

// partMayHoldForbidden reports whether part, a part of a page, may make
// mayHoldForbidden stop at it: whether it holds a code point HTML forbids
// in a document, or "\xC2" before an ASCII byte (which mayHoldForbidden
// takes for one, and replaceForbidden then turns into U+FFFD with every
// other invalid byte of the page), or ends in a UTF-8 sequence that the
// bytes after it could finish as one. When no part of a page may, neither
// does the page: every forbidden code point begins with a suspect byte
// (none with a UTF-8 continuation byte, which a decoder could take as
// part of the code point before), and partMayHoldForbidden decides each
// at once.
func partMayHoldForbidden[T string | []byte](part T) bool {
	for i := 0; i < len(part); {
		if i+32 <= len(part) && ascii.Printable4(ascii.Load64(part, i), ascii.Load64(part, i+8), ascii.Load64(part, i+16), ascii.Load64(part, i+24)) {
			i += 32
			continue
		}
		// These thirty-two bytes eight or one at a time.
		for end := min(i+32, len(part)); i < end; {
			if i+8 <= len(part) && ascii.Printable(ascii.Load64(part, i)) {
				i += 8
				continue
			}
			if suspectBytes[part[i]] && forbiddenAt(part, i) {
				return true
			}
			i++
		}
	}
	return false
}

// graphMayHoldForbidden is partMayHoldForbidden for a JSON-LD graph as
// talk/jsonld writes it, which escapes the controls, DEL and the
// noncharacters below U+10000, writes invalid UTF-8 as an escape of
// U+FFFD, and ends in "}": all a graph may hold that partMayHoldForbidden
// stops at is a noncharacter above U+FFFF, whose UTF-8 begins with a byte
// from 0xF0. So most of a graph, ASCII, is passed 32 bytes at a time with
// one test of their high bits, and the rest looked at only from 0xF0: a
// graph was two thirds of what partMayHoldForbidden read of a page, at a
// twentieth of the page's instructions.
// FuzzGraphMayHoldForbidden holds it to partMayHoldForbidden.
func graphMayHoldForbidden(graph []byte) bool {
	for len(graph) > 0 {
		if len(graph) >= 32 && ascii32(graph[:32]) {
			graph = graph[32:]
			continue
		}
		n := min(len(graph), 32)
		for i, c := range graph[:n] {
			if c >= 0xF0 && forbiddenAt(graph, i) {
				return true
			}
		}
		graph = graph[n:]
	}
	return false
}

// ascii32 reports whether the 32 bytes of b are all ASCII, with one test
// of their high bits.
func ascii32(b []byte) bool {
	const highs = 0x8080808080808080
	b = b[:32]
	le := binary.LittleEndian
	return (le.Uint64(b)|le.Uint64(b[8:])|le.Uint64(b[16:])|le.Uint64(b[24:]))&highs == 0
}

// forbiddenAt reports whether the byte text[i], one of suspectBytes, may
// make mayHoldForbidden stop at it (see partMayHoldForbidden): whether it
// begins a forbidden code point, is "\xC2" before an ASCII byte, or begins
// a UTF-8 sequence that text ends before it is complete.
func forbiddenAt[T string | []byte](text T, i int) bool {
	if text[i] < utf8.RuneSelf {
		return true // a control or DEL
	}
	if text[i] == 0xC2 && i+1 < len(text) && text[i+1] < utf8.RuneSelf {
		return true
	}
	var seq [utf8.UTFMax]byte
	n := copy(seq[:], text[i:])
	if !utf8.FullRune(seq[:n]) {
		return true
	}
	r, _ := utf8.DecodeRune(seq[:n])
	return forbidden(r)
}

// suspectBytes marks the bytes mayHoldForbidden stops at: one table
// lookup per byte of a page instead of a chain of comparisons, which took
// 8% of a page's time (4% now).
var suspectBytes = func() (t [256]bool) {
	for c := range 0x20 {
		t[c] = c != '\t' && c != '\n' && c != '\f' && c != '\r'
	}
	t[0x7f], t[0xC2], t[0xEF] = true, true, true
	for c := 0xF0; c <= 0xFF; c++ {
		t[c] = true
	}
	return t
}()

// forbidden reports whether HTML forbids r in a document: C0 controls
// other than tab, line feed, form feed and carriage return, DEL, C1
// controls, and noncharacters.
func forbidden(r rune) bool {
	switch {
	case r < 0x20:
		return r != '\t' && r != '\n' && r != '\f' && r != '\r'
	case r >= 0x7f && r <= 0x9f:
		return true
	case r >= 0xfdd0 && r <= 0xfdef, r&0xfffe == 0xfffe:
		return true
	}
	return false
}

// templatePage is the data of t's page for the templates: fillPage's,
// with the JSON-LD graph and the description made ready as values.
func (r *Renderer) templatePage(t *talk.Talk, opt PageOptions) (*page, error) {
	p := new(page)
	r.fillPage(p, t, opt, true)
	desc, err := renderMarkup(t.Description, t.Markup, descriptionLevel)
	if err != nil {
		return nil, fmt.Errorf("html: description: %w", err)
	}
	p.Paragraphs, p.DescriptionHTML = desc.Paragraphs, desc.HTML
	if p.markup {
		describeMarkup(p, t, desc.HTML)
	}
	ld, err := talkJSONLD(t, p.ldOptions)
	if err != nil {
		return nil, err
	}
	p.Head.JSONLD = ld
	return p, nil
}

// descriptionLevel is the level of the heading a talk's description sits
// under on its page.
const descriptionLevel = 2

// fillPage fills p with the data of t's page but for the JSON-LD graph and
// the description, which a written-out page writes straight into the page
// (see writeTalkPage) and templatePage makes values of. So does the
// written-out page with the document's title, the date, the duration, the
// place, the kind and the videos, which it writes in their parts: only for
// templates, with forTemplates, does fillPage make strings of them.
func (r *Renderer) fillPage(p *page, t *talk.Talk, opt PageOptions, forTemplates bool) {
	talkPath, eventPath := r.talkPaths(t)
	*p = page{
		Head:        r.head(talkPath, opt),
		Talk:        t,
		ContentLang: langAttr(t.Language),
		Language:    languageName(t.Language),
		Citations:   opt.Citations,
	}
	p.ldOptions = r.talkLDOptions(p.Head.Canonical)
	p.LangDir = langDir(p.ContentLang)
	p.ContentDir = textDir(p.LangDir, t.Title)
	p.Head.Locale = ogLocale(p.ContentLang)
	p.Heading = t.Title
	if strings.TrimSpace(p.Heading) == "" {
		p.Heading = "Untitled talk"
	}
	p.EventTitle = talkEventTitle(&t.Event)
	if forTemplates {
		p.Head.Title = documentTitle(p.Heading, p.headingDir(), p.EventTitle)
	}
	for i := range t.Videos {
		if safeURL(t.Videos[i].URL) != "" {
			p.videos++
		}
	}
	// A page is a video's to link previews only when it has one to
	// show; a talk without a recording is an article about it.
	p.Head.OGType = "article"
	if p.videos > 0 {
		p.Head.OGType = "video.other"
	}
	p.Head.OGTitle = p.Heading
	p.markup = isMarkup(t.Description, t.Markup)
	p.Head.Description = summary(t, p.markup)
	p.Head.Thumbnail = imageURL(t.Thumbnail)
	p.EventURL = r.href(eventPath)
	p.Speakers = r.people(t.Speakers, "")
	p.Track = strings.TrimSpace(t.Track)
	p.SubtitleDir = textDir(p.LangDir, t.Subtitle)
	p.TrackDir = textDir(p.LangDir, p.Track)
	p.DescriptionDir = textDir(p.LangDir, t.Description)
	p.Recording = recordingNote(t)
	var zones zone.Memo
	p.recorded = localDate(t.Recorded, t.Event.TimeZone, &zones)
	p.Parts = r.partItems(t.Parts, t.Language, t.Event.TimeZone, &zones)
	if forTemplates {
		if !p.recorded.IsZero() {
			p.Date = &timeValue{machineDate(p.recorded), humanDate(p.recorded)}
		}
		if t.Duration > 0 {
			p.Duration = &timeValue{machineDuration(t.Duration), humanDuration(t.Duration)}
		}
		p.Place = t.Where().String()
		p.Kind = kindName(t.Kind)
		for _, tag := range t.Tags {
			p.Tags = append(p.Tags, tagItem{Text: tag, Dir: tagDir(p.LangDir, tag)})
		}
		lang, dir := p.headingLang()
		for i := range t.Videos {
			if parts, ok := videoOf(&t.Videos[i], t, len(p.Videos)+1, p.videos); ok {
				p.Videos = append(p.Videos, parts.video(p.Heading, lang, dir))
			}
		}
	}
	license := safeURL(t.License)
	if n := len(t.Slides) + len(t.Links) + len(p.Head.SiteLinks); n > 0 || license != "" {
		p.Links = make([]link, 0, n+1)
		p.Links = appendSlides(p.Links, t.Slides)
		for _, l := range t.Links {
			p.Links = append(p.Links, linkOf(l))
		}
		p.Links = append(p.Links, p.Head.SiteLinks...)
		if license != "" {
			p.Links = append(p.Links, link{URL: license, Text: "Licence", Safe: true})
		}
	}
}

// people links speakers to their pages, except to the page self.
func (r *Renderer) people(speakers []talk.Speaker, self string) []person {
	if len(speakers) == 0 {
		return nil
	}
	out := make([]person, 0, len(speakers))
	for i := range speakers {
		name := speakers[i].DisplayName()
		if name == "" {
			// Some records list a blank speaker: an empty name, and
			// a comma before it, would be all the page showed of it.
			continue
		}
		u := r.href(r.urls().Speaker(&speakers[i]))
		if u == self {
			u = ""
		}
		out = append(out, person{Name: name, URL: u})
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// videoParts are the parts of a video, as a written-out page writes them;
// video puts them together for templates.
type videoParts struct {
	provider, link string // provider is never "" ("the web")
	// The player's address is embedPrefix, the path-escaped id and
	// embedSuffix; none without an embedPrefix.
	embedPrefix, id, embedSuffix string
	file, poster                 string
	// A player's or link's title tells the recording from the talk's
	// others: n numbers it among them where the page shows more than one
	// (0 when it shows it alone), and language names its language where
	// it is not the talk's. Players titled alike, or links worded alike
	// to different places, cannot be told apart when a screen reader
	// lists them.
	n        int
	language string
}

// recordingNote tells a reader why a talk's page shows no recording,
// where the talk's Recording says: that it was not recorded, that its
// recording is not public, or not published yet. It is "" for a talk with
// videos, whatever its Recording says, and for one that does not say.
func recordingNote(t *talk.Talk) string {
	if len(t.Videos) > 0 {
		return ""
	}
	switch t.Recording {
	case talk.NotRecorded:
		return "This talk was not recorded."
	case talk.NotPublished:
		return "This talk was recorded, but the recording is not public."
	case talk.Scheduled:
		return "The recording of this talk is not published yet."
	}
	return ""
}

// headingLang is the lang and dir attributes of the heading: the talk's,
// when it is the talk's title, and none for the page's words for its
// absence.
func (p *page) headingLang() (lang, dir string) {
	if p.Heading != p.Talk.Title {
		return "", ""
	}
	return p.ContentLang, p.ContentDir
}

// video puts the parts of a video together for templates, for the talk
// whose heading is heading (its title, or words for its absence), in the
// language and direction lang and dir.
func (v *videoParts) video(heading, lang, dir string) video {
	title := "Recording of " + heading
	if v.n > 0 {
		title = "Recording " + strconv.Itoa(v.n) + " of " + heading
	}
	if v.language != "" {
		title += " (" + v.language + ")"
	}
	vid := video{Title: title, Provider: v.provider, File: v.file, Poster: v.poster, Link: v.link,
		Number: v.n, Heading: heading, Lang: lang, Dir: dir, Language: v.language}
	if v.embedPrefix != "" {
		vid.Embed = v.embedPrefix + url.PathEscape(v.id) + v.embedSuffix
	}
	return vid
}

// videoOf chooses how to show a recording: a privacy-minded player where
// the provider has one, a <video> element for files, a link otherwise.
// The recording is the nth of the shown that the page shows.
func videoOf(v *talk.Video, t *talk.Talk, n, shown int) (videoParts, bool) {
	u := safeURL(v.URL)
	if u == "" {
		return videoParts{}, false
	}
	vid := videoParts{provider: v.Provider, link: u}
	if shown > 1 {
		vid.n = n
	}
	if v.Language != "" && !strings.EqualFold(string(v.Language), string(t.Language)) {
		vid.language = languageName(v.Language)
	}
	vid.provider = providerName(v.Provider)
	switch {
	case v.Provider == talk.YouTube && v.ID != "":
		vid.embedPrefix, vid.id = "https://www.youtube-nocookie.com/embed/", v.ID
		// The player starts where the recording's address does (a talk
		// within a longer stream, a part of a block), as JSON-LD's does.
		if secs := weburl.StartSeconds(v.URL); secs > 0 {
			vid.embedSuffix = "?start=" + strconv.FormatInt(secs, 10)
		}
	case v.Provider == talk.Vimeo && v.ID != "":
		vid.embedPrefix, vid.id, vid.embedSuffix = "https://player.vimeo.com/video/", v.ID, "?dnt=1"
		if secs := weburl.StartSeconds(v.URL); secs > 0 {
			vid.embedSuffix += "#t=" + strconv.FormatInt(secs, 10) + "s"
		}
	case v.Provider == talk.ArchiveOrg && v.ID != "":
		vid.embedPrefix, vid.id = "https://archive.org/embed/", v.ID
	case v.Provider == talk.File:
		vid.file = u
		vid.poster = imageURL(t.Thumbnail)
	}
	return vid, true
}

// providerName is a video's host as a link to it names it ("Watch ...
// on YouTube"): the well-known providers as they spell themselves, where
// the model keeps them in lower case ("on youtube" read as a typo), any
// other as the source gives it, and "the web" for none.
func providerName(provider string) string {
	switch strings.TrimSpace(provider) {
	case "":
		return "the web"
	case talk.YouTube:
		return "YouTube"
	case talk.Vimeo:
		return "Vimeo"
	case talk.PeerTube:
		return "PeerTube"
	case talk.ArchiveOrg:
		return "the Internet Archive"
	}
	return provider
}

// talkEventTitle is the event as a talk's page names it, in its header
// and <title>: its title, or, for an event a record gives by its ID
// alone, the ID, as the event's own page is headed (eventTitle); "" when
// it has neither, for nothing to show. A title of white space only
// would be a link without a name.
func talkEventTitle(e *talk.Event) string {
	if strings.TrimSpace(e.Title) == "" && strings.TrimSpace(e.ID) == "" {
		return ""
	}
	return eventTitle(e)
}

// documentTitle is a talk page's <title>: its heading, whose direction
// is dir, and its event's title after " · " when it has one, each
// isolated from the other where their directions could mix them
// (titleParts).
func documentTitle(heading, dir, event string) string {
	if event == "" {
		return heading
	}
	heading, event = titleParts(heading, dir, event)
	return heading + titleSeparator + event
}

// titleParts returns the heading and the event's title of a talk page's
// <title>, each between the controls that isolate text of a direction
// from the text around it (U+2066, U+2067 or U+2068 for the heading's
// direction dir, "ltr", "rtl" or "auto"; U+2068 for the event's, which
// is not known; U+2069 after each), when either holds a letter written
// right to left or a control of direction. No markup can isolate them
// in a <title>: an Arabic title ending in "(الجزء 1)" took the " · " and
// the event's title after it into its own order, an English one before
// an Arabic event's title its "?" to the far end of a right-to-left
// site's title, and an unclosed override (U+202E) reversed what came
// after it. W3C's guidance for such places is these controls. Titles of
// neither, most of them, are returned as they are.
func titleParts(heading, dir, event string) (string, string) {
	if !mixesDirections(heading) && !mixesDirections(event) {
		return heading, event
	}
	open := "\u2068"
	switch dir {
	case "ltr":
		open = "\u2066"
	case "rtl":
		open = "\u2067"
	}
	return open + heading + "\u2069", "\u2068" + event + "\u2069"
}

// mixesDirections reports whether s holds a letter written right to left
// or a control of direction whose effect lasts past it (embeddings,
// overrides and isolates, and their ends: U+202A-U+202E, U+2066-U+2069).
func mixesDirections(s string) bool {
	return hasRightToLeft(s) || strings.ContainsFunc(s, func(r rune) bool {
		return 0x202A <= r && r <= 0x202E || 0x2066 <= r && r <= 0x2069
	})
}

// headingDir is the heading's direction for the document's title: the
// talk's title's, or "ltr" for the page's words for its absence.
func (p *page) headingDir() string {
	if _, dir := p.headingLang(); dir != "" {
		return dir
	}
	return "ltr"
}

// titleSeparator comes between a talk's heading and its event's title in
// the page's <title>.
const titleSeparator = " · "

// safeURL returns s when it is an absolute http(s) URL with a well-formed
// host, or a mailto URL, and "" otherwise: the only URLs a page links to.
// Real data holds URLs browsers reject ("https://docs..org/"), which are
// shown as text instead. Brackets outside the host are percent-encoded, as
// the URL standard requires.
func safeURL(s string) string {
	if plainWebURL(s) {
		return s
	}
	if !hasLinkScheme(strings.TrimSpace(s)) {
		// url.Parse would give another scheme, or none: licences
		// ("CC BY 4.0") and the empty fields of most talks.
		return ""
	}
	return parsedSafeURL(s)
}

// hasLinkScheme reports whether s starts with "http:", "https:" or
// "mailto:" in any case: whether url.Parse, which takes the scheme from
// what comes before the first ":", may give it one that parsedSafeURL
// takes.
func hasLinkScheme(s string) bool {
	scheme, _, ok := strings.Cut(s, ":")
	return ok && (strings.EqualFold(scheme, "http") || strings.EqualFold(scheme, "https") || strings.EqualFold(scheme, "mailto"))
}

// plainWebURL reports whether s is an http(s) URL that parsedSafeURL
// returns as it is: a lower-case scheme, a plain host (weburl.SplitPlain)
// that weburl.ValidHost takes, then only the characters url.URL.String keeps as
// they are, no bracket and one "#" at most, not last. Most are; parsing
// each built a URL and then wrote it back out. FuzzSafeURL holds it to
// parsedSafeURL.
func plainWebURL(s string) bool {
	host, rest, ok := weburl.SplitPlain(s)
	if !ok || !weburl.ValidHost(host) {
		return false
	}
	fragment := false
	for i := 0; i < len(rest); i++ {
		switch c := rest[i]; {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case strings.IndexByte("-._~/?!$&'()*+,;=:@", c) >= 0:
		case c == '#' && !fragment && i+1 < len(rest): // String drops an empty fragment
			fragment = true
		default:
			return false
		}
	}
	return true
}

// parsedSafeURL is safeURL for any string.
func parsedSafeURL(s string) string {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil {
		return ""
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		if !weburl.ValidHost(u.Hostname()) {
			return ""
		}
	case "mailto":
	default:
		return ""
	}
	out := u.String()
	if !strings.Contains(u.Host, "[") {
		out = bracketEscaper.Replace(out)
	}
	return out
}

// bracketEscaper percent-encodes the brackets url.URL.String leaves as
// they are outside an IPv6 host. Replacers are safe for concurrent use,
// and this one costs more to build than to run.
var bracketEscaper = strings.NewReplacer("[", "%5B", "]", "%5D")

// summary is the meta description of t's page: its summary, or else,
// for a description in plain text, the description. A description in
// markup (isMarkup, given as markup) is described by what the page shows
// of it (descriptionMeta), once it is rendered; summary gives "" for it.
func summary(t *talk.Talk, markup bool) string {
	if strings.TrimSpace(t.Summary) != "" {
		return shorten(t.Summary)
	}
	if markup {
		return ""
	}
	return shorten(t.Description)
}

// shortenLimit is how much of the collapsed text matters to shorten's
// cut: it stops there rather than split a long description into all its
// words.
const shortenLimit = 201

// shorten collapses white space, as appendCollapsed does, and cuts s to
// about 200 bytes at a word.
func shorten(s string) string {
	const limit = shortenLimit
	if start, end, ok := collapsed(s, limit); ok {
		s = s[start:end]
		if n, cut := cutAtWord(s); cut {
			return s[:n] + "…"
		}
		return s
	}
	// Collapsed in an array on the stack (unless a word is very long),
	// and marked with "…" there, for one copy into a string.
	var buf [limit + 32]byte
	b := appendCollapsed(buf[:0], s, limit)
	if n, cut := cutAtWord(b); cut {
		b = append(b[:n], "…"...)
	}
	return string(b)
}

// collapsed reports whether the words of s that appendCollapsed(s, limit)
// joins are already joined by single spaces in s, and if so where they
// are: most summaries are one line, and cutting them needs no copy.
func collapsed(s string, limit int) (start, end int, ok bool) {
	i := 0
	for i < len(s) && asciiSpace(s[i]) {
		i++
	}
	start = i
	for i < len(s) {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				return 0, 0, false
			}
			i += size
			continue
		}
		if !asciiSpace(c) {
			i++
			continue
		}
		if c != ' ' {
			return 0, 0, false
		}
		// A word ends at i: the joined words are as long as they are in s.
		if i-start >= limit {
			return start, i, true
		}
		if i+1 < len(s) && !startsWithSpace(s[i+1:]) {
			i++ // one space between two words
			continue
		}
		if strings.TrimLeft(s[i:], " ") != "" {
			return 0, 0, false
		}
		return start, i, true // the spaces after the last word
	}
	return start, len(s), true
}

// startsWithSpace reports whether s starts with white space.
func startsWithSpace(s string) bool {
	if s[0] < utf8.RuneSelf {
		return asciiSpace(s[0])
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}

// asciiSpace reports whether c is an ASCII white-space byte, as
// unicode.IsSpace says.
func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// appendCollapsed appends the words of s joined with single spaces, or
// with nothing where a line break comes between Chinese or Japanese
// characters (joinsAcrossLine), stopping once it has appended at least
// limit bytes.
func appendCollapsed(b []byte, s string, limit int) []byte {
	start := len(b)
	g := noGap
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if unicode.IsSpace(r) {
			if r == '\n' || r == '\r' {
				g = lineGap
			} else {
				g = max(g, spaceGap)
			}
			i += size
			continue
		}
		end := i + size
		for end < len(s) {
			r, size := rune(s[end]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(s[end:])
			}
			if unicode.IsSpace(r) {
				break
			}
			end += size
		}
		if len(b) > start && g != noGap && (g != lineGap || !joinsAcrossLine(b[start:], s[i:end])) {
			b = append(b, ' ')
		}
		b = append(b, s[i:end]...)
		if len(b)-start >= limit {
			break
		}
		g = noGap
		i = end
	}
	return b
}

// cutAtWord says where to cut text to at most 200 bytes: at the last space
// of those if it lies past the first 100, else at the boundary of
// characters as a reader sees them (clusterStart) at or before byte 200;
// shorten then marks the cut with "…". It does not cut text of 200 bytes
// or fewer.
func cutAtWord[T string | []byte](text T) (n int, cut bool) {
	if len(text) <= 200 {
		return len(text), false
	}
	n = 199
	for n >= 0 && text[n] != ' ' {
		n--
	}
	if n < 100 {
		n = 200
	}
	for n > 0 && !utf8Start(text[n]) {
		n--
	}
	return clusterStart(text, n), true
}

func utf8Start(b byte) bool { return b&0xC0 != 0x80 }

// clusterStart returns the last boundary between the characters a reader
// sees in text (Unicode's extended grapheme clusters, UAX #29) at or
// before i, a boundary of code points: a cut at a code point alone left
// "é" written with a combining accent (NFD, as macOS and some exports
// write it) as "e", a Hindi conjunct without its virama ("क्ष" as "क"), a
// family emoji as a lone person and a dangling joiner, and a flag as
// another flag or a lone letter. When no boundary comes before i, as in
// a letter under hundreds of marks, it is i: the cut keeps that much.
func clusterStart[T string | []byte](text T, i int) int {
	for j := i; j > 0; {
		prev, size := runeBefore(text, j)
		if clusterBoundary(text, j, prev, runeAt(text, j)) {
			return j
		}
		j -= size
	}
	return i
}

// clusterBoundary reports whether a user-perceived character may end at
// j in text, between prev, the code point before j, and next, the one at
// j (utf8.RuneError for none): UAX #29's rules for the marks, joiners,
// modifiers and tags that extend a character, emoji joined with U+200D,
// conjuncts joined by a virama, pairs of regional indicators (flags) and
// Hangul syllables of conjoining jamo. Prepended concatenation marks,
// which no talk's text has, are left out.
func clusterBoundary[T string | []byte](text T, j int, prev, next rune) bool {
	switch {
	case extendsCluster(next), prev == zeroWidthJoiner:
		return false
	case unicode.IsLetter(next) && norm.NFC.PropertiesString(string(prev)).CCC() == viramaClass:
		return false
	case regionalIndicator(prev) && regionalIndicator(next):
		// Indicators pair up from the first of a run: a boundary
		// comes after an even number of them.
		n := 0
		for k := j; k > 0; {
			r, size := runeBefore(text, k)
			if !regionalIndicator(r) {
				break
			}
			n++
			k -= size
		}
		return n%2 == 0
	}
	return !hangulJoins(prev, next)
}

const (
	zeroWidthJoiner    = '\u200D'
	zeroWidthNonJoiner = '\u200C'
	// viramaClass is the canonical combining class of viramas, which
	// join the consonants around them into one conjunct.
	viramaClass = 9
)

// extendsCluster reports whether r belongs to the character before it:
// a combining mark (of any of Unicode's three kinds, variation selectors
// among them), a zero-width joiner or non-joiner, an emoji skin-tone
// modifier, or a tag character (of the flags of England, Scotland and
// Wales).
func extendsCluster(r rune) bool {
	switch {
	case r < 0x300:
		return false
	case r == zeroWidthJoiner, r == zeroWidthNonJoiner,
		0x1F3FB <= r && r <= 0x1F3FF, 0xE0020 <= r && r <= 0xE007F:
		return true
	}
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Mc)
}

// regionalIndicator reports whether r is one of the letters of which two
// make a flag.
func regionalIndicator(r rune) bool { return 0x1F1E6 <= r && r <= 0x1F1FF }

// hangulJoins reports whether the Hangul jamo or syllables prev and next
// make one syllable: a leading consonant before a leading consonant, a
// vowel or a syllable; a vowel, or a syllable without a trailing
// consonant, before a vowel or a trailing consonant; and a trailing
// consonant, or a syllable with one, before a trailing consonant.
func hangulJoins(prev, next rune) bool {
	p, n := hangulKind(prev), hangulKind(next)
	switch p {
	case hangulL:
		return n == hangulL || n == hangulV || n == hangulLV || n == hangulLVT
	case hangulV, hangulLV:
		return n == hangulV || n == hangulT
	case hangulT, hangulLVT:
		return n == hangulT
	}
	return false
}

// The kinds of Hangul code point, as UAX #29 tells them apart.
const (
	notHangul = iota
	hangulL   // a leading consonant
	hangulV   // a vowel
	hangulT   // a trailing consonant
	hangulLV  // a syllable without a trailing consonant
	hangulLVT // a syllable with one
)

func hangulKind(r rune) int {
	switch {
	case r < 0x1100:
		return notHangul
	case r <= 0x115F, 0xA960 <= r && r <= 0xA97C:
		return hangulL
	case r <= 0x11A7, 0xD7B0 <= r && r <= 0xD7C6:
		return hangulV
	case r <= 0x11FF, 0xD7CB <= r && r <= 0xD7FB:
		return hangulT
	case 0xAC00 <= r && r <= 0xD7A3:
		if (r-0xAC00)%28 == 0 {
			return hangulLV
		}
		return hangulLVT
	}
	return notHangul
}

// runeAt is the code point at i in text, utf8.RuneError at its end.
func runeAt[T ~string | []byte](text T, i int) rune {
	var seq [utf8.UTFMax]byte
	r, _ := utf8.DecodeRune(seq[:copy(seq[:], text[i:])])
	return r
}

// runeBefore is the code point that ends at i in text, and its size.
func runeBefore[T ~string | []byte](text T, i int) (rune, int) {
	var seq [utf8.UTFMax]byte
	start := max(i-utf8.UTFMax, 0)
	n := copy(seq[:], text[start:i])
	return utf8.DecodeLastRune(seq[:n])
}

// machineDate is d for a time element's datetime attribute: its ISO
// 8601 form, whose fraction of a second HTML allows to three digits.
func machineDate(d talk.Date) string { return toMilliseconds(d.String()) }

// machineDuration is d for a time element's datetime attribute; see
// machineDate.
func machineDuration(d talk.Duration) string { return toMilliseconds(d.String()) }

// toMilliseconds cuts the fraction of a second in s, a date-time or
// duration in ISO 8601, to the three digits a datetime attribute may
// hold ("10:30:00.123456" is an error of the W3C checker), dropping
// trailing zeros: precision is lost, none invented.
func toMilliseconds(s string) string {
	dot := strings.IndexByte(s, '.')
	if dot < 0 {
		return s
	}
	end := dot + 1
	for end < len(s) && '0' <= s[end] && s[end] <= '9' {
		end++
	}
	if end-dot-1 <= 3 {
		return s
	}
	keep := strings.TrimRight(s[dot+1:dot+4], "0")
	if keep == "" {
		return s[:dot] + s[end:]
	}
	return s[:dot+1] + keep + s[end:]
}

// localDate is d as the event's own programme gives it: a date-time with
// an offset moved to the event's time zone tz ([talk.Event.TimeZone]),
// so that a talk a record times in UTC, "2024-06-01T22:30:00Z", at an
// event in Madrid shows as "2 June 2024, 00:30 (UTC+02:00)", on the day
// and at the hour its audience met it, not the day before. Any other
// date, and any date when tz does not load, is as written: a date or a
// floating date-time is the event's wall clock already.
func localDate(d talk.Date, tz string, zones *zone.Memo) talk.Date {
	if d.Precision() != talk.DateTimeOffset || tz == "" {
		return d
	}
	loc, _ := zones.Load(tz)
	return d.In(loc)
}

// humanDate is a date as a page shows it, "21 July 2016".
func humanDate(d talk.Date) string {
	var buf [64]byte
	return string(appendHumanDate(buf[:0], d))
}

// appendHumanDate appends humanDate(d).
func appendHumanDate(b []byte, d talk.Date) []byte {
	t := d.Time()
	switch d.Precision() {
	case talk.Year:
		return t.AppendFormat(b, "2006")
	case talk.Month:
		return t.AppendFormat(b, "January 2006")
	case talk.Day:
		return t.AppendFormat(b, "2 January 2006")
	case talk.DateTime:
		return t.AppendFormat(b, "2 January 2006, 15:04")
	}
	return t.AppendFormat(b, "2 January 2006, 15:04 (UTC-07:00)")
}

// humanDuration is a duration as a page shows it, to the minute: "25 min",
// "1 h 02 min"; or, under a minute, to the second, "20 s" (a record's
// short clip, or seconds a source wrote for minutes), which "1 min" would
// misstate.
func humanDuration(d talk.Duration) string {
	var buf [32]byte
	return string(appendHumanDuration(buf[:0], d))
}

// appendHumanDuration appends humanDuration(d).
func appendHumanDuration(b []byte, d talk.Duration) []byte {
	if s := int64((time.Duration(d) + time.Second/2) / time.Second); s < 60 {
		return append(strconv.AppendInt(b, max(s, 1), 10), " s"...)
	}
	m := int64((time.Duration(d) + 30*time.Second) / time.Minute)
	if m < 60 {
		return append(strconv.AppendInt(b, max(m, 1), 10), " min"...)
	}
	b = append(strconv.AppendInt(b, m/60, 10), " h "...)
	if m%60 < 10 {
		b = append(b, '0')
	}
	return append(strconv.AppendInt(b, m%60, 10), " min"...)
}

// talkPlace returns where t was given ([talk.Talk.Where], as the page's
// JSON-LD names it), from the room out (room, venue, city, region,
// country), each part trimmed and "" when not known. The event's venue
// and city are named on the talk's page too because nothing else there
// names them, and a visitor should not need the event's page to learn
// where a talk was given.
func talkPlace(t *talk.Talk) [5]string {
	pl := t.Where()
	return [5]string{
		strings.TrimSpace(pl.Room), strings.TrimSpace(pl.Venue), strings.TrimSpace(pl.City),
		strings.TrimSpace(pl.Region), strings.TrimSpace(pl.Country),
	}
}

// kindName is a talk's Kind as a page shows it, "Keynote" for "keynote",
// "Lightning talk" for "lightning_talk", and "" for a blank one.
func kindName(kind string) string {
	var buf [32]byte
	return string(appendKindName(buf[:0], kind))
}

// appendKindName appends kindName(kind): the kind trimmed, its first
// letter in title case and its underscores made spaces, as the model's
// lower-case words and schedules' own types made lower case ("vortrag")
// read in a sentence. Title case, not upper case, which differs for some
// letters: Georgian, which has no capitals in running text ("მოხსენება"
// stays so, where upper case made its first letter Mtavruli,
// "Მოხსენება"), and the digraphs ("ǆ" is "ǅ", not "Ǆ"). The rest is kept
// as it is: a hyphen is the kind's own ("hands-on_workshop"), and a kind
// that a record spells with capitals ("Q&A") keeps them.
func appendKindName(b []byte, kind string) []byte {
	kind = strings.TrimSpace(kind)
	if r, size := utf8.DecodeRuneInString(kind); unicode.ToTitle(r) != r {
		b = utf8.AppendRune(b, unicode.ToTitle(r))
		kind = kind[size:]
	}
	for i := 0; i < len(kind); i++ {
		c := kind[i]
		if c == '_' {
			c = ' '
		}
		b = append(b, c)
	}
	return b
}

// languageName names a language in English for the page's chrome.
func languageName(l talk.Language) string {
	if l == "" {
		return ""
	}
	if name := l.Name(); name != "" {
		return name
	}
	return string(l)
}
