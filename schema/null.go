package schema

import (
	"bytes"
	"encoding/json"
	"strconv"
)

// NullString is a string that is null in JSON when empty, for optional links
// between objects ("parent": null).
type NullString string

// MarshalJSON writes null for the empty string.
func (s NullString) MarshalJSON() ([]byte, error) {
	if s == "" {
		return []byte("null"), nil
	}
	return json.Marshal(string(s))
}

// UnmarshalJSON reads null as the empty string.
func (s *NullString) UnmarshalJSON(b []byte) error {
	if bytes.Equal(b, []byte("null")) {
		*s = ""
		return nil
	}
	var v string
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*s = NullString(v)
	return nil
}

// NullInt is an int that is null in JSON when zero: footnote ids and page
// numbers start at 1, so zero means "none" or "unknown".
type NullInt int

// MarshalJSON writes null for zero.
func (n NullInt) MarshalJSON() ([]byte, error) {
	if n == 0 {
		return []byte("null"), nil
	}
	return strconv.AppendInt(nil, int64(n), 10), nil
}

// UnmarshalJSON reads null as zero.
func (n *NullInt) UnmarshalJSON(b []byte) error {
	if bytes.Equal(b, []byte("null")) {
		*n = 0
		return nil
	}
	v, err := strconv.Atoi(string(b))
	if err != nil {
		return err
	}
	*n = NullInt(v)
	return nil
}

// Float returns a pointer to v, for the optional float fields of Figure.
func Float(v float64) *float64 { return &v }
