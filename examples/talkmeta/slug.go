package main

import (
	"bufio"
	"errors"
	"fmt"
	iofs "io/fs"
	"strings"

	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

// maxTitleLine bounds a line of titles read from standard input.
const maxTitleLine = 1 << 20

func runSlug(e *env, args []string) int {
	fs := e.flags("slug")
	style := fs.String("style", "default", "the slug `style`: default (gosimple/slug, transliterated) or pyvideo (pyvideo.org's URL rule)")
	maxLen := fs.Int("max", 0, "cut default-style slugs to at most `N` bytes at a word boundary (0: no limit)")
	lang := fs.String("lang", "", "language `code` for default-style substitutions, such as de (\"&\" becomes \"und\")")
	if st := e.parseFlags(fs, args); st >= 0 {
		return st
	}
	if *lang != "" {
		// Slugger reads a code it does not know as English: a typo
		// ("-lang dr") would give English slugs without a word.
		if _, err := talk.ParseLanguage(*lang); err != nil {
			return usageError(fs, "-lang: %s", strings.TrimPrefix(err.Error(), "talk: "))
		}
	}
	var slugify func(string) string
	switch {
	case *maxLen < 0:
		return usageError(fs, "-max %d: want a length of 0 (no limit) or more", *maxLen)
	case *style == "default":
		slugify = talk.Slugger{MaxLength: *maxLen, Language: *lang}.Make
	case *style != "pyvideo":
		return usageError(fs, "unknown style %q (want default or pyvideo)", *style)
	case *maxLen != 0 || *lang != "":
		// pyvideo.org's URLs are what they are.
		return usageError(fs, "-max and -lang apply to the default style, not to pyvideo's")
	default:
		slugify = pyvideo.Slugify
	}
	// A title of no letters or digits has an empty slug: its line is
	// empty, so that the slugs stay one a title, and it is reported.
	status := 0
	put := func(title string) error {
		slug := slugify(title)
		if slug == "" {
			fmt.Fprintf(e.stderr, "talkmeta slug: %q has no letters or digits to make a slug of; give its talk a slug member\n", title)
			status = 1
		}
		_, err := fmt.Fprintln(e.stdout, slug)
		return err
	}
	if fs.NArg() > 0 {
		for _, title := range fs.Args() {
			if put(title) != nil {
				return 1 // run reports it
			}
		}
		return status
	}
	sc := bufio.NewScanner(e.stdin)
	sc.Buffer(make([]byte, 64*1024), maxTitleLine)
	line := 0
	for sc.Scan() {
		line++
		if put(sc.Text()) != nil {
			return 1 // run reports it
		}
	}
	switch err := sc.Err(); {
	case errors.Is(err, bufio.ErrTooLong):
		// The scanner's "token too long" says neither which line nor
		// what the limit is.
		fmt.Fprintf(e.stderr, "%s:%d: a title longer than %d bytes; the titles after it are not read\n", stdinName, line+1, maxTitleLine)
		return 1
	case err != nil:
		fmt.Fprintln(e.stderr, errorLine(&iofs.PathError{Op: "read", Path: stdinName, Err: err}))
		return 1
	}
	return status
}
