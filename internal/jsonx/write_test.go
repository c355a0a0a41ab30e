package jsonx

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// FuzzAppendString holds each Escaping to its definition: Plain to
// encoding/json's Encoder with SetEscapeHTML(false), HTMLSafe to
// json.Marshal's HTML-safe encoding with every rune HTML forbids in a
// page then written as a \u escape. It holds AppendInside, in two parts
// split at an ASCII byte, to the whole too.
func FuzzAppendString(f *testing.F) {
	for _, s := range []string{"", "Yury Selivanov", "https://www.youtube.com/watch?v=m28fiN9y_r8", `a"b\c`, "<&>", "\u2028 é \x7f \x00 \xff", "~ !",
		"\b\f\n\r\t\x01\x1f", "\u0085 \ufdd0 \uffff \U0001fffe", "plain text of more than eight bytes, then \"quoted\"",
		"1234567\"", "1234567<", "\ufffd", "\u2029"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var plain bytes.Buffer
		enc := json.NewEncoder(&plain)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		if got, want := string(Plain.AppendString(nil, s)), strings.TrimSuffix(plain.String(), "\n"); got != want {
			t.Errorf("Plain.AppendString(%q) = %s, want %s", s, got, want)
		}
		encoded, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		var safe strings.Builder
		for _, r := range string(encoded) {
			if htmlForbids(r) {
				fmt.Fprintf(&safe, "\\u%04x", r)
			} else {
				safe.WriteRune(r)
			}
		}
		if got := string(HTMLSafe.AppendString(nil, s)); got != safe.String() {
			t.Errorf("HTMLSafe.AppendString(%q) = %s, want %s", s, got, safe.String())
		}
		for _, e := range []Escaping{Plain, HTMLSafe} {
			if i := strings.IndexAny(s, " /-"); i >= 0 {
				whole := string(e.AppendInside(nil, s))
				if parts := string(e.AppendInside(e.AppendInside(nil, s[:i]), s[i:])); parts != whole {
					t.Errorf("escaping %q split at %d: %s, whole: %s", s, i, parts, whole)
				}
			}
		}
	})
}

// TestHTMLSafe: HTMLSafe escapes each character HTML forbids in a page,
// up to the last of each range, and not the next.
func TestHTMLSafe(t *testing.T) {
	got := string(HTMLSafe.AppendString(nil, "\u007e\u007f\u0080\u009f\u00a0\ufdcf\ufdd0\ufdef\ufdf0\ufffd\ufffe\uffff\U0001fffe <>&\u2028"))
	want := `"~\u007f\u0080\u009f` + "\u00a0\ufdcf" + `\ufdd0\ufdef` + "\ufdf0\ufffd" + `\ufffe\uffff` + "\U0001fffe" + ` \u003c\u003e\u0026\u2028"`
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestMarshal: JSON for a file, "<", ">" and "&" as themselves, U+2028
// escaped, and no final newline.
func TestMarshal(t *testing.T) {
	got, err := Marshal(map[string]any{"a": "<b> & \u2028", "n": 1})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(`{"a":"<b> & \u2028","n":1}`, string(got)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
