package ui

import (
	"fmt"
	"image/color"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"xingji/model"
)

// Board filters: the choices of the board's 显示 list. 未提交 counts a
// rejected form too (its unit has sent nothing usable), as the missing list
// does; both follow model.StatusState.Waiting.
const (
	filterAll       = "全部"
	filterWaiting   = "未提交（含被退回）"
	filterRejected  = "仅被退回"
	filterSubmitted = "已提交"
)

// stateFilters are the choices of the board's filter.
var stateFilters = []string{filterAll, filterWaiting, filterRejected, filterSubmitted}

// keeps reports whether the filter shows a row in state st.
func keeps(filter string, st model.StatusState) bool {
	switch filter {
	case filterWaiting:
		return st.Waiting()
	case filterRejected:
		return st == model.StateRejected
	case filterSubmitted:
		return st == model.StateSubmitted
	}
	return true
}

// Board columns, in order.
const (
	colCode = iota
	colWho
	colSecretary
	colPhone
	colState
	colVersion
	colReceived
	colFile
	colProblems
)

// boardColumns are the board's headers and widths: the columns needed to
// phone round come first, so that they show without scrolling in a window
// 1024 wide.
var boardColumns = []column{
	{"编码", 84}, {"党组织 / 部门", 210}, {"书记", 66}, {"联系电话", 112}, {"情况", 64},
	{"版本", 116}, {"收到时间", 136}, {"文件", 240}, {"退回原因", 420},
}

// boardCell is the text of one cell of the board.
func boardCell(r model.StatusRow, col int) string {
	switch col {
	case colCode:
		return r.UnitCode
	case colWho:
		if r.Form == model.FormReview {
			return r.Dept + "（考评表）"
		}
		return r.UnitName
	case colSecretary:
		return r.Secretary
	case colPhone:
		return r.Phone
	case colState:
		return r.State.Label()
	case colVersion:
		if r.Version == 0 {
			return ""
		}
		v := fmt.Sprintf("第%d版", r.Version)
		if r.Superseded > 0 {
			v += fmt.Sprintf("（替换%d）", r.Superseded)
		}
		return v
	case colReceived:
		if r.Received.IsZero() {
			return ""
		}
		return r.Received.Format("2006-01-02 15:04")
	case colFile:
		return r.File
	case colProblems:
		if len(r.Problems) == 0 {
			return ""
		}
		first := r.Problems[0]
		if _, after, ok := strings.Cut(first, "："); ok && strings.Contains(first, "工作表") {
			first = after
		}
		if len(r.Problems) > 1 {
			return fmt.Sprintf("（%d处）%s", len(r.Problems), first)
		}
		return first
	}
	return ""
}

// doubleClick is the longest pause between the two clicks of a double click.
const doubleClick = 450 * time.Millisecond

// newBoardTable builds the status board's table over s's rows: the state
// of a unit that has not sent a usable form in bold; Enter or a double
// click opens the chosen row's detail.
func newBoardTable(s *PeriodsScreen) *rowTable {
	t := newRowTable(boardColumns, func() int { return len(s.rows) },
		func(row, col int) string { return boardCell(s.rows[row], col) }, func() int { return s.chosen })
	t.style = func(row, col int) (bool, color.Color) {
		return col == colState && s.rows[row].State != model.StateSubmitted, nil
	}
	t.onOpen = safely(s.openDetail)
	return t
}

// rowDetail describes the chosen row: its state, the version taken, and
// every reason of the last refusal with its file, sheet and cell.
func rowDetail(r model.StatusRow) string {
	who := r.UnitName
	if r.Form == model.FormReview {
		who = r.Dept + " 考评表"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s：%s", who, r.State.Label())
	if r.Secretary != "" || r.Phone != "" {
		fmt.Fprintf(&b, "（书记 %s", r.Secretary)
		if r.Phone != "" {
			fmt.Fprintf(&b, "，电话 %s", r.Phone)
		}
		b.WriteString("）")
	}
	if r.Version > 0 {
		fmt.Fprintf(&b, "，采用第 %d 版（%s，%s）", r.Version, r.File, r.Received.Format("2006-01-02 15:04"))
	}
	if r.Superseded > 0 {
		fmt.Fprintf(&b, "；较早的 %d 个版本已被替换，原件仍保留", r.Superseded)
	}
	if r.Rejected > 0 {
		fmt.Fprintf(&b, "；被退回 %d 次", r.Rejected)
	}
	if len(r.Problems) > 0 {
		b.WriteString("\n最近一次退回的原因：")
		for i, p := range r.Problems {
			fmt.Fprintf(&b, "\n%d. %s", i+1, p)
		}
	} else if r.State == model.StateMissing {
		b.WriteString("。可导出未提交名单，逐个电话联系。")
	}
	return b.String()
}

// openDetail shows the chosen row's detail in a dialog of its own, with
// room for long lists of reasons, and 另存收到的原件… when a file came.
func (s *PeriodsScreen) openDetail() {
	if s.chosen < 0 || s.chosen >= len(s.rows) {
		return
	}
	r := s.rows[s.chosen]
	text := widget.NewLabel(rowDetail(r))
	text.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(text)
	var body fyne.CanvasObject = scroll
	var d dialog.Dialog
	if r.SHA256 != "" {
		save := newIconButton("另存收到的原件…", theme.DownloadIcon(), func() {
			d.Hide()
			s.onSaveOriginal()
		})
		body = container.NewBorder(nil, container.NewHBox(save), nil, nil, scroll)
	}
	d = dialog.NewCustom("收件详情", "关闭", body, s.m.win)
	size := s.m.win.Canvas().Size()
	d.Resize(fyne.NewSize(min(720, size.Width-40), min(460, size.Height-60)))
	answerKeys(s.m.win.Canvas(), d, d.Hide, d.Hide)
	s.detailDialog = d
	d.Show()
}
