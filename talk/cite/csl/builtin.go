package csl

import (
	"embed"
	"fmt"
	"slices"
	"sync"
)

//go:embed styles/*.csl locales/*.xml
var builtinFS embed.FS

// BuiltinStyles are the names of the built-in styles, for BuiltinStyle.
var builtinStyleNames = []string{"apa", "chicago", "harvard", "ieee", "mla"}

// BuiltinStyleNames returns the names BuiltinStyle accepts: "apa",
// "chicago" (author-date), "harvard" (Cite Them Right), "ieee" and
// "mla".
func BuiltinStyleNames() []string { return slices.Clone(builtinStyleNames) }

// builtin parses the embedded files once; the results are immutable and
// shared.
var builtin = sync.OnceValues(func() (map[string]*Style, error) {
	m := map[string]*Style{}
	for _, name := range builtinStyleNames {
		data, err := builtinFS.ReadFile("styles/" + name + ".csl")
		if err != nil {
			return nil, err
		}
		s, err := ParseStyle(data)
		if err != nil {
			return nil, fmt.Errorf("built-in style %s: %w", name, err)
		}
		m[name] = s
	}
	return m, nil
})

var builtinLocale = sync.OnceValues(func() (*Locale, error) {
	data, err := builtinFS.ReadFile("locales/en-US.xml")
	if err != nil {
		return nil, err
	}
	return ParseLocale(data)
})

// BuiltinStyle returns one of the built-in styles: "apa" (APA 7th
// edition), "mla" (MLA 9th edition), "chicago" (Chicago author-date,
// 18th edition), "ieee" and "harvard" (Cite Them Right). They are
// written for talks and their videos (CSL types speech and
// motion_picture), for which they print what the official CSL styles
// print; other types get a short generic reference. An unknown name
// returns an error wrapping ErrUnknownStyle.
//
// Each call returns a Style of the caller's own, parsed only once: its
// Info may be changed without changing what other callers get.
func BuiltinStyle(name string) (*Style, error) {
	m, err := builtin()
	if err != nil {
		return nil, err
	}
	s, ok := m[name]
	if !ok {
		return nil, fmt.Errorf("%w %q (want one of %v)", ErrUnknownStyle, name, builtinStyleNames)
	}
	// A copy: the parsed style is shared, and its Info, a field anyone
	// may set, would otherwise change for every caller in the process,
	// racing with the processors that read it.
	c := *s
	return &c, nil
}

// BuiltinLocale returns the built-in en-US locale: the terms and date
// formats the built-in styles use. Each call returns a Locale of the
// caller's own, as [BuiltinStyle] does: setting its Lang changes no other
// caller's.
func BuiltinLocale() (*Locale, error) {
	l, err := builtinLocale()
	if err != nil {
		return nil, err
	}
	c := *l
	return &c, nil
}
