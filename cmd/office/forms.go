package office

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"

	"xingji/documents"
	"xingji/importers"
	"xingji/importers/forms"
	"xingji/model"
)

// Catalog builds what the forms reader checks files against: every period,
// every unit, and the members of each unit.
func (o *Office) Catalog(ctx context.Context) (*forms.Catalog, error) {
	periods, err := o.Periods(ctx)
	if err != nil {
		return nil, err
	}
	units, err := o.Units(ctx)
	if err != nil {
		return nil, err
	}
	members, err := o.AllMembers(ctx)
	if err != nil {
		return nil, err
	}
	cat := &forms.Catalog{Periods: periods, Units: map[int64]model.Unit{}, Members: map[int64][]model.Member{}}
	for _, u := range units {
		cat.Units[u.ID] = u
	}
	for _, m := range members {
		cat.Members[m.UnitID] = append(cat.Members[m.UnitID], m)
	}
	return cat, nil
}

// FormFile is one form of a period, ready to be written.
type FormFile struct {
	Name  string // file name, e.g. "QH-01 东岗村党支部 填报表.xlsx"
	Data  []byte
	Unit  model.Unit // for a unit form
	Dept  string     // for a review form
	Title string     // what it is, for lists
}

// PeriodForms builds every form of a period in memory: one workbook per
// unit in scope, then one 考评表 per department.
func (o *Office) PeriodForms(ctx context.Context, periodID int64) ([]FormFile, error) {
	cat, err := o.Catalog(ctx)
	if err != nil {
		return nil, err
	}
	p := cat.Period(periodID)
	if p == nil {
		return nil, model.Errorf(model.ENotFound, "没有编号为 %d 的考评周期", periodID)
	}
	var out []FormFile
	var units []model.Unit
	for _, id := range p.Units {
		if err := ctx.Err(); err != nil {
			return nil, model.Errorf(model.EInternal, "操作已取消")
		}
		u := cat.Units[id]
		units = append(units, u)
		var b bytes.Buffer
		if err := documents.WriteUnitForm(&b, p, u, cat.Members[id]); err != nil {
			return nil, err
		}
		out = append(out, FormFile{Name: documents.UnitFormFileName(u), Data: b.Bytes(), Unit: u, Title: u.Name + " 填报表"})
	}
	for _, d := range p.Departments() {
		var b bytes.Buffer
		if err := documents.WriteReviewForm(&b, p, d, units); err != nil {
			return nil, err
		}
		out = append(out, FormFile{Name: documents.ReviewFormFileName(d), Data: b.Bytes(), Dept: d, Title: model.DeptLabel(d) + " 考评表"})
	}
	return out, nil
}

// WriteForms writes every form of a period to dest: a folder (created when
// missing), or a .zip archive when dest ends in ".zip". It returns the
// forms written. A file already in the folder is replaced.
func (o *Office) WriteForms(ctx context.Context, periodID int64, dest string) ([]FormFile, error) {
	files, err := o.PeriodForms(ctx, periodID)
	if err != nil {
		return nil, err
	}
	if strings.EqualFold(filepath.Ext(dest), ".zip") {
		return files, writeZip(dest, files)
	}
	if err := os.MkdirAll(dest, 0o755); err != nil {
		return nil, model.Errorf(model.EInvalid, "无法创建文件夹 %s：%v", dest, err)
	}
	for _, f := range files {
		path := filepath.Join(dest, f.Name)
		if err := writeFileAtomic(path, f.Data); err != nil {
			return nil, err
		}
	}
	return files, nil
}

// writeFileAtomic writes data to a temporary file beside path and renames
// it into place, so that a failure never leaves half a workbook.
func writeFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".xingji-*.tmp")
	if err != nil {
		return model.Errorf(model.EInvalid, "无法在 %s 中写文件，请确认文件夹存在并且可以写入", filepath.Dir(path))
	}
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	if werr != nil || cerr != nil {
		os.Remove(tmp.Name())
		return model.Errorf(model.EInternal, "写入 %s 失败，磁盘可能已满", path)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return model.Errorf(model.EInvalid, "无法保存 %s，请确认这个文件没有在 Excel/WPS 中打开", path)
	}
	return nil
}

func writeZip(dest string, files []FormFile) error {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, f := range files {
		// Flag UTF-8 names so that Windows' own unzip shows Chinese names.
		h := &zip.FileHeader{Name: f.Name, Method: zip.Deflate, Flags: 0x800}
		w, err := zw.CreateHeader(h)
		if err != nil {
			return model.Errorf(model.EInternal, "生成压缩包失败：%v", err)
		}
		if _, err := w.Write(f.Data); err != nil {
			return model.Errorf(model.EInternal, "生成压缩包失败：%v", err)
		}
	}
	if err := zw.Close(); err != nil {
		return model.Errorf(model.EInternal, "生成压缩包失败：%v", err)
	}
	return writeFileAtomic(dest, b.Bytes())
}

// StatusBoard returns the status board of a period.
func (o *Office) StatusBoard(ctx context.Context, periodID int64) (model.StatusBoard, error) {
	p, err := o.Period(ctx, periodID)
	if err != nil {
		return model.StatusBoard{}, err
	}
	units, err := o.Units(ctx)
	if err != nil {
		return model.StatusBoard{}, err
	}
	byID := map[int64]model.Unit{}
	for _, u := range units {
		byID[u.ID] = u
	}
	subs, err := o.Submissions(ctx, periodID)
	if err != nil {
		return model.StatusBoard{}, err
	}
	return model.BuildStatusBoard(p, byID, subs), nil
}

// WriteMissingList writes the units and departments of a period that have
// not submitted (missing or rejected) as a workbook at path, for the phone
// calls.
func (o *Office) WriteMissingList(ctx context.Context, periodID int64, path string) (int, error) {
	b, err := o.StatusBoard(ctx, periodID)
	if err != nil {
		return 0, err
	}
	var buf bytes.Buffer
	n, err := documents.WriteMissingList(&buf, b, o.Now())
	if err != nil {
		return 0, err
	}
	return n, writeFileAtomic(path, buf.Bytes())
}

// sha256Hex returns the hex SHA-256 of data.
func sha256Hex(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// WriteFormsTo writes every form of a period into the folder dir and the
// same forms into dir + ".zip" beside it (for sending by e-mail), and
// returns how many forms were written.
func (o *Office) WriteFormsTo(ctx context.Context, periodID int64, dir string) (int, error) {
	files, err := o.WriteForms(ctx, periodID, dir)
	if err != nil {
		return 0, err
	}
	return len(files), writeZip(strings.TrimRight(dir, `/\`)+".zip", files)
}

// IsFormFile reports whether path is something to import as returned forms
// rather than a roster: a folder, a .zip archive, or a workbook carrying a
// form's hidden identity or sheet marks.
func IsFormFile(path string) bool {
	info, err := os.Stat(path)
	if err != nil {
		return false
	}
	if info.IsDir() || strings.EqualFold(filepath.Ext(path), ".zip") {
		return true
	}
	t, err := importers.OpenFile(path)
	if err != nil {
		return false
	}
	for _, sh := range t.Sheets {
		a1 := importers.Clean(sh.Cell(1, 1).Text)
		if a1 == documents.FormIdentityMarker || strings.HasPrefix(a1, documents.FormSheetMarker) {
			return true
		}
	}
	return false
}

// IsFormFile reports whether path holds returned forms (see the package
// function IsFormFile); it lets the window choose between a roster and forms
// when files are dropped.
func (o *Office) IsFormFile(path string) bool { return IsFormFile(path) }
