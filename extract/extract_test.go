package extract

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/baocao/baocao/corpus/sample"
	"github.com/baocao/baocao/schema"
)

func TestSniff(t *testing.T) {
	tests := []struct {
		name string
		data string
		want string
	}{
		{"pdf", "%PDF-1.7\n%âãÏÓ\n", schema.FormatPDF},
		{"pdf after junk", "\n\n%PDF-1.4\n", schema.FormatPDF},
		{"docx", "PK\x03\x04\x14\x00", schema.FormatDOCX},
		{"markdown bold", "\n**BÁO CÁO**\n", schema.FormatMarkdown},
		{"markdown sup", "văn bản<sup>1</sup>", schema.FormatMarkdown},
		{"plain text", "Báo cáo tổng kết năm 2024\n\nNội dung.", schema.FormatText},
		{"nul bytes", "ab\x00\x00cd", ""},
		{"elf", "\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00\x01\x00\x00\x00", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sniff([]byte(tt.data)); got != tt.want {
				t.Errorf("Sniff = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestBadInput checks that every kind of bad file gives one error line that
// names the file, and never a panic.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	pdf, err := os.ReadFile(sample.RepoFile("testdata/corpus/formats/thachban-2022.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	docx, err := os.ReadFile(sample.RepoFile("testdata/corpus/formats/thachban-2022.docx"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data []byte
		want error // nil: any error
	}{
		{"empty.md", nil, ErrEmpty},
		{"blank.txt", []byte(" \n\n\t\n"), ErrEmpty},
		{"binary.bin", bytes.Repeat([]byte{0, 1, 2, 3, 0xff}, 1000), ErrBinary},
		{"truncated.pdf", pdf[:len(pdf)/3], nil},
		{"header-only.pdf", []byte("%PDF-1.4\n"), nil},
		{"truncated.docx", docx[:len(docx)/2], nil},
		{"not-really.docx", []byte("PK\x03\x04 this is not a zip"), nil},
		{"invalid-utf8.txt", []byte("Báo cáo \xff\xfe\xfd\xfc \x80\x81 năm 2024 \xc3\x28 \xe2\x82"), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, tt.name)
			if err := os.WriteFile(path, tt.data, 0o644); err != nil {
				t.Fatal(err)
			}
			doc, err := File(context.Background(), path, Options{NoOCR: true})
			if err == nil {
				t.Fatalf("no error; got a document with %d paragraphs", len(doc.Paragraphs))
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("error %v, want %v", err, tt.want)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, tt.name+": ") || strings.Contains(msg, "\n") {
				t.Errorf("error is not one line naming the file: %q", msg)
			}
		})
	}
}

func TestTooLargeText(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.txt")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	// 200 MB: text at the head, the rest a sparse hole, so the test writes
	// little; File must refuse it from its size without reading it.
	f.WriteString(strings.Repeat("Báo cáo tổng kết công tác năm 2024.\n\n", 300))
	if err := f.Truncate(200 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, err = File(context.Background(), path, Options{})
	if !errors.Is(err, ErrTooLarge) || !strings.HasPrefix(err.Error(), "huge.txt: ") {
		t.Errorf("error %v, want ErrTooLarge naming the file", err)
	}
}

func TestMissingFile(t *testing.T) {
	_, err := File(context.Background(), filepath.Join(t.TempDir(), "nope.pdf"), Options{})
	if err == nil || err.Error() != "nope.pdf: no such file or directory" {
		t.Errorf("error = %v", err)
	}
}

// BenchmarkExtractMarkdown is the whole pipeline (read, structure, figures,
// references) on the four sample reports; MB/s is of Markdown input.
func BenchmarkExtractMarkdown(b *testing.B) {
	var files [][]byte
	var size int64
	for _, n := range sample.Names() {
		data, err := os.ReadFile(sample.RepoFile("corpus/sample/" + n))
		if err != nil {
			b.Fatal(err)
		}
		files = append(files, data)
		size += int64(len(data))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, data := range files {
			if _, err := Bytes(context.Background(), "x.md", data, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkExtractPDF is the whole pipeline on the LibreOffice PDF of a
// sample report; see the pages/s metric.
func BenchmarkExtractPDF(b *testing.B) {
	data, err := os.ReadFile(sample.RepoFile("testdata/corpus/formats/thachban-2023.pdf"))
	if err != nil {
		b.Fatal(err)
	}
	pages := 0
	b.ReportAllocs()
	for b.Loop() {
		doc, err := Bytes(context.Background(), "x.pdf", data, Options{NoOCR: true})
		if err != nil {
			b.Fatal(err)
		}
		pages = doc.Source.Pages
	}
	b.ReportMetric(float64(pages)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}

// TestFilePipe: a file that cannot seek (a pipe, "/dev/stdin") is read
// whole, its head included.
func TestFilePipe(t *testing.T) {
	if _, err := os.Stat("/dev/fd"); err != nil {
		t.Skip("no /dev/fd on this system")
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	text := strings.Repeat("Năm 2023, huyện kết nạp 120 đảng viên mới.\n\n", 400) // past the 8 KiB head
	go func() {
		w.WriteString(text)
		w.Close()
	}()
	doc, err := File(context.Background(), "/dev/fd/"+strconv.Itoa(int(r.Fd())), Options{})
	if err != nil {
		t.Fatalf("pipe: %v", err)
	}
	if len(doc.Figures) != 400 {
		t.Errorf("pipe: %d figures, want 400", len(doc.Figures))
	}
}
