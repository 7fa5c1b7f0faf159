package documents

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"xingji/model"
)

// The member list reads back with its header row frozen, the header repeated
// on printed pages, A4 landscape, and the ID numbers masked as on screen.
func TestSaveMemberListReadsBack(t *testing.T) {
	rows := []model.MemberRow{
		{Member: model.Member{Name: "张三", Gender: model.Male, Birth: model.D(1980, 5, 1), Joined: model.Date{Year: 2005, Month: 7},
			Status: model.StatusFull, Category: model.CategoryActive, Position: "支部书记", Phone: "13912345678",
			IDNumber: "11010519491231002X"}, UnitName: "第一党支部", MaskedID: "110105********002X"},
		{Member: model.Member{Name: "李四", Gender: model.Female, Status: model.StatusCandidate, Category: model.CategoryMobile},
			UnitName: "第二党支部"},
	}
	path := filepath.Join(t.TempDir(), "名单 导出", "党员名单.xlsx")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 12, 2, 10, 30, 0, 0, time.Local)
	if err := SaveMemberList(path, "青禾县委员会 党员名单", "包含下级组织", rows, now); err != nil {
		t.Fatal(err)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".xingji-*.tmp")); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	const sheet = "党员名单"
	got, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 6 {
		t.Fatalf("%d rows, want title, subtitle, blank… header and 2 members: %q", len(got), got)
	}
	if !strings.Contains(got[1][1], "党员名单") || !strings.Contains(got[2][1], "共 2 人") {
		t.Errorf("title rows: %q / %q", got[1], got[2])
	}
	header := got[3][1:]
	if strings.Join(header, ",") != strings.Join(MemberListHeaders, ",") {
		t.Errorf("header %q", header)
	}
	first := got[4][1:]
	if first[0] != "1" || first[1] != "张三" || first[4] != "2005-07" || first[9] != "13912345678" || first[10] != "110105********002X" {
		t.Errorf("first member row %q", first)
	}
	for _, r := range got {
		for _, c := range r {
			if strings.Contains(c, "19491231") {
				t.Fatalf("the whole ID number leaked into the list: %q", r)
			}
		}
	}
	panes, err := f.GetPanes(sheet)
	if err != nil || !panes.Freeze || panes.YSplit != 4 {
		t.Errorf("panes = %+v, %v; want frozen below the header row 4", panes, err)
	}
	layout, err := f.GetPageLayout(sheet)
	if err != nil || layout.Size == nil || *layout.Size != 9 || layout.Orientation == nil || *layout.Orientation != "landscape" {
		t.Errorf("page layout %+v, %v; want A4 landscape", layout, err)
	}
	if names := f.GetDefinedName(); len(names) == 0 || !strings.Contains(names[0].RefersTo, "$4:$4") {
		t.Errorf("print titles %+v, want row 4 repeated", names)
	}
}

// A folder that does not exist is reported in Chinese, and nothing is left.
func TestSaveMemberListMissingFolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "没有", "名单.xlsx")
	err := SaveMemberList(path, "名单", "", nil, time.Now())
	if err == nil || !strings.Contains(model.ErrorMessage(err), "文件夹") {
		t.Fatalf("got %v", err)
	}
}
