package main

import "testing"

// TestLoneFormTies formats records on standard input that both readers
// take, where the form is decided by the members each reader knows: one
// neither keeps as unknown is talkmeta's (title first, "en" kept); one
// with a video whose type talkmeta's reader does not know is pyvideo's
// (its members in pyvideo's order).
func TestLoneFormTies(t *testing.T) {
	for _, tt := range []struct{ name, in, want string }{
		{"a tie is talkmeta's", `{"title": "x", "language": "en"}`, "{\n  \"title\": \"x\",\n  \"language\": \"en\"\n}\n"},
		{"a video's type is pyvideo's", `{"title": "x", "language": "en", "videos": [{"type": "youtube", "url": "https://y.be/x"}]}`,
			"{\n  \"language\": \"en\",\n  \"title\": \"x\",\n  \"videos\": [\n    {\n      \"type\": \"youtube\",\n      \"url\": \"https://y.be/x\"\n    }\n  ]\n}\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			wantResult(t, runCommand(tt.in, "fmt", "-"), 0, []string{tt.want[:len(tt.want)-1]}, nil)
		})
	}
}
