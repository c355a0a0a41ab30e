package main

import (
	"bufio"
	"cmp"
	"errors"
	"fmt"
	"io"
	iofs "io/fs"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/talkmeta/talkmeta/internal/errs"
	"github.com/talkmeta/talkmeta/internal/osfs"
	"github.com/talkmeta/talkmeta/internal/pageslug"
	"github.com/talkmeta/talkmeta/internal/staged"
	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/cite/csl"
	"github.com/talkmeta/talkmeta/talk/html"
)

const siteUsage = "[-o DIR] [-base URL] [-name NAME] TALK.json|DIR..."

// siteMarker is the site's manifest: the file that marks a directory as
// a site this verb wrote, and lists the files it wrote there, which the
// next build replaces or removes; every other file (a CNAME, a
// robots.txt, a .git) it leaves alone. An empty one, which a user
// creates, lets a site be built in a directory of the user's files.
//
// Versions before the list wrote the marker as one line of prose, and
// replaced the directory as a whole, deleting whatever the user had put
// in it. Its site's files cannot be told from files the user added since:
// the first build over it replaces the files it writes and keeps all the
// others, which it names (see reportKept), rather than delete a file of
// the user's. From then on the manifest lists the site's files.
const siteMarker = ".talkmeta-site"

// sitePages is the file, among the site's, that says which talk has
// which page, and which event which slug (see pageslug.Pages), so that a
// talk or an event keeps its page from one build to the next: a talk or
// an event added that is read before another of its title no longer
// takes that one's page, which links people shared lead to. A site of an
// older talkmeta site has none: its pages go to the talks that want them
// in reading order, as they went then; one of a later one names talks by
// their titles too, which the build reads as talkKey names them now,
// where their IDs tell them apart (see talksByID). A damaged one is an error, naming its line, and the site is
// left as it was: guessing would move pages.
const sitePages = ".talkmeta-site-pages"

// siteMarkerHeader begins the manifest, for the reader who finds it.
const siteMarkerHeader = "# The files talkmeta site wrote here, which its next build replaces or\n" +
	"# removes; it leaves all other files alone. An empty file lists none.\n"

// runSite builds a static site: an index of events, a page per event, per
// talk and per speaker, and the style sheet, laid out as pyvideo.org is
// (see html.PyvideoURLs), but that events whose titles give the same slug
// each get a page, and each event's talks a directory, and talks of an
// event whose titles give the same slug each a page (see siteURLs). The
// site's pages are written beside their places in the output, and moved
// into them only once all are written (see staged.Dir), so that a failed
// or interrupted build leaves the old site as it was; the pages the old
// site had and the new one does not are removed, and files the site did
// not write are left alone (see siteMarker). A talk keeps the page it had
// in the last build (see sitePages). Only what the index, event and
// speaker pages need is kept in memory; talk pages are written as their
// records are read, but for a talk that wants a page another talk had,
// which waits until every record was read to know whether that one is
// still there.
func runSite(e *env, args []string) int {
	fs := e.flags("site")
	out := fs.String("o", "site", "the `directory` to write the site to; files in it the site did not write are kept")
	base := baseFlag(fs, "absolute links, canonical URLs and @ids; without it pages link with paths from the site's root")
	name := fs.String("name", "", "the site's `name`, heading the index (default \"Talks\")")
	if st := e.parseFlags(fs, args); st >= 0 {
		return st
	}
	if st := checkBase(fs, *base); st >= 0 {
		return st
	}
	if fs.NArg() == 0 {
		return usageError(fs, "no talk file or directory given")
	}
	if *out == "" {
		return usageError(fs, "-o is empty: name the directory to write the site to")
	}
	if *out == "-" {
		// Not stdout, as "-" is elsewhere: a site is a directory.
		return usageError(fs, "-o names the directory to write the site to; \"-\" is no directory (write ./- for one of that name)")
	}
	// Records are read in the order of their paths, not the order the
	// paths were named in: where two records want one page, the first
	// read has it, and a site built from "a b" was another than one
	// built from "b a".
	inputs := slices.SortedStableFunc(slices.Values(fs.Args()), func(x, y string) int {
		return cmp.Compare(filepath.Clean(x), filepath.Clean(y))
	})
	if in := inputWithin(*out, inputs); in != "" {
		// Records among the site's pages, which a later build removes
		// or replaces, are too easily lost.
		return usageError(fs, "%s is within %s, which the site is written into; choose another -o", in, *out)
	}
	start := e.now()
	status := 0
	// On a terminal, a line of progress is written over as it grows;
	// an error reported after it clears it first, so as to start a
	// line of its own, not to be appended to "talkmeta site: 500 talks".
	var mu sync.Mutex
	progressShown := false
	clearProgress := func() {
		if progressShown {
			fmt.Fprint(e.stderr, "\r\033[K")
			progressShown = false
		}
	}
	report := func(err error) {
		mu.Lock()
		defer mu.Unlock()
		clearProgress()
		fmt.Fprintln(e.stderr, errorLine(err))
		status = 1
	}
	sigs := e.catchInterrupts()
	defer sigs.release()
	b, err := newSiteBuilder(*out, html.Renderer{BaseURL: *base, SiteName: *name, StyleSheet: "/style.css"}, report)
	if err != nil {
		fmt.Fprintln(e.stderr, verbError("site", err))
		return 1
	}
	b.interrupted = func() bool { return sigs.interrupted() != nil }
	defer b.cleanup() // before sigs.release: an interrupt leaves nothing behind
	n := 0
	for t, err := range e.talks(inputs) {
		if b.interrupted() {
			b.fail(errInterrupted)
			break
		}
		if err != nil {
			b.unread = true
		} else {
			err = b.addTalk(t)
		}
		if err == errReadTwice {
			continue
		}
		if err != nil {
			report(err)
			continue
		}
		if b.err() != nil {
			break
		}
		n++
		if e.isTerminal && n%500 == 0 {
			mu.Lock()
			fmt.Fprintf(e.stderr, "\rtalkmeta site: %d talks", n)
			progressShown = true
			mu.Unlock()
		}
	}
	mu.Lock()
	clearProgress()
	mu.Unlock()
	if n == 0 && b.err() == nil && !b.interrupted() {
		fmt.Fprintf(e.stderr, "talkmeta site: no talks were read; %s is left as it was\n", *out)
		return 1
	}
	b.finish()
	if b.interrupted() {
		b.fail(errInterrupted)
	}
	if err := b.err(); errors.Is(err, errInterrupted) {
		fmt.Fprintf(e.stderr, "talkmeta site: interrupted; %s is left as it was\n", *out)
		return interruptedStatus(sigs.interrupted())
	} else if err != nil {
		fmt.Fprintln(e.stderr, verbError("site", err))
		return 1
	}
	if err := b.publish(); err != nil {
		fmt.Fprintln(e.stderr, verbError("site", err))
		return 1
	}
	if b.unlisted {
		reportKept(e.stderr, b.out, b.dir.Listed())
	}
	fmt.Fprintf(e.stdout, "%s: %s, %s, %s, %d files, in %v\n", *out,
		sitePlural(n, "talk"), sitePlural(len(b.events), "event"), sitePlural(len(b.speakers), "speaker"),
		len(b.pages)+1, e.now().Sub(start).Round(time.Millisecond))
	return status
}

// siteBuilder collects what the index, event and speaker pages need while
// it writes talk pages, staged beside their places in the site.
type siteBuilder struct {
	r    html.Renderer
	apa  *csl.Processor // for the talk pages' references
	urls *siteURLs      // r.URLs
	out  string         // where the site goes
	dir  *staged.Dir    // out's pages, staged
	// unlisted is whether out held a site of an older talkmeta site,
	// whose marker listed no files (see siteMarker).
	unlisted  bool
	published bool
	// pages maps each page's path to the record that made it, to find
	// records that would overwrite each other's pages.
	pages    map[string]string
	read     map[string]bool // the record files read, by path
	events   map[string]*siteEvent
	speakers map[string]*siteSpeaker
	order    int
	// waiting are the talks whose pages depend on whether a talk that
	// had them in the last build is still there (see siteURLs.add):
	// they are written once every talk was read.
	waiting []waitingTalk
	// unread is whether a record, or a path named, could not be read:
	// the talks of the last build not read are then not taken for gone,
	// and keep their pages (see pageslug.Pages.Settle).
	unread bool

	// Pages are rendered and written by up to cap(slots) goroutines at
	// once; the first error writing the site is kept in failed.
	slots  chan struct{}
	wg     sync.WaitGroup
	mu     sync.Mutex
	report func(error)
	failed error
	// interrupted reports whether the run was interrupted, after which
	// no more pages are written.
	interrupted func() bool
}

// waitingTalk is a talk whose page is written once every talk was read,
// and the record it was read from.
type waitingTalk struct {
	t      *talk.Talk
	record string
}

// errInterrupted is the builder's failure when the run was interrupted.
var errInterrupted = errors.New("interrupted")

type siteEvent struct {
	event talk.Event
	talks []siteTalk
	// givenBy names, for each of eventFacts, the record whose talk gave
	// the event's page that fact.
	givenBy [len(eventFacts)]string
}

// eventFacts are what an event's page shows of it: each talk of an
// archive in talkmeta's form carries its own copy of its event, and one
// may say what another leaves out, or title it otherwise. Each has its JSON
// pointer in such a record, its value as text, and how to copy it.
var eventFacts = [...]struct {
	pointer string
	value   func(*talk.Event) string
	copy    func(to, from *talk.Event)
}{
	{"/event/title", func(e *talk.Event) string { return e.Title }, func(to, from *talk.Event) { to.Title = from.Title }},
	{"/event/series", func(e *talk.Event) string { return e.Series }, func(to, from *talk.Event) { to.Series = from.Series }},
	{"/event/description", func(e *talk.Event) string { return e.Description }, func(to, from *talk.Event) {
		// The description's markup is its record's format's.
		to.Description, to.Origin = from.Description, talk.Origin{Format: from.Origin.Format, Path: from.Origin.Path}
	}},
	{"/event/start", func(e *talk.Event) string { return e.Start.String() }, func(to, from *talk.Event) { to.Start = from.Start }},
	{"/event/end", func(e *talk.Event) string { return e.End.String() }, func(to, from *talk.Event) { to.End = from.End }},
	{"/event/time_zone", func(e *talk.Event) string { return e.TimeZone }, func(to, from *talk.Event) { to.TimeZone = from.TimeZone }},
	{"/event/place/venue", func(e *talk.Event) string { return e.Place.Venue }, func(to, from *talk.Event) { to.Place.Venue = from.Place.Venue }},
	{"/event/place/room", func(e *talk.Event) string { return e.Place.Room }, func(to, from *talk.Event) { to.Place.Room = from.Place.Room }},
	{"/event/place/city", func(e *talk.Event) string { return e.Place.City }, func(to, from *talk.Event) { to.Place.City = from.Place.City }},
	{"/event/place/region", func(e *talk.Event) string { return e.Place.Region }, func(to, from *talk.Event) { to.Place.Region = from.Place.Region }},
	{"/event/place/country", func(e *talk.Event) string { return e.Place.Country }, func(to, from *talk.Event) { to.Place.Country = from.Place.Country }},
	{"/event/url", func(e *talk.Event) string { return e.URL }, func(to, from *talk.Event) { to.URL = from.URL }},
}

// merge adds to the event's page what record's copy of the event says
// and the page's does not yet, and reports each fact the two give
// differently, of which the page keeps the first.
func (ev *siteEvent) merge(from *talk.Event, record string, report func(error)) {
	for i, f := range eventFacts {
		v := f.value(from)
		switch have := f.value(&ev.event); {
		case v == "" || v == have:
		case have == "":
			f.copy(&ev.event, from)
			ev.givenBy[i] = record
		default:
			report(fmt.Errorf("%s: %s: %s, but %s gives its event %s; the event's page shows %[5]s",
				record, f.pointer, strconv.Quote(v), ev.givenBy[i], strconv.Quote(have)))
		}
	}
}

type siteSpeaker struct {
	speaker talk.Speaker
	talks   []siteTalk
}

// siteTalk is a talk in a list: the fields a list shows, and the order
// the talk was read in.
type siteTalk struct {
	t     *talk.Talk
	order int
}

// newSiteBuilder prepares to build the site at out with r, whose URLs it
// sets to the site's own (see siteURLs).
func newSiteBuilder(out string, r html.Renderer, report func(error)) (*siteBuilder, error) {
	out = filepath.Clean(out)
	if target, err := filepath.EvalSymlinks(out); err == nil && target != out {
		// A link to the site stays one, and the site it links to is
		// replaced, where the rename would have put the new site in the
		// link's place and left the old one where the link led (a web
		// server's root, say), as fmt -w writes through a link.
		out = target
	}
	dir, err := openSite(out)
	if err != nil {
		return nil, err
	}
	pages := pageslug.NewPages()
	if slices.Contains(dir.Listed(), sitePages) {
		// Of this site's: not one a user put in a directory they opted
		// in, nor one an older talkmeta site would not have written.
		if pages, err = pageslug.ReadPages(filepath.Join(out, sitePages)); err != nil {
			return nil, err
		}
		talksByID(pages)
	}
	apa, err := cslProcessor("apa", "", true)
	if err != nil {
		return nil, err
	}
	urls := newSiteURLs(pages)
	r.URLs = urls
	return &siteBuilder{
		r: r, apa: apa, urls: urls, out: out, dir: dir, unlisted: dir.Unlisted(),
		slots:       make(chan struct{}, runtime.GOMAXPROCS(0)),
		report:      report,
		interrupted: func() bool { return false },
		pages:       map[string]string{},
		read:        map[string]bool{},
		events:      map[string]*siteEvent{},
		speakers:    map[string]*siteSpeaker{},
	}, nil
}

// openSite opens out to write a site into: it refuses a directory that
// is not empty and holds no siteMarker, whose files could not be told
// from the site's later on, and says how to opt in.
func openSite(out string) (*staged.Dir, error) {
	dir, err := staged.OpenDir(out, siteMarker, siteMarkerHeader)
	if errors.Is(err, staged.ErrNotManaged) {
		return nil, fmt.Errorf("%s is not empty and holds no site written by talkmeta site (no %s): its files are left as they are; choose another -o, or create an empty %[2]s there to build the site among them (a checkout for GitHub Pages)", out, siteMarker)
	}
	return dir, err
}

// reportKept tells the user which files the first build over the site
// of an older talkmeta site kept (see siteMarker): those in out that are
// not the site's files, written, but for files in directories whose
// names begin with "." (a .git), which no site of talkmeta's had.
func reportKept(w io.Writer, out string, written []string) {
	ours := map[string]bool{siteMarker: true}
	for _, name := range written {
		ours[name] = true
	}
	var kept []string
	filepath.WalkDir(out, func(p string, d iofs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		rel, _ := filepath.Rel(out, p)
		rel = filepath.ToSlash(rel)
		switch {
		case d.IsDir() && rel != "." && strings.HasPrefix(d.Name(), "."):
			return filepath.SkipDir
		case !d.IsDir() && !ours[rel]:
			kept = append(kept, rel)
		}
		return nil
	})
	if len(kept) == 0 {
		return
	}
	shown := kept[:min(len(kept), 5)]
	more := ""
	if len(kept) > len(shown) {
		more = fmt.Sprintf(" and %d more", len(kept)-len(shown))
	}
	fmt.Fprintf(w, "talkmeta site: %s held a site of an older talkmeta site, whose %s did not list its files: kept %s this build did not write, which may be yours or pages of the old site: %s%s; remove those you do not want (from now on %[2]s lists the site's files, and a build removes only its own)\n",
		out, siteMarker, sitePlural(len(kept), "file"), strings.Join(shown, ", "), more)
}

// inputWithin returns the first of args, the files and directories a
// site is built from, that is within the directory out, or at it, once
// symbolic links are followed; "" when none is (or out does not exist).
func inputWithin(out string, args []string) string {
	site, err := filepath.EvalSymlinks(out)
	if err != nil {
		return ""
	}
	if site, err = filepath.Abs(site); err != nil {
		return ""
	}
	for _, arg := range args {
		if arg == "-" {
			continue
		}
		in, err := filepath.EvalSymlinks(arg)
		if err == nil {
			in, err = filepath.Abs(in)
		}
		if err != nil {
			continue // reported when it is read
		}
		if rel, err := filepath.Rel(site, in); err == nil && (rel == "." || filepath.IsLocal(rel)) {
			return arg
		}
	}
	return ""
}

// errReadTwice is addTalk's refusal of a record file it was given
// before, whose talk the site has.
var errReadTwice = errors.New("read twice")

// addTalk writes t's page and keeps what the lists need. A record file
// read a second time, because it was named twice or is within two paths
// named ("site a a/ev"), is the same talk, not a second one that wants
// its page: addTalk returns errReadTwice.
func (b *siteBuilder) addTalk(t *talk.Talk) error {
	record := t.Origin.Path
	if record != "" && b.read[record] {
		return errReadTwice
	}
	if record != "" {
		b.read[record] = true
	}
	if record == "" {
		record = t.Event.ID + "/" + t.ID
	}
	if !b.urls.add(t) {
		b.waiting = append(b.waiting, waitingTalk{t, record})
	} else if err := b.writeTalk(t, record); err != nil {
		return err
	}
	// By identity, not page: an event whose slug waits for settle has
	// no page yet.
	key := eventIdentity(&t.Event)
	ev := b.events[key]

	b.order++
	item := siteTalk{siteSlim(t), b.order}
	if ev == nil {
		ev = &siteEvent{event: talk.Event{
			ID:     t.Event.ID,
			Origin: talk.Origin{Format: t.Event.Origin.Format, Path: t.Event.Origin.Path},
		}}
		b.events[key] = ev
	}
	ev.merge(&t.Event, record, b.report)
	ev.talks = append(ev.talks, item)
	for s := range t.AllSpeakers() {
		key := b.urls.Speaker(s)
		if key == "" {
			continue
		}
		sp := b.speakers[key]
		if sp == nil {
			sp = &siteSpeaker{speaker: *s}
			sp.speaker.Extra = nil
			b.speakers[key] = sp
		}
		// A talk is listed once even when its speaker list names the
		// same person twice.
		if n := len(sp.talks); n == 0 || sp.talks[n-1].order != item.order {
			sp.talks = append(sp.talks, item)
		}
	}
	return nil
}

// writeTalk writes the page of t, read from record, once siteURLs gave
// it its page.
func (b *siteBuilder) writeTalk(t *talk.Talk, record string) error {
	page := b.urls.Talk(t)
	if page == "" {
		return fmt.Errorf("%s: the talk has no title or ID to name its page after", record)
	}
	// The page cites the talk as the render verb's pages do.
	return b.write(page, record, func(w io.Writer) error {
		citations, err := pageCitations(b.apa, t)
		if err != nil {
			return err
		}
		return b.r.WriteTalk(w, t, html.PageOptions{Citations: citations})
	})
}

// eventIdentity tells events apart: by ID, or by title for events
// without one.
func eventIdentity(e *talk.Event) string {
	if e.ID != "" {
		return fmt.Sprintf("%q", e.ID)
	}
	return fmt.Sprintf("titled %q", e.Title)
}

// siteSlim keeps what lists of talks show and link to: all that the
// site's URLs read to place a talk's page.
func siteSlim(t *talk.Talk) *talk.Talk {
	s := &talk.Talk{
		ID: t.ID, Title: t.Title, Slug: t.Slug, Language: t.Language,
		Recorded: t.Recorded, Duration: t.Duration, Thumbnail: t.Thumbnail,
		Event: talk.Event{ID: t.Event.ID, Title: t.Event.Title, TimeZone: t.Event.TimeZone},
		// The page of a talk whose event has no title is under its
		// legacy category's slug (html.PyvideoURLs), so links need it.
		Legacy: talk.Legacy{Category: t.Legacy.Category},
	}
	for _, sp := range t.Speakers {
		s.Speakers = append(s.Speakers, talk.Speaker{Name: sp.Name, Slug: sp.Slug})
	}
	for _, v := range t.Videos {
		if v.Provider == talk.YouTube && v.ID != "" {
			s.Videos = []talk.Video{{Provider: v.Provider, ID: v.ID}}
			break
		}
	}
	return s
}

// finish writes the pages of the talks that waited for theirs, the
// event and speaker pages, the index, the style sheet and the file of
// pages' owners (see sitePages), and waits for every page to be written.
// It reports a page it cannot make and goes on; see err for an error
// writing the site.
func (b *siteBuilder) finish() {
	defer b.wg.Wait()
	check := func(err error) error {
		if err != nil {
			b.report(err)
		}
		return b.err()
	}
	b.urls.settle(b.unread)
	for _, w := range b.waiting {
		b.urls.add(w.t) // settled: it gives the talk its page
		if check(b.writeTalk(w.t, w.record)) != nil {
			return
		}
	}
	b.waiting = nil
	events := map[string]*siteEvent{}
	for _, ev := range b.events {
		events[b.urls.Event(&ev.event)] = ev
	}
	var index []html.IndexEntry
	for _, key := range siteKeys(events) {
		ev := events[key]
		talks := siteByDate(ev.talks, false)
		if check(b.write(key, "event "+ev.event.ID, func(w io.Writer) error {
			return b.r.WriteEvent(w, &ev.event, talks, html.PageOptions{})
		})) != nil {
			return
		}
		entry := html.IndexEntry{Event: ev.event, Talks: len(talks)}
		entry.Event.Description = ""
		if entry.Event.Start.IsZero() && len(talks) > 0 && !talks[0].Recorded.IsZero() {
			// The index says when an event was; without dates of its
			// own, its first talk's day says it (talks are in date
			// order, undated ones last).
			entry.Event.Start = talks[0].Recorded
			if day := talks[0].Recorded.Day(); !day.IsZero() {
				entry.Event.Start = day
			}
		}
		index = append(index, entry)
	}
	for _, key := range siteKeys(b.speakers) {
		sp := b.speakers[key]
		talks := siteByDate(sp.talks, true)
		if check(b.write(key, "speaker "+sp.speaker.Name, func(w io.Writer) error {
			return b.r.WriteSpeaker(w, &sp.speaker, talks, html.PageOptions{})
		})) != nil {
			return
		}
	}
	// Newest events first (by their start, or else their first talk's
	// day, as the index shows it), then by title; undated events last.
	newest := func(e html.IndexEntry) time.Time { return e.Event.Start.Time() }
	slices.SortStableFunc(index, func(x, y html.IndexEntry) int {
		if c := newest(y).Compare(newest(x)); c != 0 {
			return c
		}
		return cmp.Compare(x.Event.Title, y.Event.Title)
	})
	check(b.write(b.urls.Index(), "the index", func(w io.Writer) error {
		return b.r.WriteIndex(w, index, html.PageOptions{})
	}))
	check(b.write(b.r.StyleSheet, "the style sheet", b.r.WriteStyle))
	check(b.write("/"+sitePages, "the pages' owners", func(w io.Writer) error {
		_, err := w.Write(b.urls.pagesText())
		return err
	}))
}

// siteByDate orders a list of talks by date, newest first or in the order
// they were given, and undated talks last; talks of the same date stay in
// the order they were read.
func siteByDate(items []siteTalk, newestFirst bool) []*talk.Talk {
	slices.SortStableFunc(items, func(x, y siteTalk) int {
		xz, yz := x.t.Recorded.IsZero(), y.t.Recorded.IsZero()
		switch {
		case xz != yz:
			if xz {
				return 1
			}
			return -1
		case !xz:
			c := x.t.Recorded.Time().Compare(y.t.Recorded.Time())
			if newestFirst {
				c = -c
			}
			if c != 0 {
				return c
			}
		}
		return cmp.Compare(x.order, y.order)
	})
	out := make([]*talk.Talk, len(items))
	for i, it := range items {
		out[i] = it.t
	}
	return out
}

func siteKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// write has the page at the URL path page, made by record, written with
// fill by one of the builder's goroutines. A page that another record
// already made is an error naming both; errors from fill are reported with
// the record's name.
func (b *siteBuilder) write(page, record string, fill func(io.Writer) error) error {
	rel := strings.TrimPrefix(page, "/")
	if !filepath.IsLocal(filepath.FromSlash(rel)) || strings.HasSuffix(page, "/") || rel == siteMarker {
		return fmt.Errorf("%s: its page %q is not a file within the site", record, page)
	}
	if other, ok := b.pages[page]; ok {
		return fmt.Errorf("%s: its page %s is %s's already; the record is left out", record, page, other)
	}
	b.pages[page] = record
	if b.interrupted() {
		b.fail(errInterrupted)
		return nil
	}
	b.slots <- struct{}{}
	b.wg.Go(func() {
		defer func() { <-b.slots }()
		f, err := b.dir.Create(rel)
		if err != nil {
			b.fail(outError(b.out, "writing "+rel, err))
			return
		}
		// The site's Commit moves the page into place.
		err = writeFile(f, fill)
		if err == nil {
			err = f.Close()
		}
		if err != nil {
			f.Discard()
			var fe *fillError
			if errors.As(err, &fe) {
				b.report(fmt.Errorf("%s: %w", record, fe.err))
				return
			}
			b.fail(outError(b.out, "writing "+rel, err))
		}
	})
	return nil
}

// fillError is an error making a page's content, as against writing it.
type fillError struct{ err error }

func (e *fillError) Error() string { return e.err.Error() }

// writeFile writes the page fill makes to w, its file.
func writeFile(w io.Writer, fill func(io.Writer) error) error {
	// A page larger than the buffer is written as it is made: an error
	// writing the file (a full disk) comes back through fill, and is the
	// site's, not the page's.
	file := &outputWriter{w: w}
	bw := bufio.NewWriterSize(file, 32<<10)
	if err := fill(bw); err != nil {
		if file.err != nil {
			return file.err
		}
		return &fillError{err}
	}
	return bw.Flush()
}

// outError is the error of a step of writing the site out that failed
// with err. It names out, as the user did, and says which step failed,
// not the staged file the page is written to, which the user never named
// and which is gone by the time the error is read.
func outError(out, step string, err error) error {
	return &iofs.PathError{Op: "write", Path: out, Err: fmt.Errorf("not written: %s: %w", step, errs.WithoutPath(err))}
}

// fail keeps the first error writing the site.
func (b *siteBuilder) fail(err error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.failed == nil {
		b.failed = err
	}
}

// err returns the first error writing the site, if any.
func (b *siteBuilder) err() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.failed
}

// publish moves the built site's pages into place, over the old site's,
// and removes the old site's pages the new one does not have (see
// staged.Dir.Commit).
func (b *siteBuilder) publish() error {
	b.published = true
	return b.dir.Commit()
}

// cleanup removes the staged pages of a build that did not finish, and
// the directories made for them, which leaves the old site as it was.
func (b *siteBuilder) cleanup() {
	b.wg.Wait()
	if !b.published {
		b.dir.Abort()
	}
}

func sitePlural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// siteURLs lays the site out as pyvideo.org is ([html.PyvideoURLs]), but
// for events whose pages or talks' directories would be another event's:
// a meetup's archive may hold a dozen events all called "Monthly
// meeting", which on pyvideo.org's scheme would share one page, and the
// talks of events without a title take their directory from their legacy
// category, which other events may share or have as their slug.
//
// Event slugs and talk directories are one set of names, given out in
// reading order: an event's slug (which names its page and, for an event
// with a title, its talks' directory) and each directory an untitled
// event's talks take from their category. An event that had a name in
// the last build keeps it (see sitePages); otherwise the first event to
// claim a name keeps pyvideo.org's paths. An event whose slug is taken gets its
// slug followed by its ID's ("monthly-meeting-2023-05"), or a number
// where that is taken too, for its page and all its talks' directory; a
// talk whose category's directory is another event's goes to its event's
// own directory. The directories of the site's event and speaker pages
// are claimed before any event's, so that an event called "Speaker" does
// not put its talks among the speakers' pages. Within a directory, a
// talk whose page would be another's gets one of its own in the same way
// (see addTalk), but that a talk keeps the page it had in the last
// build. Talks are added, in reading order, before any page is
// rendered with them; pages are rendered concurrently, hence the lock.
type siteURLs struct {
	html.PyvideoURLs
	mu sync.RWMutex
	// slugs maps an event's eventIdentity to its slug on the site, for
	// the events that add did not leave pyvideo.org's (the others are
	// placed as PyvideoURLs places them, without a second slug made for
	// every link to them).
	slugs map[string]string
	// dirs maps an event's eventIdentity and a directory its talks take
	// from their category (see dirKey) to the event's own slug, for the
	// directories another event had claimed.
	dirs map[string]string
	// added maps the events add has seen, by eventIdentity, to the slug
	// it gave each.
	added map[string]string
	// pages gives out the names of the site: talks' pages, and the one
	// set of event slugs and talk directories (each as the event page
	// the name would name, see nameOf), each the one its talk, event or
	// event's directory had in the last build where it had one (see
	// pageslug.Pages); talkPages maps a talk (talkKey) whose page is not
	// the one talkPath makes to the path it was given instead.
	pages     *pageslug.Pages
	talkPages map[string]string
	// titles maps an event's eventIdentity and a talk ID, as talkKey
	// joins them, to the title of the first talk add saw of them.
	titles map[string]string
	// speakers maps a speaker's page by PyvideoURLs, folded by
	// osfs.FoldName, to the page of the first speaker add saw whose page
	// folds to it: speakers whose own slugs differ only in case or
	// Unicode form ("Ada", "ada") are one file on macOS and Windows, where
	// the second page written replaced the first, and most likely one
	// person, so they share a page, and every link leads to it.
	speakers map[string]string
}

// newSiteURLs returns a scheme with no talks added yet, whose talks have
// the pages pages gives them.
func newSiteURLs(pages *pageslug.Pages) *siteURLs {
	u := &siteURLs{
		slugs: map[string]string{}, dirs: map[string]string{}, added: map[string]string{},
		pages: pages, talkPages: map[string]string{}, titles: map[string]string{}, speakers: map[string]string{},
	}
	var py html.PyvideoURLs
	for _, page := range []string{py.Event(&talk.Event{Title: "x"}), py.Speaker(&talk.Speaker{Name: "x"})} {
		if dir, ok := pageDir(page); ok {
			pages.Reserve(nameOf(dir))
		}
	}
	return u
}

// nameOf is the page by which siteURLs.pages knows name, an event's slug
// or a directory of talks: the event page the name would name, as the
// two are one set of names.
func nameOf(name string) string { return "events/" + name + ".html" }

// dirOwner is the owner, for siteURLs.pages, of the directory dir of
// the talks of the event whose eventIdentity is id, which it takes from
// their category.
func dirOwner(id, dir string) string { return "directory " + strconv.Quote(dir) + " of " + id }

// add gives t's event its slug, unless it has one already, claims the
// directory t's page takes from its legacy category, if it does, and
// gives t its page; it reports whether it could: a talk whose page
// depends on whether a talk that had it in the last build is still
// there (or its event's slug, on whether an event is) is given its page
// by add again, after settle.
func (u *siteURLs) add(t *talk.Talk) bool {
	id := eventIdentity(&t.Event)
	u.mu.Lock()
	defer u.mu.Unlock()
	for s := range t.AllSpeakers() {
		if page := fitPage(u.PyvideoURLs.Speaker(s)); page != "" {
			key := osfs.FoldName(page)
			if _, seen := u.speakers[key]; !seen {
				u.speakers[key] = page
			}
		}
	}
	py := u.PyvideoURLs.Talk(t)
	return u.addEvent(t, id, py) && u.addTalk(t, id, u.talkPath(t, py))
}

// settle says that every talk of the site was added: the pages of the
// last build's talks and events that were not are free, unless
// keepGone (see pageslug.Pages.Settle).
func (u *siteURLs) settle(keepGone bool) {
	u.mu.Lock()
	defer u.mu.Unlock()
	u.pages.Settle(keepGone)
}

// pagesText is the file of the owners of the talks' pages and of the
// events' slugs and directories (see sitePages).
func (u *siteURLs) pagesText() []byte {
	u.mu.Lock()
	defer u.mu.Unlock()
	return u.pages.Text(pageslug.PagesFileHeader)
}

// addEvent is add for t's event, whose eventIdentity is id; py is t's
// path by PyvideoURLs. It reports whether it could give the event its
// slug and directory before settle (see pageslug.Pages).
func (u *siteURLs) addEvent(t *talk.Talk, id, py string) bool {
	pySlug := pyvideoEventSlug(u.PyvideoURLs.Event(&t.Event))
	base := pageslug.Fit(pySlug)
	given, seen := u.added[id]
	if !seen {
		// The slug it had, or else base, or base followed by the slug
		// of the event's ID, or a number (names are never given back,
		// so that many events whose titles slug alike, without IDs
		// that tell them apart, do not each count up from 2 again).
		page := u.pages.Claim(nameOf(base), t.Event.ID, id)
		if page == "" {
			return false
		}
		slug := strings.TrimSuffix(strings.TrimPrefix(page, "events/"), ".html")
		if slug != pySlug {
			u.slugs[id] = slug
		}
		u.added[id] = slug
	} else if _, own := u.slugs[id]; !own && base != given {
		// A talk whose copy of the event titles it otherwise (as each
		// talkmeta record holds its own copy): the event keeps the page
		// and directory its first title gave it, which all its talks
		// share; the site reports the titles that differ.
		u.slugs[id] = given
	}
	if _, own := u.slugs[id]; own {
		return true // all the event's talks are in its own directory
	}
	dir, ok := pageDir(py)
	if !ok || dir == base {
		return true
	}
	if u.pages.Had(id) && !u.pages.Had(dirOwner(id, dir)) {
		// The event was on the site, and these talks of it in its own
		// directory (another event had dir): they stay there, where a
		// directory another event left would move them.
		u.dirs[dirKey(id, dir)] = base
		return true
	}
	got, decided := u.pages.ClaimOnly(nameOf(dir), dirOwner(id, dir))
	if !decided {
		return false
	}
	if !got {
		u.dirs[dirKey(id, dir)] = base
	}
	return true
}

// addTalk gives t, of the event whose eventIdentity is event, its page
// by pageslug.Pages: the one it had in the last build, or else page, the
// one talkPath makes, unless another talk has it ("C" and "C++" both slug
// as "c"); then the same followed by the slug of t's ID ("c-cpp"), or by
// the next number free after it ("c-2"), as for events. It reports
// whether the page could be given before settle. A talk is told from
// another by talkKey: a record read twice still makes one page, which
// the site reports.
func (u *siteURLs) addTalk(t *talk.Talk, event, page string) bool {
	if page == "" {
		return true
	}
	id := ownerID(event, t)
	if _, seen := u.titles[id]; !seen {
		u.titles[id] = t.Title
	}
	key := u.talkKey(event, t)
	got := u.pages.Claim(page[1:], t.ID, key)
	if got == "" {
		return false
	}
	if got = "/" + got; got != page {
		u.talkPages[key] = got
	}
	return true
}

// talkKey tells a talk of the event whose eventIdentity is event from
// the others, in one line, as the site's file of pages' owners names it:
// by its event and its ID, each quoted, which an edit of its title leaves
// as it was; and by its title too where the ID does not tell it apart: a
// talk without an ID, one of the ID of a talk added before it but another
// title (the same ID in two archives), and one that had a page by its
// title in the last build, so that the first talk of its ID deleted, or
// not read, does not give it that one's page. Named by its title, a talk
// retitled was a stranger to its page: it lost it for good while another
// record could not be read, which kept it for the old title, and to a
// talk of its slug read first in the build that added one. The caller
// holds u.mu; u.titles has the first title of each ID (see addTalk).
func (u *siteURLs) talkKey(event string, t *talk.Talk) string {
	key := ownerID(event, t)
	titled := key + " " + strconv.Quote(t.Title)
	if first, ok := u.titles[key]; t.ID == "" || ok && first != t.Title || u.pages.Had(titled) {
		return titled
	}
	return key
}

// ownerID is the start of talkKey: an event's eventIdentity and t's ID.
func ownerID(event string, t *talk.Talk) string { return event + " " + strconv.Quote(t.ID) }

// talksByID renames the owners of the talks' pages in pages, the file of
// a site built when talks were known by their titles too (`"ev" "b" "C"`:
// its event, ID and title), as talkKey names them now (`"ev" "b"`), so
// that the build keeps every page where it was: each owner of the form,
// with an ID, that no other of its event and ID shares.
func talksByID(pages *pageslug.Pages) {
	byID := map[string][]string{} // the old owners, by the name talkKey gives now
	for owner := range pages.LastOwners() {
		if now, ok := withoutTitle(owner); ok {
			byID[now] = append(byID[now], owner)
		}
	}
	for now, old := range byID {
		if len(old) == 1 {
			pages.Rename(old[0], now)
		}
	}
}

// withoutTitle returns the owner of a talk's page, of the form talkKey
// gave before talks were known by their IDs (an eventIdentity, the talk's
// ID and its title, each quoted), without its title, and false for an
// owner of another form or a talk without an ID.
func withoutTitle(owner string) (string, bool) {
	rest := strings.TrimPrefix(owner, "titled ")
	var quoted []string
	for rest != "" {
		q, err := strconv.QuotedPrefix(rest)
		if err != nil || !strings.HasPrefix(q, `"`) {
			return "", false
		}
		quoted = append(quoted, q)
		if rest = rest[len(q):]; rest != "" {
			var ok bool
			if rest, ok = strings.CutPrefix(rest, " "); !ok || rest == "" {
				return "", false
			}
		}
	}
	if len(quoted) != 3 || quoted[1] == `""` {
		return "", false
	}
	return strings.TrimSuffix(owner, " "+quoted[2]), true
}

// dirKey is the key of dirs for the event id and a talk directory.
func dirKey(id, dir string) string { return id + "\x00" + dir }

// pageDir splits the directory from a talk's page path,
// "/<directory>/<talk slug>.html"; slugs hold no "/".
func pageDir(page string) (dir string, ok bool) {
	if page == "" {
		return "", false
	}
	dir, _, ok = strings.Cut(page[1:], "/")
	return dir, ok
}

// slug returns the slug add gave ev where it is not pyvideo.org's, and
// whether add gave it one: ("", false) for an event that keeps
// pyvideo.org's paths.
func (u *siteURLs) slug(ev *talk.Event) (string, bool) {
	u.mu.RLock()
	defer u.mu.RUnlock()
	return u.slugLocked(ev)
}

// slugLocked is slug for a caller that holds u.mu.
func (u *siteURLs) slugLocked(ev *talk.Event) (string, bool) {
	if len(u.slugs) == 0 {
		return "", false // most sites: no event identity to make
	}
	slug, ok := u.slugs[eventIdentity(ev)]
	return slug, ok
}

// Event returns the path of ev's page.
func (u *siteURLs) Event(ev *talk.Event) string {
	if slug, own := u.slug(ev); own {
		return "/events/" + slug + ".html"
	}
	return u.PyvideoURLs.Event(ev)
}

// Talk returns the path of t's page: the one add gave it, where the
// rules of talkPath made another talk's.
func (u *siteURLs) Talk(t *talk.Talk) string {
	u.mu.RLock()
	defer u.mu.RUnlock()
	if len(u.talkPages) > 0 { // most sites: no talk identity to make
		if page, ok := u.talkPages[u.talkKey(eventIdentity(&t.Event), t)]; ok {
			return page
		}
	}
	return u.talkPath(t, u.PyvideoURLs.Talk(t))
}

// talkPath is the path of t's page, given page, its path by
// PyvideoURLs: in its event's directory, or the one its legacy category
// names where that is the event's. The caller holds u.mu.
func (u *siteURLs) talkPath(t *talk.Talk, page string) string {
	dir, ok := pageDir(page)
	if !ok {
		return page
	}
	slug, own := u.slugLocked(&t.Event)
	if !own {
		if slug, own = u.movedDir(&t.Event, dir); !own {
			return fitPage(page)
		}
	}
	return fitPage("/" + slug + page[1+len(dir):])
}

// Speaker returns the path of s's page: PyvideoURLs', its slug cut to
// pageslug.Max bytes, or the page of the speaker add saw first whose
// page differs from it only in case or Unicode form (see speakers).
func (u *siteURLs) Speaker(s *talk.Speaker) string {
	page := fitPage(u.PyvideoURLs.Speaker(s))
	if page == "" {
		return ""
	}
	u.mu.RLock()
	defer u.mu.RUnlock()
	if first, ok := u.speakers[osfs.FoldName(page)]; ok {
		return first
	}
	return page
}

// fitPage is page, "/<directory>/<slug>.html", with its slug cut by
// pageslug.Fit; "" stays "".
func fitPage(page string) string {
	dir, file := path.Split(page)
	slug, ok := strings.CutSuffix(file, ".html")
	if !ok || len(slug) <= pageslug.Max {
		return page
	}
	return dir + pageslug.Fit(slug) + ".html"
}

// movedDir returns the directory add gave the talks of ev whose category
// names dir, where that was another event's. The caller holds u.mu.
func (u *siteURLs) movedDir(ev *talk.Event, dir string) (string, bool) {
	if len(u.dirs) == 0 {
		return "", false // most sites: no event identity to make
	}
	slug, ok := u.dirs[dirKey(eventIdentity(ev), dir)]
	return slug, ok
}

// pyvideoEventSlug is the slug in an event's page path,
// "/events/<slug>.html".
func pyvideoEventSlug(page string) string {
	return strings.TrimSuffix(strings.TrimPrefix(page, "/events/"), ".html")
}
