// Command xingji-cli is the console tool of 星级考评: the same jobs as the
// desktop program, for batch and scripted use. It never imports Fyne and builds
// with CGO_ENABLED=0.
//
//	xingji-cli [--db PATH] COMMAND [flags]
//
// Read commands take --json and print machine-readable output. Any failure
// exits non-zero with a Chinese message on stderr.
package main

import (
	"context"
	"os"

	"xingji/cmd/office"
)

func main() {
	office.LimitMemory()
	m := NewMain()
	os.Exit(m.Run(context.Background(), os.Args[1:]))
}
