package documents

import (
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"

	"xingji/model"
)

// MemberListHeaders are the columns of the member list, as the roster on
// screen and the exported workbook show them, 序号 first.
var MemberListHeaders = []string{"序号", "姓名", "性别", "出生日期", "入党时间", "党员状态", "人员类别",
	"职务", "所在党组织", "联系电话", "身份证号"}

// MemberListCell is the text of column col (an index into MemberListHeaders)
// for the member r listed as number n. The ID number is always the masked
// one: no list shows it whole.
func MemberListCell(r model.MemberRow, n, col int) string {
	switch col {
	case 0:
		return strconv.Itoa(n)
	case 1:
		return r.Name
	case 2:
		return string(r.Gender)
	case 3:
		return r.Birth.String()
	case 4:
		return r.Joined.String()
	case 5:
		return string(r.Status)
	case 6:
		return string(r.Category)
	case 7:
		return r.Position
	case 8:
		return r.UnitName
	case 9:
		return r.Phone
	case 10:
		return r.MaskedID
	}
	return ""
}

// memberListWidths are the column widths in characters, in header order.
var memberListWidths = []float64{6, 10, 5, 10, 10, 8, 8, 14, 28, 15, 21}

// WriteMemberList writes rows as a printable member list: a title, a line
// saying what was listed and when, the header row (repeated on every printed
// page and frozen on screen) and one row per member, A4 landscape one page
// wide. ID numbers are masked as on screen.
func WriteMemberList(w io.Writer, title, filter string, rows []model.MemberRow, now time.Time) error {
	f := excelize.NewFile()
	defer f.Close()
	fail := func(err error) error {
		return &model.Error{Code: model.EInternal, Message: "生成党员名单失败", Err: err}
	}
	st, err := newFormStyles(f)
	if err != nil {
		return fail(err)
	}
	const name = "党员名单"
	if err := f.SetSheetName("Sheet1", name); err != nil {
		return fail(err)
	}
	fw := &formWriter{sheetWriter: sheetWriter{f: f, sheet: name}, st: st}
	fw.do(f.SetColWidth(name, "A", "A", 2))
	fw.widths(memberListWidths...)
	last := 1 + len(MemberListHeaders)
	sub := "共 " + itoa(len(rows)) + " 人，导出于 " + now.Format("2006年1月2日 15:04")
	if filter != "" {
		sub = filter + "　" + sub
	}
	fw.heading(last, title, sub)
	fw.row++
	header := fw.row
	for i, h := range MemberListHeaders {
		fw.set(2+i, header, h, st.header)
	}
	for k, r := range rows {
		fw.row++
		for col := range MemberListHeaders {
			style := st.text
			switch col {
			case 0, 2, 3, 4, 5, 6:
				style = st.center
			}
			fw.set(2+col, fw.row, MemberListCell(r, k+1, col), style)
		}
	}
	if len(rows) == 0 {
		fw.row++
		fw.merge(2, fw.row, last, fw.row, "没有符合条件的党员。", st.text)
	}
	fw.printSetup("landscape", header, header)
	if fw.err != nil {
		return fail(fw.err)
	}
	if _, err := f.WriteTo(w); err != nil {
		return fail(err)
	}
	return nil
}

// SaveMemberList writes the member list (see WriteMemberList) to a temporary
// file beside path and renames it into place, so that a failure never
// leaves half a workbook where the office expects the list.
func SaveMemberList(path, title, filter string, rows []model.MemberRow, now time.Time) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".xingji-*.tmp")
	if err != nil {
		return model.Errorf(model.EInvalid, "无法在 %s 中写文件，请确认文件夹存在并且可以写入", filepath.Dir(path))
	}
	werr := WriteMemberList(tmp, title, filter, rows, now)
	if werr == nil {
		werr = tmp.Chmod(0o644) // CreateTemp makes 0600 files; a list is for sharing
	}
	cerr := tmp.Close()
	if werr != nil || cerr != nil {
		os.Remove(tmp.Name())
		if werr != nil && model.ErrorCodeOf(werr) != model.EInternal {
			return werr
		}
		return model.Errorf(model.EInternal, "写入 %s 失败，磁盘可能已满", path)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return model.Errorf(model.EInvalid, "无法保存 %s，请确认这个文件没有在 Excel/WPS 中打开", path)
	}
	return nil
}
