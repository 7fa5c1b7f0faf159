package ui

import (
	"os"
	"path/filepath"
	"reflect"
	"unsafe"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
)

// The file and folder choosers. Fyne's FileDialog must be shown before it is
// resized (Resize before Show dereferences its missing window), so every
// chooser of the program is opened here and nowhere else. A chooser starts
// in the folder the office used last and fits the window it belongs to.

// FitToScreen, when set by the program, shrinks a window that was just shown
// to fit the screen; windows other than the main one call it.
var FitToScreen func(w fyne.Window)

// lastFolderKey is the preference that remembers the folder chosen last.
const lastFolderKey = "lastFolder"

// pickerSize is the size a chooser asks for; it shrinks to fit the window.
var pickerSize = fyne.NewSize(900, 600)

// pickerOpened, when set, is told of every chooser shown (a test hook).
var pickerOpened func(d *dialog.FileDialog)

// pending is the chooser shown last and what choosing a path in it does,
// for Press's "选择:路径" (the smoke test cannot click inside Fyne's
// chooser, so it answers it as a clerk's choice would).
var pending struct {
	d      *dialog.FileDialog
	choose func(path string)
}

// remember records d as the chooser on screen, answered by choose.
func remember(d *dialog.FileDialog, choose func(path string)) {
	pending.d, pending.choose = d, func(path string) {
		defer recoverPanic()
		rememberFolder(filepath.Dir(path))
		choose(path)
	}
}

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
	// A list shows long Chinese file names whole; the grid breaks them.
	d.SetView(dialog.ListView)
	d.Show()
	chineseFavorites(d)
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
	d.SetTitleText("选择文件")
	remember(d, chosen)
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
	d.SetTitleText("选择文件夹")
	d.SetConfirmText("选择")
	remember(d, chosen)
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
	d.SetTitleText("保存为")
	remember(d, chosen)
	showPicker(d, win)
	return d
}

// favoriteNames are Chinese names for the places Fyne's chooser lists on its
// left; Fyne writes them in English and offers no translation for them.
var favoriteNames = map[string]string{
	"Home": "主文件夹", "Computer": "此电脑", "Desktop": "桌面", "Documents": "文档",
	"Downloads": "下载", "Music": "音乐", "Pictures": "图片", "Videos": "视频",
	"Movies": "影片", "App Files": "程序文件",
}

// chineseFavorites renames the places on the left of a shown chooser. Fyne
// keeps them in unexported fields, so this reaches them by reflection; a
// Fyne release that moves them leaves the English names (a test says so)
// rather than failing.
func chineseFavorites(d *dialog.FileDialog) {
	defer func() { _ = recover() }()
	inner := reflect.ValueOf(d).Elem().FieldByName("dialog")
	if !inner.IsValid() || inner.IsNil() {
		return
	}
	fd := inner.Elem()
	favs := fd.FieldByName("favorites")
	for i := 0; i < favs.Len(); i++ {
		name := favs.Index(i).FieldByName("locName")
		if zh, ok := favoriteNames[name.String()]; ok {
			reflect.NewAt(name.Type(), unsafe.Pointer(name.UnsafeAddr())).Elem().SetString(zh)
		}
	}
	list := fd.FieldByName("favoritesList")
	if l, ok := reflect.NewAt(list.Type(), unsafe.Pointer(list.UnsafeAddr())).Elem().Interface().(*widget.List); ok && l != nil {
		l.Refresh()
	}
}
