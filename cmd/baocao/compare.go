package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// CompareOptions are the inputs of `baocao compare`.
type CompareOptions struct {
	IO *IOStreams
}

func newCmdCompare(f *Factory, runF func(*CompareOptions) error) *cobra.Command {
	opts := &CompareOptions{IO: f.IO}
	return &cobra.Command{
		Use:    "compare",
		Short:  "(not implemented yet)",
		Hidden: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return withCode(exitError, errors.New("compare: not implemented yet"))
		},
	}
}
