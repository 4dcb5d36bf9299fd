// Package sample embeds the fictional Thạch Bàn reports (three Party
// committee reports and one People's Committee report, written for this
// project) so that `baocao demo` and the tests run with nothing to set up.
package sample

import (
	"embed"
	"io/fs"
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
