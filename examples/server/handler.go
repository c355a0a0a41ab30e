package main

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log"
	"maps"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/talkmeta/talkmeta/internal/errs"
	"github.com/talkmeta/talkmeta/internal/layout"
	"github.com/talkmeta/talkmeta/internal/osfs"
	"github.com/talkmeta/talkmeta/internal/pageslug"
	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/cite"
	"github.com/talkmeta/talkmeta/talk/cite/csl"
	"github.com/talkmeta/talkmeta/talk/html"
	"github.com/talkmeta/talkmeta/talk/jsonld"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
	"golang.org/x/text/unicode/norm"
)

// The media types the handler serves.
const (
	typeHTML   = "text/html"
	typeJSONLD = "application/ld+json"
	typeBibTeX = "application/x-bibtex"
	typeRIS    = "application/x-research-info-systems"
	typeCSL    = "application/vnd.citationstyles.csl+json"
	typeCSS    = "text/css"
)

// contentTypes are the Content-Type headers of the media types.
var contentTypes = map[string]string{
	typeHTML:   "text/html; charset=utf-8",
	typeJSONLD: "application/ld+json",
	typeBibTeX: "application/x-bibtex; charset=utf-8",
	typeRIS:    "application/x-research-info-systems; charset=utf-8",
	typeCSL:    "application/vnd.citationstyles.csl+json",
	typeCSS:    "text/css; charset=utf-8",
}

// contentSecurityPolicy lets pages load only what they are made of: the
// style sheet, images and media from the web, and the players they embed.
const contentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src http: https:; media-src http: https:; " +
	"frame-src https://www.youtube-nocookie.com https://player.vimeo.com https://archive.org; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// referrerPolicy tells browsers to send other sites, a page's links and
// style sheet's, at most the archive's origin, never a page's path; the
// players' frames ask for the same of their own. Browsers differ in their
// default, and an older one sends the whole address.
const referrerPolicy = "strict-origin-when-cross-origin"

// load reads every talk of a pyvideo archive. Records that cannot be read
// are returned as errors beside the talks that could.
func load(fsys fs.FS) ([]*talk.Talk, []error) {
	var talks []*talk.Talk
	var errs []error
	for t, err := range pyvideo.Talks(fsys) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		t.Origin.Raw = nil // only a pyvideo writer needs it
		talks = append(talks, t)
	}
	return talks, errs
}

// loadDir reads the archive dir as load does, naming the files of its
// talks and of its errors as the operator names them, below dir
// ("corpus/chipy/videos/a.json"), where the reader names them within the
// archive ("chipy/videos/a.json"), which is no file where the server was
// started. A record not read now that the last read read (last, its
// talks) is served as it was then (see asReadBefore). It returns the
// errors as logLine words them, each saying what is served as read
// before in its stead; whether any of them may stand for records not
// read (see hidesRecords); and the event directories whose event was
// read neither now nor before, whose talks have a bare event named after
// their directory (see leaveOutEventless).
func loadDir(dir string, last []*talk.Talk) (talks []*talk.Talk, lines []string, keepGone bool, eventless map[string]bool) {
	talks, errs := load(os.DirFS(dir))
	for _, t := range talks {
		t.Origin.Path = userPath(dir, t.Origin.Path)
		if t.Event.Origin.Path != "" {
			t.Event.Origin.Path = userPath(dir, t.Event.Origin.Path)
		}
	}
	var unreads []unread
	var at []int // each unread's index in errs
	for i, err := range errs {
		keepGone = keepGone || hidesRecords(err)
		if u, ok := unreadOf(dir, err); ok {
			unreads, at = append(unreads, u), append(at, i)
		}
	}
	talks, said := asReadBefore(talks, last, unreads)
	lines = make([]string, len(errs))
	for i, err := range errs {
		lines[i] = logLine(dir, err) // after unreadOf: it names err's files anew
	}
	for j, i := range at {
		if said[j] != "" {
			lines[i] += "; " + said[j]
		} else if unreads[j].file == "" {
			if eventless == nil {
				eventless = map[string]bool{}
			}
			eventless[unreads[j].dir] = true
		}
	}
	return talks, lines, keepGone, eventless
}

// hidesRecords reports whether err, an error of reading an archive, may
// stand for records not read this time (a record or an event's
// category.json that cannot be read, an event's directory in a state a
// copy leaves it in), whose pages are kept for them; and not only for a
// file that is no record (a README among the talks or in an event's
// directory, a record outside any event), to which no page was ever
// given: pages kept for such a file's sake were kept for records
// deleted, for good.
func hidesRecords(err error) bool {
	var le *pyvideo.LayoutError
	if !errors.As(err, &le) {
		return true
	}
	py := layout.Pyvideo()
	switch le.Reason {
	case py.InEvent(), py.InTalks(), py.Outside():
		return false
	}
	return true
}

// userPath is the file p, slash-separated within the archive dir, as
// the operator names it.
func userPath(dir, p string) string {
	return filepath.ToSlash(filepath.Join(dir, filepath.FromSlash(p)))
}

// logLine words err, an error of reading the archive dir, for the log
// as talkmeta's commands word it: the file first, named below dir,
// without the reader's "pyvideo: " before it, nor the system call that
// failed ("open"), neither of which the operator typed or can act on.
func logLine(dir string, err error) string {
	rename(dir, err)
	for {
		p, ok := err.(*errs.Prefixed)
		if !ok {
			break
		}
		err = p.Err
	}
	switch e := err.(type) {
	case *fs.PathError:
		return e.Path + ": " + e.Err.Error()
	case *pyvideo.LayoutError:
		return e.Path + ": " + e.Reason
	}
	return err.Error()
}

// rename names the files in err's tree as userPath does, in place: each
// *talk.RecordError, *pyvideo.LayoutError, *osfs.NotRegularError and
// *fs.PathError, which the errors wrapping them word anew when asked.
func rename(dir string, err error) {
	switch e := err.(type) {
	case nil:
	case *talk.RecordError:
		e.Path = userPath(dir, e.Path)
	case *pyvideo.LayoutError:
		e.Path = userPath(dir, e.Path)
	case *osfs.NotRegularError:
		e.Name = filepath.FromSlash(userPath(dir, e.Name))
	case *fs.PathError:
		e.Path = filepath.FromSlash(userPath(dir, e.Path))
	case interface{ Unwrap() []error }:
		for _, inner := range e.Unwrap() {
			rename(dir, inner)
		}
	default:
		rename(dir, errors.Unwrap(err))
	}
}

// handler serves an archive's pages; see the package documentation. Its
// maps are filled by newHandler and only read afterwards, so it is safe
// for concurrent use.
type handler struct {
	r    html.Renderer
	apa  *csl.Processor // for the talk pages' references
	urls urls
	// talks, events and speakers are by their page's pageKey.
	talks    map[string]*talk.Talk
	events   map[string]*listing
	speakers map[string]*listing
	index    []html.IndexEntry
	// read is when the archive was read, the Last-Modified of every
	// response: what a page says can change only when the server reads
	// the archive again, into another handler.
	read time.Time
	// errorLog, when not nil, is told of each page that could not be
	// made: the client gets 500 and no more, and the operator would
	// otherwise learn nothing of it.
	errorLog *log.Logger
	// warnings name records left out, and those served elsewhere than
	// their slugs' pages, which another record has or had (see
	// newHandler), and speakers whose page is a talk's.
	warnings []string
}

// urls lays the pages out as html.PyvideoURLs does, but that a talk or
// event served elsewhere than its slug's page (another record has it, or
// it keeps the page it had when the archive was last read) is at the
// page newHandler gave it.
type urls struct {
	html.PyvideoURLs
	pages  map[*talk.Talk]string
	events map[eventKey]string
}

// eventKey tells events apart: each talk holds its own copy of its
// event, and talks of one event hold equal copies.
type eventKey struct{ id, title string }

// Event returns the path of e's page.
func (u urls) Event(e *talk.Event) string {
	if p, ok := u.events[eventKey{e.ID, e.Title}]; ok {
		return p
	}
	return u.PyvideoURLs.Event(e)
}

// Talk returns the path of t's page.
func (u urls) Talk(t *talk.Talk) string {
	if p, ok := u.pages[t]; ok {
		return p
	}
	return u.PyvideoURLs.Talk(t)
}

// pageKey is what tells pages apart: a path in Unicode's composed form
// (NFC). A slug from a record ("café") may be in either form, and a
// browser sends a path as it was typed or pasted, in either: the forms
// look alike and are one name to a reader, so they name one page.
func pageKey(path string) string { return norm.NFC.String(path) }

// listing is an event or a speaker with their talks.
type listing struct {
	event   *talk.Event
	speaker *talk.Speaker
	talks   []*talk.Talk
}

// newHandler indexes talks by the paths of their pages, which pages
// gives out (see pageslug.Pages; nil gives them out anew), and which it
// then holds for the next read (pages.Text): a talk or event that had a
// page when the archive was last read has it again; any other has the
// page its slug names, unless a talk or event has it already, and then
// one of its own, as talkmeta site gives it (its ID's slug or the next
// number free after the other's slug), with a warning. keepGone keeps
// the pages of the last read's talks and events that are not among
// talks, for a read that could not read every record: the record is not
// gone, and its page would move when it is read again. A talk read twice
// (its event, ID and title the other's) is left out, with a warning; so
// is one without a title or ID to name its page after. read is when the
// talks were read.
func newHandler(talks []*talk.Talk, baseURL string, read time.Time, pages *pageslug.Pages, keepGone bool) (*handler, error) {
	style, err := csl.BuiltinStyle("apa")
	if err != nil {
		return nil, err
	}
	apa, err := csl.New(style) // with the engine's en-US locale
	if err != nil {
		return nil, err
	}
	if pages == nil {
		pages = pageslug.NewPages()
	}
	u := urls{pages: map[*talk.Talk]string{}, events: map[eventKey]string{}}
	h := &handler{
		r:        html.Renderer{BaseURL: baseURL, StyleSheet: "/style.css", URLs: u},
		urls:     u,
		apa:      apa,
		talks:    map[string]*talk.Talk{},
		events:   map[string]*listing{},
		speakers: map[string]*listing{},
		read:     read,
	}
	claims := claimPages(pages, talks, ownersOf(talks), keepGone)
	// moved are the talks, and the first talk of each event, whose page
	// is not the one their slug names, which a warning names once every
	// page is known.
	type move struct {
		t               *talk.Talk
		event           bool
		slugged, served string
	}
	var moved []move
	var events []string
	// holders say whose each page is, by its osfs.FoldName (as pages
	// tells pages apart), for the warnings: a talk's, by its file, or an
	// event's, by its title.
	holders := map[string]string{}
	for i, t := range talks {
		c := claims[i]
		p := c.talk
		if p == "" {
			h.warnings = append(h.warnings, fmt.Sprintf("%s: the talk has no title or ID to name its page after; left out", t.Origin.Path))
			continue
		}
		page := c.talkPage
		if other, ok := h.talks[pageKey(page)]; ok {
			h.warnings = append(h.warnings, fmt.Sprintf("%s: its page %s is %s's already; left out", t.Origin.Path, page, other.Origin.Path))
			continue
		}
		if page != p {
			u.pages[t] = page // "C" and "C++" both slug as "c"
			moved = append(moved, move{t, false, p, page})
		}
		h.talks[pageKey(page)] = t
		holders[osfs.FoldName(page)] = t.Origin.Path + "'s already"
		key := eventKey{t.Event.ID, t.Event.Title}
		ep := c.event
		if page := c.eventPage; page != ep {
			// Another event of the same slug ("PyCon 2020" and
			// "PyCon-2020"): listed on the first one's page, its talks
			// would be taken for that event's, by readers and by the
			// page's JSON-LD and citations alike.
			if _, seen := u.events[key]; !seen {
				u.events[key] = page
				moved = append(moved, move{t, true, ep, page})
			}
			ep = page
		}
		ev := h.events[pageKey(ep)]
		if ev == nil {
			ev = &listing{event: &t.Event}
			h.events[pageKey(ep)] = ev
			events = append(events, pageKey(ep))
			// Two events may have one title: the file tells them apart.
			holder := fmt.Sprintf("the event %q's already", t.Event.Title)
			if f := t.Event.Origin.Path; f != "" {
				holder += ", of " + f
			}
			holders[osfs.FoldName(ep)] = holder
		}
		ev.talks = append(ev.talks, t)
		for s := range t.AllSpeakers() {
			sp := pageKey(h.urls.Speaker(s))
			if sp == "" {
				continue
			}
			l := h.speakers[sp]
			if l == nil {
				l = &listing{speaker: s}
				h.speakers[sp] = l
			}
			if n := len(l.talks); n == 0 || l.talks[n-1] != t {
				l.talks = append(l.talks, t)
			}
		}
	}
	holder := func(page string) string {
		if who, ok := holders[osfs.FoldName(page)]; ok {
			return who
		}
		if owner, ok := pages.KeptFor(page[1:]); ok {
			// Settled with keepGone (see pageslug.Pages.Settle).
			return "kept for " + owner + ", which had it when the archive was last read, and was not read this time"
		}
		// The record keeps the page it had, which another's slug
		// named then (see pageslug.Pages).
		return "free, but it had another when the archive was last read"
	}
	for _, m := range moved {
		if m.event {
			h.warnings = append(h.warnings, fmt.Sprintf("%s: the page %s of its event %q is %s; it is served at %s",
				m.t.Origin.Path, m.slugged, m.t.Event.Title, holder(m.slugged), m.served))
		} else {
			h.warnings = append(h.warnings, fmt.Sprintf("%s: its page %s is %s; it is served at %s", m.t.Origin.Path, m.slugged, holder(m.slugged), m.served))
		}
	}
	// pyvideo's URL rules can put a talk's page where a speaker's is (the
	// talk "Ada" of the event "Speaker" is at /speaker/ada.html, the
	// speaker Ada's page): the talk's page is served, and the speaker has
	// none, which a warning says. (Talks and events share their pages'
	// claims, so a talk's page is never an event's.)
	for _, sp := range slices.Sorted(maps.Keys(h.speakers)) {
		if t, ok := h.talks[sp]; ok {
			l := h.speakers[sp]
			h.warnings = append(h.warnings, fmt.Sprintf("speaker %q: its page %s is the page of %s; the speaker has none", l.speaker.Name, h.urls.Speaker(l.speaker), t.Origin.Path))
		}
	}
	// The index lists the newest events first, as talkmeta site does: by
	// their start, or else their earliest talk's day, then by title.
	for _, ep := range events {
		ev := h.events[ep]
		entry := html.IndexEntry{Event: *ev.event, Talks: len(ev.talks)}
		entry.Event.Description = ""
		if entry.Event.Start.IsZero() {
			for _, t := range ev.talks {
				if d := t.Recorded; !d.IsZero() && (entry.Event.Start.IsZero() || d.Time().Before(entry.Event.Start.Time())) {
					entry.Event.Start = d
				}
			}
			if day := entry.Event.Start.Day(); !day.IsZero() {
				entry.Event.Start = day
			}
		}
		h.index = append(h.index, entry)
	}
	slices.SortStableFunc(h.index, func(a, b html.IndexEntry) int {
		if c := b.Event.Start.Time().Compare(a.Event.Start.Time()); c != 0 {
			return c
		}
		return cmp.Compare(a.Event.Title, b.Event.Title)
	})
	return h, nil
}

// claimPages claims the pages of talks and of their events from pages,
// by the names o gives their claims, in the order of talks, a talk's
// before its event's: the claims that depend on whether a talk or event
// of the last read is gone are made again after every other (see
// pageslug.Pages.Claim), as talkmeta site makes them. It returns each
// talk's pages, in the order of talks.
func claimPages(pages *pageslug.Pages, talks []*talk.Talk, o owners, keepGone bool) []claimed {
	var py html.PyvideoURLs
	claims := make([]claimed, len(talks))
	claim := func(i int) (decided bool) {
		t, c := talks[i], &claims[i]
		talkPage := pages.Claim(c.talk[1:], t.ID, o.talks[t])
		eventPage := pages.Claim(c.event[1:], t.Event.ID, o.events[eventKey{t.Event.ID, t.Event.Title}])
		c.talkPage, c.eventPage = "/"+talkPage, "/"+eventPage
		return talkPage != "" && eventPage != ""
	}
	var waiting []int
	for i, t := range talks {
		if p := py.Talk(t); p != "" {
			claims[i].talk, claims[i].event = p, py.Event(&t.Event)
			if !claim(i) {
				waiting = append(waiting, i)
			}
		}
	}
	pages.Settle(keepGone)
	for _, i := range waiting {
		claim(i)
	}
	return claims
}

// claimed is a talk's pages: those its slug and its event's name
// (html.PyvideoURLs; talk is "" for a talk with nothing to name its page
// after, which claims none), and those it and its event were given.
type claimed struct{ talk, event, talkPage, eventPage string }

// owners names the claims of talks and of events to their pages (see
// pageslug.Pages), by what the pyvideo reader names them after: a talk
// by its event's ID and its own, the names of its directory and its file,
// and an event by its ID, each quoted, which edits to the records leave
// as they were. Claims named by titles were another's once a title was
// edited, even one that keeps the slug ("Conf" given in capitals): the
// record lost the page it had to the records of its slug in the order of
// their files, or, while another record could not be read, for good.
//
// A title tells apart only what IDs do not: a talk or event of the ID of
// one before it but another title, whose claim is its ID's and its
// title's. An empty ID is an ID like any other: the event of an archive
// that is one event's directory, which the reader names nothing, is
// `event ""` whatever its title. A talk of the event, ID and title of
// one before it (read twice) has its claim, as do the copies of an event
// in its talks.
type owners struct {
	talks  map[*talk.Talk]string
	events map[eventKey]string
}

// ownersOf names the claims of talks and of their events; see owners.
func ownersOf(talks []*talk.Talk) owners {
	o := owners{talks: map[*talk.Talk]string{}, events: map[eventKey]string{}}
	titles := map[string]string{} // the title of the first talk or event of each identity
	identity := func(of, id, title string) string {
		name := of + strconv.Quote(id)
		if first, ok := titles[name]; !ok {
			titles[name] = title
		} else if first != title {
			name += " titled " + strconv.Quote(title)
		}
		return name
	}
	for _, t := range talks {
		key := eventKey{t.Event.ID, t.Event.Title}
		event, ok := o.events[key]
		if !ok {
			event = identity("event ", t.Event.ID, t.Event.Title)
			o.events[key] = event
		}
		if _, ok := o.talks[t]; !ok {
			o.talks[t] = identity("talk "+strings.TrimPrefix(event, "event ")+" ", t.ID, t.Title)
		}
	}
	return o
}

// setCommonHeaders sets the headers of every response.
//
// Every answer, not only a page's, is the archive's as last read: a path
// that is 404, 405 or redirected may be a page after the next reload, and
// a page gone. Without "no-cache", a cache keeps a 404, a 301 or a 405 as
// long as it likes (RFC 9111 section 4.2.2 lets it guess; a CDN's default
// is minutes to hours, a browser keeps a 301 for good), and a talk added
// stays missing there. A page's ETag makes checking again cheap.
func setCommonHeaders(hd http.Header) {
	hd.Set("Cache-Control", "no-cache")
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("Referrer-Policy", referrerPolicy)
}

// allowed are the methods every page answers.
const allowed = "GET, HEAD, OPTIONS"

// representation writes a page in one media type.
type representation func(w io.Writer) error

// ServeHTTP serves GET and HEAD requests for the archive's pages, and
// answers OPTIONS with the methods allowed.
func (h *handler) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	// Every response, errors included, is one a browser may show.
	hd := w.Header()
	setCommonHeaders(hd)
	// A path with no page is 404 whatever the method: 405 would say the
	// resource exists. An encoded "/" (%2F) is no path separator
	// (RFC 3986 section 2.2): /event%2Ftalk.html is not /event/talk.html,
	// which req.URL.Path, decoded, would make it.
	res := h.route(req.URL.Path)
	if res.offers == nil || strings.Contains(strings.ToUpper(req.URL.RawPath), "%2F") {
		notFound(w, req.URL)
		return
	}
	switch req.Method {
	case http.MethodGet, http.MethodHead:
	case http.MethodOptions:
		w.Header().Set("Allow", allowed)
		w.WriteHeader(http.StatusNoContent)
		return
	default:
		w.Header().Set("Allow", allowed)
		http.Error(w, "405 method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if res.own != req.URL.Path {
		// The page's path in another Unicode form: one page has one
		// address, for caches, links and search engines alike. The
		// address is the page's own, below the base the pages link
		// from (a proxy may serve the archive below a path of its
		// own), never one the request made up.
		hd.Set("Location", strings.TrimSuffix(h.r.BaseURL, "/")+(&url.URL{Path: res.own}).EscapedPath())
		w.WriteHeader(http.StatusMovedPermanently)
		return
	}
	var types []string
	for _, o := range res.offers {
		types = append(types, o.mediaType)
	}
	w.Header().Add("Vary", "Accept")
	chosen, ok := negotiate(req.Header.Values("Accept"), types)
	if !ok {
		http.Error(w, "406 not acceptable: this resource is available as "+strings.Join(types, ", "), http.StatusNotAcceptable)
		return
	}
	var body bytes.Buffer
	if err := res.render(res.offers[slices.Index(types, chosen)], &body); err != nil {
		if h.errorLog != nil {
			h.errorLog.Printf("%s %s as %s: %v", req.Method, req.URL.Path, chosen, err)
		}
		http.Error(w, "500 internal server error", http.StatusInternalServerError)
		return
	}
	sum := sha256.Sum256(body.Bytes())
	etag := `"` + hex.EncodeToString(sum[:12]) + `"`
	hd.Set("ETag", etag)
	if chosen == typeHTML {
		hd.Set("Content-Security-Policy", contentSecurityPolicy)
	}
	hd.Set("Content-Type", contentTypes[chosen])
	// ServeContent answers the conditional requests of RFC 9110 section
	// 13 by the ETag and the time the archive was read (If-None-Match,
	// If-Modified-Since, If-Match, If-Unmodified-Since, and Range with
	// If-Range), and HEAD without the body.
	http.ServeContent(w, req, "", h.read, bytes.NewReader(body.Bytes()))
}

// maxShownPath is how much of a path a 404 shows: enough to tell a typo,
// and a path of a megabyte is not echoed whole.
const maxShownPath = 200

// notFound answers that u's path has no page, naming the path as u has it
// escaped, so that the reader sees which one, "%2F" included. Escaped, it
// is ASCII without spaces, quotes or angle brackets: none of the request's
// bytes is shown raw, whatever reads the text.
func notFound(w http.ResponseWriter, u *url.URL) {
	path := u.EscapedPath()
	if len(path) > maxShownPath {
		cut := maxShownPath
		if i := strings.LastIndexByte(path[cut-2:cut], '%'); i >= 0 {
			cut -= 2 - i // not inside an escape
		}
		path = path[:cut] + "..."
	}
	http.Error(w, "404 not found: no page at "+path, http.StatusNotFound)
}

// offer is one representation of a resource.
type offer struct {
	mediaType string
	write     representation
}

// resource is what a path names.
type resource struct {
	offers []offer // its representations, in order of preference
	own    string  // its own path: the one asked for, or the same in another Unicode form
	// record names the record the resource is of, for the log: its
	// file, or a speaker's name; "" for the index and the style sheet.
	// The operator who reads "GET /europython-2016/x.html as text/html"
	// there would otherwise have to find which file that page comes from.
	record string
}

// render writes o, a representation of r, to w. Its error names r's
// record, and a panic of the renderer's is an error too, with its stack:
// net/http would cut the connection without an answer (a proxy in front
// says 502) and log the panic without the page or the record.
func (r resource) render(o offer, w io.Writer) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("panic: %v\n%s", v, debug.Stack())
		}
		if err != nil && r.record != "" {
			err = fmt.Errorf("%s: %w", r.record, err)
		}
	}()
	return o.write(w)
}

// route returns the resource at path, with no offers when there is none.
func (h *handler) route(path string) resource {
	switch {
	case path == "/" || path == h.urls.Index():
		return resource{offers: []offer{{typeHTML, func(w io.Writer) error { return h.r.WriteIndex(w, h.index, html.PageOptions{}) }}}, own: path}
	case path == h.r.StyleSheet:
		return resource{offers: []offer{{typeCSS, h.r.WriteStyle}}, own: path}
	}
	key := pageKey(path)
	if t, ok := h.talks[key]; ok {
		page := func(w io.Writer) error {
			citations, err := h.citations(t)
			if err != nil {
				return err
			}
			return h.r.WriteTalk(w, t, html.PageOptions{Citations: citations})
		}
		graph := func(w io.Writer) error {
			_, err := jsonld.Write(w, t, indented(h.r.JSONLDOptions(t, html.PageOptions{})))
			return err
		}
		return resource{pageOffers(page, graph, []*talk.Talk{t}), h.urls.Talk(t), record(t.Origin, "talk", t.Title)}
	}
	if ev, ok := h.events[key]; ok {
		page := func(w io.Writer) error { return h.r.WriteEvent(w, ev.event, ev.talks, html.PageOptions{}) }
		graph := func(w io.Writer) error {
			return jsonld.WriteEvent(w, ev.event, ev.talks, indented(h.r.EventJSONLDOptions(ev.event)))
		}
		return resource{pageOffers(page, graph, ev.talks), h.urls.Event(ev.event), record(ev.event.Origin, "event", ev.event.Title)}
	}
	if sp, ok := h.speakers[key]; ok {
		page := func(w io.Writer) error { return h.r.WriteSpeaker(w, sp.speaker, sp.talks, html.PageOptions{}) }
		graph := func(w io.Writer) error {
			return jsonld.WriteSpeaker(w, sp.speaker, sp.talks, indented(h.r.SpeakerJSONLDOptions(sp.speaker)))
		}
		return resource{pageOffers(page, graph, sp.talks), h.urls.Speaker(sp.speaker), record(talk.Origin{}, "speaker", sp.speaker.Name)}
	}
	return resource{}
}

// pageOffers are a page's representations: the page, the graph it
// carries, and its talks as citations.
func pageOffers(page, graph representation, talks []*talk.Talk) []offer {
	return append([]offer{{typeHTML, page}, {typeJSONLD, graph}}, citationOffers(talks)...)
}

// record names a record in a log: by its file, or where it was read from
// none, by what it is and its title or name.
func record(o talk.Origin, kind, title string) string {
	if o.Path != "" {
		return o.Path
	}
	return fmt.Sprintf("%s %q", kind, title)
}

// indented is opt for a graph served on its own, which people read too:
// the page's own is compact.
func indented(opt jsonld.Options) jsonld.Options {
	opt.Indent = "  "
	return opt
}

// citationOffers are talks as BibTeX, RIS and CSL-JSON.
func citationOffers(talks []*talk.Talk) []offer {
	format := func(f cite.Format) representation {
		return func(w io.Writer) error { return cite.WriteAll(w, f, talks, cite.Options{}) }
	}
	return []offer{{typeBibTeX, format(cite.BibTeX)}, {typeRIS, format(cite.RIS)}, {typeCSL, format(cite.CSLJSON)}}
}

// citations are what a talk page shows under "Cite this talk": its APA
// reference and its BibTeX entry, as talkmeta's render and site verbs
// give them.
func (h *handler) citations(t *talk.Talk) ([]html.Citation, error) {
	ref, err := cite.Reference(h.apa, csl.Text, t, cite.Options{})
	if err != nil {
		return nil, err
	}
	var bib strings.Builder
	if err := cite.WriteBibTeX(&bib, t, cite.Options{}); err != nil {
		return nil, err
	}
	return []html.Citation{{Label: "APA", Text: ref}, {Label: "BibTeX", Text: bib.String()}}, nil
}
