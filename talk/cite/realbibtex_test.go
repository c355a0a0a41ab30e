package cite

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/talkmeta/talkmeta/talk"
)

// TestRealBibTeX runs real BibTeX 0.99d over every talk written as BibTeX
// (Unicode and ASCII), with .ci/bibtex's talksplit.bst, which
// TALKMETA_BIBTEX_CHECK names, and fails on any warning or error BibTeX
// reports. Then, for each talk, it compares BibTeX's own split of every
// author's name (first, von, last, jr) with the parts talk/cite's CSL-JSON
// gives (given, particles, family, suffix), and checks that each title
// comes out of plain.bst's case change ("t" change.case$) with every
// letter's case as the entry gave it. BibTeX's name parser is the
// independent implementation that talk/cite's bracing of names
// (bibtexNames, bibtexSplits) must satisfy. It runs over the whole corpus
// when TALKMETA_CORPUS is set, else over the repository's records, and
// in either case over otherTalks; .ci/bibtex/check.sh runs it.
func TestRealBibTeX(t *testing.T) {
	dir, bibtex := bibtexCheck(t, "bibtex", "talksplit.bst and texmf.cnf", ".ci/bibtex/check.sh installs Debian's texlive-binaries")
	style, err := os.ReadFile(filepath.Join(dir, "talksplit.bst"))
	if err != nil {
		t.Fatal(err)
	}
	talks, source := independentTalks(t)
	t.Logf("%d talks from %s", len(talks), source)
	var js bytes.Buffer
	if err := WriteAll(&js, CSLJSON, talks, Options{}); err != nil {
		t.Fatal(err)
	}
	var items []cslItem
	if err := json.Unmarshal(js.Bytes(), &items); err != nil {
		t.Fatal(err)
	}
	for _, opt := range []Options{{}, {ASCII: true}} {
		name := "unicode"
		if opt.ASCII {
			name = "ascii"
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			entries, err := runBibTeX(t.TempDir(), bibtex, dir, style, talks, opt)
			if err != nil {
				t.Fatal(err)
			}
			if len(entries) != len(items) {
				t.Fatalf("BibTeX wrote %d entries, want %d", len(entries), len(items))
			}
			names, titles, compared := 0, 0, 0
			for i, e := range entries {
				it := items[i]
				compared += len(e.names)
				if e.key != cleanKey(it.ID) {
					t.Fatalf("entry %d: BibTeX's key %q, CSL-JSON's id %q", i, e.key, it.ID)
				}
				for _, m := range nameMismatches(e, it, opt.ASCII) {
					if names++; names <= 30 {
						t.Errorf("%s (%s): %s", e.key, talks[i].Origin.Path, m)
					}
				}
				if unbraced(e.caseChanged) != unbraced(e.title) {
					if titles++; titles <= 30 {
						t.Errorf("%s (%s): plain.bst's \"t\" change.case$ changes the title\n  entry: %s\n  after: %s",
							e.key, talks[i].Origin.Path, e.title, e.caseChanged)
					}
				}
			}
			t.Logf("BibTeX read %d entries with %d names without a warning", len(entries), compared)
			if names > 0 || titles > 0 {
				t.Errorf("%d names split otherwise by BibTeX, %d titles changed by its case change, in %d entries", names, titles, len(entries))
			}
		})
	}
}

// bibtexEntry is what talksplit.bst wrote of one entry.
type bibtexEntry struct {
	key                string
	title, caseChanged string
	names              []string // first|von|last|jr
}

// runBibTeX writes talks as BibTeX in the directory work, runs bibtex
// there over all of them with style (talksplit.bst) and the kpathsea
// configuration in dir, and returns the entries the style wrote. BibTeX's
// warnings and errors are an error, with what its log says of them.
func runBibTeX(work, bibtex, dir string, style []byte, talks []*talk.Talk, opt Options) ([]bibtexEntry, error) {
	var bib bytes.Buffer
	if err := WriteAll(&bib, BibTeX, talks, opt); err != nil {
		return nil, err
	}
	aux := "\\citation{*}\n\\bibdata{talks}\n\\bibstyle{talksplit}\n"
	for name, data := range map[string][]byte{"talks.bib": bib.Bytes(), "talks.aux": []byte(aux), "talksplit.bst": style} {
		if err := os.WriteFile(filepath.Join(work, name), data, 0o644); err != nil {
			return nil, err
		}
	}
	cmd := exec.Command(bibtex, "-terse", "talks")
	cmd.Dir = work
	// Only dir's texmf.cnf, and no search path of the caller's.
	cmd.Env = append(os.Environ(), "TEXMFCNF="+dir, "BIBINPUTS=.", "BSTINPUTS=.")
	out, runErr := cmd.CombinedOutput()
	blg, err := os.ReadFile(filepath.Join(work, "talks.blg"))
	if err != nil {
		return nil, fmt.Errorf("bibtex: %v, and no log: %v\n%s", runErr, err, out)
	}
	if problems := blgProblems(blg); runErr != nil || len(problems) > 0 {
		return nil, fmt.Errorf("bibtex: %v; %d warnings and errors in its log, the first:\n%s",
			runErr, len(problems), strings.Join(problems[:min(20, len(problems))], "\n"))
	}
	bbl, err := os.ReadFile(filepath.Join(work, "talks.bbl"))
	if err != nil {
		return nil, err
	}
	return readTalksplit(bbl)
}

// blgProblems returns BibTeX's warnings and error messages in a log, each
// with the lines that say where it is, which BibTeX writes after it.
func blgProblems(blg []byte) []string {
	var problems []string
	lines := strings.Split(string(blg), "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "Warning--") || strings.Contains(l, "---line ") || strings.Contains(l, "---while reading") ||
			strings.HasPrefix(l, "Repeated entry") || strings.HasPrefix(l, "I was expecting") || strings.Contains(l, "error message") {
			end := i + 1
			for end < len(lines) && (strings.HasPrefix(lines[end], "--") || strings.HasPrefix(lines[end], " : ")) {
				end++
			}
			problems = append(problems, strings.Join(lines[i:end], "\n"))
		}
	}
	return problems
}

// readTalksplit reads the lines talksplit.bst wrote, joining those BibTeX
// broke at a space (the rest starts with two spaces).
func readTalksplit(bbl []byte) ([]bibtexEntry, error) {
	var lines []string
	sc := bufio.NewScanner(bytes.NewReader(bbl))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		l := sc.Text()
		if rest, ok := strings.CutPrefix(l, "  "); ok && len(lines) > 0 {
			lines[len(lines)-1] += " " + rest
			continue
		}
		lines = append(lines, l)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	var entries []bibtexEntry
	for n, l := range lines {
		kind, value, _ := strings.Cut(l, " ")
		if kind == "K" {
			entries = append(entries, bibtexEntry{key: value})
			continue
		}
		if len(entries) == 0 {
			return nil, fmt.Errorf("talks.bbl:%d: %q before the first key", n+1, l)
		}
		e := &entries[len(entries)-1]
		switch kind {
		case "T":
			e.title = value
		case "C":
			e.caseChanged = value
		case "A":
			e.names = append(e.names, value)
		default:
			return nil, fmt.Errorf("talks.bbl:%d: %q is not what talksplit.bst writes", n+1, l)
		}
	}
	if len(entries) == 0 {
		return nil, errors.New("talks.bbl: no entries")
	}
	return entries, nil
}

// nameMismatches compares BibTeX's split of an entry's names with the
// CSL-JSON item's authors, each part escaped as the entry has it
// (texString), and returns a line for each name they split otherwise.
// Braces are removed from both, and BibTeX's ties ("~", which
// format.name$ puts between words of a part) read as spaces.
//
// talk/cite writes a literal name braced whole, and so does it a name
// with a suffix but no given name ("{O'Brien, Jr.}"): BibTeX must read
// each as a last name alone.
func nameMismatches(e bibtexEntry, it cslItem, ascii bool) []string {
	var out []string
	if len(e.names) != len(it.Author) {
		out = append(out, fmt.Sprintf("BibTeX reads %d names, CSL-JSON has %d: %q", len(e.names), len(it.Author), e.names))
	}
	for i, a := range it.Author[:min(len(it.Author), len(e.names))] {
		tex := func(s string) string { return texString(s, ascii) }
		particles := joinNonEmpty(" ", a.DroppingParticle, a.NonDroppingParticle)
		var want [4]string
		switch {
		case a.Literal != "":
			want[2] = tex(a.Literal)
		case a.Suffix != "" && a.Given == "":
			want[2] = joinNonEmpty(" ", tex(particles), tex(a.Family)) + ", " + tex(a.Suffix)
		default:
			want = [4]string{tex(a.Given), tex(particles), tex(a.Family), tex(a.Suffix)}
		}
		got := strings.Split(e.names[i], "|")
		if len(got) != 4 {
			out = append(out, fmt.Sprintf("name %d: format.name$ wrote %q, not four parts", i+1, e.names[i]))
			continue
		}
		same := true
		for p := range want {
			same = same && splitPart(want[p]) == splitPart(got[p])
		}
		if !same {
			out = append(out, fmt.Sprintf("name %d %q: BibTeX splits it first|von|last|jr %q, CSL-JSON %q",
				i+1, Name{Given: a.Given, Family: a.Family, DroppingParticle: a.DroppingParticle,
					NonDroppingParticle: a.NonDroppingParticle, Suffix: a.Suffix, Literal: a.Literal}.Inverted(), e.names[i], strings.Join(want[:], "|")))
		}
	}
	return out
}

// splitPart returns a part of a name as format.name$ writes it without
// braces and with a tie between words read as a space.
func splitPart(s string) string { return strings.ReplaceAll(unbraced(s), "~", " ") }

// unbraced returns s without braces, BibTeX's protection of case and of
// a name's words, which do not show in print.
func unbraced(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '{' || r == '}' {
			return -1
		}
		return r
	}, s)
}

// TestReadTalksplit reads what talksplit.bst writes, with a line BibTeX
// broke at a space, as it does past 79 characters, and compares the
// split of a name with the CSL-JSON's the way TestRealBibTeX does: it
// runs without bibtex.
func TestReadTalksplit(t *testing.T) {
	bbl := "K vanrossum2024python\n" +
		"T \"{Python} in {Production}\" {Panel} and a title long enough for BibTeX to\n" +
		"  break it\n" +
		"C \"{Python} in {Production}\" {Panel} and a title long enough for BibTeX to\n" +
		"  break it\n" +
		"A Guido|van|Rossum|\n" +
		"A Juan~Luis||{Cano Rodr\\'iguez}|Jr.\n" +
		"K untitled\n"
	got, err := readTalksplit([]byte(bbl))
	if err != nil {
		t.Fatal(err)
	}
	title := `"{Python} in {Production}" {Panel} and a title long enough for BibTeX to break it`
	want := []bibtexEntry{
		{key: "vanrossum2024python", title: title, caseChanged: title,
			names: []string{"Guido|van|Rossum|", `Juan~Luis||{Cano Rodr\'iguez}|Jr.`}},
		{key: "untitled"},
	}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(bibtexEntry{})); diff != "" {
		t.Errorf("readTalksplit (-want +got):\n%s", diff)
	}
	it := cslItem{ID: "vanrossum2024python", Author: []cslName{
		{Given: "Guido", NonDroppingParticle: "van", Family: "Rossum"},
		{Given: "Juan Luis", Family: "Cano Rodríguez", Suffix: "Jr."},
	}}
	if m := nameMismatches(got[0], it, true); len(m) > 0 {
		t.Errorf("names that agree are reported: %q", m)
	}
	it.Author[1] = cslName{Given: "Juan", Family: "Luis Cano Rodríguez", Suffix: "Jr."}
	wantM := []string{`name 2 "Luis Cano Rodríguez, Juan, Jr.": BibTeX splits it first|von|last|jr "Juan~Luis||{Cano Rodr\\'iguez}|Jr.", CSL-JSON "Juan||Luis Cano Rodr{\\'i}guez|Jr."`}
	if diff := cmp.Diff(wantM, nameMismatches(got[0], it, true)); diff != "" {
		t.Errorf("nameMismatches (-want +got):\n%s", diff)
	}
}
