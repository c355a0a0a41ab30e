package main

import (
	"flag"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestInterspersed pins how flags among the other arguments are sorted
// out for the flag package.
func TestInterspersed(t *testing.T) {
	fs := flag.NewFlagSet("x", flag.ContinueOnError)
	fs.String("o", "", "")
	fs.Bool("w", false, "")
	for _, tt := range []struct {
		args, want []string
	}{
		{nil, []string{"--"}},
		{[]string{"a", "-o", "dir", "b"}, []string{"-o", "dir", "--", "a", "b"}},
		{[]string{"a", "-w", "b"}, []string{"-w", "--", "a", "b"}},
		{[]string{"a", "--o=dir", "-w=false"}, []string{"--o=dir", "-w=false", "--", "a"}},
		{[]string{"-o", "-w", "a"}, []string{"-o", "-w", "--", "a"}},                 // -w is -o's value
		{[]string{"a", "--", "-w", "-o", "b"}, []string{"--", "a", "-w", "-o", "b"}}, // flags end at --
		{[]string{"-", "-w", "-"}, []string{"-w", "--", "-", "-"}},
		{[]string{"a", "-nope", "b"}, []string{"-nope", "--", "a", "b"}}, // left for the flag package to report
		{[]string{"a", "-o"}, []string{"-o"}},                            // likewise, with no "--" to take for the value
	} {
		if diff := cmp.Diff(tt.want, interspersed(fs, tt.args)); diff != "" {
			t.Errorf("interspersed(%q) (-want +got):\n%s", tt.args, diff)
		}
	}
}

// TestFlagsAfterArguments runs the README's import command, with -o
// after the schedule: it writes what the flags-first form writes.
func TestFlagsAfterArguments(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	first := runCommand("", "import", "-from", "c3voc", "-o", a, "testdata/import/pair.json")
	after := runCommand("", "import", "-from", "c3voc", "testdata/import/pair.json", "-o", b)
	first.stdout = strings.ReplaceAll(first.stdout, a, "OUT") + tree(t, a)
	after.stdout = strings.ReplaceAll(after.stdout, b, "OUT") + tree(t, b)
	if first.status != 0 || first.stderr != "" {
		t.Fatalf("import = %+v", first)
	}
	if diff := cmp.Diff(first, after, cmp.AllowUnexported(result{})); diff != "" {
		t.Errorf("flags after the schedule (-before +after):\n%s", diff)
	}

	for _, tt := range []struct {
		name string
		args []string
	}{
		{"slug-style-after.txt", []string{"slug", "Asynchronous I/O", "-style", "pyvideo", "What's new"}},
		{"slug-dash-dash.txt", []string{"slug", "-style", "pyvideo", "--", "-style", "-w"}},
		{"render-dash.txt", []string{"render", "-", "-to", "bibtex"}},
		{"cite-format-after.txt", []string{"cite", seedTalk, "-format", "ris"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			checkGolden(t, "usage/"+tt.name, runCommand("", tt.args...))
		})
	}
}

// TestUsageReasons shows, before the usage, one line saying what is
// wrong.
func TestUsageReasons(t *testing.T) {
	for _, tt := range []struct {
		name string
		args []string
	}{
		{"render-unknown-format.txt", []string{"render", "-to", "pdf", archive}},
		{"render-no-format.txt", []string{"render", archive}},
		{"render-no-talks.txt", []string{"render", "-to", "bibtex"}},
		{"import-no-out.txt", []string{"import", "-from", "c3voc", "x.json"}},
		{"import-no-from.txt", []string{"import", "-o", "x", "x.json"}},
		{"import-bad-from.txt", []string{"import", "-from", "ical", "-o", "x", "x.json"}},
		{"import-bad-layout.txt", []string{"import", "-from", "c3voc", "-o", "x", "-layout", "nope", "x.json"}},
		{"import-no-source.txt", []string{"import", "-from", "c3voc", "-o", "x"}},
		{"import-two-sources.txt", []string{"import", "-from", "c3voc", "-o", "x", "a.json", "b.json"}},
		{"site-no-talks.txt", []string{"site", "-o", filepath.Join(t.TempDir(), "site")}},
		{"site-relative-base.txt", []string{"site", "-base", "talks.example.org", "-o", filepath.Join(t.TempDir(), "site"), archive}},
		{"render-script-base.txt", []string{"render", "-to", "jsonld", "-base", "javascript:alert(1)//", archive}},
		// A query would take in every page's path: every link the home
		// page.
		{"site-query-base.txt", []string{"site", "-base", "https://talks.example.org/?lang=en", "-o", filepath.Join(t.TempDir(), "site"), archive}},
		// Flags a format has no use for are refused, not ignored.
		{"render-ascii-ris.txt", []string{"render", "-to", "ris", "-ascii", archive}},
		{"render-base-bibtex.txt", []string{"render", "-to", "bibtex", "-base", "https://talks.example.org", archive}},
		{"slug-flag-without-value.txt", []string{"slug", "x", "-max"}},
		{"slug-negative-max.txt", []string{"slug", "-max", "-3", "x"}},
		{"slug-pyvideo-max.txt", []string{"slug", "-style", "pyvideo", "-max", "3", "x"}},
		{"slug-pyvideo-lang.txt", []string{"slug", "-style", "pyvideo", "-lang", "de", "x"}},
		{"slug-minus-one-max.txt", []string{"slug", "-max", "-1", "x"}},
		{"cite-csl-json-event-date.txt", []string{"cite", "-csl-json", "testdata/cite/items.json", "-event-date"}},
		{"cite-format-html.txt", []string{"cite", "-format", "bibtex", "-html", seedTalk}},
		{"fmt-no-files.txt", []string{"fmt", "-w"}},
		{"help-import.txt", []string{"help", "import"}},
		// Help asked for goes to stdout, as "talkmeta help" does; help on
		// a verb that does not exist is a usage error.
		{"fmt-h.txt", []string{"fmt", "-h"}},
		{"help-unknown.txt", []string{"help", "frobnicate"}},
		{"help-two.txt", []string{"help", "fmt", "check"}},
		{"help-long-flag.txt", []string{"--help"}},
		// "-" is stdout elsewhere; a site or an import is a directory.
		{"site-dash-out.txt", []string{"site", "-o", "-", archive}},
		{"site-empty-out.txt", []string{"site", "-o", "", archive}},
		{"import-dash-out.txt", []string{"import", "-from", "c3voc", "-o", "-", "testdata/import/pair.json"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			checkGolden(t, "usage/"+tt.name, runCommand("", tt.args...))
		})
	}
}

// TestVerbUsageListed shows each verb's usage, as -h prints it, in the
// list of verbs as it is: the list had its own shorter copies, which went
// out of date ("urls DIR", slug without -max and -lang).
func TestVerbUsageListed(t *testing.T) {
	list := runCommand("", "help")
	for _, v := range verbs() {
		got := runCommand("", v.name, "-h")
		first, _, _ := strings.Cut(got.stdout, "\n")
		want := "Usage: talkmeta " + v.name + " " + v.args
		if got.status != 0 || first != want || got.stderr != "" {
			t.Errorf("talkmeta %s -h = %+v, want status 0 and stdout starting %q", v.name, got, want)
		}
		if line := "  talkmeta " + v.name + " " + v.args + "\n"; !strings.Contains(list.stdout, line) {
			t.Errorf("talkmeta help does not list %q", line)
		}
	}
}
