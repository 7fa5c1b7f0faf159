package office

import (
	"archive/zip"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"xingji/documents"
	"xingji/importers/fixture"
	"xingji/model"
	"xingji/model/formspec"
)

// demoOffice opens a fresh database under a path with Chinese characters
// and spaces, with the demo county and its open period loaded.
func demoOffice(t *testing.T) (*Office, model.Period) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "党委 办公室")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	o, err := Open(filepath.Join(dir, "考评 数据.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { o.Close() })
	now := time.Date(2026, 11, 21, 9, 0, 0, 0, time.Local)
	o.Clock = func() time.Time { now = now.Add(time.Second); return now }
	ctx := context.Background()
	if _, err := o.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	ps, err := o.Periods(ctx)
	if err != nil || len(ps) != 1 {
		t.Fatalf("periods after demo: %v %v", ps, err)
	}
	return o, ps[0]
}

func TestDemoPeriodScope(t *testing.T) {
	o, p := demoOffice(t)
	if p.Name != DemoPeriodName || p.Status != model.PeriodOpen || p.MemberScheme == nil {
		t.Fatalf("demo period: %+v", p)
	}
	units, _ := o.Units(context.Background())
	want := 0
	for _, u := range units {
		if u.Kind == model.KindRural && u.Level == model.LevelBranch {
			want++
		}
	}
	// 002 篇十二: the scheme is for 村党支部 only.
	if len(p.Units) != want || want == 0 {
		t.Fatalf("units in scope = %d, want the %d village branches", len(p.Units), want)
	}
}

func TestDemoSubmissionsRoundTrip(t *testing.T) {
	o, p := demoOffice(t)
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "示范 填报表")
	files, err := o.WriteDemoSubmissions(ctx, p.ID, dir)
	if err != nil {
		t.Fatal(err)
	}
	var progressed int
	res, err := o.ImportForms(ctx, []string{dir}, func(done, total int, _ model.FileResult) {
		progressed = done
		if total != len(files) {
			t.Errorf("total = %d, want %d", total, len(files))
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if progressed != len(files) || len(res) != len(files) {
		t.Fatalf("progress %d, results %d, files %d", progressed, len(res), len(files))
	}
	count := map[model.Outcome]int{}
	var rejected model.FileResult
	for _, r := range res {
		count[r.Outcome]++
		if r.Outcome == model.OutcomeRejected {
			rejected = r
		}
	}
	// One file with mistakes, one copy of a file already sent.
	if count[model.OutcomeRejected] != 1 || count[model.OutcomeDuplicate] != 1 {
		t.Fatalf("outcomes = %v; results %+v", count, res)
	}
	joined := strings.Join(rejected.Problems, "\n")
	for _, want := range []string{"工作表“自评表”", "G", "超过了分值", "应填数字，现在是“良好”"} {
		if !strings.Contains(joined, want) {
			t.Errorf("rejection should mention %q:\n%s", want, joined)
		}
	}
	b, err := o.StatusBoard(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	units := len(p.Units)
	depts := len(p.Departments())
	// Two units sent nothing; one sent only the file with mistakes.
	if b.Missing != 2 || b.Rejected != 1 || b.Submitted != units+depts-3 {
		t.Fatalf("board: submitted %d rejected %d missing %d (units %d, depts %d)", b.Submitted, b.Rejected, b.Missing, units, depts)
	}
	versions := 0
	for _, r := range b.Rows {
		if r.Version == 2 && r.Superseded == 1 {
			versions++
		}
		if r.State == model.StateRejected && len(r.Problems) == 0 {
			t.Errorf("rejected row without problems: %+v", r)
		}
	}
	if versions != 1 {
		t.Errorf("want one unit with a corrected second version, got %d", versions)
	}

	// Importing the same folder again changes nothing: every accepted file
	// is recognised, the rejected one is rejected again.
	again, err := o.ImportForms(ctx, []string{dir}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range again {
		if r.Outcome == model.OutcomeAccepted {
			t.Errorf("re-import accepted %s again", r.Name)
		}
	}
	b2, _ := o.StatusBoard(ctx, p.ID)
	if b2.Submitted != b.Submitted || b2.Missing != b.Missing {
		t.Errorf("board changed on re-import: %+v vs %+v", b2, b)
	}

	// Every accepted value names its sheet and cell, and the original bytes
	// are kept under their hash.
	subs, err := o.AcceptedValues(ctx, p.ID)
	if err != nil || len(subs) == 0 {
		t.Fatal(err)
	}
	for _, s := range subs {
		if s.Len() == 0 {
			t.Errorf("%s: no values", s.FileName)
		}
		for v := range s.All(nil) {
			if v.Sheet == "" || v.Cell == "" {
				t.Fatalf("value without a place: %+v", v)
			}
		}
		data, err := o.FileData(ctx, s.SHA256)
		if err != nil || sha256Hex(data) != s.SHA256 {
			t.Fatalf("original of %s: %v", s.FileName, err)
		}
	}
}

func TestImportZipAndMissingList(t *testing.T) {
	o, p := demoOffice(t)
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "下发 表格")
	zipPath := filepath.Join(dir, "全部表格.zip")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	var progressed int
	n, err := o.WriteForms(ctx, p.ID, zipPath, func(done, total int) { progressed = done })
	if err != nil {
		t.Fatal(err)
	}
	if n != len(p.Units)+len(p.Departments()) || progressed != n {
		t.Fatalf("forms = %d, progress reached %d", n, progressed)
	}
	// Blank forms: each is read, and refused because the scores are empty.
	res, err := o.ImportForms(ctx, []string{zipPath}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != n {
		t.Fatalf("results %d, forms %d", len(res), n)
	}
	for _, r := range res {
		if r.Outcome != model.OutcomeRejected || !strings.Contains(strings.Join(r.Problems, ""), "没有填写") {
			t.Fatalf("blank form %s: %+v", r.Name, r)
		}
		if !strings.HasPrefix(r.Name, "全部表格.zip/") {
			t.Errorf("name %q should say which archive", r.Name)
		}
	}
	list := filepath.Join(dir, "未提交 名单.xlsx")
	missing, err := o.WriteMissingList(ctx, p.ID, list)
	if err != nil {
		t.Fatal(err)
	}
	if missing != n {
		t.Errorf("missing list has %d lines, want %d", missing, n)
	}
}

// TestRejectedFileChangesNoData sends, after a unit's accepted form, files
// that must be refused — the same form with a score above its 分值, a form
// whose identity was edited, a form of a closed period — and checks that
// the accepted version and every value taken from it are exactly as before;
// only the receipt of each refused file (its bytes and reasons) is added.
func TestRejectedFileChangesNoData(t *testing.T) {
	o, p := demoOffice(t)
	ctx := context.Background()
	files, err := o.demoSubmissions(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	var units []FormFile
	for _, f := range files {
		if f.Unit.ID != 0 {
			units = append(units, f)
		}
	}
	good := units[0]
	dir := filepath.Join(t.TempDir(), "收件 箱")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name string, data []byte) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	if res, err := o.ImportForms(ctx, []string{write("好.xlsx", good.Data)}, nil); err != nil || res[0].Outcome != model.OutcomeAccepted {
		t.Fatalf("good file: %+v %v", res, err)
	}
	before, err := o.AcceptedValues(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}

	// The same unit's form with a score above its 分值.
	var over bytes.Buffer
	if err := documents.FillForm(bytes.NewReader(good.Data), &over, func(role model.SheetRole, row, col string) any {
		if role == model.RoleSelf && col == formspec.KeyValue && strings.HasSuffix(row, ":score") {
			return 99
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	// A form whose hidden identity names another unit: the checksum no
	// longer matches.
	tampered := fixture.EditIdentity(t, good.Data, func(id *model.FormIdentity) { id.UnitCode = "QH-99" })
	// A well-formed form of a period that is closed.
	res, err := o.ImportForms(ctx, []string{write("超分.xlsx", over.Bytes()), write("改过标识.xlsx", tampered)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res {
		if r.Outcome != model.OutcomeRejected {
			t.Fatalf("%s should be refused: %+v", r.Name, r)
		}
	}
	if !strings.Contains(strings.Join(res[0].Problems, ""), "超过了分值") || !strings.Contains(strings.Join(res[1].Problems, ""), "校验码不符") {
		t.Errorf("reasons: %q / %q", res[0].Problems, res[1].Problems)
	}
	if err := o.SetPeriodStatus(ctx, p.ID, model.PeriodClosed); err != nil {
		t.Fatal(err)
	}
	late := units[2]
	res, err = o.ImportForms(ctx, []string{write("迟交.xlsx", late.Data)}, nil)
	if err != nil || res[0].Outcome != model.OutcomeRejected || !strings.Contains(strings.Join(res[0].Problems, ""), "已关闭") {
		t.Fatalf("a form for a closed period: %+v %v", res, err)
	}
	after, err := o.AcceptedValues(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(before, after) {
		t.Fatal("a refused file changed the accepted submissions or their values")
	}
	// The tampered file cannot be trusted to belong to the period: its
	// receipt is kept apart, with its bytes.
	subs, _ := o.store.Submissions(ctx, p.ID)
	loose, _ := o.store.Submissions(ctx, 0)
	if len(subs) != 3 || len(loose) != 1 || loose[0].Status != model.SubmissionRejected {
		t.Errorf("want 1 accepted + 2 refused receipts in the period and 1 apart, got %d and %d", len(subs), len(loose))
	}
	if data, err := o.FileData(ctx, loose[0].SHA256); err != nil || !bytes.Equal(data, tampered) {
		t.Errorf("the refused file's bytes should be kept: %v", err)
	}
}

// TestWriteFormsToFolderAndZip checks the window's 生成下发表格: a folder of
// forms named by unit, and the same forms in a .zip beside it, whose names
// are flagged UTF-8 so that Windows shows them in Chinese.
func TestWriteFormsToFolderAndZip(t *testing.T) {
	o, p := demoOffice(t)
	dir := filepath.Join(t.TempDir(), "下发 表格", "2026年度 星级评定")
	n, err := o.WriteFormsTo(context.Background(), p.ID, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) != n || n != len(p.Units)+len(p.Departments()) {
		t.Fatalf("folder has %d files, wrote %d: %v", len(entries), n, err)
	}
	zr, err := zip.OpenReader(dir + ".zip")
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	if len(zr.File) != n {
		t.Fatalf("zip has %d entries, want %d", len(zr.File), n)
	}
	for i, f := range zr.File {
		if f.NonUTF8 || f.Name != entries[i].Name() && !strings.HasSuffix(f.Name, ".xlsx") {
			t.Errorf("entry %q", f.Name)
		}
		if !strings.Contains(f.Name, "党支部 填报表.xlsx") && !strings.HasPrefix(f.Name, "考评表-") {
			t.Errorf("entry %q is not named by unit or department", f.Name)
		}
	}
}

// TestImportCancel cancels an import after its first file: the call says so,
// the file already taken stays, and the rest are left for another time.
func TestImportCancel(t *testing.T) {
	o, p := demoOffice(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	dir := filepath.Join(t.TempDir(), "示范 填报表")
	files, err := o.WriteDemoSubmissions(context.Background(), p.ID, dir)
	if err != nil {
		t.Fatal(err)
	}
	res, err := o.ImportForms(ctx, []string{dir}, func(done, total int, _ model.FileResult) {
		if done == 1 {
			cancel()
		}
	})
	if err == nil || !strings.Contains(model.ErrorMessage(err), "导入已取消") {
		t.Fatalf("want a cancellation message, got %v", err)
	}
	// Files are stored several to a transaction: those reported are stored,
	// the rest are not, and the import stopped well before the end.
	if len(res) < 1 || len(res) >= len(files) {
		t.Fatalf("results after cancelling at the first file: %d of %d", len(res), len(files))
	}
	stored := 0
	for _, r := range res {
		if r.Outcome != model.OutcomeDuplicate {
			stored++
		}
	}
	subs, _ := o.store.Submissions(context.Background(), p.ID)
	if len(subs) != stored {
		t.Errorf("reported %d stored files, the database holds %d receipts", stored, len(subs))
	}
}

// TestIsFormFile tells forms from rosters the way a drop on the window
// does: by the identity sheet, or by the sheets' hidden marks when the
// identity sheet is gone; a roster workbook is not a form.
func TestIsFormFile(t *testing.T) {
	o, p := demoOffice(t)
	dir := filepath.Join(t.TempDir(), "拖入 文件")
	files, err := o.demoSubmissions(context.Background(), p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	form := filepath.Join(dir, "填报表.xlsx")
	noID := filepath.Join(dir, "没有标识.xlsx")
	roster := filepath.Join(dir, "花名册.xlsx")
	for path, data := range map[string][]byte{
		form:   files[0].Data,
		noID:   fixture.EditWorkbook(t, files[0].Data, func(f *excelize.File) error { return f.DeleteSheet(model.FormIdentitySheet) }),
		roster: rosterWorkbook(t),
	} {
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for path, want := range map[string]bool{dir: true, form: true, noID: true, roster: false, filepath.Join(dir, "不存在.xlsx"): false} {
		if got := o.IsFormFile(path); got != want {
			t.Errorf("IsFormFile(%s) = %v, want %v", filepath.Base(path), got, want)
		}
	}
}

// rosterWorkbook is a small roster as the office's own Excel file.
func rosterWorkbook(t *testing.T) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetRow("Sheet1", "A1", &[]any{"姓名", "性别", "所在支部"}); err != nil {
		t.Fatal(err)
	}
	if err := f.SetSheetRow("Sheet1", "A2", &[]any{"张三", "男", "东岗村党支部"}); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestMissingListHasPhones imports the demo's filled forms and exports the
// missing list: it lists the two units that sent nothing and the one whose
// file was refused (a rejected unit has sent nothing usable), each with its
// secretary and the secretary's phone from the roster, as on the board.
func TestMissingListHasPhones(t *testing.T) {
	o, p := demoOffice(t)
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "示范 填报表")
	if _, err := o.WriteDemoSubmissions(ctx, p.ID, dir); err != nil {
		t.Fatal(err)
	}
	if _, err := o.ImportForms(ctx, []string{dir}, nil); err != nil {
		t.Fatal(err)
	}
	b, err := o.StatusBoard(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	members, _ := o.AllMembers(ctx)
	phoneOf := map[string]string{}
	for _, m := range members {
		phoneOf[m.Name] = m.Phone
	}
	want := map[string]model.StatusRow{}
	for _, r := range b.Rows {
		if r.Form == model.FormUnit && (r.Secretary == "" || r.Phone == "" || phoneOf[r.Secretary] != r.Phone) {
			t.Errorf("unit %s: secretary %q phone %q (roster %q)", r.UnitName, r.Secretary, r.Phone, phoneOf[r.Secretary])
		}
		if r.State.Waiting() {
			want[r.UnitCode+r.Dept] = r
		}
	}
	if len(want) != 3 {
		t.Fatalf("want 2 missing + 1 rejected waiting, got %d", len(want))
	}
	path := filepath.Join(t.TempDir(), "未提交 名单.xlsx")
	n, err := o.WriteMissingList(ctx, p.ID, path)
	if err != nil || n != 3 {
		t.Fatalf("missing list: %d lines, %v", n, err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("未提交名单")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(rows[2], ""), "未提交 3 份（其中被退回 1 份）") {
		t.Errorf("subtitle should count as the board does: %q", rows[2])
	}
	header := -1
	for i, r := range rows {
		if len(r) > 5 && r[1] == "序号" {
			header = i
		}
	}
	if header < 0 || rows[header][5] != "联系电话" || rows[header][4] != "书记" {
		t.Fatalf("header: %q", rows[max(header, 0)])
	}
	got := 0
	for _, r := range rows[header+1:] {
		w, ok := want[r[3]]
		if !ok || r[4] != w.Secretary || r[5] != w.Phone || r[6] != w.State.Label() {
			t.Errorf("line %q, want %+v", r, w)
		}
		got++
	}
	if got != 3 {
		t.Errorf("%d lines", got)
	}
	// The phone stays text, so a leading digit or length is never lost.
	if typ, _ := f.GetCellType("未提交名单", "F"+itoa(header+2)); typ == excelize.CellTypeNumber {
		t.Error("phone written as a number")
	}
}
