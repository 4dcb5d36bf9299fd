package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// TargetsOptions are the inputs of `baocao targets`.
type TargetsOptions struct {
	IO *IOStreams
}

func newCmdTargets(f *Factory, runF func(*TargetsOptions) error) *cobra.Command {
	opts := &TargetsOptions{IO: f.IO}
	return &cobra.Command{
		Use:    "targets",
		Short:  "(not implemented yet)",
		Hidden: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return withCode(exitError, errors.New("targets: not implemented yet"))
		},
	}
}
