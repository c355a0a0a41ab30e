package schema

import (
	"fmt"
	"testing"

	"github.com/talkmeta/talkmeta/talk"
	"github.com/talkmeta/talkmeta/talk/pyvideo"
)

// TestNumbersAsReadersTakeThem holds validation to the readers: a record
// whose number a reader refuses (out of range, or a whole number written
// with a fraction or an exponent where an int64 goes) has an error, and
// one it takes has none, in both profiles and for every numeric member.
func TestNumbersAsReadersTakeThem(t *testing.T) {
	numbers := []string{
		"0", "-0", "1508", "1508.0", "1e2", "100.0", "1.5", "9223372036", "9223372037",
		"9223372036854775807", "9223372036854775808", "99999999999999999999999",
		"1e400", "-1e400", "1e1000000000", "1e-1000000000", "0e1000000000",
	}
	type form struct {
		name    string
		profile Profile
		record  string // with %s for the number
		read    func([]byte) error
	}
	pyvideoTalk := func(data []byte) error { _, err := pyvideo.ParseTalk(data, "t.json"); return err }
	talkmetaTalk := func(data []byte) error { _, err := talk.ParseJSON(data, "t.json"); return err }
	const pv = `{"title": "t", "speakers": ["s"], "recorded": "2016-07-21", "thumbnail_url": "https://x/t.jpg", "videos": [{"type": "youtube", "url": "https://x/v"%s}]%s}`
	const tm = `{"title": "t", "speakers": [{"name": "s"}], "recorded": "2016-07-21"%s}`
	forms := []form{
		{"pyvideo duration", Pyvideo, fmt.Sprintf(pv, "", `, "duration": %s`), pyvideoTalk},
		{"pyvideo length", Pyvideo, fmt.Sprintf(pv, `, "length": %s`, ""), pyvideoTalk},
		{"pyvideo size", Pyvideo, fmt.Sprintf(pv, `, "size": %s`, ""), pyvideoTalk},
		{"pyvideo id", Pyvideo, fmt.Sprintf(pv, "", `, "id": %s`), pyvideoTalk},
		{"talkmeta size", Talkmeta, fmt.Sprintf(tm, `, "thumbnail": "https://x/t.jpg", "videos": [{"url": "https://x/v", "size": %s}]`), talkmetaTalk},
		{"talkmeta legacy id", Talkmeta, fmt.Sprintf(tm, `, "legacy": {"id": %s}`), talkmetaTalk},
	}
	for _, f := range forms {
		t.Run(f.name, func(t *testing.T) {
			for _, n := range numbers {
				data := fmt.Appendf(nil, f.record, n)
				ps := (&Validator{Profile: f.profile}).ValidateTalk(data, "t.json")
				// Validation may refuse more (a negative size, a
				// fraction of a second) but not less.
				if err := f.read(data); err != nil && ps.Err() == nil {
					t.Errorf("%s: the reader refuses it (%v); validation finds no error", n, err)
				}
				for _, p := range ps {
					if p.Line == 0 || p.Pointer == "" {
						t.Errorf("%s: %v names no place", n, p)
					}
				}
			}
		})
	}
}
