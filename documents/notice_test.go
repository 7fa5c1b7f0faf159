package documents

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"xingji/importers/fixture"
	"xingji/model"
	"xingji/model/formspec"
	"xingji/scoring"
	"xingji/scoring/period"
)

// noticePaper is a small committee: two branches and a general branch,
// bands 五星 to 三星 (四星 held by nobody, so it is left out), one vetoed
// unit, and members of two branches — two of them both named 王芳, and a
// rare character in a name (刘堃).
func noticePaper() *Paper {
	bands := []model.Band{{Code: "5", Name: "五星"}, {Code: "4", Name: "四星"}, {Code: "3", Name: "三星"}}
	p := &model.Period{Name: "2026年度村党支部星级评定",
		Scheme:       model.Scheme{Name: "村党支部星级评定管理办法", Bands: bands},
		MemberScheme: &model.Scheme{Name: "党员星级评定办法", Subject: model.SubjectMember, Bands: bands}}
	units := []model.Unit{
		{ID: 1, Name: "中共示范镇委员会", Level: model.LevelCommittee},
		{ID: 2, ParentID: 1, Name: "黄家岭村党支部", Level: model.LevelBranch},
		{ID: 3, ParentID: 1, Name: "麦屯村党支部", Level: model.LevelBranch},
		{ID: 4, ParentID: 1, Name: "吉湾村党支部", Level: model.LevelBranch},
	}
	members := []model.Member{
		{ID: 10, UnitID: 2, Name: "王芳"}, {ID: 11, UnitID: 2, Name: "刘堃"},
		{ID: 12, UnitID: 3, Name: "王芳"}, {ID: 13, UnitID: 3, Name: "赵一"},
	}
	u := func(id int64, name, band string, rank int, out bool) scoring.SubjectResult {
		return scoring.SubjectResult{ID: formspec.UnitSubject(id).String(), Name: name, Band: band, Rank: rank, Disqualified: out}
	}
	m := func(id int64, name, band string, rank int) scoring.SubjectResult {
		return scoring.SubjectResult{ID: formspec.MemberSubject(id).String(), Name: name, Band: band, Rank: rank}
	}
	return &Paper{Committee: "中共示范镇委员会", Period: p, Draft: true, Date: model.D(2026, 12, 2),
		Results: &period.Results{Period: p, Data: &period.Data{Period: p, Units: units, Members: members},
			Units: &scoring.Result{Subjects: []scoring.SubjectResult{
				u(4, "吉湾村党支部", "", 0, true), u(3, "麦屯村党支部", "3", 2, false), u(2, "黄家岭村党支部", "5", 1, false)}},
			Members: &scoring.Result{Subjects: []scoring.SubjectResult{
				m(12, "王芳", "5", 2), m(10, "王芳", "5", 1), m(11, "刘堃", "3", 4), m(13, "赵一", "5", 3)}}}}
}

// noticeWant are the paragraphs of noticePaper's notice by band with
// settings s: the same text in the PDF and the .docx.
var noticeWant = []string{
	"关于2026年度村党支部星级评定结果的公示",
	"根据《村党支部星级评定管理办法》和《党员星级评定办法》，经党支部自评、考核组考评、党委研究，2026年度村党支部星级评定结果已经确定。为充分发扬民主，广泛接受党员群众监督，现将结果予以公示。",
	"一、党支部评定结果（共3个）",
	"五星级党支部（1个）：黄家岭村党支部",
	"三星级党支部（1个）：麦屯村党支部",
	"不予评定（1个）：吉湾村党支部",
	"二、党员评定结果（共4名）",
	"五星级党员（3名）：",
	"黄家岭村党支部（1名）：王芳",
	"麦屯村党支部（2名）：王芳、赵一",
	"三星级党员（1名）：",
	"黄家岭村党支部（1名）：刘堃",
	"公示时间：2026年12月4日至2026年12月10日（5个工作日）。",
	"公示期间，党员本人或党员群众对公示结果有异议的，可通过来电、来信或来访等方式向中共示范镇委员会提出意见或申诉。" +
		"以个人名义反映的须署本人真实姓名，以单位名义反映的须加盖单位公章。我们将认真核查，在两天内给予答复，对评定不准确的予以更正。",
	"联系电话：0931-8123456",
	"来信地址：示范镇人民路1号",
	"中共示范镇委员会",
	"2026年12月2日",
}

var noticeSettings = model.NoticeSettings{Phone: "0931-8123456", Address: "示范镇人民路1号", Days: 5, WorkingDays: true, Start: model.D(2026, 12, 4)}

// TestNoticeText: the notice says, paragraph by paragraph, what the
// results hold, grouped by band best first with counts, the empty band
// left out, members by branch.
func TestNoticeText(t *testing.T) {
	paras, err := noticeText(noticePaper(), noticeSettings, "")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range paras {
		got = append(got, p.Text)
	}
	if strings.Join(got, "\n") != strings.Join(noticeWant, "\n") {
		t.Errorf("notice:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(noticeWant, "\n"))
	}
}

// TestNoticeBlankContacts: with nothing set the notice still prints, with
// a week from the day after it and lines to fill by hand.
func TestNoticeBlankContacts(t *testing.T) {
	paras, err := noticeText(noticePaper(), model.NoticeSettings{}, NoticeByAward)
	if err != nil {
		t.Fatal(err)
	}
	all := ""
	for _, p := range paras {
		all += p.Text + "\n"
	}
	for _, w := range []string{"关于2026年度村党支部星级评定拟表彰对象的公示", "五星级党支部（1个）：黄家岭村党支部\n",
		"五星级党员（3名）：\n", "公示时间：2026年12月3日至2026年12月9日（共7天）。",
		"联系电话：" + blankLine + "\n", "来信地址：" + blankLine + "\n"} {
		if !strings.Contains(all, w) {
			t.Errorf("missing %q in\n%s", w, all)
		}
	}
	if strings.Contains(all, "三星级") || strings.Contains(all, "吉湾村") {
		t.Errorf("by award lists only the commended:\n%s", all)
	}
}

// TestNoticeRefusals: no results, an unknown design, bad settings.
func TestNoticeRefusals(t *testing.T) {
	p := noticePaper()
	p.Results.Units.Subjects = nil
	if _, err := NoticePDF(p, model.NoticeSettings{}, ""); !errors.Is(err, ErrNoResults) {
		t.Errorf("no results: %v", err)
	}
	if _, err := NoticeDocx(noticePaper(), model.NoticeSettings{}, "花哨"); err == nil || !strings.Contains(err.Error(), "按等次") {
		t.Errorf("unknown design: %v", err)
	}
	if _, err := NoticePDF(noticePaper(), model.NoticeSettings{Days: 99}, ""); err == nil || !strings.Contains(model.ErrorMessage(err), "公示天数") {
		t.Errorf("bad settings: %v", err)
	}
}

// TestNoticePDF renders the notice and reads it back: every paragraph's
// text, character for character (刘堃 included), on one or two pages that
// are not blank, marked 草稿.
func TestNoticePDF(t *testing.T) {
	data, err := NoticePDF(noticePaper(), noticeSettings, "")
	if err != nil {
		t.Fatal(err)
	}
	pdftotext, pdftoppm := fixture.Tool(t, "pdftotext"), fixture.Tool(t, "pdftoppm")
	dir := t.TempDir()
	path := filepath.Join(dir, "公示.pdf")
	os.WriteFile(path, data, 0o644)
	out, err := exec.Command(pdftotext, path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(out)), "")
	for _, w := range append(noticeWant, "草稿") {
		if !strings.Contains(text, w) {
			t.Errorf("the PDF lacks %q", w)
		}
	}
	if err := exec.Command(pdftoppm, "-r", "30", "-gray", path, filepath.Join(dir, "p")).Run(); err != nil {
		t.Fatal(err)
	}
	pages, _ := filepath.Glob(filepath.Join(dir, "p-*.pgm"))
	if len(pages) < 1 || len(pages) > 2 {
		t.Fatalf("%d pages", len(pages))
	}
	for _, pg := range pages {
		if b, _ := os.ReadFile(pg); !bytes.ContainsAny(b[20:], "\x00\x10\x20\x40") {
			t.Errorf("%s looks blank", pg)
		}
	}
}

// TestNoticeDocx opens the .docx as Word would: its parts are well-formed
// XML, every paragraph's text is the notice's (blank lines aside), Chinese
// runs carry an East Asian font, the draft is in the header; LibreOffice,
// when installed, converts it without complaint.
func TestNoticeDocx(t *testing.T) {
	data, err := NoticeDocx(noticePaper(), noticeSettings, "")
	if err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string][]byte{}
	for _, f := range z.File {
		r, _ := f.Open()
		parts[f.Name], _ = io.ReadAll(r)
		r.Close()
		if err := wellFormed(parts[f.Name]); err != nil {
			t.Errorf("%s: %v", f.Name, err)
		}
	}
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/_rels/document.xml.rels", "word/header1.xml"} {
		if parts[name] == nil {
			t.Errorf("no part %s", name)
		}
	}
	var got []string
	for _, p := range docxParagraphs(t, parts["word/document.xml"]) {
		if p != "" {
			got = append(got, p)
		}
	}
	if strings.Join(got, "\n") != strings.Join(noticeWant, "\n") {
		t.Errorf("paragraphs:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(noticeWant, "\n"))
	}
	for _, font := range []string{`w:eastAsia="仿宋"`, `w:eastAsia="宋体"`, `w:eastAsia="黑体"`} {
		if !bytes.Contains(parts["word/document.xml"], []byte(font)) && !bytes.Contains(parts["word/styles.xml"], []byte(font)) {
			t.Errorf("no %s", font)
		}
	}
	if !bytes.Contains(parts["word/header1.xml"], []byte("草稿")) {
		t.Error("a draft has no 草稿 header")
	}
	final := noticePaper()
	final.Draft = false
	if data, _ := NoticeDocx(final, noticeSettings, ""); bytes.Contains(data, []byte("header1.xml")) {
		t.Error("a final notice has the 草稿 header")
	}

	if testing.Short() {
		return
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "公示.docx")
	os.WriteFile(path, data, 0o644)
	pdf := fixture.Convert(t, path, "pdf", "", dir)
	out, err := exec.Command(fixture.Tool(t, "pdftotext"), pdf, "-").Output()
	if err != nil {
		t.Fatalf("LibreOffice wrote no PDF: %v", err)
	}
	text := strings.Join(strings.Fields(string(out)), "")
	for _, w := range []string{"刘堃", "黄家岭村党支部（1名）：王芳", "须署本人真实姓名"} {
		if !strings.Contains(text, w) {
			t.Errorf("LibreOffice's rendering lacks %q:\n%s", w, out)
		}
	}
}

// docxParagraphs reads the text of each <w:p> of document.xml.
func docxParagraphs(t *testing.T, doc []byte) []string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(doc))
	var paras []string
	var cur strings.Builder
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			if e.Name.Local == "p" {
				cur.Reset()
			}
			inText = e.Name.Local == "t"
		case xml.CharData:
			if inText {
				cur.Write(e)
			}
		case xml.EndElement:
			inText = false
			if e.Name.Local == "p" {
				paras = append(paras, cur.String())
			}
		}
	}
	return paras
}

func wellFormed(b []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(b))
	for {
		if _, err := dec.Token(); err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
	}
}
