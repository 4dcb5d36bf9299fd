package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// SearchOptions are the inputs of `baocao search`.
type SearchOptions struct {
	IO *IOStreams
}

func newCmdSearch(f *Factory, runF func(*SearchOptions) error) *cobra.Command {
	opts := &SearchOptions{IO: f.IO}
	return &cobra.Command{
		Use:    "search",
		Short:  "(not implemented yet)",
		Hidden: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return withCode(exitError, errors.New("search: not implemented yet"))
		},
	}
}
