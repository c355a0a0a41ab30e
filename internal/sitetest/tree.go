package sitetest

import (
	"io/fs"
	"maps"
	"os"
	"path/filepath"
)

// Tree lists every file under dir, hidden ones too, by slash-separated
// path, with its contents, and every empty directory, as its path and a
// "/" with "": for comparing a directory with another, or with what a
// test expects, as a whole.
func Tree(dir string) (map[string]string, error) {
	tree := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if entries, err := os.ReadDir(p); err == nil && len(entries) == 0 && rel != "." {
				tree[rel+"/"] = ""
			}
			return err
		}
		data, err := os.ReadFile(p)
		tree[rel] = string(data)
		return err
	})
	return tree, err
}

// Plant writes files, by slash-separated path under dir, with the
// directories they need: Tree's inverse, for a test's archive or site.
func Plant(dir string, files map[string]string) error {
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// Modes lists the mode of dir (as ".") and of every file and directory
// under it, by slash-separated path: for tests of the permissions a
// program gives what it writes.
func Modes(dir string) (map[string]fs.FileMode, error) {
	modes := map[string]fs.FileMode{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		modes[filepath.ToSlash(rel)] = fi.Mode()
		return nil
	})
	return modes, err
}

// AfterAdding returns what to compare after a rebuild that added a
// record: want, the tree before (see Tree) with the added files as the
// tree after has them, and got, the tree after; both without lists, the
// files that list every record (an index), which any change rewrites.
// missing names the added files that after lacks. Comparing want and got
// as wholes shows that every page of the earlier build stayed as it was.
func AfterAdding(before, after map[string]string, added, lists []string) (want, got map[string]string, missing []string) {
	want, got = maps.Clone(before), maps.Clone(after)
	for _, name := range added {
		content, ok := after[name]
		if !ok {
			missing = append(missing, name)
		}
		want[name] = content
	}
	for _, name := range lists {
		delete(want, name)
		delete(got, name)
	}
	return want, got, missing
}
