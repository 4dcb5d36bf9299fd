// Command baocao turns Vietnamese annual reports into a corpus that can be
// searched, compared year over year and checked for inconsistencies.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], systemStreams()))
}
