// Command server serves a talk archive over HTTP, built on talkmeta's public
// packages: an index of events, a page per event, talk and speaker, at
// pyvideo.org's URLs, each in the representation the client asks for.
//
//	go run ./examples/server [-addr localhost:8080] [-base URL] [-cors ORIGINS] [-pages FILE] [DIR]
//
// DIR is an archive in pyvideo's layout (<event>/category.json and
// <event>/videos/<talk>.json). An archive in talkmeta's own layout
// (<event>/event.json and <event>/talks/), which talkmeta import writes of
// a schedule, is not read: for a schedule, examples/schedule2site makes a
// site to serve with any static file server. Without it, the server reads
// the archive named by $TALKMETA_CORPUS, as the repository's CI scripts
// do; with neither it stops with a usage message and exit status 2, as it
// does for a -base or -cors it cannot use (status 1 is for an address it
// cannot listen on, or an archive it cannot read). From the repository's
// root,
//
//	go run ./examples/server testdata/pyvideo
//
// serves the repository's sample records. Talks are read at start-up, and
// again on SIGHUP (kill -HUP), after records changed: the pages change at
// once, without a moment of refused connections, and requests under way
// finish with the pages as they were. An archive in which no talk can be
// read then (moved away, or mid-copy) is not served: the server goes on
// with what it read before, and says so. A record that cannot be read then
// (an editor's save half done) is served as read before: a talk's record,
// or the talks of a directory that cannot be listed, and the event of the
// talks whose category.json cannot be read; the log says so beside the
// error. Interrupt or SIGTERM shuts it down gracefully: requests under way
// have 10 seconds to finish, and a second interrupt stops it at once. A
// server started with SIGINT ignored (a shell's background job) leaves it
// ignored; one started with nohup still reloads on SIGHUP.
//
// # Paths
//
//	/  and  /index.html               the index of events
//	/events/<event slug>.html         an event
//	/<event slug>/<talk slug>.html    a talk
//	/speaker/<speaker slug>.html      a speaker
//	/style.css                        the pages' style sheet
//
// (html.PyvideoURLs has the rules.) Any other path is 404 Not Found, and so
// is a path whose "/" is encoded (%2F), which names another resource; the
// answer names the path, percent-encoded and cut at 200 bytes. Paths
// that differ only in Unicode normalization ("café" composed or decomposed,
// as a record's slug or a browser's path may have it) name one page, and a
// request for it in the other form than its own is redirected to its own
// (301 Moved Permanently).
//
// The rules can give two records one path. Of two talks ("C" and "C++" both
// slug as "c") the first read keeps it, and the other is at the same
// followed by its ID's slug, or else the next number free ("c-cpp.html",
// "c-2.html"), as talkmeta site puts it; a talk read twice is served once.
// Of two events of one slug ("PyCon 2020", "PyCon-2020") the first read
// keeps its page, and the other gets one in the same way
// (/events/pycon-2020-pycon2020.html), as talkmeta site names it; its talks
// keep pyvideo.org's paths, which talkmeta site moves to a directory of the
// event's own. A talk and an event whose pages would be one (the talk "Odd
// Con" of the event "Events" and the event "Odd Con", both
// /events/odd-con.html) are told apart likewise, and so are pages whose
// paths differ only in case (slugs "Intro" and "intro"), as talkmeta site
// tells them apart for the file systems that ignore case; a talk keeps its
// path from a speaker's (the talk "Ada" of the event "Speaker" is at
// /speaker/ada.html, and the speaker Ada has no page). The server says so at
// start-up and at each read, for each record. Slugs are not cut as talkmeta
// site cuts them for file names: a URL path has no such limit.
//
// "First" is first in the last read: each read of the archive gives the
// talks and events it read before the pages they had then, so that a talk
// added whose slug is another's, and whose file comes first, does not take
// that one's page and move it (a link people shared would lead to the new
// talk); and a talk whose file cannot be read for a while (mid-edit) keeps
// its page, which no other takes meanwhile: it is served as read before,
// or, in a run that has not read it, not served until it can be read; so
// are the talks of an event whose record cannot be read, where their pages
// would move (the event had a page its directory's name does not give). A
// record is known by its file (its event's directory and its name), not
// its title, so that one whose title is edited keeps its page while its
// slug does not change. Within one run the server remembers them; -pages
// FILE keeps them from one run to the next, in a file of the form talkmeta
// site keeps its own (a line per page, its path and its record; to give a
// page to another record, name it on the page's line and remove its own
// line), which no other server or site may share: read at start-up and at
// each SIGHUP, and written, whole or not at all, after each read that
// changes it, keeping its mode, owner and symbolic link as talkmeta fmt -w
// keeps a record's. A file that does not say which record has which page,
// or that cannot be written (one made read-only, to keep it as it is, when
// a read would change it), stops the start-up and leaves a reload's
// archive as it was, with an error naming it.
//
// # Representations
//
// The Accept header chooses among (with q-values and wildcards; the first
// listed wins a tie):
//
//	text/html                                  every page
//	application/ld+json                        a talk, an event or a speaker: the schema.org graph its page carries
//	application/x-bibtex                       a talk, or an event's or speaker's talks
//	application/x-research-info-systems        (RIS) the same
//	application/vnd.citationstyles.csl+json    (CSL-JSON) the same
//
// No Accept header means text/html, and so does one that names no media
// range that can be read (empty, or "text"); a lone "*" means "*/*", as
// old clients send it. An Accept header that allows none of a page's types
// gets 406 Not Acceptable, listing them. A page's responses to GET and
// HEAD say "Vary: Accept", and those with the page carry a strong
// ETag (a hash of its bytes) and a Last-Modified (when the archive was
// read): conditional requests (If-None-Match, If-Modified-Since, If-Match,
// If-Unmodified-Since) and ranges are answered as http.ServeContent answers
// them. GET and HEAD are served, OPTIONS lists them; other methods get 405,
// and any method gets 404 where there is no page. Every response, 404s
// and redirects too, says "Cache-Control: no-cache", since the next reload
// may change any of them (a cache or CDN may keep it, but asks again before
// it uses it, which the ETag makes cheap), "X-Content-Type-Options: nosniff"
// and "Referrer-Policy: strict-origin-when-cross-origin", and a page in HTML
// has a Content-Security-Policy that lets it load its style sheet, images,
// media and players, and run no script.
//
// A page that cannot be made (its renderer fails or panics) is 500
// Internal Server Error, which says no more; the log says why, with the
// request and the record: the talk's or event's file, or the speaker's
// name. A request whose line and headers pass 64 KiB is 431, and a client
// has 10 seconds to send them, 30 to send the whole request and as long to
// take the response.
//
// # Other sites' scripts
//
// A browser lets a script of another origin (a conference's own site,
// fetching a talk's citations or JSON-LD) read a response only if the
// server says it may. By default it does not. -cors names the origins that
// may, comma-separated ("https://conf.example.org,http://localhost:3000"),
// or "*" for any: their requests' responses say so, exposing ETag and the
// range headers too, and a browser's preflight OPTIONS request from one of
// them is answered for any path (GET and HEAD, with the conditional and
// range headers), so that a script reads a 404 as a 404. With a list, every
// response says "Vary: Origin", so that a cache keeps one origin's answer
// from another; with "*", every response says any origin may read it,
// whether its request had an Origin or not, so that a cache's copy does.
//
//	curl -H 'Accept: application/x-bibtex' localhost:8080/europython-2016/asyncawait-in-python-35-and-why-it-is-awesome.html
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/talkmeta/talkmeta/internal/errs"
	"github.com/talkmeta/talkmeta/internal/interrupt"
	"github.com/talkmeta/talkmeta/internal/pageslug"
	"github.com/talkmeta/talkmeta/internal/staged"
	"github.com/talkmeta/talkmeta/internal/weburl"
	"github.com/talkmeta/talkmeta/talk"
)

func main() {
	cfg, status := parseArgs(os.Args[1:], os.Getenv, os.Stderr)
	if status >= 0 {
		os.Exit(status)
	}
	// Not a SIGINT the server was started with ignored (see package
	// interrupt): a shell's background job is not the Ctrl-C's to stop.
	stops := make(chan os.Signal, 1)
	stop := interrupt.Notify(stops, os.Interrupt, syscall.SIGTERM)
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-stops
		// A second interrupt during the shutdown's grace stops the
		// server at once, as interrupts do.
		stop()
		cancel()
	}()
	// SIGHUP asks for a reload, as it does of daemons, even of a server
	// started with nohup, whose operator's "kill -HUP" means it too.
	reload := make(chan os.Signal, 1)
	signal.Notify(reload, syscall.SIGHUP)
	if err := serve(ctx, cfg, os.Stderr, reload); err != nil {
		fmt.Fprintln(os.Stderr, "server:", err)
		os.Exit(1)
	}
}

// parseArgs reads the command line, args without the program's name, and
// returns what it sets, or the exit status to stop with: 0 after -h,
// whose usage it writes to stderr, and 2 after a usage error, which it
// says there, with the usage. A -base or -cors that cannot be used is a
// usage error, as an unknown flag is: the command line is at fault, not
// the archive or the network. getenv reads $TALKMETA_CORPUS. The status
// is -1 to go on.
func parseArgs(args []string, getenv func(string) string, stderr io.Writer) (config, int) {
	fs := flag.NewFlagSet("server", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "localhost:8080", "the `address` to listen on")
	base := fs.String("base", "", "the site's public base `URL` (http or https): pages link to each other, name their canonical URL and JSON-LD @ids, and are redirected below it; a path in it is one a proxy in front strips")
	cors := fs.String("cors", "", "the `origins` whose web pages' scripts may read the responses, comma-separated (https://conf.example.org,http://localhost:3000), or * for any; by default none")
	pages := fs.String("pages", "", "a `file` that keeps which talk and event has which page from one run to the next: read at start-up and on SIGHUP, and written after each read; without it, pages are kept from one read to the next of one run")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: server [-addr HOST:PORT] [-base URL] [-cors ORIGINS] [-pages FILE] [DIR]")
		fmt.Fprintln(stderr, "DIR is a pyvideo archive; without it, $TALKMETA_CORPUS. SIGHUP reads it again.")
		fs.PrintDefaults()
	}
	switch err := fs.Parse(args); {
	case errors.Is(err, flag.ErrHelp):
		return config{}, 0
	case err != nil:
		return config{}, 2 // the flag package has said why, with the usage
	}
	dir := fs.Arg(0)
	if dir == "" {
		dir = getenv("TALKMETA_CORPUS")
	}
	if dir == "" || fs.NArg() > 1 {
		fs.Usage()
		return config{}, 2
	}
	origins, err := parseOrigins(*cors)
	if err == nil {
		err = checkBase(*base)
	}
	if err != nil {
		fmt.Fprintln(stderr, "server:", err)
		return config{}, 2
	}
	return config{addr: *addr, base: *base, dir: dir, cors: origins, pages: *pages}, -1
}

// config is what the command line sets.
type config struct {
	addr string      // the address to listen on
	base string      // the site's public base URL, or ""
	dir  string      // the archive
	cors crossOrigin // the origins whose scripts may read responses
	// pages is the file of the pages' owners (see archiveServer), or "".
	pages string
}

// serve loads the archive in cfg.dir and serves it on cfg.addr until ctx
// is done, reading it again each time reload receives.
func serve(ctx context.Context, cfg config, log io.Writer, reload <-chan os.Signal) error {
	addr, base, dir := cfg.addr, cfg.base, cfg.dir
	if err := checkBase(base); err != nil {
		return err
	}
	// Listening first says at once that the address is taken or wrong,
	// not after the archive is read; a client that comes meanwhile waits.
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	defer ln.Close()
	// os.DirFS would name a missing archive ".", which the reader's
	// error would call it.
	if fi, err := os.Stat(dir); err != nil {
		// "corpus: no such file or directory", as the records' errors
		// are worded (see logLine), not "stat corpus: ...".
		return &errs.Worded{Msg: dir + ": " + errs.WithoutPath(err).Error(), Cause: err}
	} else if !fi.IsDir() {
		return fmt.Errorf("%s: not a directory; name the archive's directory", dir)
	}
	a := &archiveServer{dir: dir, base: base, cors: cfg.cors, log: log, pagesFile: cfg.pages}
	start := time.Now()
	n, err := a.read()
	if err != nil {
		return err
	}
	if ctx.Err() != nil {
		return nil // interrupted while reading: nothing to shut down
	}
	srv := newServer(a)
	fmt.Fprintf(log, "serving %d talks from %s on http://%s (read in %v)\n", n, dir, ln.Addr(), time.Since(start).Round(time.Millisecond))
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	for {
		select {
		case err := <-errc:
			return err
		case <-reload:
			start := time.Now()
			if n, err := a.read(); err != nil {
				fmt.Fprintf(log, "%v; serving the archive as read before\n", err)
			} else {
				fmt.Fprintf(log, "serving %d talks from %s as read again (in %v)\n", n, dir, time.Since(start).Round(time.Millisecond))
			}
		case <-ctx.Done():
			shutdown, cancel := context.WithTimeout(context.Background(), shutdownGrace)
			defer cancel()
			if err := srv.Shutdown(shutdown); err != nil {
				// The shutdown asked for is done all the same.
				srv.Close()
				fmt.Fprintf(log, "closed the connections still busy after %v\n", shutdownGrace)
			}
			if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
				return err
			}
			return nil
		}
	}
}

// checkBase returns an error saying why base, the -base flag, cannot be
// the base of the pages' URLs (see weburl.CheckBase), or nil if it can
// or is "".
func checkBase(base string) error {
	if base == "" {
		return nil
	}
	if err := weburl.CheckBase(base); err != nil {
		return fmt.Errorf("-base %w", err)
	}
	return nil
}

// shutdownGrace is how long a shutdown waits for requests under way. It
// is longer than the 5 seconds http.Server.Shutdown gives a connection
// on which no request came (a browser opens one in reserve) before it
// takes it for idle, so that such a connection does not use it up.
const shutdownGrace = 10 * time.Second

// archiveServer serves an archive as it was last read. Reading it again
// replaces what it serves at once, while requests under way finish with
// what they began with.
//
// Each read gives the talks and events their pages from the claims of
// the last (see newHandler), so that a talk added whose slug is another's
// does not take that one's page: from the file pagesFile, when it is not
// "", which each read reads (an operator may edit it, to give a page to
// another record) and then writes; else from the last read of this run,
// last, which also stands in for a pagesFile removed while it runs.
type archiveServer struct {
	dir, base string
	cors      crossOrigin
	log       io.Writer
	current   atomic.Pointer[handler]
	pagesFile string
	last      *pageslug.Pages // the last read's claims, without pagesFile
	lastTalks []*talk.Talk    // the last read's talks, for records not read now
}

func (a *archiveServer) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	a.cors.serve(w, req, a.current.Load())
}

// read reads the archive, writing to the log the records it cannot read
// and the warnings of newHandler, and serves it from then on; it returns
// how many talks it serves (those served as read before among them). An
// archive in which no talk can be read (one moved away, or mid-copy) is an
// error, and what was served is kept.
func (a *archiveServer) read() (int, error) {
	talks, errs, keepGone, eventless := loadDir(a.dir, a.lastTalks)
	read := time.Now()
	for _, err := range errs {
		fmt.Fprintln(a.log, err)
	}
	if len(talks) == 0 {
		return 0, fmt.Errorf("no talks in %s", a.dir)
	}
	last, written, err := a.lastPages()
	if err != nil {
		return 0, err
	}
	if talks = leaveOutEventless(talks, eventless, last, a.log); len(talks) == 0 {
		return 0, fmt.Errorf("no talks in %s to serve", a.dir)
	}
	h, err := newHandler(talks, a.base, read, last, keepGone)
	if err != nil {
		return 0, err
	}
	if a.pagesFile != "" {
		// Served without the file, the pages given would be forgotten
		// by the next run, and some of them moved.
		if err := writePages(a.pagesFile, last.Text(pageslug.PagesFileHeader), written); err != nil {
			return 0, fmt.Errorf("-pages: %w", err)
		}
	}
	a.last, a.lastTalks = last, talks // this read's now
	for _, w := range h.warnings {
		fmt.Fprintln(a.log, w)
	}
	h.errorLog = log.New(a.log, "", 0)
	a.current.Store(h)
	return len(talks), nil
}

// lastPages returns the claims of the last read to the pages: those of
// the file pagesFile, with its bytes, or else of the last read of this
// run; none before the first. A pages file that cannot be read, is empty
// (cut short, or emptied as an editor saves), or does not say which
// record owns which page (see pageslug.ParsePages) is an error naming it.
// One that is gone after this run wrote it is the last read's, which the
// log says: the file is written again.
func (a *archiveServer) lastPages() (pages *pageslug.Pages, file []byte, err error) {
	if a.pagesFile != "" {
		data, err := os.ReadFile(a.pagesFile)
		switch {
		case errors.Is(err, fs.ErrNotExist) && a.last != nil:
			fmt.Fprintf(a.log, "-pages: %s is gone; the pages of the last read are kept, and written to it again\n", a.pagesFile)
			return a.last.Next(), nil, nil
		case errors.Is(err, fs.ErrNotExist):
			return pageslug.NewPages(), nil, nil
		case err != nil:
			return nil, nil, fmt.Errorf("-pages: %w", err)
		case len(data) == 0:
			return nil, nil, fmt.Errorf("-pages: %s is empty: it was cut short or emptied; remove it to give every page anew", a.pagesFile)
		}
		p, err := pageslug.ParsePages(data, a.pagesFile)
		if err != nil {
			return nil, nil, fmt.Errorf("-pages: %w", err)
		}
		return p, data, nil
	}
	if a.last == nil {
		return pageslug.NewPages(), nil, nil
	}
	return a.last.Next(), nil, nil
}

// writePages writes text to the file of pages' owners name, whole or not
// at all and synced, for it is the only record of which page is whose,
// keeping the file's mode, owner and link (see staged.Replace); not when
// it holds text already (old), so that an unchanged file on a read-only
// disk, or one read-only to keep it as it is, is left alone. An error
// names the file as the operator named it.
func writePages(name string, text, old []byte) error {
	if bytes.Equal(text, old) {
		return nil
	}
	if err := staged.Replace(name, text); err != nil {
		return fmt.Errorf("%s: not written: %w", name, errs.WithoutPath(err))
	}
	return nil
}

// newServer returns the server for h, with timeouts that keep slow or
// stalled clients from holding connections: ReadHeaderTimeout bounds the
// request line and headers, and ReadTimeout the whole request, so a client
// that trickles a request body (which the server reads, to reuse the
// connection) is cut off too. MaxHeaderBytes bounds what each connection
// holds while it waits for the headers.
func newServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    maxHeaderBytes,
	}
}

// maxHeaderBytes is the most a request line and headers may take: far
// more than a browser's or a proxy's request needs (nginx's own buffers
// stop at 32 KiB), and a sixteenth of net/http's default of 1 MiB, which
// let each of a client's slow connections hold a megabyte for the 10
// seconds of ReadHeaderTimeout.
const maxHeaderBytes = 64 << 10
