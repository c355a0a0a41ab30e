package schema

import (
	"testing"

	"github.com/talkmeta/talkmeta/internal/jsonx"
)

// TestPointer holds pointers, which are made into strings only when a
// problem needs one, to the JSON pointers the checks made at once before.
func TestPointer(t *testing.T) {
	for _, tt := range []struct {
		ptr  pointer
		want string
	}{
		{pointer{}, ""},
		{at("/title"), "/title"},
		{at("/speakers").item(0), "/speakers/0"},
		{at("/videos").item(12).child("/url"), "/videos/12/url"},
		{pointer{}.child("/parts").item(1).child("/speakers").item(2).child("/name"), "/parts/1/speakers/2/name"},
		{pointer{}.child("/parts").item(1).child("/parts").item(0), "/parts/1/parts/0"},
		{at(pointerJoin("", "a/b~c")), "/" + jsonx.PointerToken("a/b~c")},
		{at("/event").child("/end"), "/event/end"},
	} {
		if got := tt.ptr.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.ptr, got, tt.want)
		}
	}
	if !(pointer{}).isRoot() || at("/title").isRoot() || at("").item(0).isRoot() {
		t.Error("isRoot is wrong")
	}
}
