package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// ReindexOptions are the inputs of `baocao reindex`.
type ReindexOptions struct {
	IO *IOStreams
}

func newCmdReindex(f *Factory, runF func(*ReindexOptions) error) *cobra.Command {
	opts := &ReindexOptions{IO: f.IO}
	return &cobra.Command{
		Use:    "reindex",
		Short:  "(not implemented yet)",
		Hidden: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return withCode(exitError, errors.New("reindex: not implemented yet"))
		},
	}
}
