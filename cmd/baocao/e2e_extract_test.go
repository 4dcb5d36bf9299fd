package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/baocao/baocao/corpus/sample"
	"github.com/baocao/baocao/schema"
)

var update = flag.Bool("update", false, "rewrite golden files")

// runBare runs the binary built by buildCorpusCLI with no --corpus flag and
// returns stdout, stderr and the exit code.
func runBare(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(buildCorpusCLI(t), args...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errOut.String(), code
}

// TestExtractGolden pins the whole extraction of the four sample reports:
// every section, paragraph, footnote, figure and citation. Review a golden
// diff like code (go test ./cmd/baocao -run TestExtractGolden -update).
func TestExtractGolden(t *testing.T) {
	for _, name := range sample.Names() {
		t.Run(name, func(t *testing.T) {
			path := sample.RepoFile("corpus/sample/" + name)
			out, errOut, code := runBare(t, "extract", path, "--json")
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			var doc schema.Document
			if err := json.Unmarshal([]byte(out), &doc); err != nil {
				t.Fatalf("output is not a Document: %v", err)
			}
			if doc.SchemaVersion != schema.Version || doc.Source.Format != schema.FormatMarkdown || len(doc.Figures) == 0 {
				t.Errorf("unexpected document header: %+v", doc.Source)
			}
			golden := sample.RepoFile(filepath.Join("testdata", "golden", strings.TrimSuffix(name, ".export.md")+".json"))
			if *update {
				os.MkdirAll(filepath.Dir(golden), 0o755)
				if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if string(want) != out {
				t.Errorf("extraction differs from %s; run with -update and review the diff (git diff testdata/golden)", golden)
			}
		})
	}
}

// TestExtractBadFiles: one line naming the file, exit 2, nothing on stdout.
func TestExtractBadFiles(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"empty.md":         nil,
		"binary.dat":       bytes.Repeat([]byte{0, 0xff, 7}, 500),
		"broken.pdf":       []byte("%PDF-1.4\n1 0 obj\n<< /Type /Catalog"),
		"broken.docx":      []byte("PK\x03\x04garbage"),
		"invalid-utf8.txt": []byte("B\xe1o c\xe1o \xff\xfe\x80\x81 n\xe4m"),
	}
	for name, data := range files {
		t.Run(name, func(t *testing.T) {
			p := filepath.Join(dir, name)
			os.WriteFile(p, data, 0o644)
			out, errOut, code := runBare(t, "extract", p, "--json")
			if code != exitError {
				t.Errorf("exit %d, want %d", code, exitError)
			}
			if out != "" {
				t.Errorf("stdout not empty: %.100q", out)
			}
			lines := strings.Split(strings.TrimSpace(errOut), "\n")
			if len(lines) != 1 || !strings.Contains(lines[0], name) {
				t.Errorf("stderr is not one line naming the file: %q", errOut)
			}
		})
	}
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"unknown command", []string{"frobnicate"}},
		{"missing file argument", []string{"extract"}},
		{"unknown flag", []string{"extract", "--bogus", "x"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errOut, code := runBare(t, tt.args...)
			if code != exitError || !strings.HasPrefix(errOut, "baocao: ") {
				t.Errorf("exit %d, stderr %q", code, errOut)
			}
		})
	}
}
