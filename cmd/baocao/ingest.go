package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// IngestOptions are the inputs of `baocao ingest`.
type IngestOptions struct {
	IO *IOStreams
}

func newCmdIngest(f *Factory, runF func(*IngestOptions) error) *cobra.Command {
	opts := &IngestOptions{IO: f.IO}
	return &cobra.Command{
		Use:    "ingest",
		Short:  "(not implemented yet)",
		Hidden: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return withCode(exitError, errors.New("ingest: not implemented yet"))
		},
	}
}
