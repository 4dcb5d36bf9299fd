package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// FiguresOptions are the inputs of `baocao figures`.
type FiguresOptions struct {
	IO *IOStreams
}

func newCmdFigures(f *Factory, runF func(*FiguresOptions) error) *cobra.Command {
	opts := &FiguresOptions{IO: f.IO}
	return &cobra.Command{
		Use:    "figures",
		Short:  "(not implemented yet)",
		Hidden: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return withCode(exitError, errors.New("figures: not implemented yet"))
		},
	}
}
