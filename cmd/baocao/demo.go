package main

import (
	"errors"

	"github.com/spf13/cobra"
)

func newCmdDemo(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "demo",
		Short: "Ingest the bundled sample reports into a temporary corpus and show what baocao does",
		RunE: func(cmd *cobra.Command, args []string) error {
			return withCode(exitError, errors.New("demo: not implemented yet"))
		},
	}
}
