package pageslug

import (
	"errors"
	"fmt"
	"io/fs"
	"iter"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/talkmeta/talkmeta/internal/osfs"
)

// Pages gives records their pages so that a page stays its record's from
// one build of a site to the next: a URL people shared keeps leading to
// the talk it led to. Without it, the page a slug names went to the first
// record that wanted it in reading order, and a record added that sorts
// first moved the one that had it to another page ("c-cpp").
//
// The rule: a record that had a page in the last build (see [ReadPages])
// gets it again, when it is still one of the pages it may have (the page
// its slug names, or one [Other] could give it: the slug and its ID's, or
// a number); every other record takes, in the order records are claimed,
// the page its slug names if that is free, and otherwise [Other]'s. A page
// is free when no record has it in this build and its last owner is gone
// from the site (or is here but no longer wants it).
//
// Until every record was claimed, a builder cannot know whether the last
// owner of a page is gone: [Pages.Claim] returns "" for a record whose
// page depends on that, which the builder claims again, in the same
// order, after [Pages.Settle]. Such a record is rare (it wants a page
// another had), so that a builder that reads its records as a stream
// keeps only those in memory.
//
// Pages are told apart as the file systems of macOS and Windows tell
// file names apart: in any case and either Unicode form, so that
// "Intro.html" and "intro.html", which the records' own slugs may give,
// are one page there, and the second record gets another, where it would
// have overwritten the first's. A page keeps the spelling its record
// gave it.
//
// A Pages is not safe for concurrent use.
type Pages struct {
	last    map[string]owned  // by folded page, in the last build
	lastOf  map[string]string // owner → page, in the last build
	owner   map[string]owned  // by folded page, in this build
	page    map[string]string // owner → page, in this build
	seen    map[string]bool   // the owners claimed
	settled bool              // every owner of this build has been seen
	keep    bool              // and the last build's others keep their pages
	next    map[string]int    // Other's next number, by the page it was given
}

// NewPages returns a Pages that gives out pages anew, as if no build
// had been before; [ReadPages] reads the last build's.
func NewPages() *Pages {
	return &Pages{
		last: map[string]owned{}, lastOf: map[string]string{},
		owner: map[string]owned{}, page: map[string]string{}, seen: map[string]bool{}, next: map[string]int{},
	}
}

// owned is a page, as its owner's record spells it, and its owner.
type owned struct{ page, owner string }

// PagesFileHeader begins a file of pages' owners, for the reader who
// finds it.
const PagesFileHeader = "# The record that owns each page of the site, so that a build gives every\n" +
	"# record the page it had: \"page\" owner, a line each; \"#\" begins a comment.\n" +
	"# To give a page to another record, name it there and remove its own line.\n"

// PagesFileError is a line of a file of pages' owners that does not say
// one: the file was cut short or edited by hand. Its error names the file
// and the line.
type PagesFileError struct {
	Path string // the file, as given to ReadPages
	Line int    // from 1
	Err  error
}

// Error formats the error as "path:line: what is wrong; what to do".
func (e *PagesFileError) Error() string {
	return fmt.Sprintf("%s:%d: %v; it says which record owns which page of the site: correct the line, or remove it (the page then goes to the first record that wants it) or the whole file (every page does)", e.Path, e.Line, e.Err)
}

// Unwrap returns what is wrong with the line.
func (e *PagesFileError) Unwrap() error { return e.Err }

// ReadPages reads the owners of the last build's pages from the file
// path, which [Pages.Text] made: a Pages whose records get
// their pages again. A file that does not exist is a site built before
// owners were kept: its pages go to whoever claims them first, as they
// went then. A line that is not a quoted page, a space and an owner, a
// page named twice, or an owner given two pages, is an error
// (*PagesFileError) naming the file and the line: guessing at what was
// meant would move pages, which is what the file is there to prevent.
func ReadPages(path string) (*Pages, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return NewPages(), nil
	}
	if err != nil {
		return nil, err
	}
	return ParsePages(data, path)
}

// ParsePages is [ReadPages] for the file path's contents, data.
func ParsePages(data []byte, path string) (*Pages, error) {
	p := NewPages()
	n := 0
	lineOf := map[string]int{} // by folded page
	for line := range strings.Lines(string(data)) {
		n++
		text, ok := strings.CutSuffix(line, "\n")
		if !ok {
			return nil, &PagesFileError{path, n, errors.New("the last line does not end: the file was cut short")}
		}
		text = strings.TrimSuffix(text, "\r") // an editor's line end
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		page, owner, err := parsePagesLine(text)
		if err != nil {
			return nil, &PagesFileError{path, n, err}
		}
		folded := osfs.FoldName(page)
		if other, ok := p.last[folded]; ok {
			same := ""
			if other.page != page {
				same = fmt.Sprintf(" as %q, one name to a file system that ignores case", other.page)
			}
			return nil, &PagesFileError{path, n, fmt.Errorf("page %q is %s's already%s, on line %d", page, other.owner, same, lineOf[folded])}
		}
		if had, ok := p.lastOf[owner]; ok {
			return nil, &PagesFileError{path, n, fmt.Errorf("%s has page %q already, on line %d", owner, had, lineOf[osfs.FoldName(had)])}
		}
		p.last[folded] = owned{page, owner}
		p.lastOf[owner] = page
		lineOf[folded] = n
	}
	return p, nil
}

// parsePagesLine splits a line of a file of pages' owners into its page,
// a slash-separated path within the site, and its owner. A page is one
// on every system: fs.ValidPath's rule (no "..", no empty element), and
// no backslash or NUL, which a system would take for a separator or an
// end, nor a newline, which no page made from a slug has, and which a
// file name should not (line-based tools split it); not the system's own rule (filepath.IsLocal), by which a file
// good on one system was refused on another, and on Windows the server's
// own, which names URLs, not files, when it read back a page it gave
// ("ab/x:y.html", "events/con.html").
func parsePagesLine(text string) (page, owner string, err error) {
	quoted, err := strconv.QuotedPrefix(text)
	if err != nil || !strings.HasPrefix(quoted, `"`) {
		return "", "", fmt.Errorf("%q does not begin with a page in double quotes", text)
	}
	page, _ = strconv.Unquote(quoted)
	if !fs.ValidPath(page) || page == "." || strings.ContainsAny(page, "\\\n\x00") {
		return "", "", fmt.Errorf("%s is not a page within the site", quoted)
	}
	owner, ok := strings.CutPrefix(text[len(quoted):], " ")
	switch {
	case !ok || strings.TrimSpace(owner) == "":
		return "", "", fmt.Errorf("page %s is followed by no owner", quoted)
	case strings.TrimSpace(owner) != owner:
		// No record's owner has one: it would own nothing, and its
		// page would go to another without a word.
		return "", "", fmt.Errorf("the owner of page %s, %q, begins or ends with a space", quoted, owner)
	}
	return page, owner, nil
}

// Settle says that every record of the build has been claimed: the
// pages of the last build's owners that were not are free, unless
// keepGone. A builder that could not read every record (a file with a
// syntax error, for a day) keeps them: the record is not gone, and were
// its page given to another it would move when it is read again. Its
// page is not written, but the file of owners ([Pages.Text]) keeps it.
func (p *Pages) Settle(keepGone bool) { p.settled, p.keep = true, keepGone }

// Claim returns the page of the record owner, whose slug names page, a
// slash-separated path ending in ".html", and whose ID is id (see
// [Other]); owner is any one-line text that tells the record from every
// other of the site, the same from build to build (its ID, say). A record
// claimed again gets the page it got. Claim returns "" when the page
// depends on whether an owner of the last build that has not been claimed
// yet is still there: claim it again after [Pages.Settle].
func (p *Pages) Claim(page, id, owner string) string {
	if got, ok := p.page[owner]; ok {
		return got
	}
	p.seen[owner] = true
	if had, ok := p.lastOf[owner]; ok {
		if _, taken := p.owner[osfs.FoldName(had)]; !taken && mayHave(had, page, id) {
			return p.take(had, owner)
		}
	}
	undecided := false
	taken := func(q string) bool {
		taken, waits := p.takenFrom(q, owner)
		undecided = undecided || waits
		return taken
	}
	if !taken(page) {
		return p.take(page, owner)
	}
	if undecided {
		return ""
	}
	base := strings.TrimSuffix(page, ".html")
	got, next := Other(page, id, taken, p.next[base])
	if undecided {
		return ""
	}
	p.next[base] = next
	return p.take(got, owner)
}

// ClaimOnly gives owner page itself, if it is free (see [Pages]), and
// reports whether it did; decided is false when that depends on whether
// an owner of the last build that has not been claimed yet is still
// there: claim it again after [Pages.Settle]. It is for a name that a
// record takes only as it is, or not at all (a directory its talks are
// put in, where it is free).
func (p *Pages) ClaimOnly(page, owner string) (got, decided bool) {
	if had, ok := p.page[owner]; ok {
		return had == page, true
	}
	p.seen[owner] = true
	taken, waits := p.takenFrom(page, owner)
	if waits {
		return false, false
	}
	if !taken {
		p.take(page, owner)
	}
	return !taken, true
}

// Had reports whether owner had a page in the last build.
func (p *Pages) Had(owner string) bool {
	_, ok := p.lastOf[owner]
	return ok
}

// Moves reports whether owner, whose slug names page and whose ID is id,
// had a page in the last build that it may not have again (see
// [Pages]): a claim of page would move it, and leave its page to another.
func (p *Pages) Moves(owner, page, id string) bool {
	had, ok := p.lastOf[owner]
	return ok && !mayHave(had, page, id)
}

// KeptFor returns the owner of the last build that page is kept for,
// not claimed in this one, after Settle(true): a page no record of this
// build may take, which [Pages.Text] lists. ok is false when it is not
// kept.
func (p *Pages) KeptFor(page string) (owner string, ok bool) {
	folded := osfs.FoldName(page)
	if _, taken := p.owner[folded]; taken || !p.keep {
		return "", false
	}
	last, ok := p.last[folded]
	if !ok || p.seen[last.owner] {
		return "", false
	}
	return last.owner, true
}

// LastOwners returns the owners of the last build's pages, in no order.
func (p *Pages) LastOwners() iter.Seq[string] { return maps.Keys(p.lastOf) }

// Rename gives the page of the last build's owner old to the owner now,
// for a builder whose names of its records changed form (a file of an
// older build): the record it names now claims the page it had. It
// reports whether it did: not where old had no page, or now had one. It
// is called before any claim.
func (p *Pages) Rename(old, now string) bool {
	page, ok := p.lastOf[old]
	if _, taken := p.lastOf[now]; !ok || taken {
		return false
	}
	delete(p.lastOf, old)
	p.lastOf[now] = page
	p.last[osfs.FoldName(page)] = owned{page, now}
	return true
}

// Reserve takes page for no record: the site's own, which no record may
// have, and the file of owners does not list.
func (p *Pages) Reserve(page string) { p.owner[osfs.FoldName(page)] = owned{page: page} }

// takenFrom reports whether page is another's than owner's, and whether
// that depends on an owner of the last build not claimed yet.
func (p *Pages) takenFrom(page, owner string) (taken, waits bool) {
	if other, ok := p.owner[osfs.FoldName(page)]; ok {
		return other.owner != owner, false
	}
	prior, ok := p.last[osfs.FoldName(page)]
	last := prior.owner
	switch {
	case !ok || last == owner:
		return false, false
	case p.seen[last]:
		// Here, and had it been a page it may have, it would have it
		// by now.
		return false, false
	case p.settled:
		return p.keep, false // gone from the site, or not read
	}
	return true, true
}

// take gives page to owner.
func (p *Pages) take(page, owner string) string {
	p.owner[osfs.FoldName(page)] = owned{page, owner}
	p.page[owner] = page
	return page
}

// mayHave reports whether had is one of the pages a record whose slug
// names page and whose ID is id may have: page itself, or one [Other]
// could give it.
func mayHave(had, page, id string) bool {
	if had == page {
		return true
	}
	if had == byID(page, id) {
		return true
	}
	n, ok := strings.CutPrefix(had, strings.TrimSuffix(page, ".html")+"-")
	if !ok {
		return false
	}
	if n, ok = strings.CutSuffix(n, ".html"); !ok || n == "" || n[0] == '0' {
		return false
	}
	v, err := strconv.Atoi(n)
	return err == nil && v >= 2 && strconv.Itoa(v) == n
}

// Text returns the file of this build's pages' owners: the header, and
// a line for each page a record claimed (and, after Settle(true), each
// page of the last build whose owner was not claimed), "page" and its
// owner, sorted by page, so that a build of the same records writes the
// same bytes.
func (p *Pages) Text(header string) []byte {
	claims := slices.SortedFunc(maps.Values(p.claims()), func(a, b owned) int { return strings.Compare(a.page, b.page) })
	var b strings.Builder
	b.WriteString(header)
	for _, c := range claims {
		b.WriteString(strconv.Quote(c.page) + " " + c.owner + "\n")
	}
	return []byte(b.String())
}

// Next returns a Pages for the next build, whose last build is this one,
// as [ParsePages] would read it from [Pages.Text]: for a builder that
// keeps its records' pages from one build to the next in memory.
func (p *Pages) Next() *Pages {
	n := NewPages()
	for folded, c := range p.claims() {
		n.last[folded] = c
		n.lastOf[c.owner] = c.page
	}
	return n
}

// claims are the pages Text lists, by their folded names: those records
// claimed, and after Settle(true) those kept for the last build's owners
// not claimed; not those reserved.
func (p *Pages) claims() map[string]owned {
	claims := map[string]owned{}
	for folded, c := range p.owner {
		if c.owner != "" {
			claims[folded] = c
		}
	}
	if p.keep {
		for folded, last := range p.last {
			if _, taken := p.owner[folded]; !taken && !p.seen[last.owner] {
				claims[folded] = last
			}
		}
	}
	return claims
}
