package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// ListOptions are the inputs of `baocao list`.
type ListOptions struct {
	IO *IOStreams
}

func newCmdList(f *Factory, runF func(*ListOptions) error) *cobra.Command {
	opts := &ListOptions{IO: f.IO}
	return &cobra.Command{
		Use:    "list",
		Short:  "(not implemented yet)",
		Hidden: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return withCode(exitError, errors.New("list: not implemented yet"))
		},
	}
}
