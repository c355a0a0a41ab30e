package pageslug

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestFit: a slug within Max is kept; a longer one is cut at a "-", or
// at a character's start, and ends with the hash of the whole, so that
// slugs alike up to the cut stay apart.
func TestFit(t *testing.T) {
	words := strings.Repeat("word-", 50)
	var got []string
	for _, s := range []string{"short", words + "a", words + "b", strings.Repeat("é", 150)} {
		got = append(got, Fit(s))
	}
	want := []string{
		"short",
		strings.Repeat("word-", 38) + "35381d92",
		strings.Repeat("word-", 38) + "34381bff",
		strings.Repeat("é", 95) + "-dfd25bad",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestOther: a record whose page another has takes its ID's slug after
// the slug, or else the next number free from the one given.
func TestOther(t *testing.T) {
	taken := map[string]bool{"/e/c.html": true, "/e/c-cpp.html": true, "/e/c-2.html": true}
	var got []string
	for _, id := range []string{"cpp", "", "C#!", "?"} {
		page, next := Other("/e/c.html", id, func(p string) bool { return taken[p] }, 0)
		got = append(got, fmt.Sprintf("%s %d", page, next))
	}
	page, next := Other("/e/c.html", "", func(string) bool { return false }, 7)
	got = append(got, fmt.Sprintf("%s %d", page, next))
	want := []string{"/e/c-3.html 4", "/e/c-3.html 4", "/e/c-c.html 2", "/e/c-3.html 4", "/e/c-7.html 8"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// claim is a record as a test of Pages claims it: its slug's page, its
// ID and its owner.
type claim struct{ page, id, owner string }

// build claims records in order, settles the claims that waited, and
// returns each record's page, by owner, and the file of owners it writes.
func build(t *testing.T, last string, records ...claim) (map[string]string, string) {
	t.Helper()
	return buildKeeping(t, false, last, records...)
}

// buildKeeping is build, with Settle(keepGone).
func buildKeeping(t *testing.T, keepGone bool, last string, records ...claim) (map[string]string, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "pages")
	if last != "" {
		if err := os.WriteFile(path, []byte(last), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	p, err := ReadPages(path)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	var waiting []claim
	for _, r := range records {
		if page := p.Claim(r.page, r.id, r.owner); page != "" {
			got[r.owner] = page
		} else {
			waiting = append(waiting, r)
		}
	}
	p.Settle(keepGone)
	for _, r := range waiting {
		got[r.owner] = p.Claim(r.page, r.id, r.owner)
	}
	return got, string(p.Text(""))
}

// TestPagesStay builds a site's pages four times: a record added that
// sorts first and wants a page another has takes another page (it took
// the first's, which moved: links to it led to another talk), a record
// gone frees its page for a new one, and a record whose page was a number
// or its ID's keeps it. Each build's pages and file are compared whole.
func TestPagesStay(t *testing.T) {
	a, b := claim{"e/c.html", "a", `"a"`}, claim{"e/c.html", "b", `"b"`}
	n, m := claim{"e/c.html", "n", `"n"`}, claim{"e/c.html", "", `"m"`}
	got, file := build(t, "", a, b)
	want := map[string]string{`"a"`: "e/c.html", `"b"`: "e/c-b.html"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("first build (-want +got):\n%s", diff)
	}
	if want := "\"e/c-b.html\" \"b\"\n\"e/c.html\" \"a\"\n"; file != want {
		t.Errorf("first build's file %q, want %q", file, want)
	}
	got, file = build(t, file, n, a, b)
	want = map[string]string{`"a"`: "e/c.html", `"b"`: "e/c-b.html", `"n"`: "e/c-n.html"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("a record added first (-want +got):\n%s", diff)
	}
	got, file = build(t, file, m, n, b)
	want = map[string]string{`"b"`: "e/c-b.html", `"n"`: "e/c-n.html", `"m"`: "e/c.html"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("a record gone, another added (-want +got):\n%s", diff)
	}
	got, _ = build(t, file, claim{"e/c.html", "", `"z"`}, m, n, b)
	want = map[string]string{`"b"`: "e/c-b.html", `"n"`: "e/c-n.html", `"m"`: "e/c.html", `"z"`: "e/c-2.html"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("a record without an ID added (-want +got):\n%s", diff)
	}
	// A build that could not read a record keeps its page for it, in
	// the file too, and gives another the next free.
	got, file = buildKeeping(t, true, "\"e/c-b.html\" \"b\"\n\"e/c.html\" \"a\"\n", n, b)
	want = map[string]string{`"b"`: "e/c-b.html", `"n"`: "e/c-n.html"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("a record not read (-want +got):\n%s", diff)
	}
	if want := "\"e/c-b.html\" \"b\"\n\"e/c-n.html\" \"n\"\n\"e/c.html\" \"a\"\n"; file != want {
		t.Errorf("the file of a build that could not read a record %q, want %q", file, want)
	}
	// A file an editor wrote with CRLF line ends says the same.
	got, _ = build(t, "# owners\r\n\"e/c.html\" \"a\"\r\n", b, a)
	want = map[string]string{`"a"`: "e/c.html", `"b"`: "e/c-b.html"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("CRLF line ends (-want +got):\n%s", diff)
	}
	// A record whose slug changed leaves its page for the one its new
	// slug names; the page it had is free for a record that wants it.
	got, _ = build(t, "\"e/c-2.html\" \"z\"\n\"e/c.html\" \"m\"\n", claim{"e/c-2.html", "", `"y"`}, claim{"e/d.html", "", `"z"`}, m)
	want = map[string]string{`"m"`: "e/c.html", `"y"`: "e/c-2.html", `"z"`: "e/d.html"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("a slug changed (-want +got):\n%s", diff)
	}
}

// TestPagesFolded: pages whose names differ only in case or Unicode form
// ("Intro" and "intro", from records' own slugs; "café" composed and not)
// are one file on macOS and Windows, where the second record's page
// overwrote the first's: the second gets another page, and each keeps
// the spelling its record gave it, in the file of owners too.
func TestPagesFolded(t *testing.T) {
	got, file := build(t, "",
		claim{"e/Intro.html", "a", `"a"`}, claim{"e/intro.html", "b", `"b"`},
		claim{"e/caf\u00e9.html", "c", `"c"`}, claim{"e/cafe\u0301.html", "d", `"d"`})
	want := map[string]string{`"a"`: "e/Intro.html", `"b"`: "e/intro-b.html", `"c"`: "e/caf\u00e9.html", `"d"`: "e/cafe\u0301-d.html"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("pages (-want +got):\n%s", diff)
	}
	wantFile := "\"e/Intro.html\" \"a\"\n\"e/cafe\u0301-d.html\" \"d\"\n\"e/caf\u00e9.html\" \"c\"\n\"e/intro-b.html\" \"b\"\n"
	if diff := cmp.Diff(wantFile, file); diff != "" {
		t.Errorf("file of owners (-want +got):\n%s", diff)
	}
	// Built again, the second record asks for its own spelling and
	// keeps the page it had.
	got, _ = build(t, file, claim{"e/intro.html", "b", `"b"`}, claim{"e/Intro.html", "a", `"a"`})
	if diff := cmp.Diff(map[string]string{`"a"`: "e/Intro.html", `"b"`: "e/intro-b.html"}, got); diff != "" {
		t.Errorf("built again (-want +got):\n%s", diff)
	}
}

// TestReadPagesDamaged: a file of owners cut short or edited by hand is
// an error naming the file and the line, not a guess that moves pages.
func TestReadPagesDamaged(t *testing.T) {
	path := filepath.Join(t.TempDir(), ".site-pages")
	for _, tt := range []struct{ text, want string }{
		{"# header\n\"a.html\" \"a\"\n\"b.ht", ":3: the last line does not end: the file was cut short"},
		{"a.html \"a\"\n", `:1: "a.html \"a\"" does not begin with a page in double quotes`},
		{"\"../x.html\" \"a\"\n", `:1: "../x.html" is not a page within the site`},
		{"\"a.html\"\n", `:1: page "a.html" is followed by no owner`},
		{"\"a.html\"  \"a\"\n", `:1: the owner of page "a.html", " \"a\"", begins or ends with a space`},
		{"\"a.html\" \"a\"\r\n\"b.html\" \"a\" \r\n", `:2: the owner of page "b.html", "\"a\" ", begins or ends with a space`},
		{"\"a.html\" \"a\"\n\n\"a.html\" \"b\"\n", `:3: page "a.html" is "a"'s already, on line 1`},
		{"\"a.html\" \"a\"\n\"b.html\" \"a\"\n", `:2: "a" has page "a.html" already, on line 1`},
		{"\"e/Intro.html\" \"a\"\n\"e/intro.html\" \"b\"\n", `:2: page "e/intro.html" is "a"'s already as "e/Intro.html", one name to a file system that ignores case, on line 1`},
		{"# x\n\"e/Intro.html\" \"a\"\n\"b.html\" \"a\"\n", `:3: "a" has page "e/Intro.html" already, on line 2`},
		{"`a.html` \"a\"\n", ":1: \"`a.html` \\\"a\\\"\" does not begin with a page in double quotes"},
		{"\"e\\\\a.html\" \"a\"\n", `:1: "e\\a.html" is not a page within the site`},
		{"\"e//a.html\" \"a\"\n", `:1: "e//a.html" is not a page within the site`},
		{"\"./a.html\" \"a\"\n", `:1: "./a.html" is not a page within the site`},
		{"\"/a.html\" \"a\"\n", `:1: "/a.html" is not a page within the site`},
		{"\".\" \"a\"\n", `:1: "." is not a page within the site`},
		{"\"a\\x00.html\" \"a\"\n", `:1: "a\x00.html" is not a page within the site`},
		{"\"a.html\"\"a\"\n", `:1: page "a.html" is followed by no owner`},
		{"\"a.html\"  \n", `:1: page "a.html" is followed by no owner`},
		{"\"a\\nb.html\" \"a\"\n", `:1: "a\nb.html" is not a page within the site`},
	} {
		if err := os.WriteFile(path, []byte(tt.text), 0o666); err != nil {
			t.Fatal(err)
		}
		_, err := ReadPages(path)
		want := path + tt.want + "; it says which record owns which page of the site: correct the line, or remove it (the page then goes to the first record that wants it) or the whole file (every page does)"
		if _, ok := errors.AsType[*PagesFileError](err); !ok || err.Error() != want {
			t.Errorf("%q: error %v, want %s", tt.text, err, want)
		}
	}
}

// FuzzParsePages: a file of owners is read or refused, never a panic; one
// that is read, its owners each claiming the page they had, is written
// back by Text as a file that reads the same.
func FuzzParsePages(f *testing.F) {
	f.Add(PagesFileHeader + "\"e/c-b.html\" \"b\"\n\"e/c.html\" \"a\"\n")
	f.Add("\"ev/a.html\" \"ev\" \"a\" \"A\"\r\n\"events/ev.html\" \"ev\"\n")
	f.Add("\"a.html\" \"a\"\n\"a.html\" \"b\"\n")
	f.Fuzz(func(t *testing.T, text string) {
		p, err := ParsePages([]byte(text), "pages")
		if err != nil {
			if _, ok := errors.AsType[*PagesFileError](err); !ok {
				t.Fatalf("error %v is no *PagesFileError", err)
			}
			return
		}
		for _, last := range p.last {
			if got := p.Claim(last.page, "", last.owner); got != last.page {
				t.Fatalf("%s had %q, and was given %q", last.owner, last.page, got)
			}
		}
		again, err := ParsePages(p.Text(PagesFileHeader), "pages")
		if err != nil {
			t.Fatalf("Text's file: %v", err)
		}
		if diff := cmp.Diff(p.last, again.last, cmp.AllowUnexported(owned{})); diff != "" {
			t.Errorf("Text's file (-read +reread):\n%s", diff)
		}
	})
}

// TestMayHave: the pages a record of slug "c" and ID "cpp" may keep are
// its slug's, its ID's, and a number's from 2 on, written plainly; not a
// page of another slug that only ends like a number's ("7.html", which a
// record's slug "c" did keep when the page had no "c-" before its
// number).
func TestMayHave(t *testing.T) {
	got := map[string]bool{}
	for _, had := range []string{"c.html", "c-cpp.html", "c-2.html", "c-17.html", "c-1.html", "c-02.html", "c-.html", "c-x.html", "7.html", "ev/7.html", "d.html", "c-2.htm", "c-+3.html"} {
		got[had] = mayHave(had, "c.html", "cpp")
	}
	want := map[string]bool{
		"c.html": true, "c-cpp.html": true, "c-2.html": true, "c-17.html": true,
		"c-1.html": false, "c-02.html": false, "c-.html": false, "c-x.html": false, "7.html": false, "ev/7.html": false, "d.html": false, "c-2.htm": false, "c-+3.html": false,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("mayHave (-want +got):\n%s", diff)
	}
}

// TestParsePagesAnySystem: a page is read by one rule on every system, so
// that one a build gave (a server's pages are URLs' paths, which may
// hold ":", or a Windows device's name) is read back, and kept, where
// filepath.IsLocal refused it on Windows.
func TestParsePagesAnySystem(t *testing.T) {
	text := "\"ab/x:y.html\" talk \"c2\" \"m\"\n\"events/con.html\" event \"c3\"\n"
	p, err := ParsePages([]byte(text), "pages")
	if err != nil {
		t.Fatal(err)
	}
	p.Settle(true)
	if diff := cmp.Diff(text, string(p.Text(""))); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestTextQuotes: Text writes each page as ParsePages reads it, in
// double quotes with Go's escapes, so that a page with a quote or a
// control character in its name (a server's page is a URL's path) is
// read back as it was, and one of letters of any script as it is.
func TestTextQuotes(t *testing.T) {
	for _, tt := range []struct{ name, file string }{
		{"a quote", "\"ab/say \\\"hi\\\".html\" talk \"q\"\n"},
		{"a tab", "\"ab/a\\tb.html\" talk \"t\"\n"},
		{"letters of other scripts", "\"ab/caf\u00e9-\u0634\u0627\u064a.html\" talk \"u\"\n"},
	} {
		p, err := ParsePages([]byte(tt.file), "pages")
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		p.Settle(true)
		if diff := cmp.Diff(tt.file, string(p.Text(""))); diff != "" {
			t.Errorf("%s (-read +written):\n%s", tt.name, diff)
		}
	}
}
