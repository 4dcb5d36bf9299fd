package main

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/baocao/baocao/corpus"
	"github.com/baocao/baocao/schema"
)

// openCorpus opens the corpus of a command that reads one. A missing or
// empty corpus is an error (exit 2) that says how to make one; a failed
// index repair is a warning, since the catalog still answers.
func openCorpus(io *IOStreams, dir string) (*corpus.Corpus, error) {
	c, err := corpus.OpenExisting(dir)
	if errors.Is(err, corpus.ErrNoCorpus) {
		return nil, withCode(exitError, fmt.Errorf("no corpus at %s: run 'baocao ingest FILES…' first (or 'baocao demo' to try the sample reports)", dir))
	}
	if err != nil {
		return nil, withCode(exitError, err)
	}
	if err := c.RepairErr(); err != nil {
		fmt.Fprintf(io.ErrOut, "warning: the search index is behind the catalog: %v\n", err)
	}
	n, err := c.Count(context.Background())
	if err != nil {
		c.Close()
		return nil, withCode(exitError, err)
	}
	if n == 0 {
		c.Close()
		return nil, withCode(exitError, fmt.Errorf("the corpus at %s is empty: run 'baocao ingest FILES…' first", dir))
	}
	outdatedHint(io, c)
	return c, nil
}

// docError gives a document lookup error its exit code; not found and
// ambiguous already say what to type instead.
func docError(err error) error {
	if err == nil {
		return nil
	}
	var nf *corpus.NotFoundError
	var amb *corpus.AmbiguousError
	if errors.As(err, &nf) {
		return withCode(exitError, fmt.Errorf("%w (see 'baocao list')", err))
	}
	if errors.As(err, &amb) {
		return withCode(exitError, fmt.Errorf("%w\ngive the id or more of it", err))
	}
	return withCode(exitError, err)
}

// explainNone says why a filter found nothing, with what the corpus does
// have: "no report of Huyện ủy X for 2025; the corpus has 2021, 2022, 2023".
func explainNone(ctx context.Context, c *corpus.Corpus, what, issuer string, year int) string {
	if issuer != "" {
		docs, err := c.Documents(ctx, corpus.DocFilter{Issuer: issuer})
		if err == nil && len(docs) == 0 {
			issuers, _ := c.Issuers(ctx)
			return fmt.Sprintf("no report of %s; the corpus has reports of %s", issuer, strings.Join(issuers, ", "))
		}
	}
	if year != 0 {
		years, err := c.Years(ctx, issuer)
		if err == nil && !containsInt(years, year) {
			of := ""
			if issuer != "" {
				of = " of " + issuer
			}
			return fmt.Sprintf("no report%s for %d; the corpus has %s", of, year, joinInts(years))
		}
	}
	return "no " + what + " found"
}

func containsInt(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

func joinInts(xs []int) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = strconv.Itoa(x)
	}
	if len(s) == 0 {
		return "no dated report"
	}
	return strings.Join(s, ", ")
}

// shortDocID is the id as a table shows it on a terminal: 8 hex digits are
// plenty to tell documents apart and show DOC takes a prefix.
func shortDocID(io *IOStreams, id string) string {
	if io.OutTTY && len(id) > 8 {
		return id[:8]
	}
	return id
}

// cellYear prints a year, or "" for unknown.
func cellYear(y int) string {
	if y == 0 {
		return ""
	}
	return strconv.Itoa(y)
}

// cellPage prints a page, or "" for unknown.
func cellPage(p schema.NullInt) string {
	if p == 0 {
		return ""
	}
	return strconv.Itoa(int(p))
}

// cellFigureValue writes a figure's value the Vietnamese way with its qualifier:
// "37/39", "94,9%", "3–4", "trên 90%", "từ 260 trở lên".
func cellFigureValue(x schema.Figure) string {
	v := num(x.Value)
	switch {
	case x.Denominator != nil:
		v += "/" + num(*x.Denominator)
	case x.ValueHigh != nil:
		v += "–" + num(*x.ValueHigh)
	}
	if x.Kind == schema.KindPercent {
		v += "%"
	}
	switch q := strings.TrimSpace(x.Qualifier); {
	case q == "":
	case strings.Contains(q, "…"):
		v = strings.Replace(q, "…", v, 1)
	default:
		v = q + " " + v
	}
	return v
}

// cellFigureUnit is the unit a table prints beside cellFigureValue ("%" is in the
// value already).
func cellFigureUnit(x schema.Figure) string {
	if x.Kind == schema.KindPercent && x.Unit == "%" {
		return ""
	}
	return x.Unit
}

// cellWhere is a provenance column: "Phần thứ nhất/II/2, footnote 3".
func cellWhere(sectionPath string, footnote schema.NullInt) string {
	s := sectionPath
	if footnote != 0 {
		if s != "" {
			s += ", "
		}
		s += "footnote " + strconv.Itoa(int(footnote))
	}
	return s
}
