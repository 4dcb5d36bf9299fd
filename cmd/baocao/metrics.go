package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// MetricsOptions are the inputs of `baocao metrics`.
type MetricsOptions struct {
	IO *IOStreams
}

func newCmdMetrics(f *Factory, runF func(*MetricsOptions) error) *cobra.Command {
	opts := &MetricsOptions{IO: f.IO}
	return &cobra.Command{
		Use:    "metrics",
		Short:  "(not implemented yet)",
		Hidden: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return withCode(exitError, errors.New("metrics: not implemented yet"))
		},
	}
}
