//go:build !windows

package main

import (
	"fmt"
	"os"
)

// fatal prints msg on stderr and exits.
func fatal(msg string) {
	fmt.Fprintln(os.Stderr, "错误："+msg)
	os.Exit(1)
}
