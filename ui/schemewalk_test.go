package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// walkObjects calls fn for o and everything inside it: containers, scrolls,
// splits, every tab (shown or not), form rows, and the parts each other
// widget draws.
func walkObjects(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	if o == nil {
		return
	}
	fn(o)
	switch w := o.(type) {
	case *fyne.Container:
		for _, c := range w.Objects {
			walkObjects(c, fn)
		}
	case *container.Scroll:
		walkObjects(w.Content, fn)
	case *container.Split:
		walkObjects(w.Leading, fn)
		walkObjects(w.Trailing, fn)
	case *container.AppTabs:
		for _, it := range w.Items {
			fn(widget.NewLabel(it.Text))
			walkObjects(it.Content, fn)
		}
	case *widget.Form:
		for _, it := range w.Items {
			fn(widget.NewLabel(it.Text))
			walkObjects(it.Widget, fn)
		}
	case *widget.Label, *widget.Button, *widget.Check, *widget.Select, *widget.RichText, *widget.Tree, *widget.List, *treeWidget:
		// their text is read by the caller; lists and trees are read row by row
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(w).Objects() {
			walkObjects(c, fn)
		}
	}
}
