// Package golden compares test output with golden files, the way
// talkmeta's tests pin whole outputs.
//
// It defines the -update flag of every test binary of the module: each
// test package imports it, those without golden files for the flag alone,
// so that `go test ./... -update` rewrites every package's files, where a
// package that did not define the flag refused it and failed.
package golden

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// update is -update: see the package documentation.
var update = flag.Bool("update", false, "rewrite the golden files with the output the tests get")

// Update reports whether the tests run with -update, for a test that
// writes its golden file itself (a table it fills in as it goes).
func Update() bool { return *update }

// Check compares got with the file at path, or first rewrites the file
// when the tests run with -update. A missing file fails with a hint to
// run the tests with -update.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s (-want +got):\n%s", path, diff)
	}
}
