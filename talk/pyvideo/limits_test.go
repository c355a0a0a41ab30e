package pyvideo_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

func TestLimits(t *testing.T) {
	small := talk.Limits{MaxRecordBytes: 200, MaxDepth: 4, MaxTextBytes: 10, MaxSpeakers: 2, MaxVideos: 1}
	tests := []struct {
		name, in string
		limits   talk.Limits
		want     string
	}{
		{"record size", `{"title": "` + strings.Repeat("x", 300) + `"}`, small, "t.json: record size 313 exceeds the limit of 200"},
		{"depth", `{"tags": [[[["x"]]]]}`, small, "t.json:1:13: nesting depth exceeds the limit of 4"},
		{"text", `{"title": "eleven char"}`, small, "t.json:1:11: /title: text length 11 exceeds the limit of 10"},
		// A member the model does not know is held to the limit too, as
		// schema's Validator holds every string of a record.
		{"text in an unknown member", `{"x": {"a": ["short", "eleven char"]}}`, small, "t.json:1:23: /x/a/1: text length 11 exceeds the limit of 10"},
		{"text in a video's unknown member", `{"videos": [{"a/b": "eleven char"}]}`, small, "t.json:1:21: /videos/0/a~1b: text length 11 exceeds the limit of 10"},
		{"escapes are not counted", `{"x": "\u00e9\u00e9\u00e9\u00e9\u00e9"}`, small, ""},
		{"text at the limit", `{"title": "0123456789", "x": "0123456789"}`, small, ""},
		// The pointer escapes "/" and "~" in every name on its way.
		{"text in an unknown member of an escaped name", `{"x/y~z": "eleven char"}`, small, "t.json:1:11: /x~1y~0z: text length 11 exceeds the limit of 10"},
		{"text within an unknown member, under an escaped name", `{"x": {"a/b~": "eleven char"}}`, small, "t.json:1:16: /x/a~1b~0: text length 11 exceeds the limit of 10"},
		{"speakers", `{"speakers": ["a", "b", "c"]}`, small, "t.json:1:14: /speakers: speakers 3 exceeds the limit of 2"},
		{"videos", `{"videos": [{"url": "a"}, {"url": "b"}]}`, small, "t.json:1:12: /videos: videos 2 exceeds the limit of 1"},
		{"default record size", `{"description": "` + strings.Repeat("x", 1<<20) + `"}`, talk.Limits{}, "t.json: record size 1048595 exceeds the limit of 1048576"},
		{"no limit", `{"description": "` + strings.Repeat("x", 1<<20) + `"}`, talk.Limits{MaxRecordBytes: -1, MaxTextBytes: -1}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := pyvideo.Reader{Limits: tt.limits}.ParseTalk([]byte(tt.in), "t.json")
			got := ""
			if err != nil {
				got = err.Error()
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestHugeAndBinaryFiles checks that an archive with one huge file and one
// binary file still reads every other file.
func TestHugeAndBinaryFiles(t *testing.T) {
	fsys := fstest.MapFS{
		"ev/category.json":   {Data: []byte(`{"title": "Ev"}`)},
		"ev/videos/a.json":   {Data: []byte(`{"title": "A"}`)},
		"ev/videos/big.json": {Data: []byte(`{"title": "` + strings.Repeat("x", 2<<20) + `"}`)},
		"ev/videos/bin.json": {Data: []byte{0x89, 'P', 'N', 'G', 0, 0, 0xff}},
		"ev/videos/zed.json": {Data: []byte(`{"title": "Z"}`)},
	}
	var got []string
	for tk, err := range pyvideo.Talks(fsys) {
		if err != nil {
			got = append(got, err.Error())
			continue
		}
		got = append(got, tk.Title)
	}
	want := []string{
		"A",
		"ev/videos/big.json: record size 2097165 exceeds the limit of 1048576",
		`ev/videos/bin.json:1:1: invalid JSON: invalid character byte 0x89 looking for the beginning of a value`,
		"Z",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
