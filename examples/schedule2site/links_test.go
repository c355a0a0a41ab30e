package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/talkmeta/talkmeta/internal/golden"
	"github.com/talkmeta/talkmeta/internal/sitetest"
)

// TestSiteLinks builds the sites of the real exports in
// $TALKMETA_SHARED/formats/schedule and of testdata/odd.json (titles of
// emoji only, in Arabic and Hebrew, a talk called "Index", one without
// title, date or speakers, attachments with relative URLs), and follows
// every link of theirs that points inside the site: each leads to one of
// its files.
func TestSiteLinks(t *testing.T) {
	srcs := []string{"testdata/odd.json", "testdata/pair.json", "testdata/slugs.json"}
	if shared := os.Getenv("TALKMETA_SHARED"); shared != "" {
		srcs = append(srcs, filepath.Join(shared, "formats/schedule/pretalx-democon.json"), filepath.Join(shared, "formats/schedule/frab-camp2019.json"))
	}
	for _, base := range []string{"", "https://archive.example.net/camp/2024"} {
		for _, src := range srcs {
			t.Run(filepath.Base(src)+" "+base, func(t *testing.T) {
				dir := t.TempDir()
				var stderr bytes.Buffer
				// odd.json's relative attachments are reported (TestOdd).
				if st := run(src, dir, base, time.Unix(0, 0), never, &stderr); st != 0 && !strings.HasSuffix(src, "odd.json") {
					t.Fatalf("status %d: %s", st, stderr.String())
				}
				broken, err := sitetest.BrokenLinks(dir, base)
				if err != nil {
					t.Fatal(err)
				}
				for _, l := range broken {
					t.Error("leads nowhere: " + l)
				}
			})
		}
	}
}

// TestOdd builds the site of testdata/odd.json: the files, what is
// reported, and the page of the talk in Arabic with relative attachments
// are compared with testdata/odd.golden. The attachments were linked as
// paths of this site ("/media/slides.pdf"), where nothing is; now they
// are reported by schedule, talk and place, and left out.
func TestOdd(t *testing.T) {
	dir := t.TempDir()
	var stderr bytes.Buffer
	st := run("testdata/odd.json", dir, "", time.Unix(0, 0), never, &stderr)
	var b strings.Builder
	fmt.Fprintf(&b, "status: %d\n-- stderr --\n%s-- files --\n", st, stderr.String())
	for _, name := range siteFiles(t, dir) {
		b.WriteString(name + "\n")
	}
	for _, name := range []string{"talks/lbrmj-blg-go.html", "talks/talk-0d6a1c2e-3f4b-4c5d-8e9f-0a1b2c3d4e56.ics"} {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString("== " + name + "\n" + string(data))
	}
	golden.Check(t, filepath.Join("testdata", "odd.golden"), []byte(b.String()))
}
