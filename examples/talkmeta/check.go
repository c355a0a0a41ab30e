package main

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/talkmeta/talkmeta/internal/layout"
	"github.com/talkmeta/talkmeta/internal/osfs"
	"github.com/talkmeta/talkmeta/schema"
	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

const checkUsage = "[-profile auto|talkmeta|pyvideo] [-strict] [-languages CODE,...] DIR|FILE..."

// runCheck validates records and archives. Its findings, and a summary,
// are its output and go to stdout, one a line as path:line:col: rule:
// message, each path as the user would type it; a file or directory that
// cannot be read is a finding too, and the other arguments are checked
// all the same. Only usage errors and progress go to stderr.
func runCheck(e *env, args []string) int {
	fs := e.flags("check")
	profile := fs.String("profile", "auto", "the records' `form`: talkmeta, pyvideo, or auto (each event in the form of its layout, as the other verbs read them; pyvideo's for files in videos/)")
	strict := fs.Bool("strict", false, "report warnings as errors")
	languages := fs.String("languages", "", "the comma-separated language `codes` talks may use, BCP 47 or ISO 639-3 (\"en\" and \"eng\" are the same; \"pt\" allows \"pt-BR\") (default: any that exists)")
	if st := e.parseFlags(fs, args); st >= 0 {
		return st
	}
	if fs.NArg() == 0 {
		return usageError(fs, "no file or directory given")
	}
	if *profile != "auto" {
		if _, err := schema.ParseProfile(*profile); err != nil {
			// schema's words leave out auto, which is check's own.
			return usageError(fs, "unknown -profile %q (want auto, talkmeta or pyvideo)", *profile)
		}
	}
	// Auto checks an archive that mixes the two layouts, which every
	// other verb reads, each event in its own; a profile named is one
	// the archive must keep to.
	v := schema.Validator{Strict: *strict, AnyLayout: *profile == "auto"}
	if *languages != "" {
		var err error
		if v.Languages, err = parseLanguages(*languages); err != nil {
			return usageError(fs, "-languages: %s", strings.TrimPrefix(err.Error(), "talk: "))
		}
	}
	start := e.now()
	var (
		problems      schema.Problems
		events, talks int
		progressShown bool
	)
	// tally counts a record file's findings, as an event's or a talk's.
	tally := func(ps schema.Problems, isEvent bool) {
		problems = append(problems, ps...)
		if isEvent {
			events++
		} else {
			talks++
		}
	}
	stdinRead := false
	for _, arg := range fs.Args() {
		if arg == stdinArg {
			if stdinRead {
				problems = append(problems, readProblem(stdinName, errors.New("named twice; standard input holds one record, and it is read once")))
				continue
			}
			stdinRead = true
			tally(checkStdin(e, &v, *profile))
			continue
		}
		st, err := os.Stat(arg)
		if err != nil && !isSymlink(arg) {
			problems = append(problems, readProblem(arg, err))
			continue
		}
		if err != nil || !st.IsDir() {
			// A link to nothing is read as a file, whose error says
			// where it leads.
			tally(checkArgFile(&v, *profile, arg))
			continue
		}
		v.Profile, _ = checkProfile(*profile, arg, true, nil)
		if isTalkDir(arg) {
			files, ps := talkFiles(arg)
			problems = append(problems, ps...)
			for _, f := range files {
				tally(checkFile(&v, f))
			}
			continue
		}
		var progress func(done, total int)
		if e.isTerminal {
			progress = func(done, total int) {
				fmt.Fprintf(e.stderr, "\r\033[Kchecking %s: %d/%d records", forTerminal(arg), done, total) // cleared: the last may have been longer
				progressShown = true
			}
		}
		r := v.CheckArchive(osfs.DirFS(arg), progress)
		for _, p := range r.Problems {
			p.Path = userPath(arg, p.Path)
			if p.Other != "" {
				p.Message, p.Other = renameOther(p.Message, p.Other, userPath(arg, p.Other))
			}
		}
		if r.Events+r.Talks == 0 && len(r.Problems) == 0 {
			r.Problems = schema.Problems{noRecords(arg)}
		}
		problems = append(problems, r.Problems...)
		events += r.Events
		talks += r.Talks
	}
	if progressShown {
		fmt.Fprint(e.stderr, "\r\033[K")
	}
	// The findings are all known by now: written in one go, not with a
	// write (a system call) each, 1,579 for the corpus's warnings.
	out := bufio.NewWriter(e.stdout)
	for _, p := range problems {
		fmt.Fprintln(out, forTerminal(p.Error()))
	}
	fmt.Fprintf(out, "%s (%s, %s): %s, %s, in %v\n",
		count(events+talks, "record"), count(events, "event"), count(talks, "talk"),
		count(problems.Errors(), "error"), count(problems.Warnings(), "warning"), e.now().Sub(start).Round(time.Millisecond))
	out.Flush() // an error writing the output is run's to report, once
	if problems.Errors() > 0 {
		return 1
	}
	return 0
}

// parseLanguages reads -languages: comma-separated codes, each made
// canonical, so that "eng" allows what "en" does.
func parseLanguages(list string) ([]string, error) {
	var codes []string
	for code := range strings.SplitSeq(list, ",") {
		code = strings.TrimSpace(code)
		if code == "" {
			return nil, fmt.Errorf("an empty code in %q", list)
		}
		l, err := talk.ParseLanguage(code)
		if err != nil {
			return nil, err
		}
		codes = append(codes, string(l))
	}
	return codes, nil
}

// userPath is the path p, within the archive the user named arg, as the
// user would name it.
func userPath(arg, p string) string {
	return path.Join(filepath.ToSlash(arg), p)
}

// renameOther names the other record of a problem by name instead of by
// other, in the message too, where the record's id or slug comes before it.
func renameOther(msg, other, name string) (string, string) {
	if i := strings.LastIndex(msg, other); i >= 0 {
		msg = msg[:i] + name + msg[i+len(other):]
	}
	return msg, name
}

// noRecords is the finding for a directory that holds no records.
func noRecords(dir string) *schema.Problem {
	return &schema.Problem{Path: filepath.ToSlash(dir), Rule: "layout", Severity: schema.Error, Message: "no talk records here"}
}

// isTalkDir reports whether dir is an event's directory of talk records
// (videos/ in a pyvideo archive, talks/ in a talkmeta one) rather than an
// archive or an event.
func isTalkDir(dir string) bool {
	_, ok := layout.OfTalksDir(baseName(dir))
	return ok
}

// talkFiles lists a directory of talk records, and the problems of its
// layout: anything but a *.json file is out of place, and a directory
// without records or that cannot be read is reported.
func talkFiles(dir string) (files []string, ps schema.Problems) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, schema.Problems{readProblem(dir, err)}
	}
	names, _ := layout.OfTalksDir(baseName(dir))
	for _, e := range entries {
		name := filepath.Join(dir, e.Name())
		switch {
		case hidden(e.Name()):
		case filepath.Ext(name) != ".json" || isDir(name, e):
			ps = append(ps, &schema.Problem{Path: filepath.ToSlash(name), Rule: "layout", Severity: schema.Error,
				Message: names.InTalks()})
		default:
			files = append(files, name)
		}
	}
	if len(files) == 0 && len(ps) == 0 {
		ps = schema.Problems{noRecords(dir)}
	}
	return files, ps
}

// checkArgFile validates the record file name, given as an argument,
// in the form profile names (see checkProfile), reading it once.
func checkArgFile(v *schema.Validator, profile, name string) (ps schema.Problems, isEvent bool) {
	data, err := readRecord(name)
	if err != nil {
		return schema.Problems{readProblem(name, err)}, eventRecordForm(name) != ""
	}
	v.Profile, _ = checkProfile(profile, name, false, data)
	return checkData(v, name, data)
}

// checkStdin validates the talk record on standard input, in the form
// profile names, as checkArgFile validates a file.
func checkStdin(e *env, v *schema.Validator, profile string) (ps schema.Problems, isEvent bool) {
	limit := talk.Limits{}.RecordBytes()
	data, err := e.readArg(stdinArg, limit)
	if err != nil {
		return schema.Problems{readProblem(stdinName, limitError(err, limit, "record size"))}, false
	}
	v.Profile, _ = checkProfile(profile, stdinName, false, data)
	return checkData(v, stdinName, data)
}

// checkFile validates one record file: an event when it is named like
// one (category.json, event.json), a talk otherwise.
func checkFile(v *schema.Validator, name string) (ps schema.Problems, isEvent bool) {
	data, err := readRecord(name)
	if err != nil {
		return schema.Problems{readProblem(name, err)}, eventRecordForm(name) != ""
	}
	return checkData(v, name, data)
}

// checkData validates data, the record of the file name, as checkFile
// does.
func checkData(v *schema.Validator, name string, data []byte) (ps schema.Problems, isEvent bool) {
	p := filepath.ToSlash(name)
	if eventRecordForm(name) != "" {
		return v.ValidateEvent(data, p), true
	}
	return v.ValidateTalk(data, p), false
}

// readProblem is the finding for a file or directory name that could
// not be read, saying why without repeating its name.
func readProblem(name string, err error) *schema.Problem {
	var re *talk.RecordError
	var nr *osfs.NotRegularError
	var pe *fs.PathError
	msg := err.Error()
	switch {
	case errors.As(err, &re):
		msg = re.Err.Error()
	case errors.As(err, &nr):
		msg = nr.Describe()
	case errors.As(err, &pe):
		msg = pe.Err.Error()
	}
	rule := "read"
	if _, ok := errors.AsType[*talk.LimitError](err); ok {
		rule = "limit" // as schema words a record too large
	}
	return &schema.Problem{Path: filepath.ToSlash(name), Rule: rule, Severity: schema.Error, Message: msg}
}

// checkProfile resolves -profile for one argument: "auto" picks pyvideo
// for a pyvideo archive, event directory or talk file, talkmeta
// otherwise; a talk file outside any event's directory of talks, whose
// record is data, is read as the other verbs read it (see parseLone). A
// directory is listed without opening a named pipe, which would wait for
// a writer.
func checkProfile(name, arg string, isDir bool, data []byte) (schema.Profile, error) {
	if name != "auto" {
		return schema.ParseProfile(name)
	}
	base, dir := baseName(arg), baseName(filepath.Dir(arg))
	if base == "videos" || base == "category.json" || (!isDir && dir == "videos") {
		return schema.Pyvideo, nil
	}
	if !isDir {
		if base != "event.json" && dir != "talks" && loneForm(data, arg) == pyvideo.FormatName {
			return schema.Pyvideo, nil
		}
		return schema.Talkmeta, nil
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
