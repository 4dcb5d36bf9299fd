// Package sample embeds the fictional Thạch Bàn reports (three Party
// committee reports and one People's Committee report, written for this
// project) so that `baocao demo` and the tests run with nothing to set up.
package sample

import (
	"embed"
	"io/fs"
	"os"
	"path/filepath"
)

//go:embed *.export.md
var files embed.FS

// FS returns the sample reports; names are like "thachban-2022.export.md".
func FS() fs.FS { return files }

// Names lists the sample reports in name order.
func Names() []string {
	entries, _ := fs.ReadDir(files, ".")
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// SharedFile returns the path of rel inside ../shared (the project's shared
// material beside the repository), found by walking up from the working
// directory to go.mod. ok is false when it is not there: tests skip then.
func SharedFile(rel string) (path string, ok bool) {
	dir, err := os.Getwd()
	if err != nil {
		return "", false
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			p := filepath.Join(dir, "..", "shared", rel)
			if _, err := os.Stat(p); err == nil {
				return p, true
			}
			return "", false
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}

// RepoFile returns the absolute path of rel in the repository (for
// testdata at the top level), found like SharedFile.
func RepoFile(rel string) string {
	dir, _ := os.Getwd()
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, rel)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return rel
		}
		dir = parent
	}
}
