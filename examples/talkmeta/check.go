package main

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/talkmeta/talkmeta/internal/osfs"
	"github.com/talkmeta/talkmeta/schema"
)

const checkUsage = "[-profile auto|talkmeta|pyvideo] [-strict] [-languages CODE,...] DIR|FILE..."

func runCheck(e *env, args []string) int {
	fs := e.flags("check", checkUsage)
	profile := fs.String("profile", "auto", "the records' `form`: talkmeta, pyvideo, or auto (pyvideo where category.json files are)")
	strict := fs.Bool("strict", false, "report warnings as errors")
	languages := fs.String("languages", "", "the comma-separated language `codes` talks may use (default: any that exists)")
	if st := parseFlags(fs, args); st >= 0 {
		return st
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	v := schema.Validator{Strict: *strict}
	if *languages != "" {
		v.Languages = strings.Split(*languages, ",")
	}
	start := e.now()
	var (
		problems      schema.Problems
		events, talks int
		progressShown bool
	)
	for _, arg := range fs.Args() {
		p, err := checkProfile(*profile, arg)
		if err != nil {
			fmt.Fprintln(e.stderr, "talkmeta check:", err)
			return 2
		}
		v.Profile = p
		st, err := os.Stat(arg)
		if err != nil {
			fmt.Fprintln(e.stderr, "talkmeta check:", err)
			return 1
		}
		if !st.IsDir() || isTalkDir(arg) {
			files := []string{arg}
			if st.IsDir() {
				files, _ = filepath.Glob(filepath.Join(arg, "*.json"))
			}
			for _, f := range files {
				ps, isEvent := checkFile(&v, f)
				problems = append(problems, ps...)
				if isEvent {
					events++
				} else {
					talks++
				}
			}
			continue
		}
		var progress func(done, total int)
		if e.isTerminal {
			progress = func(done, total int) {
				fmt.Fprintf(e.stderr, "\rchecking %s: %d/%d records", arg, done, total)
				progressShown = true
			}
		}
		r := v.CheckArchive(osfs.DirFS(arg), progress)
		for _, p := range r.Problems {
			p.Path = path.Join(filepath.ToSlash(arg), p.Path)
		}
		problems = append(problems, r.Problems...)
		events += r.Events
		talks += r.Talks
	}
	if progressShown {
		fmt.Fprint(e.stderr, "\r\033[K")
	}
	for _, p := range problems {
		fmt.Fprintln(e.stdout, p)
	}
	fmt.Fprintf(e.stdout, "%s (%s, %s): %s, %s, in %v\n",
		count(events+talks, "record"), count(events, "event"), count(talks, "talk"),
		count(problems.Errors(), "error"), count(problems.Warnings(), "warning"), e.now().Sub(start).Round(time.Millisecond))
	if problems.Errors() > 0 {
		return 1
	}
	return 0
}

// isTalkDir reports whether dir is an event's directory of talk records
// (videos/ in a pyvideo archive, talks/ in a talkmeta one) rather than an
// archive or an event.
func isTalkDir(dir string) bool {
	base := filepath.Base(dir)
	return base == "videos" || base == "talks"
}

// checkFile validates one record file: an event when it is named like
// one (category.json, event.json), a talk otherwise.
func checkFile(v *schema.Validator, name string) (ps schema.Problems, isEvent bool) {
	p := filepath.ToSlash(name)
	data, err := os.ReadFile(name)
	if err != nil {
		return schema.Problems{{Path: p, Rule: "read", Severity: schema.Error, Message: err.Error()}}, false
	}
	switch filepath.Base(name) {
	case "category.json", "event.json":
		return v.ValidateEvent(p, data), true
	}
	return v.ValidateTalk(p, data), false
}

// checkProfile resolves -profile for one argument: "auto" picks pyvideo
// for a pyvideo archive, event directory or talk file, talkmeta
// otherwise.
func checkProfile(name, arg string) (schema.Profile, error) {
	if name != "auto" {
		return schema.ParseProfile(name)
	}
	if filepath.Base(filepath.Dir(arg)) == "videos" || filepath.Base(arg) == "videos" || filepath.Base(arg) == "category.json" {
		return schema.Pyvideo, nil
	}
	fsys := osfs.DirFS(arg)
	for _, pattern := range []string{"category.json", "*/category.json", "videos", "*/videos"} {
		if m, _ := fs.Glob(fsys, pattern); len(m) > 0 {
			return schema.Pyvideo, nil
		}
	}
	return schema.Talkmeta, nil
}

// count says how many of a thing: "1 talk", "2 talks".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
