package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// CheckOptions are the inputs of `baocao check`.
type CheckOptions struct {
	IO *IOStreams
}

func newCmdCheck(f *Factory, runF func(*CheckOptions) error) *cobra.Command {
	opts := &CheckOptions{IO: f.IO}
	return &cobra.Command{
		Use:    "check",
		Short:  "(not implemented yet)",
		Hidden: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return withCode(exitError, errors.New("check: not implemented yet"))
		},
	}
}
