package jsonx

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestPointer holds the pointers built step by step, as the readers and
// checks build them, to the JSON pointers RFC 6901 writes: member names
// escaped, tokens kept as given, lists in lists, and pointers deeper than
// a Pointer's room for steps, which it writes into its prefix.
func TestPointer(t *testing.T) {
	var root Pointer
	// deep builds the pointer /0/a/1/a/... of n steps from p.
	deep := func(p Pointer, n int) Pointer {
		for i := range n {
			if i%2 == 0 {
				p = p.Element(i / 2)
			} else {
				p = p.Member([]byte("a"))
			}
		}
		return p
	}
	for _, tt := range []struct {
		name string
		ptr  Pointer
		want string
	}{
		{"root", root, ""},
		{"token", root.Token("/title"), "/title"},
		{"element", root.Token("/speakers").Element(0), "/speakers/0"},
		{"member of element", root.Token("/videos").Element(12).Token("/url"), "/videos/12/url"},
		{"tokens", root.Token("/event").Token("/end"), "/event/end"},
		{"tokens at once", root.Token("/videos/0").Token("/url"), "/videos/0/url"},
		{"escaped token", root.Token("/a~1b~0c").Element(1).Token("/x~0"), "/a~1b~0c/1/x~0"},
		{"element of root", root.Element(3).Member([]byte("a")), "/3/a"},
		{"list in list", root.Token("/parts").Element(1).Token("/parts").Element(0), "/parts/1/parts/0"},
		{"lists in lists", root.Token("/parts").Element(1).Token("/speakers").Element(2).Token("/name"), "/parts/1/speakers/2/name"},
		{"elements", root.Member([]byte("a")).Element(1).Element(2).Element(30), "/a/1/2/30"},
		{"member", root.Member([]byte("title")), "/title"},
		{"members", root.Member([]byte("videos")).Element(0).Member([]byte("url")), "/videos/0/url"},
		{"slash and tilde", root.Member([]byte("a/b~c")), "/a~1b~0c"},
		{"escape of an escape", root.Member([]byte("~1")).Member([]byte("/~/")), "/~01/~1~0~1"},
		{"empty member", root.Member([]byte("related_urls")).Element(0).Member([]byte("")), "/related_urls/0/"},
		{"nil member", root.Member(nil), "/"},
		{"names and tokens", root.Member([]byte("x/y")).Token("/z~1").Member([]byte("~")), "/x~1y/z~1/~0"},
		{"room filled", deep(root, pointerRoom), "/0/a/1/a"},
		{"one past the room", deep(root, pointerRoom+1), "/0/a/1/a/2"},
		{"past the room, escaped", root.Member([]byte("a~")).Element(0).Member([]byte("b/")).Element(1).Member([]byte("c~/")).Element(2),
			"/a~0/0/b~1/1/c~0~1/2"},
		{"deep", deep(root.Token("/top"), 4*pointerRoom+1), "/top/0/a/1/a/2/a/3/a/4/a/5/a/6/a/7/a/8"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, tt.ptr.String()); diff != "" {
				t.Errorf("String() mismatch (-want +got):\n%s", diff)
			}
			if got, want := tt.ptr.IsRoot(), tt.want == ""; got != want {
				t.Errorf("IsRoot() = %v, want %v", got, want)
			}
		})
	}
	if root.Token("").Element(0).IsRoot() {
		t.Error(`the pointer to element 0 of the root, "/0", is the root`)
	}
}

// TestPointerSteps holds that a pointer is built without allocating as
// long as its steps fit its room: building each member's and element's
// pointer is what a Pointer makes cheap.
func TestPointerSteps(t *testing.T) {
	videos, url := []byte("videos"), []byte("url")
	var p Pointer
	allocs := testing.AllocsPerRun(100, func() {
		p = Pointer{}.Member(videos).Element(3).Member(url)
		p = p.Token("/x")
		p = Pointer{}.Token("/parts").Element(1).Token("/speakers").Element(2).Token("/name")
	})
	if allocs != 0 {
		t.Errorf("building pointers allocates %v times, want 0", allocs)
	}
	if got, want := p.String(), "/parts/1/speakers/2/name"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}
