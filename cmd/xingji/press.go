package main

import (
	"log"
	"os"
	"strings"
	"time"

	"fyne.io/fyne/v2"

	"xingji/ui"
)

// pressEnv names the controls the GUI smoke test presses on the real window
// (under Xvfb and under Wine), separated by "|": a button's text, or a
// menu item as "菜单/项目". Each press is logged; a chooser it opens stays on
// screen for the screenshot and is then cancelled. Unset for everyone else.
const pressEnv = "XINGJI_PRESS"

// pressScript presses each control of script in turn, off the UI goroutine
// except for the presses themselves.
func pressScript(w *ui.MainWindow, script string) {
	pause := 2 * time.Second
	for _, label := range strings.Split(script, "|") {
		label = strings.TrimSpace(label)
		if label == "" {
			continue
		}
		time.Sleep(pause)
		var found, opened bool
		fyne.DoAndWait(func() { found, opened = w.Press(label) })
		switch {
		case !found:
			log.Printf("按键：没有找到“%s”", label)
		case opened:
			log.Printf("按键：“%s”打开了选择框", label)
			time.Sleep(pause) // the screenshot is taken now
			fyne.DoAndWait(w.DismissChoosers)
		default:
			log.Printf("按键：已按下“%s”", label)
		}
	}
	time.Sleep(pause)
	log.Printf("按键：全部按完")
}

// startPressScript starts the script named by XINGJI_PRESS, if any.
func startPressScript(w *ui.MainWindow) {
	if script := os.Getenv(pressEnv); script != "" {
		go pressScript(w, script)
	}
}
