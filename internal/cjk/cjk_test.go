package cjk

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestOnlyAndHas: a name is family-first when it has letters and all of
// them are Han, kana or Hangul; marks, digits, spaces and punctuation do
// not count either way, and one Latin letter makes it given-first.
func TestOnlyAndHas(t *testing.T) {
	type result struct{ Only, Has bool }
	got := map[string]result{}
	for _, s := range []string{"山田太郎", "김 민준", "やまだ・たろう", "カタカナ2世", "Ada 山田", "山田A", "", "・ 1", "Ada", "Ελένη"} {
		got[s] = result{Only(s), Has(s)}
	}
	want := map[string]result{
		"山田太郎": {true, true}, "김 민준": {true, true}, "やまだ・たろう": {true, true}, "カタカナ2世": {true, true},
		"Ada 山田": {false, true}, "山田A": {false, true},
		"": {false, false}, "・ 1": {false, false}, "Ada": {false, false}, "Ελένη": {false, false},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
