package jsonld

import (
	"bytes"
	"encoding/json"
	"testing"
)

// FuzzWriteString holds the writer's copy of strings with nothing to
// escape to encoding/json's HTML-safe encoding of every string.
func FuzzWriteString(f *testing.F) {
	for _, s := range []string{"", "Yury Selivanov", "https://www.youtube.com/watch?v=m28fiN9y_r8", `a"b\c`, "<&>", "\u2028 é \x7f \x00 \xff", "~ !"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		if err := writeJSON(&got, s); err != nil {
			t.Fatal(err)
		}
		if got.String() != string(want) {
			t.Errorf("writeJSON(%q) = %s, encoding/json gives %s", s, got.Bytes(), want)
		}
	})
}
