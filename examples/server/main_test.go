package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/talkmeta/talkmeta/internal/pageslug"
)

// TestSlowBody cuts off a client that sends its headers and then trickles
// a request body: the server reads the body after the handler, to reuse
// the connection, and without a ReadTimeout it waits for it forever. The
// server's timeouts are scaled down a hundredfold to keep the test short.
func TestSlowBody(t *testing.T) {
	srv := newServer(testHandler(t))
	srv.ReadHeaderTimeout /= 100
	srv.ReadTimeout /= 100
	srv.WriteTimeout /= 100
	srv.IdleTimeout /= 100
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	defer srv.Close()

	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := io.WriteString(conn, "GET /nope HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\nx"); err != nil {
		t.Fatal(err)
	}
	// The rest of the body never comes. The server must give up on it
	// (answering or not) and close the connection well before the client
	// does.
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	start := time.Now()
	_, err = io.Copy(io.Discard, bufio.NewReader(conn))
	if err != nil {
		t.Fatalf("the server still held the connection after %v: %v", time.Since(start).Round(time.Millisecond), err)
	}
}

// TestBaseURL refuses a -base that is not an absolute http or https URL,
// before reading the archive: "talks.example.org" made every canonical
// link and @id a relative path, and "javascript:x" one the pages defused;
// a query or fragment took in the path of every link after it, and a
// user and password were published in every link.
func TestBaseURL(t *testing.T) {
	var got []string
	for _, base := range []string{"talks.example.org", "javascript:alert(1)", "/talks", "https://",
		"https://talks.example.org/?lang=en", "https://talks.example.org/talks#top", "https://user:secret@talks.example.org/"} {
		err := serve(context.Background(), config{addr: "127.0.0.1:0", base: base, dir: "no such directory"}, io.Discard, nil)
		got = append(got, fmt.Sprint(err))
	}
	want := []string{
		`-base "talks.example.org" is not an absolute http or https URL`,
		`-base "javascript:alert(1)" is not an absolute http or https URL`,
		`-base "/talks" is not an absolute http or https URL`,
		`-base "https://" is not an absolute http or https URL`,
		`-base "https://talks.example.org/?lang=en" cannot be followed by the pages' paths: give a scheme, a host and a path only, without user, query or fragment`,
		`-base "https://talks.example.org/talks#top" cannot be followed by the pages' paths: give a scheme, a host and a path only, without user, query or fragment`,
		`-base "https://user:secret@talks.example.org/" cannot be followed by the pages' paths: give a scheme, a host and a path only, without user, query or fragment`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestAddressTaken reports an address that cannot be listened on before
// reading the archive, not once it is read (seconds, for a large one):
// an archive that is not there is not yet found to be missing.
func TestAddressTaken(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	var log strings.Builder
	err = serve(context.Background(), config{addr: ln.Addr().String(), dir: "no such directory"}, &log, nil)
	// The system's words for it differ: compare the operation.
	var op *net.OpError
	if !errors.As(err, &op) {
		t.Fatalf("%v, not a *net.OpError", err)
	}
	got := fmt.Sprintf("%s %s %s\n%s", op.Op, op.Net, op.Addr, log.String())
	want := fmt.Sprintf("listen tcp %s\n", ln.Addr())
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestInterruptedWhileReading: a server interrupted while it reads the
// archive stops once it is read, without starting to serve it.
func TestInterruptedWhileReading(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var log strings.Builder
	err := serve(ctx, config{addr: "127.0.0.1:0", dir: archive}, &log, nil)
	got := fmt.Sprintf("%v\n%s", err, log.String())
	if diff := cmp.Diff("<nil>\n", got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestNoArchive names the archive that is not there, or not a directory,
// first, as the records' errors name their files (see logLine); the
// reader's error called it ".", and then the system call ("stat no such
// directory: ..."). errors.Is still sees the system's error.
func TestNoArchive(t *testing.T) {
	var got []string
	for _, dir := range []string{"no such directory", "main.go"} {
		var log strings.Builder
		err := serve(context.Background(), config{addr: "127.0.0.1:0", dir: dir}, &log, nil)
		got = append(got, fmt.Sprintf("%v\n%s", err, log.String()))
		if dir == "no such directory" && !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%v is not fs.ErrNotExist", err)
		}
	}
	_, missing := os.Stat("no such directory") // in the system's words
	want := []string{
		"no such directory: " + errors.Unwrap(missing).Error() + "\n",
		"main.go: not a directory; name the archive's directory\n",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// logLines is a log that hands each line written to it to a test.
type logLines chan string

func (l logLines) Write(p []byte) (int, error) {
	for _, line := range strings.SplitAfter(string(p), "\n") {
		if line != "" {
			l <- strings.TrimSuffix(line, "\n")
		}
	}
	return len(p), nil
}

// next returns the next line, or fails t after a while without one.
func (l logLines) next(t *testing.T) string {
	t.Helper()
	select {
	case line := <-l:
		return line
	case <-time.After(30 * time.Second):
		t.Fatal("no line in the log")
		return ""
	}
}

// TestReload reads the archive again on reload, serving from then on what
// it holds (a talk added and one removed), while requests go on, and keeps
// what it served when the archive is gone; an interrupt then shuts the
// server down. The records were read once, at start-up: a change meant a
// restart, with its moments of refused connections.
func TestReload(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "chipy"), os.DirFS(filepath.Join(archive, "chipy"))); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	log := make(logLines, 100)
	reload := make(chan os.Signal)
	done := make(chan error, 1)
	pagesFile := filepath.Join(t.TempDir(), "pages")
	go func() { done <- serve(ctx, config{addr: "127.0.0.1:0", dir: dir, pages: pagesFile}, log, reload) }()
	var got []string
	line := log.next(t)
	_, addr, _ := strings.Cut(line, " on http://")
	addr, _, _ = strings.Cut(addr, " ")
	took := regexp.MustCompile(`\(((read )?in) [^)]*\)`)
	got = append(got, strings.ReplaceAll(took.ReplaceAllString(line, "($1 T)"), dir, "DIR"))
	// Connections a client keeps to reuse, and the one it may open in
	// reserve, would each hold the shutdown up as a browser's would.
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	titles := func() string {
		res, err := client.Get("http://" + addr + "/events/chipy.html")
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		page, _ := io.ReadAll(res.Body)
		var titles []string
		for _, m := range regexp.MustCompile(`<h3[^>]*><a href="[^"]*">([^<]*)</a>`).FindAllSubmatch(page, -1) {
			titles = append(titles, string(m[1]))
		}
		return res.Status + ": " + strings.Join(titles, "; ")
	}
	got = append(got, titles())

	// Requests under way while the archive is read again.
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				res, err := client.Get("http://" + addr + "/chipy/Learning_Sprint_An_Experiment.html")
				if err != nil {
					t.Error(err)
					return
				}
				io.Copy(io.Discard, res.Body)
				res.Body.Close()
				if res.StatusCode != http.StatusOK && res.StatusCode != http.StatusNotFound {
					t.Errorf("during a reload: %s", res.Status)
				}
			}
		})
	}
	videos := filepath.Join(dir, "chipy", "videos")
	b, err := os.ReadFile(filepath.Join(videos, "15260.json"))
	if err != nil {
		t.Fatal(err)
	}
	var rec map[string]any
	if err := json.Unmarshal(b, &rec); err != nil {
		t.Fatal(err)
	}
	rec["title"] = "A talk added"
	delete(rec, "slug")
	b, _ = json.Marshal(rec)
	if err := os.WriteFile(filepath.Join(videos, "added.json"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(videos, "asynchronous-vs--threaded-python.json")); err != nil {
		t.Fatal(err)
	}
	reload <- syscall.SIGHUP
	got = append(got, took.ReplaceAllString(strings.ReplaceAll(log.next(t), dir, "DIR"), "($1 T)"))
	got = append(got, titles())
	close(stop)
	wg.Wait()

	// An archive gone is kept as it was.
	if err := os.RemoveAll(filepath.Join(dir, "chipy")); err != nil {
		t.Fatal(err)
	}
	reload <- syscall.SIGHUP
	got = append(got, strings.ReplaceAll(log.next(t), dir, "DIR"))
	got = append(got, titles())

	cancel()
	select {
	case err := <-done:
		got = append(got, fmt.Sprintf("stopped: %v", err))
	case <-time.After(30 * time.Second):
		t.Fatal("the server did not stop")
	}
	if _, err := net.Dial("tcp", addr); err == nil {
		got = append(got, "still listening")
	}
	want := []string{
		"serving 2 talks from DIR on http://" + addr + " (read in T)",
		"200 OK: Learning Sprint - An Experiment; Asynchronous vs. Threaded Python",
		"serving 2 talks from DIR as read again (in T)",
		"200 OK: Learning Sprint - An Experiment; A talk added",
		"no talks in DIR; serving the archive as read before",
		"200 OK: Learning Sprint - An Experiment; A talk added",
		"stopped: <nil>",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// -pages keeps the pages of the last read that served.
	wantFile(t, pagesFile, pageslug.PagesFileHeader+
		`"chipy/Learning_Sprint_An_Experiment.html" talk "chipy" "15260"`+"\n"+
		`"chipy/a-talk-added.html" talk "chipy" "added"`+"\n"+
		`"events/chipy.html" event "chipy"`+"\n")
}

// TestShutdownWithConnectionInReserve: a connection on which no request
// came (browsers open one in reserve) does not make a shutdown fail. The
// grace of 5 seconds ran out as http.Server took the connection for idle,
// after 5 seconds: the server stopped with "context deadline exceeded",
// and exit status 1.
func TestShutdownWithConnectionInReserve(t *testing.T) {
	if testing.Short() {
		t.Skip("a shutdown takes 5 seconds")
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	log := make(logLines, 100)
	done := make(chan error, 1)
	go func() { done <- serve(ctx, config{addr: "127.0.0.1:0", dir: archive}, log, nil) }()
	_, addr, _ := strings.Cut(log.next(t), " on http://")
	addr, _, _ = strings.Cut(addr, " ")
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	cancel()
	select {
	case err := <-done:
		var lines []string
		for len(log) > 0 {
			lines = append(lines, <-log)
		}
		if diff := cmp.Diff("<nil> []", fmt.Sprint(err, " ", lines)); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the server did not stop")
	}
}

// TestLargeHeaders refuses a request whose line and headers pass
// maxHeaderBytes, and serves one just under it: net/http's default let
// every connection fill a megabyte while it waited for the headers.
func TestLargeHeaders(t *testing.T) {
	srv := newServer(testHandler(t))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	defer srv.Close()
	status := func(headerBytes int) string {
		conn, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		conn.SetDeadline(time.Now().Add(10 * time.Second))
		go io.WriteString(conn, "HEAD /style.css HTTP/1.1\r\nHost: x\r\nX-Filler: "+strings.Repeat("a", headerBytes)+"\r\nConnection: close\r\n\r\n")
		line, err := bufio.NewReader(conn).ReadString('\n')
		if err != nil {
			t.Fatal(err)
		}
		return strings.TrimSpace(line)
	}
	got := []string{status(maxHeaderBytes - 100), status(maxHeaderBytes + 4096), status(1 << 20)}
	want := []string{"HTTP/1.1 200 OK", "HTTP/1.1 431 Request Header Fields Too Large", "HTTP/1.1 431 Request Header Fields Too Large"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestParseArgs: a -base or -cors the server cannot use is a usage error,
// exit status 2, as an unknown flag or a missing archive is, before
// anything is listened on or read; -base's was status 1, as if the
// network or the archive had failed.
func TestParseArgs(t *testing.T) {
	const usage = "Usage: server [-addr HOST:PORT] [-base URL] [-cors ORIGINS] [-pages FILE] [DIR]\n" +
		"DIR is a pyvideo archive; without it, $TALKMETA_CORPUS. SIGHUP reads it again.\n"
	env := func(corpus string) func(string) string {
		return func(name string) string {
			if name == "TALKMETA_CORPUS" {
				return corpus
			}
			return ""
		}
	}
	tests := []struct {
		args   []string
		corpus string
		status int
		stderr string // up to the flags' defaults
	}{
		{[]string{"-base", "ftp://talks.example.org", "archive"}, "", 2,
			"server: -base \"ftp://talks.example.org\" is not an absolute http or https URL\n"},
		{[]string{"-base", "https://talks.example.org/?lang=en", "archive"}, "", 2,
			"server: -base \"https://talks.example.org/?lang=en\" cannot be followed by the pages' paths: give a scheme, a host and a path only, without user, query or fragment\n"},
		{[]string{"-cors", "conf.example.org", "archive"}, "", 2,
			"server: -cors: \"conf.example.org\" is not an origin: it needs http:// or https:// and a host, as https://conf.example.org\n"},
		{[]string{}, "", 2, usage},
		{[]string{"a", "b"}, "", 2, usage},
		{[]string{"-nope", "archive"}, "", 2, "flag provided but not defined: -nope\n" + usage},
		{[]string{"-h"}, "", 0, usage},
		{[]string{"-base", "https://talks.example.org/pycon", "-addr", ":0", "archive"}, "", -1, ""},
		{[]string{}, "corpus", -1, ""},
	}
	for _, tt := range tests {
		var stderr strings.Builder
		cfg, status := parseArgs(tt.args, env(tt.corpus), &stderr)
		got, _, _ := strings.Cut(stderr.String(), "  -addr")
		if status != tt.status || got != tt.stderr {
			t.Errorf("%q: status %d, stderr:\n%s\nwant status %d, stderr:\n%s", tt.args, status, got, tt.status, tt.stderr)
		}
		if status == -1 && cfg.dir == "" {
			t.Errorf("%q: no archive in %+v", tt.args, cfg)
		}
	}
	if cfg, _ := parseArgs([]string{"-pages", "pages.txt", "archive"}, env(""), io.Discard); cfg.pages != "pages.txt" {
		t.Errorf("-pages pages.txt: %+v", cfg)
	}
	// The package's documentation shows the same flags.
	src, err := os.ReadFile("main.go")
	if err != nil {
		t.Fatal(err)
	}
	usageFlags := strings.TrimPrefix(strings.SplitN(usage, "\n", 2)[0], "Usage: server ")
	docFlags := regexp.MustCompile(`(?m)^//\tgo run \./examples/server (.*)$`).FindSubmatch(src)
	if docFlags == nil || strings.ReplaceAll(string(docFlags[1]), "localhost:8080", "HOST:PORT") != usageFlags {
		t.Errorf("the package's documentation shows %q, the usage %q", docFlags, usageFlags)
	}
}

// TestReadLog: what the server cannot read, and the records it serves
// elsewhere, are logged with each file first, named below the archive as
// the operator named it, not within it, and without the reader's
// "pyvideo: " or the system call that failed: "pyvideo: conf/videos/README:
// ..." named a file the operator could not find from where the server
// ran, and in other words than talkmeta's commands.
func TestReadLog(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "archive")
	files := map[string]string{
		"conf/category.json":   `{"title": "Conf"}`,
		"conf/videos/a.json":   `{"title": "A", "videos": [{"type": "youtube", "url": "https://youtu.be/x"}]}`,
		"conf/videos/b.json":   `{"title": "A", "videos": [{"type": "youtube", "url": "https://youtu.be/y"}]}`,
		"conf/videos/bad.json": `{"title": "B", "recorded": "2016-02-30"}`,
		"conf/videos/README":   "notes",
		"other/category.json":  `{"title": 3}`,
		"other/videos/c.json":  `{"title": "C"}`,
		"stray.json":           `{}`,
	}
	plantIn(t, dir, files)
	// A link to nothing where a record is: the system cannot open it.
	gone := filepath.Join(dir, "conf", "videos", "gone.json")
	if err := os.Symlink("nowhere.json", gone); err != nil {
		t.Fatal(err)
	}
	var log strings.Builder
	a := &archiveServer{dir: dir, log: &log}
	if _, err := a.read(); err != nil {
		t.Fatal(err)
	}
	got := strings.ReplaceAll(log.String(), dir, "DIR")
	want := "DIR/conf/videos/README: unexpected in videos/, which holds talk records (*.json) only\n" +
		"DIR/conf/videos/bad.json:1:28: /recorded: \"2016-02-30\" is not a real date\n" +
		"DIR/conf/videos/gone.json: a symbolic link to nowhere.json, which does not exist\n" +
		"DIR/other/category.json:1:11: /title: want a string, got number\n" +
		"DIR/stray.json: a record outside any event; talks go in <event>/videos/ and events in <event>/category.json\n" +
		"DIR/conf/videos/b.json: its page /conf/a.html is DIR/conf/videos/a.json's already; it is served at /conf/a-b.html\n"
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("log (-want +got):\n%s", diff)
	}
}
