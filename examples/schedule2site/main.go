// Command schedule2site turns a conference's schedule export (c3voc JSON or
// frab XML) into a static archive site in one program: the event's page as
// the index, one page per talk with its links and attachments, its
// schema.org JSON-LD and its APA and BibTeX references, one page per
// speaker with their talks, and an iCalendar file for the whole schedule
// and for each talk that has a day (a talk iCalendar cannot hold, one
// whose start is past the year 9999 in UTC, is reported, and has its page
// without a calendar, and the whole schedule's leaves it out; an
// unscheduled item has none either). A talk's page and
// calendar are named by its title's slug, under talks/; talks whose titles
// slug alike ("C", "C++") each get their own, as in talkmeta site: the
// first "c", the others "c-" and the slug of their ID (or a number, for
// a talk without one); a slug too long for a file name is cut, with a
// hash of the whole after it, as talkmeta site cuts it. A talk keeps its
// page from one build to the next, by SITE/.schedule2site-pages, which
// says which talk (by its ID) has which page: a talk added to the
// schedule before another of its title takes another page, not the one
// links people shared lead to, and a talk taken out frees its page.
//
//	go run ./examples/schedule2site [-o SITE] [-base URL] schedule.json
//
// from the repository's root (SITE is ./site by default). It is the
// library end to end: talk/schedule reads the export, talk/html renders
// the pages (with talk/jsonld inside), talk/cite and talk/cite/csl cite
// the talks, talk/ical writes the calendars. Pages carry their style.
// Without -base, their links to each other are paths from the site's
// root, so serve the site from the root of a host (any static file
// server will do, such as python3 -m http.server -d SITE); opened as
// files, or served under a sub-path, its links lead nowhere. With -base,
// the address the site is published at (https://example.org/camp/2024),
// links, canonical URLs and JSON-LD are absolute below it.
//
// A site built again over an older one replaces its files and removes
// those of talks no longer in the schedule, by the list of its files it
// keeps in SITE/.schedule2site; files it did not write are left alone,
// and a directory that is not empty and has no such list is not written
// into. The calendars' DTSTAMP is the schedule file's modification time,
// so that a site built twice from one schedule is the same to the byte.
// Interrupted (Ctrl-C, SIGTERM, SIGHUP) before the site is replaced, it
// leaves the old site as it was and no temporary file behind, and exits
// 128 plus the signal's number; a signal it was started with ignored
// (SIGHUP under nohup, SIGINT as a shell's background job) stays ignored.
package main

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/talkmeta/talkmeta/internal/errs"
	"github.com/talkmeta/talkmeta/internal/interrupt"
	"github.com/talkmeta/talkmeta/internal/pageslug"
	"github.com/talkmeta/talkmeta/internal/staged"
	"github.com/talkmeta/talkmeta/internal/weburl"
	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/cite"
	"github.com/talkmeta/talkmeta/talk/cite/csl"
	"github.com/talkmeta/talkmeta/talk/html"
	"github.com/talkmeta/talkmeta/talk/ical"
	"github.com/talkmeta/talkmeta/talk/schedule"
)

func main() {
	// Not a signal it was started with ignored (see package interrupt):
	// "nohup schedule2site" goes on after its user logs out.
	sigs := make(chan os.Signal, 1)
	interrupt.Notify(sigs, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	os.Exit(command(os.Args[1:], sigs, os.Stderr))
}

// command runs the program with the arguments args (those after its
// name) and returns its exit status: statusUsage, after the usage, for
// arguments it cannot go on with; 128 plus the signal's number when sigs
// relayed a signal before the site was replaced, as a shell reports a
// process the signal ended; else run's. -h prints the usage, and is 0.
func command(args []string, sigs <-chan os.Signal, stderr io.Writer) int {
	flags := flag.NewFlagSet("schedule2site", flag.ContinueOnError)
	flags.SetOutput(stderr)
	out := flags.String("o", "site", "the directory to write the site to")
	base := flags.String("base", "", "the site's base `URL` (http or https), for absolute links, canonical URLs and @ids; without it pages link with paths from the site's root")
	flags.Usage = func() {
		fmt.Fprintln(stderr, "Usage: schedule2site [-o DIR] [-base URL] SCHEDULE.json|SCHEDULE.xml")
		flags.PrintDefaults()
	}
	if err := flags.Parse(args); errors.Is(err, flag.ErrHelp) {
		return 0
	} else if err != nil {
		return statusUsage // Parse printed the error and the usage
	}
	if flags.NArg() != 1 {
		flags.Usage()
		return statusUsage
	}
	var caught os.Signal
	interrupted := func() bool {
		select {
		case caught = <-sigs:
		default:
		}
		return caught != nil
	}
	status := run(flags.Arg(0), *out, strings.TrimSuffix(*base, "/"), time.Time{}, interrupted, stderr)
	if status == statusUsage {
		flags.Usage()
	}
	if s, ok := caught.(syscall.Signal); ok && status == statusInterrupted {
		status = 128 + int(s) // as a shell reports a process the signal ended
	}
	return status
}

// statusUsage is run's status for flags it cannot go on with.
const statusUsage = 2

// statusInterrupted is run's status when interrupted says so before the
// site is replaced; main makes it 128 plus the signal's number.
const statusInterrupted = 130

// run builds the site and returns the exit status: statusUsage for an
// empty out or a base the pages' paths cannot follow (see
// weburl.CheckBase), 1 when
// the schedule had problems (the site is built from what could be read;
// when not one talk could be, nothing is written), statusInterrupted when interrupted said
// so before the site was replaced (which then is left as it was). stamp
// is the calendars' DTSTAMP; the zero time means the schedule file's
// modification time, the time of its last change, so that a site built
// twice from one schedule is the same to the byte, and calendar programs
// take a changed schedule's events for updates.
func run(src, out, base string, stamp time.Time, interrupted func() bool, stderr io.Writer) int {
	if out == "" {
		// Not the current directory, which a path joined to "" is.
		fmt.Fprintln(stderr, "schedule2site: -o is empty: name the directory to write the site to")
		return statusUsage
	}
	if base != "" {
		// Without a scheme and a host ("talks.example.org") every
		// link would be a path that leads nowhere; with a query or a
		// fragment, every link would be the home page.
		if err := weburl.CheckBase(base); err != nil {
			fmt.Fprintf(stderr, "schedule2site: -base %v\n", err)
			return statusUsage
		}
	}
	data, err := os.ReadFile(src)
	if err == nil && stamp.IsZero() {
		var fi os.FileInfo
		if fi, err = os.Stat(src); err == nil {
			stamp = fi.ModTime()
		}
	}
	if err != nil {
		fmt.Fprintln(stderr, fileError(err))
		return 1
	}
	s, err := schedule.Parse(data, filepath.ToSlash(src))
	status := 0
	if err != nil {
		var problems talk.ErrorList
		if errors.As(err, &problems) {
			for _, e := range problems {
				fmt.Fprintln(stderr, e)
			}
		} else {
			fmt.Fprintln(stderr, err)
		}
		status = 1
		// A file that is no schedule at all (not JSON or XML, another
		// document) yields an empty one: building a site of it would
		// replace a good site's index with an empty page.
		if s == nil || len(s.Talks) == 0 {
			fmt.Fprintf(stderr, "%s: no talks could be read; %s is left as it was\n", src, out)
			return 1
		}
	}
	dir, err := openSite(out)
	if err != nil {
		fmt.Fprintln(stderr, fileError(err))
		return 1
	}
	pages := pageslug.NewPages()
	if slices.Contains(dir.Listed(), sitePages) {
		// Of this site's: not one a user put in a directory they opted
		// in, nor one an older schedule2site would not have written.
		if pages, err = pageslug.ReadPages(filepath.Join(out, sitePages)); err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
	}
	// A talk the schedule's problems left out is not taken for gone:
	// it keeps its page for when it is read again (see
	// pageslug.Pages.Settle).
	files, err := site(s, base, stamp, pages, status != 0, func(err error) {
		fmt.Fprintln(stderr, err)
		status = 1
	})
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if err := write(dir, files, interrupted); errors.Is(err, errInterrupted) {
		fmt.Fprintf(stderr, "schedule2site: interrupted; %s is left as it was\n", out)
		return statusInterrupted
	} else if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	return status
}

// fileError words err, an error of the file system, as the schedule's
// problems are worded: the file first, "camp.json: no such file or
// directory", without the system call that failed ("open camp.json:
// ..."), which the user did not type.
func fileError(err error) string {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Path + ": " + pe.Err.Error()
	}
	return err.Error()
}

// siteManifest is the file, in a site's directory, that lists the files
// schedule2site wrote there, one slash-separated path a line: a later
// build removes those it no longer makes (the pages of talks taken out
// of the schedule), and leaves every other file (a CNAME, a robots.txt
// the user added) where it is. A directory that is not empty and has no
// manifest is none of schedule2site's, and is not written into.
const siteManifest = ".schedule2site"

// sitePages is the file, among the site's, that says which talk has
// which page (see pageslug.Pages), so that a talk keeps its page when
// the schedule changes. A site of an older schedule2site has none: its
// pages go to the talks that want them in the schedule's order, as they
// went then. A damaged one is an error, naming its line, and the site is
// left as it was: guessing would move pages.
const sitePages = ".schedule2site-pages"

// errInterrupted is write's error when the build was interrupted before
// any file of the site was replaced.
var errInterrupted = errors.New("interrupted")

// openSite opens the directory out to write a site into: one that is
// not empty and has no siteManifest is refused.
func openSite(out string) (*staged.Dir, error) {
	dir, err := staged.OpenDir(out, siteManifest, "")
	if errors.Is(err, staged.ErrNotManaged) {
		return nil, fmt.Errorf("%s: not empty, and holds no site of schedule2site's (no %s): its files are left as they are; choose another -o, or create an empty %[2]s there to build the site among them (a checkout for GitHub Pages)", out, siteManifest)
	}
	return dir, err
}

// write puts files into dir, which openSite opened, in two steps, so
// that a failure (a full disk, a path taken by a directory) or an
// interrupt never leaves an old site half replaced: first every file is
// written in full beside its destination under a temporary name, and
// only when all are, each is renamed over its destination, and the files
// of the previous build that this one does not make are removed (see
// staged.Dir). interrupted is asked between files; once it says so, the
// staged files are removed and nothing is replaced. New files have the
// permissions the umask gives.
func write(dir *staged.Dir, files map[string][]byte, interrupted func() bool) (err error) {
	out := dir.Path()
	defer func() {
		if err != nil {
			dir.Abort()
		}
	}()
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if interrupted() {
			return errInterrupted
		}
		f, err := dir.Create(name)
		if err == nil {
			_, err = f.Write(files[name])
		}
		if pe, ok := errors.AsType[*fs.PathError](err); ok {
			err = fmt.Errorf("%s: %w", pe.Path, pe.Err) // "site/x: is a directory"
		}
		if err != nil {
			return fmt.Errorf("%w; %s is left as it was", err, out)
		}
	}
	return dir.Commit()
}

// siteURLs lays the site out: the event's page is the index, talk pages
// and calendars are under talks/, speaker pages under speakers/.
type siteURLs struct{ slugs map[*talk.Talk]string }

func (siteURLs) Index() string                  { return "/index.html" }
func (siteURLs) Event(*talk.Event) string       { return "/index.html" }
func (u siteURLs) Talk(t *talk.Talk) string     { return "/talks/" + u.slugs[t] + ".html" }
func (u siteURLs) calendar(t *talk.Talk) string { return "/talks/" + u.slugs[t] + ".ics" }

// Speaker is the page of the speaker s: by the slug of their slug
// member, or else of their name, as talkmeta site names speakers' pages
// (speakers of one name share one, as on pyvideo.org), cut to fit a
// file name; "" for a speaker without either, who gets no page.
func (siteURLs) Speaker(s *talk.Speaker) string {
	slug := cmp.Or(talk.Slug(s.Slug), talk.Slug(s.Name))
	if slug == "" {
		return ""
	}
	return "/speakers/" + pageslug.Fit(slug) + ".html"
}

// speakerPage is what a speaker's page shows: the speaker as the first
// talk of theirs gives them, and their talks in the schedule's order.
type speakerPage struct {
	speaker talk.Speaker
	talks   []*talk.Talk
}

// speakerPages returns the schedule's speakers' pages by their paths, and
// those paths in the order the speakers first appear; the speakers of a
// talk's parts (a lightning-talk block's) list the talk.
func speakerPages(talks []*talk.Talk, urls siteURLs) (map[string]*speakerPage, []string) {
	pages := map[string]*speakerPage{}
	var order []string
	for _, t := range talks {
		for s := range t.AllSpeakers() {
			page := urls.Speaker(s)
			if page == "" {
				continue
			}
			p := pages[page]
			if p == nil {
				p = &speakerPage{speaker: *s}
				p.speaker.Extra = nil // the schedule's own members, which a page does not show
				pages[page] = p
				order = append(order, page)
			}
			// A talk is listed once even when it names its speaker twice.
			if n := len(p.talks); n == 0 || p.talks[n-1] != t {
				p.talks = append(p.talks, t)
			}
		}
	}
	return pages, order
}

// site returns the site's files by slash-separated path, with the talks'
// pages given by talkPages (see sitePages), which keeps the pages of the
// last build's talks not in s if keepGone; it reports to report what of
// the schedule it leaves out, and goes on.
func site(s *schedule.Schedule, base string, stamp time.Time, talkPages *pageslug.Pages, keepGone bool, report func(error)) (map[string][]byte, error) {
	style, err := csl.BuiltinStyle("apa")
	if err != nil {
		return nil, err
	}
	apa, err := csl.New(style)
	if err != nil {
		return nil, err
	}
	urls := siteURLs{slugs: map[*talk.Talk]string{}}
	owners := talkOwners(s.Talks)
	var waiting []*talk.Talk
	claim := func(t *talk.Talk) bool {
		// Talks whose titles slug alike get pages of their own, as in
		// talkmeta site: the first the slug's, the others the slug and
		// their ID's ("c-3d6a1c2e-..."), or a number when they have none
		// ("c-2"), and each keeps the page it had in the last build. A
		// slug too long for a file name is cut, with a hash of the
		// whole; a title without letters or digits is "talk".
		page := talkPages.Claim("talks/"+pageslug.Fit(cmp.Or(talk.Slug(t.Title), "talk"))+".html", t.ID, owners[t])
		urls.slugs[t] = strings.TrimSuffix(strings.TrimPrefix(page, "talks/"), ".html")
		return page != ""
	}
	for _, t := range s.Talks {
		if !claim(t) {
			waiting = append(waiting, t)
		}
	}
	talkPages.Settle(keepGone)
	for _, t := range waiting {
		claim(t)
	}
	r := html.Renderer{URLs: urls, SiteName: s.Event.Title, BaseURL: base}
	files := map[string][]byte{}
	render := func(name string, write func(io.Writer) error) error {
		var b bytes.Buffer
		if err := write(&b); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		files[strings.TrimPrefix(name, "/")] = b.Bytes()
		return nil
	}
	var calendared []*talk.Talk // the talks with a calendar, which schedule.ics holds
	for _, t := range s.Talks {
		t.Links = offSiteLinks(t)
		ref, err := cite.Reference(apa, csl.Text, t, cite.Options{})
		if err != nil {
			return nil, err
		}
		var bib strings.Builder
		if err := cite.WriteBibTeX(&bib, t, cite.Options{}); err != nil {
			return nil, err
		}
		links := attachments(t)
		// A talk iCalendar cannot hold (a date-time whose year in UTC
		// is past 9999) is the talk's problem, not the site's: it gets
		// its page, without a calendar, and the others theirs. A talk
		// without a day (an unscheduled item) has no calendar either,
		// and no problem: its page linked to a calendar that held
		// nothing.
		var cal bytes.Buffer
		err = ical.WriteTalk(&cal, t, ical.Options{Stamp: stamp})
		switch _, undated := errors.AsType[*ical.UndatedError](err); {
		case err == nil:
			files[strings.TrimPrefix(urls.calendar(t), "/")] = cal.Bytes()
			links = append(links, talk.Link{URL: urls.calendar(t), Label: "Add to calendar"})
			calendared = append(calendared, t)
		case !undated:
			report(calendarError(t, err))
		}
		opt := html.PageOptions{
			Citations: []html.Citation{{Label: "APA", Text: ref}, {Label: "BibTeX", Text: bib.String()}},
			Links:     links,
		}
		if err := render(urls.Talk(t), func(w io.Writer) error { return r.WriteTalk(w, t, opt) }); err != nil {
			return nil, err
		}
	}
	pages, order := speakerPages(s.Talks, urls)
	for _, page := range order {
		p := pages[page]
		if err := render(page, func(w io.Writer) error { return r.WriteSpeaker(w, &p.speaker, p.talks, html.PageOptions{}) }); err != nil {
			return nil, err
		}
	}
	opt := html.PageOptions{Links: []talk.Link{{URL: "/schedule.ics", Label: "Add the whole schedule to your calendar"}}}
	if err := render(urls.Index(), func(w io.Writer) error { return r.WriteEvent(w, &s.Event, s.Talks, opt) }); err != nil {
		return nil, err
	}
	err = render("/schedule.ics", func(w io.Writer) error {
		return ical.WriteCalendar(w, calendared, ical.Options{Name: s.Event.Title, Stamp: stamp})
	})
	files[sitePages] = talkPages.Text(pageslug.PagesFileHeader)
	return files, err
}

// talkOwners tells the talks apart for pageslug.Pages, the same way from
// one build to the next: by ID, or for a talk without one by its title;
// a second talk of one ID or title is told by its place among them ("#2").
func talkOwners(talks []*talk.Talk) map[*talk.Talk]string {
	owners := map[*talk.Talk]string{}
	count := map[string]int{}
	for _, t := range talks {
		owner := strconv.Quote(t.ID)
		if t.ID == "" {
			owner = "titled " + strconv.Quote(t.Title)
		}
		count[owner]++
		if n := count[owner]; n > 1 {
			owner += " #" + strconv.Itoa(n)
		}
		owners[t] = owner
	}
	return owners
}

// attachments are the talk's attachments (slides, papers), which
// talk/schedule keeps in the talk's Extra "attachments", as links: the
// model has no field for them, and a page without them would lose them.
// An attachment without a URL is left out, and so is one whose URL is
// relative (see onSite).
func attachments(t *talk.Talk) []talk.Link {
	var list []json.RawMessage
	if json.Unmarshal(t.Extra["attachments"], &list) != nil {
		return nil
	}
	var links []talk.Link
	for _, raw := range list {
		var a struct{ URL, Title string }
		if json.Unmarshal(raw, &a) != nil || a.URL == "" {
			continue
		}
		if a.Title == "" {
			a.Title = "Attachment"
		}
		if onSite(a.URL) {
			links = append(links, talk.Link{URL: a.URL, Label: a.Title})
		}
	}
	return links
}

// offSiteLinks is t's links but those onSite leaves out.
func offSiteLinks(t *talk.Talk) []talk.Link {
	var links []talk.Link
	for _, l := range t.Links {
		if onSite(l.URL) {
			links = append(links, l)
		}
	}
	return links
}

// onSite reports whether the URL u of one of a talk's links or
// attachments may go on its page. A URL relative to the schedule's own
// site (frab writes attachments as "/system/...") is resolved by
// talk/schedule against the schedule's base_url; one it had to leave
// relative, for want of a base_url, it reported at its place in the
// schedule, and on this site it would be a path where nothing is: it is
// left out. A URL with a host and no scheme ("//cdn.example/x.pdf") is
// kept, and the page shows it as text, as it shows any URL that is not
// an absolute http(s) one (talk/html). The URL is judged as it is, as
// the page has it: white space before "//" makes it a path on the site
// (" //cdn.example/x.pdf" was kept, and linked to /%20//cdn.example/...),
// and the schedule reports it as relative.
func onSite(u string) bool {
	parsed, err := url.Parse(u)
	if err != nil {
		return true // the renderer's to judge
	}
	return parsed.IsAbs() || parsed.Host != ""
}

// calendarError words err, ical's refusal of the talk t's calendar, as a
// problem of the talk in its schedule, after the schedule's file and the
// talk's ID (or title), and says what is left out: "camp.json: talk
// "5d6a...": DTSTART "10000-01-01T11:30:00Z" has a year outside
// 0000-9999, ...". errors.As finds err in it.
func calendarError(t *talk.Talk, err error) error {
	who := "talk " + strconv.Quote(t.ID)
	if t.ID == "" {
		who = "talk titled " + strconv.Quote(t.Title)
	}
	what := strings.TrimPrefix(err.Error(), "ical: ")
	var rangeErr *ical.RangeError
	var zoneErr *ical.ZoneError
	switch {
	case errors.As(err, &rangeErr) && rangeErr.Err != nil:
		what = fmt.Sprintf("%s %q %s", rangeErr.Property, rangeErr.Err.Text, rangeErr.Err.Reason)
	case errors.As(err, &zoneErr):
		what = fmt.Sprintf("time zone %q is not in the zone database, so the talk's time cannot be placed", zoneErr.Zone)
	}
	return &errs.Worded{Msg: fmt.Sprintf("%s: %s: %s; its page has no calendar, and schedule.ics leaves it out", t.Origin.Path, who, what), Cause: err}
}
