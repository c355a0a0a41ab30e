package schema

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestLanguageListCanonical: the allowed codes and the record's are
// compared in canonical form, so that an ISO 639-3 code in a pyvideo
// record is allowed by its BCP 47 tag, and the other way round.
func TestLanguageListCanonical(t *testing.T) {
	seed := readTestdata(t, seedPath) // language "eng"
	for _, allowed := range [][]string{{"en"}, {"EN"}, {"spa", "eng"}, {"es", "en"}} {
		v := &Validator{Profile: Pyvideo, Languages: allowed}
		if diff := cmp.Diff([]string(nil), lines(v.ValidateTalk(seed, seedPath))); diff != "" {
			t.Errorf("allowed %q (-want +got):\n%s", allowed, diff)
		}
	}
	v := &Validator{Profile: Pyvideo, Languages: []string{"en-GB", "es"}}
	want := []string{seedPath + ":5:15: language: language: \"eng\" is not in the list of allowed languages"}
	if diff := cmp.Diff(want, lines(v.ValidateTalk(seed, seedPath))); diff != "" {
		t.Errorf("allowed en-GB, es (-want +got):\n%s", diff)
	}
}

// TestLanguageListNarrows: a list of allowed languages narrows what the
// profile takes and does not widen it. "EN" matches "en" in the list,
// but is no ISO 639-3 code, which a pyvideo record needs whatever the
// list; in talkmeta's form it is a tag not in canonical form.
func TestLanguageListNarrows(t *testing.T) {
	seed := readTestdata(t, seedPath) // language "eng"
	var got []string
	for _, code := range []string{"EN", "en", "English", "spa", "eng"} {
		record := plant(t, seed, `"language": "eng"`, `"language": "`+code+`"`)
		got = append(got, lines((&Validator{Profile: Pyvideo, Languages: []string{"en"}}).ValidateTalk(record, "t.json"))...)
	}
	for _, code := range []string{"EN", "eng", "es", "xx"} {
		record := `{"title": "T", "speakers": [{"name": "A"}], "recorded": "2016", "language": "` + code + `"}`
		got = append(got, lines((&Validator{Languages: []string{"en"}}).ValidateTalk([]byte(record), "t.json"))...)
	}
	want := []string{
		`t.json:5:15: language: language: "EN" is not an ISO 639-3 language code (such as eng, spa, jpn); write "eng"`,
		`t.json:5:15: language: language: "en" is not an ISO 639-3 language code (such as eng, spa, jpn); write "eng"`,
		`t.json:5:15: language: language: "English" is not an ISO 639-3 language code (such as eng, spa, jpn); write "eng"`,
		`t.json:5:15: language: language: "spa" is not in the list of allowed languages`,
		`t.json:1:77: language: language: "EN" is written "en" in its canonical form (warning)`,
		`t.json:1:77: language: language: "eng" is written "en" in its canonical form (warning)`,
		`t.json:1:77: language: language: "es" is not in the list of allowed languages`,
		`t.json:1:77: language: language: "xx" is not a known BCP 47 language tag (such as en, pt-BR)`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestLanguageListEmpty: an empty list, unlike a nil one, allows no
// language; and the problems at one place are in the order of their
// messages, whichever check found them first.
func TestLanguageListEmpty(t *testing.T) {
	record := []byte(`{"title": "T", "speakers": [{"name": "A"}], "recorded": "2016", "language": "ENG"}`)
	var got []string
	for _, allowed := range [][]string{nil, {}, {"de"}} {
		got = append(got, fmt.Sprintf("%q:", allowed))
		got = append(got, lines((&Validator{Languages: allowed}).ValidateTalk(record, "t.json"))...)
	}
	want := []string{
		"[]:",
		`t.json:1:77: language: language: "ENG" is written "en" in its canonical form (warning)`,
		"[]:",
		`t.json:1:77: language: language: "ENG" is not in the list of allowed languages`,
		`t.json:1:77: language: language: "ENG" is written "en" in its canonical form (warning)`,
		`["de"]:`,
		`t.json:1:77: language: language: "ENG" is not in the list of allowed languages`,
		`t.json:1:77: language: language: "ENG" is written "en" in its canonical form (warning)`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestLanguageListRanges: a code in the list allows the narrower tags
// that begin with it, as a language range does, and not the wider ones
// nor its siblings.
func TestLanguageListRanges(t *testing.T) {
	v := &Validator{Languages: []string{"pt", "zh-Hant", "sr-Latn", "ka"}}
	var got []string
	for _, code := range []string{"pt-BR", "por", "zh-Hant-TW", "zh", "zh-Hans", "sr-Latn-RS", "sr", "kab"} {
		record := `{"title": "T", "speakers": [{"name": "A"}], "recorded": "2016", "language": "` + code + `"}`
		got = append(got, lines(v.ValidateTalk([]byte(record), code+".json"))...)
	}
	want := []string{
		`por.json:1:77: language: language: "por" is written "pt" in its canonical form (warning)`,
		`zh.json:1:77: language: language: "zh" is not in the list of allowed languages`,
		`zh-Hans.json:1:77: language: language: "zh-Hans" is not in the list of allowed languages`,
		`sr.json:1:77: language: language: "sr" is not in the list of allowed languages`,
		`kab.json:1:77: language: language: "kab" is not in the list of allowed languages`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
