package golden

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestEveryPackageKnowsUpdate: every test package of the module imports
// golden, so that `go test ./... -update` does not fail in one that
// would refuse the flag it does not define.
func TestEveryPackageKnowsUpdate(t *testing.T) {
	root := filepath.Join("..", "..")
	importers := map[string]bool{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != root && (name == "testdata" || strings.HasPrefix(name, ".") || name == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, "_test.go") {
			return nil
		}
		dir, err := filepath.Rel(root, filepath.Dir(path))
		if err != nil {
			return err
		}
		dir = filepath.ToSlash(dir)
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		importers[dir] = importers[dir] || slices.ContainsFunc(f.Imports, func(is *ast.ImportSpec) bool {
			p, _ := strconv.Unquote(is.Path.Value)
			return p == "github.com/talkmeta/talkmeta/internal/golden"
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var without []string
	for dir, imports := range importers {
		if !imports && dir != "internal/golden" { // the package that defines the flag
			without = append(without, dir)
		}
	}
	slices.Sort(without)
	if diff := cmp.Diff([]string(nil), without); diff != "" {
		t.Errorf("test packages that do not import internal/golden (add an update_test.go as internal/ascii has) (-want +got):\n%s", diff)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("the module's root is not %s: %v", root, err)
	}
}
