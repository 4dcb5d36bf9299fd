package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// RefsOptions are the inputs of `baocao refs`.
type RefsOptions struct {
	IO *IOStreams
}

func newCmdRefs(f *Factory, runF func(*RefsOptions) error) *cobra.Command {
	opts := &RefsOptions{IO: f.IO}
	return &cobra.Command{
		Use:    "refs",
		Short:  "(not implemented yet)",
		Hidden: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return withCode(exitError, errors.New("refs: not implemented yet"))
		},
	}
}
