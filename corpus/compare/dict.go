package compare

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
)

// Dictionary is the user's correction of the aligner, kept in the corpus
// (metrics.json) so that one correction fixes every year.
type Dictionary struct {
	// Aliases are groups of phrases that name one thing; every phrase of a
	// group is read as the group's first one.
	Aliases [][]string `json:"aliases"`
	// Exclude lists phrases whose figures are never aligned or shown.
	Exclude []string `json:"exclude"`

	aliases []alias
	exclude [][]string
}

type alias struct{ from, to []string }

// Default holds only general Vietnamese synonyms of administrative
// reports: the verbs used in turn for admitting members, the two ways of
// naming a Party's grassroots organizations, and passing a council's
// resolutions.
func Default() *Dictionary {
	d := &Dictionary{Aliases: [][]string{
		{"kết nạp đảng viên", "phát triển đảng viên"},
		{"kết nạp đoàn viên", "phát triển đoàn viên"},
		{"kết nạp hội viên", "phát triển hội viên"},
		{"tổ chức cơ sở đảng", "chi, đảng bộ cơ sở", "chi bộ, đảng bộ cơ sở", "đảng bộ, chi bộ cơ sở", "tổ chức đảng cơ sở"},
		{"ban hành nghị quyết", "thông qua nghị quyết"},
	}}
	d.compile()
	return d
}

// Load reads a dictionary file and adds it to the defaults. A missing file is
// not an error: the dictionary starts empty.
func Load(path string) (*Dictionary, error) {
	d := Default()
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return d, nil
	}
	if err != nil {
		return nil, err
	}
	var user Dictionary
	if err := json.Unmarshal(b, &user); err != nil {
		return nil, fmt.Errorf("metrics dictionary %s: %w", path, err)
	}
	d.Aliases = append(d.Aliases, user.Aliases...)
	d.Exclude = append(d.Exclude, user.Exclude...)
	d.compile()
	return d, nil
}

// User returns the part of d that is not the default, for saving.
func (d *Dictionary) User() *Dictionary {
	def := Default()
	u := &Dictionary{Aliases: [][]string{}, Exclude: slices.Clone(d.Exclude)}
	for _, g := range d.Aliases {
		builtin := false
		for _, dg := range def.Aliases {
			if slices.Equal(g, dg) {
				builtin = true
			}
		}
		if !builtin {
			u.Aliases = append(u.Aliases, g)
		}
	}
	if u.Exclude == nil {
		u.Exclude = []string{}
	}
	return u
}

// Save writes the user's part of d to path.
func (d *Dictionary) Save(path string) error {
	b, err := json.MarshalIndent(d.User(), "", "  ")
	if err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, append(b, '\n'), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// AddAlias records that phrase means the same as canonical.
func (d *Dictionary) AddAlias(canonical, phrase string) {
	for i, g := range d.Aliases {
		if len(g) > 0 && strings.EqualFold(g[0], canonical) {
			d.Aliases[i] = append(g, phrase)
			d.compile()
			return
		}
	}
	d.Aliases = append(d.Aliases, []string{canonical, phrase})
	d.compile()
}

// AddExclude records a phrase whose figures are left out.
func (d *Dictionary) AddExclude(phrase string) {
	d.Exclude = append(d.Exclude, phrase)
	d.compile()
}

func (d *Dictionary) compile() {
	d.aliases = d.aliases[:0]
	for _, g := range d.Aliases {
		if len(g) < 2 {
			continue
		}
		to := syllables(g[0])
		for _, p := range g[1:] {
			if from := syllables(p); len(from) > 0 {
				d.aliases = append(d.aliases, alias{from: from, to: to})
			}
		}
	}
	d.exclude = d.exclude[:0]
	for _, p := range d.Exclude {
		if s := syllables(p); len(s) > 0 {
			d.exclude = append(d.exclude, s)
		}
	}
}

// apply rewrites every alias phrase in syl to its canonical phrase.
func (d *Dictionary) apply(syl []string) []string {
	for _, a := range d.aliases {
		for i := 0; i+len(a.from) <= len(syl); i++ {
			if slices.Equal(syl[i:i+len(a.from)], a.from) {
				syl = slices.Concat(syl[:i], a.to, syl[i+len(a.from):])
				i += len(a.to) - 1
			}
		}
	}
	return syl
}

func (d *Dictionary) excluded(syl []string) bool {
	for _, e := range d.exclude {
		for i := 0; i+len(e) <= len(syl); i++ {
			if slices.Equal(syl[i:i+len(e)], e) {
				return true
			}
		}
	}
	return false
}
