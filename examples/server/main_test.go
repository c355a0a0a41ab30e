package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
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
// link and @id a relative path, and "javascript:x" one the pages defused.
func TestBaseURL(t *testing.T) {
	var got []string
	for _, base := range []string{"talks.example.org", "javascript:alert(1)", "/talks", "https://"} {
		err := serve(context.Background(), "127.0.0.1:0", base, "no such directory", io.Discard)
		got = append(got, fmt.Sprint(err))
	}
	want := []string{
		`-base "talks.example.org" is not an absolute http or https URL`,
		`-base "javascript:alert(1)" is not an absolute http or https URL`,
		`-base "/talks" is not an absolute http or https URL`,
		`-base "https://" is not an absolute http or https URL`,
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
	err = serve(context.Background(), ln.Addr().String(), "", "no such directory", &log)
	got := fmt.Sprintf("%v\n%s", err, log.String())
	want := fmt.Sprintf("listen tcp %s: bind: address already in use\n", ln.Addr())
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
	err := serve(ctx, "127.0.0.1:0", "", archive, &log)
	got := fmt.Sprintf("%v\n%s", err, log.String())
	if diff := cmp.Diff("<nil>\n", got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestNoArchive names the archive that is not there, or not a directory;
// the reader's error called it ".".
func TestNoArchive(t *testing.T) {
	var got []string
	for _, dir := range []string{"no such directory", "main.go"} {
		var log strings.Builder
		err := serve(context.Background(), "127.0.0.1:0", "", dir, &log)
		got = append(got, fmt.Sprintf("%v\n%s", err, log.String()))
	}
	want := []string{
		"stat no such directory: no such file or directory\n",
		"main.go is not a directory\n",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
