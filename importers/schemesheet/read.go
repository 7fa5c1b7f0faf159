// Package schemesheet reads an assessment scheme (考核方案 / 评分标准) from a
// spreadsheet: either a workbook 星级考评 exported itself (package documents),
// restored exactly from the scheme JSON kept in its very hidden sheet, or
// an office's own table with columns such as 类别 / 考核内容 / 分值 / 评分标准,
// turned into sections and manually scored items. Problems come back as
// positioned importers.Error values in Chinese.
package schemesheet

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strconv"
	"strings"

	"xingji/documents"
	"xingji/importers"
	"xingji/model"
)

// Result is what Read found.
type Result struct {
	Scheme model.Scheme
	// FromExport is true when the scheme was restored from the hidden JSON
	// of a 星级考评 export, so it is exactly the scheme that was exported.
	FromExport bool
	File       string
	Sheet      string // the sheet read ("" for CSV)
	HeaderRow  int    // the header row of an office table (0 for an export)
	// Problems are what model.Scheme.Problems finds; fatal ones stop the
	// scheme from being saved.
	Problems model.Problems
	Warnings importers.Errors // the scheme was read; something deserves a look
	Errors   importers.Errors // rows that could not be read as written
}

// Fatal reports whether the scheme cannot be used as read: a row could not
// be read or the scheme has fatal problems.
func (r *Result) Fatal() bool { return len(r.Errors) > 0 || len(r.Problems.Fatal()) > 0 }

// Read reads a scheme from t. An export of 星级考评 is restored from its
// hidden JSON; when that is missing or damaged (the file was re-saved by a
// program that drops very hidden sheets) the visible table is read instead
// and a warning says so. The error is an *importers.Error when no scheme
// table is found at all.
func Read(t *importers.Table) (*Result, error) {
	res := &Result{File: t.Name}
	if sh := dataSheet(t); sh != nil {
		sc, werr := decodeData(t, sh)
		if werr == nil {
			res.Scheme, res.FromExport, res.Sheet = sc, true, sh.Name
			res.Problems = sc.Problems()
			return res, nil
		}
		res.Warnings = append(res.Warnings, werr)
	} else if looksLikeExport(t) {
		res.Warnings = append(res.Warnings, &importers.Error{File: t.Name,
			Message: "这个文件由星级考评导出，但保存完整方案的隐藏工作表已丢失（文件可能被其他软件另存过）",
			Hint:    "已按表格中看得到的内容导入：各项均改为手工打分，评分标准作为说明保留；如需原样还原，请导入星级考评直接导出的文件"})
	}
	if err := readTable(t, res); err != nil {
		return nil, err
	}
	res.Problems = res.Scheme.Problems()
	return res, nil
}

// dataSheet returns the sheet holding an export's JSON, or nil.
func dataSheet(t *importers.Table) *importers.Sheet {
	for _, sh := range t.Sheets {
		if importers.Clean(sh.Cell(documents.SchemeRowMarker, 1).Text) == documents.SchemeMarker {
			return sh
		}
	}
	return nil
}

// looksLikeExport reports whether the visible sheet is laid out as an
// export (its sheet name), so a lost hidden sheet deserves a warning.
func looksLikeExport(t *importers.Table) bool {
	for _, sh := range t.Sheets {
		if sh.Name == documents.SchemeSheetName {
			return true
		}
	}
	return false
}

// decodeData reassembles, checks and decodes the hidden JSON.
func decodeData(t *importers.Table, sh *importers.Sheet) (model.Scheme, *importers.Error) {
	var sc model.Scheme
	bad := func(row int, msg string, err error) *importers.Error {
		return &importers.Error{File: t.Name, Sheet: sh.Name, Row: row, Col: 1, Message: msg,
			Hint: "已改为按表格中看得到的内容导入；如需原样还原，请导入星级考评直接导出的文件", Err: err}
	}
	if f := importers.Clean(sh.Cell(documents.SchemeRowMarker, 2).Text); f != documents.SchemeFormat {
		return sc, bad(documents.SchemeRowMarker, "隐藏的方案数据格式“"+f+"”不是本程序能读的版本，可能来自更新版本的星级考评", nil)
	}
	n, err := strconv.Atoi(importers.Clean(sh.Cell(documents.SchemeRowChunks, 2).Text))
	if err != nil || n < 1 || n > len(sh.Rows) {
		return sc, bad(documents.SchemeRowChunks, "隐藏的方案数据不完整", err)
	}
	var b strings.Builder
	for i := range n {
		b.WriteString(sh.Cell(documents.SchemeFirstChunkRow+i, 1).Text)
	}
	text := b.String()
	sum := sha256.Sum256([]byte(text))
	if hex.EncodeToString(sum[:]) != importers.Clean(sh.Cell(documents.SchemeRowSHA256, 2).Text) {
		return sc, bad(documents.SchemeFirstChunkRow, "隐藏的方案数据与导出时不一致（被改动或截断）", nil)
	}
	if err := json.Unmarshal([]byte(text), &sc); err != nil {
		return sc, bad(documents.SchemeFirstChunkRow, "隐藏的方案数据无法解析", err)
	}
	return sc, nil
}
