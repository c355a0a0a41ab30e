package pageslug

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestFitBounds: a slug of Max bytes is kept whole and one of Max+1 is
// cut; the cut is at the last "-" that leaves room for the hash, even
// one just at the limit, but not one at the start, which would leave
// nothing of the slug; and the hash is always 8 hexadecimal digits,
// leading zeros included.
func TestFitBounds(t *testing.T) {
	words := strings.Repeat("word-", 40)
	for _, tt := range []struct{ name, slug, want string }{
		{"Max bytes", strings.Repeat("a", Max), strings.Repeat("a", Max)},
		{"Max+1 bytes", strings.Repeat("a", Max+1), strings.Repeat("a", 191) + "-876056a4"},
		{"a dash just at the limit", "a-" + strings.Repeat("a", 189) + "-" + strings.Repeat("b", 20), "a-" + strings.Repeat("a", 189) + "-7e23a2f5"},
		{"a hash with a leading zero", words + "200", strings.Repeat("word-", 37) + "word-098f5215"},
		{"a dash only at the start", "-" + strings.Repeat("a", Max), "-" + strings.Repeat("a", 190) + "-c6481870"},
	} {
		if got := Fit(tt.slug); got != tt.want {
			t.Errorf("%s: Fit(%q) = %q, want %q", tt.name, tt.slug, got, tt.want)
		}
	}
}

// TestOtherFitsTheIDsSlug: the slug and the ID's slug after it are cut
// to Max bytes as a slug of the record's own is.
func TestOtherFitsTheIDsSlug(t *testing.T) {
	long := strings.Repeat("a", Max)
	page, _ := Other("/e/"+long+".html", "cpp", func(string) bool { return false }, 0)
	if want := "/e/" + strings.Repeat("a", 191) + "-6ac467a1.html"; page != want {
		t.Errorf("Other = %q, want %q", page, want)
	}
}

// TestPagesGone: a record of the last build that is gone frees the
// number it had for a record that wants one; a record that is here but
// took another page (its slug changed) frees its old page even when the
// pages of records not read are kept, and the file of owners names it
// once, for its new page.
func TestPagesGone(t *testing.T) {
	a, n := claim{"e/c.html", "a", `"a"`}, claim{"e/c.html", "", `"n"`}
	got, file := build(t, "\"e/c-2.html\" \"m\"\n\"e/c.html\" \"a\"\n", a, n)
	want := map[string]string{`"a"`: "e/c.html", `"n"`: "e/c-2.html"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("a record gone (-want +got):\n%s", diff)
	}
	if want := "\"e/c-2.html\" \"n\"\n\"e/c.html\" \"a\"\n"; file != want {
		t.Errorf("a record gone: file %q, want %q", file, want)
	}
	got, file = buildKeeping(t, true, "\"e/c-2.html\" \"z\"\n\"e/q.html\" \"q\"\n", claim{"e/d.html", "", `"z"`}, claim{"e/c-2.html", "", `"y"`})
	want = map[string]string{`"y"`: "e/c-2.html", `"z"`: "e/d.html"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("a slug changed, records not read kept (-want +got):\n%s", diff)
	}
	if want := "\"e/c-2.html\" \"y\"\n\"e/d.html\" \"z\"\n\"e/q.html\" \"q\"\n"; file != want {
		t.Errorf("a slug changed, records not read kept: file %q, want %q", file, want)
	}
	_, file = buildKeeping(t, true, "\"e/c-2.html\" \"z\"\n", claim{"e/d.html", "", `"z"`})
	if want := "\"e/d.html\" \"z\"\n"; file != want {
		t.Errorf("a slug changed, its old page free: file %q, want %q", file, want)
	}
}

// TestClaimAgain: a record claimed again gets the page it got, a number
// included, and not the next one.
func TestClaimAgain(t *testing.T) {
	p := NewPages()
	var got []string
	for _, c := range []claim{{"e/c.html", "a", `"a"`}, {"e/c.html", "", `"n"`}, {"e/c.html", "", `"n"`}, {"e/c.html", "a", `"a"`}} {
		got = append(got, p.Claim(c.page, c.id, c.owner))
	}
	if diff := cmp.Diff([]string{"e/c.html", "e/c-2.html", "e/c-2.html", "e/c.html"}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestClaimReserved: a page the site reserved is no record's, not even
// the one the last build's file of owners gives it (edited by hand, or
// written before the page was reserved), in whatever case either spells
// it, and the file does not list it.
func TestClaimReserved(t *testing.T) {
	for _, tt := range []struct{ name, last, reserve, page, want string }{
		{"spelt alike", "\"events/speaker.html\" x\n", "events/speaker.html", "events/speaker.html", "events/speaker-x.html"},
		{"spelt in another case", "\"events/Speaker.html\" x\n", "events/speaker.html", "events/Speaker.html", "events/Speaker-x.html"},
	} {
		p, err := ParsePages([]byte(tt.last), "pages")
		if err != nil {
			t.Fatal(err)
		}
		p.Reserve(tt.reserve)
		if got := p.Claim(tt.page, "x", "x"); got != tt.want {
			t.Errorf("%s: Claim = %q, want %q", tt.name, got, tt.want)
		}
		if got, want := string(p.Text("")), strconv.Quote(tt.want)+" x\n"; got != want {
			t.Errorf("%s: Text = %q, want %q", tt.name, got, want)
		}
	}
}

// TestClaimOnly: a name another record had in the last build waits for
// Settle, and is free after it when that record is gone (and kept for
// it when records not read keep theirs); a record that has a name is
// refused another; and one that took another name than
// its last does not keep the old one in the file of owners, even when
// records not read keep theirs.
func TestClaimOnly(t *testing.T) {
	p, err := ParsePages([]byte("\"d.html\" o1\n\"x.html\" o3\n"), "pages")
	if err != nil {
		t.Fatal(err)
	}
	type result struct{ Got, Decided bool }
	var got []result
	ask := func(page, owner string) {
		g, d := p.ClaimOnly(page, owner)
		got = append(got, result{g, d})
	}
	ask("d.html", "o2")
	ask("y.html", "o3")
	p.Settle(true)
	ask("d.html", "o2")
	ask("z.html", "o3")
	ask("x.html", "o4")
	want := []result{{false, false}, {true, true}, {false, true}, {false, true}, {true, true}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ClaimOnly (-want +got):\n%s", diff)
	}
	// o1 was not read: it keeps d.html. o3 took y.html, and x.html
	// went to o4.
	if got, want := string(p.Text("")), "\"d.html\" o1\n\"x.html\" o4\n\"y.html\" o3\n"; got != want {
		t.Errorf("Text = %q, want %q", got, want)
	}
	p, err = ParsePages([]byte("\"d.html\" o1\n"), "pages")
	if err != nil {
		t.Fatal(err)
	}
	p.Settle(false)
	if g, d := p.ClaimOnly("d.html", "o2"); !g || !d {
		t.Errorf("ClaimOnly of a gone record's name = %v, %v; want true, true", g, d)
	}
}

// TestReadPagesComments: a line beginning with "#" is a comment, with a
// space after it or not.
func TestReadPagesComments(t *testing.T) {
	got, _ := build(t, "#pages\n# owners\n\n\"e/c.html\" \"b\"\n", claim{"e/c.html", "a", `"a"`}, claim{"e/c.html", "b", `"b"`})
	if diff := cmp.Diff(map[string]string{`"a"`: "e/c-a.html", `"b"`: "e/c.html"}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestReadPagesUnreadable: a file of owners that exists and cannot be
// read is an error, not a site built as if it had none (which would move
// pages).
func TestReadPagesUnreadable(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "pages"), 0o777); err != nil {
		t.Fatal(err)
	}
	p, err := ReadPages(filepath.Join(dir, "pages"))
	if p != nil || err == nil || errors.Is(err, os.ErrNotExist) {
		t.Errorf("ReadPages of a directory = %v, %v; want an error", p, err)
	}
}

// TestKeptFor: a page is kept for an owner of the last build not claimed
// in this one only once the build is settled keeping them, in any case of
// its name, and not once a record of this build has it, nor when its
// owner was claimed and took another (left free), nor when the build lets
// them go.
func TestKeptFor(t *testing.T) {
	var got []string
	for _, keepGone := range []bool{true, false} {
		p, err := ParsePages([]byte("\"a.html\" gone\n\"b.html\" here\n\"c.html\" moved\n\"e.html\" left\n"), "pages")
		if err != nil {
			t.Fatal(err)
		}
		p.Claim("b.html", "", "here")
		p.Claim("d.html", "", "moved") // its slug changed, and c is not one it may have
		p.Claim("f.html", "", "left")  // and so did its, and no record takes e
		keptFor := func(page string) string {
			owner, ok := p.KeptFor(page)
			if !ok {
				return "-"
			}
			return owner
		}
		before := keptFor("a.html")
		p.Settle(keepGone)
		p.Claim("c.html", "", "new")
		got = append(got, strings.Join([]string{before, keptFor("a.html"), keptFor("A.HTML"), keptFor("b.html"), keptFor("c.html"), keptFor("e.html"), keptFor("x.html")}, " "))
	}
	want := []string{"- gone gone - - - -", "- - - - - - -"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("KeptFor before Settle, then of a, A, b, c, e, x; keeping and not (-want +got):\n%s", diff)
	}
}

// TestNext: the Pages Next gives a build is the one ParsePages reads
// from Text's file of the last: the pages records claimed and those kept
// for records not read, not the reserved ones.
func TestNext(t *testing.T) {
	p, err := ParsePages([]byte("\"a.html\" gone\n\"b.html\" here\n"), "pages")
	if err != nil {
		t.Fatal(err)
	}
	p.Reserve("index.html")
	p.Claim("b.html", "", "here")
	p.Claim("C.html", "", "new")
	p.Settle(true)
	read, err := ParsePages(p.Text(PagesFileHeader), "pages")
	if err != nil {
		t.Fatal(err)
	}
	next := p.Next()
	opt := cmp.AllowUnexported(owned{})
	if diff := cmp.Diff(read.last, next.last, opt); diff != "" || len(next.last) != 3 {
		t.Errorf("last, by folded page (-read +next):\n%s", diff)
	}
	if diff := cmp.Diff(read.lastOf, next.lastOf); diff != "" {
		t.Errorf("lastOf (-read +next):\n%s", diff)
	}
}

// TestRename: an owner renamed has the page the old name had, and claims
// it; a name of no page, or to a name that has one, is
// not renamed.
func TestRename(t *testing.T) {
	p, err := ParsePages([]byte("\"a.html\" old\n\"b.html\" taken\n"), "pages")
	if err != nil {
		t.Fatal(err)
	}
	got := []bool{p.Rename("old", "new"), p.Rename("none", "other"), p.Rename("taken", "new")}
	if diff := cmp.Diff([]bool{true, false, false}, got); diff != "" {
		t.Errorf("Rename (-want +got):\n%s", diff)
	}
	if had := []bool{p.Had("new"), p.Had("old"), p.Had("taken"), p.Had("none")}; !cmp.Equal(had, []bool{true, false, true, false}) {
		t.Errorf("Had new, old, taken, none: %v", had)
	}
	// old waits for new, whose page a.html is, which it then has.
	claimed := []string{p.Claim("a.html", "", "old"), p.Claim("a.html", "", "new"), p.Claim("b.html", "", "taken")}
	if diff := cmp.Diff([]string{"", "a.html", "b.html"}, claimed); diff != "" {
		t.Errorf("claims after Rename (-want +got):\n%s", diff)
	}
}

// TestMoves: an owner moves when the page it had is not one its slug's
// page and ID may give it, and not when it had none.
func TestMoves(t *testing.T) {
	p, err := ParsePages([]byte("\"e/a.html\" a\n\"e/a-x.html\" x\n\"e/a-3.html\" three\n\"events/pyconf.html\" conf\n"), "pages")
	if err != nil {
		t.Fatal(err)
	}
	got := []bool{
		p.Moves("a", "e/a.html", "a"), p.Moves("x", "e/a.html", "x"), p.Moves("three", "e/a.html", ""),
		p.Moves("conf", "events/conf.html", "conf"), p.Moves("new", "events/new.html", "new"), p.Moves("a", "e/b.html", "a"),
	}
	if diff := cmp.Diff([]bool{false, false, false, true, false, true}, got); diff != "" {
		t.Errorf("Moves of a, x, three, conf, new, a to b (-want +got):\n%s", diff)
	}
}
