package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"

	"github.com/baocao/baocao/extract/vntext"
)

// writeJSON writes v indented, with non-ASCII text as is (Vietnamese stays
// readable) and a final newline.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// printTable prints rows under header: an aligned table on a terminal,
// tab-separated lines (header first) when piped, so that scripts can cut it.
func printTable(io *IOStreams, header []string, rows [][]string) error {
	if !io.OutTTY {
		fmt.Fprintln(io.Out, strings.Join(header, "\t"))
		for _, r := range rows {
			clean := make([]string, len(r))
			for i, c := range r {
				clean[i] = strings.NewReplacer("\t", " ", "\n", " ").Replace(c)
			}
			fmt.Fprintln(io.Out, strings.Join(clean, "\t"))
		}
		return nil
	}
	t := tablewriter.NewTable(io.Out,
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithRowAutoWrap(tw.WrapNormal),
		tablewriter.WithMaxWidth(160),
	)
	t.Header(header)
	for _, r := range rows {
		if err := t.Append(r); err != nil {
			return err
		}
	}
	return t.Render()
}

// num formats a value the Vietnamese way (9.582; 20,4) unless raw output was
// asked for.
func num(v float64) string {
	return vntext.FormatNumber(v, -1)
}
