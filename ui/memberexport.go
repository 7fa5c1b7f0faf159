package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"xingji/documents"
	"xingji/model"
)

// exportPageSize is how many members one query of the export reads.
const exportPageSize = 2000

// onExport asks where to save the member list of the current filter (all
// pages, not only the one on screen) and writes it.
func (p *MembersPanel) onExport() {
	if p.unit.ID == 0 {
		return
	}
	name := documents.SafeFileName(p.unit.Name+"党员名单") + ".xlsx"
	pickSave(p.m.win, name, []string{".xlsx"}, p.exportTo, func(err error) { p.m.showError("无法导出", err) })
}

// exportTo writes the members the filters select to an .xlsx file at path,
// off the UI goroutine.
func (p *MembersPanel) exportTo(path string) {
	q := p.query(0)
	title := p.unit.Name + " 党员名单"
	filter := p.filterText()
	enable(p.exportButton, false)
	p.m.setStatus("正在导出党员名单…")
	var rows []model.MemberRow
	p.m.background(func() error {
		var err error
		if rows, err = allMembers(context.Background(), p.store, q); err != nil {
			return err
		}
		return documents.SaveMemberList(path, title, filter, rows, p.m.now())
	}, func(err error) {
		enable(p.exportButton, true)
		if err != nil {
			p.m.setStatus("")
			p.m.showError("导出党员名单失败", err)
			return
		}
		p.m.setStatus(fmt.Sprintf("已导出党员名单：%d 人，保存在 %s", len(rows), filepath.Base(path)))
	})
}

// allMembers reads every page of q.
func allMembers(ctx context.Context, store MemberStore, q model.MemberQuery) ([]model.MemberRow, error) {
	var rows []model.MemberRow
	q.Offset, q.Limit = 0, exportPageSize
	for {
		page, err := store.Members(ctx, q)
		if err != nil {
			return nil, err
		}
		rows = append(rows, page.Rows...)
		if len(page.Rows) == 0 || len(rows) >= page.Total {
			return rows, nil
		}
		q.Offset += len(page.Rows)
	}
}

// filterText says in words which members the filters select, for the
// exported list's subtitle.
func (p *MembersPanel) filterText() string {
	var parts []string
	if p.descendants.Checked {
		parts = append(parts, "含下级组织")
	} else {
		parts = append(parts, "不含下级组织")
	}
	for _, f := range []struct{ label, v string }{
		{"党员状态", p.status.Selected}, {"人员类别", p.category.Selected}, {"性别", p.gender.Selected},
	} {
		if f.v != "" && f.v != anyChoice {
			parts = append(parts, f.label+"："+f.v)
		}
	}
	if s := strings.TrimSpace(p.search.Text); s != "" {
		parts = append(parts, "搜索“"+s+"”")
	}
	return strings.Join(parts, "，")
}
