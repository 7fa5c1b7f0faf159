package main

import (
	"path/filepath"
	"strings"

	"golang.org/x/sys/windows"
	"golang.org/x/sys/windows/registry"
)

// systemPrinter prints a file through the program Windows has registered
// for its kind, by the shell's "print" verb — only where that program
// registers one (Edge, the default PDF program of Windows 10/11, does not;
// Adobe Reader, WPS and Excel do).
type systemPrinter struct{}

func newPrinter() systemPrinter { return systemPrinter{} }

// CanPrint reports whether a "print" verb is registered for the file's
// kind: for the program the user chose (UserChoice), else the class of
// the extension, else the extension's SystemFileAssociations.
func (systemPrinter) CanPrint(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	if ext == "" {
		return false
	}
	var classes []string
	if k, err := registry.OpenKey(registry.CURRENT_USER,
		`Software\Microsoft\Windows\CurrentVersion\Explorer\FileExts\`+ext+`\UserChoice`, registry.QUERY_VALUE); err == nil {
		if id, _, err := k.GetStringValue("ProgId"); err == nil && id != "" {
			classes = append(classes, id)
		}
		k.Close()
	}
	if k, err := registry.OpenKey(registry.CLASSES_ROOT, ext, registry.QUERY_VALUE); err == nil {
		if id, _, err := k.GetStringValue(""); err == nil && id != "" {
			classes = append(classes, id)
		}
		k.Close()
	}
	classes = append(classes, `SystemFileAssociations\`+ext)
	for _, c := range classes {
		if k, err := registry.OpenKey(registry.CLASSES_ROOT, c+`\shell\print\command`, registry.QUERY_VALUE); err == nil {
			k.Close()
			return true
		}
	}
	return false
}

// Print hands the file to its program's "print" verb.
func (systemPrinter) Print(path string) error {
	verb, _ := windows.UTF16PtrFromString("print")
	file, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return err
	}
	return windows.ShellExecute(0, verb, file, nil, nil, windows.SW_HIDE)
}
