package main

import (
	"bufio"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/talkmeta/talkmeta/talk"
)

// FuzzRequest sends the handler any request line and Accept header, over
// an archive with a decomposed slug, so that redirects are made too: it
// must answer with a status it documents, never redirect off the site,
// and choose a type it offers.
func FuzzRequest(f *testing.F) {
	for _, seed := range [][2]string{
		{"GET " + seedPath, ""},
		{"GET /events/chipy.html", "application/*;q=0.8, application/x-bibtex"},
		{"HEAD /speaker/yury-selivanov.html", "text/*"},
		{"GET /conf/caf%C3%A9.html", "*/*"},
		{"GET //evil.example/%2e%2e/conf/caf%C3%A9.html", ""},
		{"POST /conf/cafe%CC%81.html", ""},
		{"OPTIONS /", `text/html;foo="a;q=0", application/x-bibtex;q=0.5`},
	} {
		f.Add(seed[0], seed[1])
	}
	h := testHandler(f)
	ev := talk.Event{ID: "conf", Title: "Conf"}
	odd, err := newHandler([]*talk.Talk{
		{ID: "a", Title: "x", Slug: "cafe\u0301", Event: ev, Speakers: []talk.Speaker{{Name: "José", Slug: "jose\u0301"}}, Origin: talk.Origin{Path: "a.json"}},
	}, "", archiveRead, nil, false)
	if err != nil {
		f.Fatal(err)
	}
	statuses := map[int]bool{200: true, 204: true, 206: true, 301: true, 304: true, 404: true, 405: true, 406: true, 412: true, 416: true}
	f.Fuzz(func(t *testing.T, requestLine, accept string) {
		raw := requestLine + " HTTP/1.1\r\nHost: x\r\n"
		if accept != "" {
			raw += "Accept: " + accept + "\r\n"
		}
		req, err := http.ReadRequest(bufio.NewReader(strings.NewReader(raw + "\r\n")))
		if err != nil {
			return // the server answers 400 before any handler
		}
		for _, h := range []http.Handler{h, odd} {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if !statuses[rec.Code] {
				t.Fatalf("%q, Accept %q: status %d", requestLine, accept, rec.Code)
			}
			if loc := rec.Header().Get("Location"); rec.Code == 301 && (!strings.HasPrefix(loc, "/") || strings.HasPrefix(loc, "//") || strings.ContainsAny(loc, "\\\r\n")) {
				t.Fatalf("%q: redirected to %q", requestLine, loc)
			}
			if ct := rec.Header().Get("Content-Type"); rec.Code == 200 && !strings.Contains(ct, "; charset=utf-8") && ct != contentTypes[typeJSONLD] && ct != contentTypes[typeCSL] {
				t.Fatalf("%q, Accept %q: Content-Type %q", requestLine, accept, ct)
			}
		}
	})
}
