// Command xingji is the desktop program of 星级考评. It only wires things
// together: the log file, the database, the theme and the main window.
package main

import (
	"fmt"
	"log"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"sync/atomic"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"xingji/cmd/office"
	"xingji/model/sqlite"
	"xingji/ui"
)

func main() {
	office.LimitMemory()
	started := time.Now()
	path, err := sqlite.DefaultPath()
	if err != nil {
		fatal("找不到用户数据目录：" + err.Error())
	}
	logPath := openLog(filepath.Dir(path))
	ui.LogPath = logPath

	a := app.NewWithID("cn.xingji.desktop")
	a.SetIcon(ui.AppIcon)
	a.Settings().SetTheme(ui.NewTheme())
	if err := ui.UseChineseForFyneTexts(); err != nil {
		log.Println("translations:", err)
	}
	noWindow := "星级考评无法打开窗口。最常见的原因是显卡驱动不支持 OpenGL（例如远程桌面、虚拟机或很旧的显卡）。" +
		"请更新显卡驱动，或在本机（而不是远程桌面）上运行。\n详细信息见日志：" + logPath
	crashed := "星级考评遇到内部错误，需要重新打开。已记录日志，数据没有丢失：已保存的数据都在数据文件里。\n日志：" + logPath
	var shown atomic.Bool
	// When the graphics driver cannot start, Fyne may panic while the first
	// window is built (GLFW not initialised): say so instead of vanishing.
	// A panic after the window was shown is not a graphics failure: the
	// screens recover their own, so one reaching here is a bug of ours.
	defer func() {
		if r := recover(); r != nil {
			if shown.Load() {
				log.Printf("运行中出错：%v\n%s", r, debug.Stack())
				fatal(crashed)
			}
			log.Printf("启动失败：%v\n%s", r, debug.Stack())
			fatal(noWindow)
		}
	}()
	a.Lifecycle().SetOnStarted(func() {
		shown.Store(true)
		for _, w := range a.Driver().AllWindows() {
			fitToScreen(w)
		}
	})
	ui.FitToScreen = fitToScreen

	var opened *office.Office
	start(a, path, started, &opened)
	quitOnSignal(a)
	a.Run()
	// A clean exit by any way (the window's close box, 退出 in the menu):
	// closing the database checkpoints its WAL, so xingji.db alone holds
	// the data.
	if opened != nil {
		if err := opened.Close(); err != nil {
			log.Println("close database:", err)
		}
	}
	if !shown.Load() {
		fatal(noWindow)
	}
}

// start opens the database and shows the main window, or the window that says
// why the database cannot be opened.
func start(a fyne.App, path string, started time.Time, opened **office.Office) {
	o, err := office.Open(path)
	if err != nil {
		log.Println("open database:", err)
		offer := ui.RestoreOffer{}
		if b, berr := sqlite.LatestBackup(path, sqlite.Options{}); berr == nil {
			offer.Backup = b
			offer.Restore = func() error { return sqlite.RestoreFile(path, b.Path, sqlite.Options{}) }
			offer.Reopen = func() { start(a, path, time.Now(), opened) }
		}
		ui.NewStartupProblem(a, path, err, offer).Window().Show()
		return
	}
	*opened = o
	w := ui.NewMainWindow(a, o)
	w.Printer = newPrinter()
	w.OnReady = func() {
		log.Printf("窗口可用，启动用时 %d ms", time.Since(started).Milliseconds())
		startPressScript(w)
	}
	w.Window().SetOnClosed(func() { a.Quit() })
	w.Load()
	w.Window().Show()
}

// quitOnSignal ends the program as a clean exit when the system asks it to
// stop (a shutdown, kill), so that the database is closed and whole.
func quitOnSignal(a fyne.App) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ch
		log.Println("收到结束信号，正常退出")
		fyne.Do(a.Quit)
	}()
}

// openLog sends the log to xingji.log in the data folder (a GUI program on
// Windows has no console) and returns its path.
func openLog(dir string) string {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return ""
	}
	p := filepath.Join(dir, "xingji.log")
	f, err := os.OpenFile(p, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return ""
	}
	log.SetOutput(f)
	fmt.Fprintln(f, "---- 星级考评启动 ----")
	return p
}
