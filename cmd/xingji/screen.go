package main

import (
	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.4/glfw"
)

// fitToScreen shrinks w to the usable area of the primary screen (without
// the taskbar) when it is larger, so that no window opens past the edge of
// a 1366×768 or 1024×700 laptop screen, at any display scaling. Fyne has
// no screen size of its own; GLFW, which it runs on, has. It must run on
// the UI goroutine, once the window is shown.
func fitToScreen(w fyne.Window) {
	defer func() { _ = recover() }() // no monitor (a remote session): leave the size alone
	m := glfw.GetPrimaryMonitor()
	if m == nil {
		return
	}
	_, _, pw, ph := m.GetWorkarea()
	s := w.Canvas().Scale()
	if pw <= 0 || ph <= 0 || s <= 0 {
		return
	}
	// Room for the window's frame and title bar.
	maxW, maxH := float32(pw)/s-16, float32(ph)/s-48
	size := w.Canvas().Size()
	if size.Width <= maxW && size.Height <= maxH {
		return
	}
	w.Resize(fyne.NewSize(min(size.Width, maxW), min(size.Height, maxH)))
}
