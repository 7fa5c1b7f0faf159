package office

import (
	"context"

	"xingji/documents"
	"xingji/model"
)

// noticeKey is the office setting holding model.NoticeSettings.
const noticeKey = "notice"

func init() {
	registerPaper(PaperKind{Code: "notice", Label: "公示通知", Order: 20, Formats: []string{"pdf", "docx"},
		Designs: documents.NoticeDesigns,
		Write: func(ctx context.Context, o *Office, p *documents.Paper, format string, opt PaperOptions) ([]byte, error) {
			s, err := o.NoticeSettings(ctx)
			if err != nil {
				return nil, err
			}
			if format == "docx" {
				return documents.NoticeDocx(p, s, opt.Design)
			}
			return documents.NoticePDF(p, s, opt.Design)
		}})
}

// NoticeSettings are the office's 公示 rules and contact lines (the zero
// settings when never saved: a week from the day after the notice, the
// contact lines left blank to fill by hand).
func (o *Office) NoticeSettings(ctx context.Context) (model.NoticeSettings, error) {
	var s model.NoticeSettings
	if _, err := o.Setting(ctx, noticeKey, &s); err != nil {
		return model.NoticeSettings{}, err
	}
	return s, nil
}

// SetNoticeSettings checks and stores the office's 公示 rules.
func (o *Office) SetNoticeSettings(ctx context.Context, s model.NoticeSettings) error {
	s.Phone = model.NormalizePhoneList(s.Phone)
	if err := s.Validate(); err != nil {
		return err
	}
	return o.SetSetting(ctx, noticeKey, s)
}
