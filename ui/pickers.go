package ui

import (
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// The file and folder choosers. Fyne's FileDialog must be shown before it is
// resized (Resize before Show dereferences its missing window), so every
// chooser of the program is opened here and nowhere else. A chooser starts
// in the folder the office used last and fits the window it belongs to.

// lastFolderKey is the preference that remembers the folder chosen last.
const lastFolderKey = "lastFolder"

// pickerSize is the size a chooser asks for; it shrinks to fit the window.
var pickerSize = fyne.NewSize(900, 600)

// pickerOpened, when set, is told of every chooser shown (a test hook).
var pickerOpened func(d *dialog.FileDialog)

// choosePath returns the path of a chosen URI in the system's form.
func choosePath(u fyne.URI) string { return filepath.FromSlash(u.Path()) }

// rememberFolder stores dir as the folder to start in next time.
func rememberFolder(dir string) {
	if a := fyne.CurrentApp(); a != nil && dir != "" {
		a.Preferences().SetString(lastFolderKey, dir)
	}
}

// showPicker shows d on win, starting in the folder used last, sized to fit.
func showPicker(d *dialog.FileDialog, win fyne.Window) {
	if a := fyne.CurrentApp(); a != nil {
		if dir := a.Preferences().String(lastFolderKey); dir != "" {
			if st, err := os.Stat(dir); err == nil && st.IsDir() {
				if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
					d.SetLocation(l)
				}
			}
		}
	}
	d.Show()
	d.Resize(fitWindow(win, pickerSize))
	if pickerOpened != nil {
		pickerOpened(d)
	}
}

// pickFile lets the user choose an existing file with one of exts (nil: any)
// and calls chosen with its path; cancelling calls nothing.
func pickFile(win fyne.Window, exts []string, chosen func(path string), failed func(error)) *dialog.FileDialog {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		defer recoverPanic()
		if err != nil {
			failed(err)
			return
		}
		if r == nil {
			return
		}
		path := choosePath(r.URI())
		r.Close()
		rememberFolder(filepath.Dir(path))
		chosen(path)
	}, win)
	if len(exts) > 0 {
		d.SetFilter(storage.NewExtensionFileFilter(exts))
	}
	showPicker(d, win)
	return d
}

// pickFolder lets the user choose a folder and calls chosen with its path.
func pickFolder(win fyne.Window, chosen func(path string), failed func(error)) *dialog.FileDialog {
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		defer recoverPanic()
		if err != nil {
			failed(err)
			return
		}
		if u == nil {
			return
		}
		path := choosePath(u)
		rememberFolder(path)
		chosen(path)
	}, win)
	showPicker(d, win)
	return d
}

// pickSave lets the user choose where to save a new file named name and
// calls chosen with its path. The chooser creates the file empty; chosen
// writes it whole (through a temporary file where it matters).
func pickSave(win fyne.Window, name string, exts []string, chosen func(path string), failed func(error)) *dialog.FileDialog {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		defer recoverPanic()
		if err != nil {
			failed(err)
			return
		}
		if w == nil {
			return
		}
		path := choosePath(w.URI())
		w.Close()
		rememberFolder(filepath.Dir(path))
		chosen(path)
	}, win)
	d.SetFileName(name)
	if len(exts) > 0 {
		d.SetFilter(storage.NewExtensionFileFilter(exts))
	}
	showPicker(d, win)
	return d
}
