package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// ShowOptions are the inputs of `baocao show`.
type ShowOptions struct {
	IO *IOStreams
}

func newCmdShow(f *Factory, runF func(*ShowOptions) error) *cobra.Command {
	opts := &ShowOptions{IO: f.IO}
	return &cobra.Command{
		Use:    "show",
		Short:  "(not implemented yet)",
		Hidden: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return withCode(exitError, errors.New("show: not implemented yet"))
		},
	}
}
