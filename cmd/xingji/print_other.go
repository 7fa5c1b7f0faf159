//go:build !windows

package main

// systemPrinter offers no direct printing outside Windows: documents open
// in the system's viewer, where they are printed.
type systemPrinter struct{}

func newPrinter() systemPrinter { return systemPrinter{} }

// CanPrint is false: there is no print verb to hand a file to.
func (systemPrinter) CanPrint(string) bool { return false }

// Print is never offered (CanPrint is false).
func (systemPrinter) Print(string) error { return nil }
