package office

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"xingji/documents"
	"xingji/importers/forms"
	"xingji/model"
)

// catalog builds what the forms reader checks files against: every period,
// every unit, and the members of each unit.
func (o *Office) catalog(ctx context.Context) (*forms.Catalog, error) {
	periods, err := o.store.Periods(ctx)
	if err != nil {
		return nil, err
	}
	units, members, err := o.unitsAndMembers(ctx)
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

// periodForms builds every form of a period in memory: one workbook per
// unit in scope, then one 考评表 per department. For a whole period of a
// large committee, WriteForms streams them to disk instead.
func (o *Office) periodForms(ctx context.Context, periodID int64) ([]FormFile, error) {
	var out []FormFile
	_, err := o.eachForm(ctx, periodID, func(f FormFile) error { out = append(out, f); return nil }, nil)
	return out, err
}

// eachForm builds the forms of a period — in parallel, one per core — and
// hands them to emit one at a time in order (units in tree order, then the
// departments), reporting progress after each. It returns how many it
// built. Cancelling ctx stops it with a message.
func (o *Office) eachForm(ctx context.Context, periodID int64, emit func(FormFile) error, progress func(done, total int)) (int, error) {
	cat, err := o.catalog(ctx)
	if err != nil {
		return 0, err
	}
	p := cat.Period(periodID)
	if p == nil {
		return 0, model.Errorf(model.ENotFound, "没有编号为 %d 的考评周期", periodID)
	}
	units := make([]model.Unit, len(p.Units))
	for i, id := range p.Units {
		units[i] = cat.Units[id]
	}
	depts := p.Departments()
	total := len(units) + len(depts)
	build := func(i int) (FormFile, error) {
		var b bytes.Buffer
		if i < len(units) {
			u := units[i]
			if err := documents.WriteUnitForm(&b, p, u, cat.Members[u.ID]); err != nil {
				return FormFile{}, err
			}
			return FormFile{Name: documents.UnitFormFileName(u), Data: b.Bytes(), Unit: u, Title: u.Name + " 填报表"}, nil
		}
		d := depts[i-len(units)]
		if err := documents.WriteReviewForm(&b, p, d, units); err != nil {
			return FormFile{}, err
		}
		return FormFile{Name: documents.ReviewFormFileName(d), Data: b.Bytes(), Dept: d, Title: model.DeptLabel(d) + " 考评表"}, nil
	}
	type built struct {
		f   FormFile
		err error
	}
	slots := make([]chan built, total)
	for i := range slots {
		slots[i] = make(chan built, 1)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < max(1, runtime.NumCPU()); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f, err := build(i)
				slots[i] <- built{f, err}
			}
		}()
	}
	go func() {
		defer close(next)
		for i := 0; i < total; i++ {
			select {
			case next <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	defer wg.Wait()
	for i := 0; i < total; i++ {
		var b built
		select {
		case b = <-slots[i]:
		case <-ctx.Done():
			return i, model.Errorf(model.EInternal, "操作已取消：已生成 %d 份表格", i)
		}
		if b.err != nil {
			return i, b.err
		}
		if err := emit(b.f); err != nil {
			return i, err
		}
		if progress != nil {
			progress(i+1, total)
		}
	}
	return total, nil
}

// WriteForms writes every form of a period to dest: a folder (created when
// missing), or a .zip archive when dest ends in ".zip". It returns how many
// forms it wrote. A file already in the folder is replaced; the archive is
// written beside its place and renamed into it at the end.
func (o *Office) WriteForms(ctx context.Context, periodID int64, dest string, progress func(done, total int)) (int, error) {
	if strings.EqualFold(filepath.Ext(dest), ".zip") {
		z, err := newZipFile(dest)
		if err != nil {
			return 0, err
		}
		n, err := o.eachForm(ctx, periodID, z.add, progress)
		if err != nil {
			z.abort()
			return n, err
		}
		return n, z.finish()
	}
	if err := os.MkdirAll(dest, 0o755); err != nil {
		return 0, model.Errorf(model.EInvalid, "无法创建文件夹 %s：%v", dest, err)
	}
	return o.eachForm(ctx, periodID, func(f FormFile) error {
		return writeFileAtomic(filepath.Join(dest, f.Name), f.Data)
	}, progress)
}

// WriteFormsTo writes every form of a period into the folder dir and the
// same forms into dir + ".zip" beside it (for sending by e-mail), in one
// pass, and returns how many forms were written.
func (o *Office) WriteFormsTo(ctx context.Context, periodID int64, dir string, progress func(done, total int)) (int, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, model.Errorf(model.EInvalid, "无法创建文件夹 %s：%v", dir, err)
	}
	z, err := newZipFile(strings.TrimRight(dir, `/\`) + ".zip")
	if err != nil {
		return 0, err
	}
	n, err := o.eachForm(ctx, periodID, func(f FormFile) error {
		if err := writeFileAtomic(filepath.Join(dir, f.Name), f.Data); err != nil {
			return err
		}
		return z.add(f)
	}, progress)
	if err != nil {
		z.abort()
		return n, err
	}
	return n, z.finish()
}

// writeFileAtomic writes data to a temporary file beside path and renames
// it into place, so that a failure never leaves half a workbook.
func writeFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".xingji-*.tmp")
	if err != nil {
		return model.Errorf(model.EInvalid, "无法在 %s 中写文件，请确认文件夹存在并且可以写入", filepath.Dir(path))
	}
	_, werr := tmp.Write(data)
	if werr == nil {
		werr = tmp.Chmod(0o644) // CreateTemp makes 0600 files; forms are for sharing
	}
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

// zipFile is a .zip archive being written to a temporary file beside its
// destination.
type zipFile struct {
	dest string
	tmp  *os.File
	zw   *zip.Writer
}

func newZipFile(dest string) (*zipFile, error) {
	tmp, err := os.CreateTemp(filepath.Dir(dest), ".xingji-*.tmp")
	if err != nil {
		return nil, model.Errorf(model.EInvalid, "无法在 %s 中写文件，请确认文件夹存在并且可以写入", filepath.Dir(dest))
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return nil, model.Errorf(model.EInvalid, "无法在 %s 中写文件，请确认文件夹存在并且可以写入", filepath.Dir(dest))
	}
	return &zipFile{dest: dest, tmp: tmp, zw: zip.NewWriter(tmp)}, nil
}

// add writes one form into the archive; its name is flagged UTF-8 so that
// Windows' own "压缩文件夹" shows it in Chinese.
func (z *zipFile) add(f FormFile) error {
	w, err := z.zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Flags: 0x800, Modified: time.Now()})
	if err == nil {
		_, err = w.Write(f.Data)
	}
	if err != nil {
		return model.Errorf(model.EInternal, "写入压缩包 %s 失败，磁盘可能已满", z.dest)
	}
	return nil
}

func (z *zipFile) abort() {
	z.tmp.Close()
	os.Remove(z.tmp.Name())
}

func (z *zipFile) finish() error {
	err := z.zw.Close()
	if cerr := z.tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(z.tmp.Name())
		return model.Errorf(model.EInternal, "写入压缩包 %s 失败，磁盘可能已满", z.dest)
	}
	if err := os.Rename(z.tmp.Name(), z.dest); err != nil {
		os.Remove(z.tmp.Name())
		return model.Errorf(model.EInvalid, "无法保存 %s，请确认这个文件没有被其他程序打开", z.dest)
	}
	return nil
}

// StatusBoard returns the status board of a period, each unit with its
// secretary's phone.
func (o *Office) StatusBoard(ctx context.Context, periodID int64) (model.StatusBoard, error) {
	p, err := o.store.Period(ctx, periodID)
	if err != nil {
		return model.StatusBoard{}, err
	}
	units, err := o.store.Units(ctx)
	if err != nil {
		return model.StatusBoard{}, err
	}
	byID := map[int64]model.Unit{}
	for _, u := range units {
		byID[u.ID] = u
	}
	leaders, err := o.store.PeriodLeaders(ctx, periodID)
	if err != nil {
		return model.StatusBoard{}, err
	}
	subs, err := o.store.Submissions(ctx, periodID)
	if err != nil {
		return model.StatusBoard{}, err
	}
	return model.BuildStatusBoard(p, byID, leaders, subs), nil
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

// IsFormFile reports whether path holds returned forms (forms.IsFormFile);
// it lets the window choose between a roster and forms when files are
// dropped.
func (o *Office) IsFormFile(path string) bool { return forms.IsFormFile(path) }
