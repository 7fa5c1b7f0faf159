package office

import (
	"context"

	"xingji/documents"
)

// The feedback reports (反馈报告, seed 003 四(四) "将考核结果反馈到各党支部"):
// as one PDF with every unit's report from a new page ("pdf"), or as a .zip
// holding one PDF per unit named by the unit ("zip"), for sending each unit
// its own. The format decides which: a design would only repeat it.
func init() {
	registerPaper(PaperKind{Code: "feedback", Label: documents.FeedbackKind, Order: 60, Formats: []string{"pdf", "zip"},
		Write: func(_ context.Context, _ *Office, p *documents.Paper, format string, _ PaperOptions) ([]byte, error) {
			chart, err := documents.DistributionChart(p)
			if err != nil {
				return nil, err
			}
			opt := documents.FeedbackOptions{DistributionPNG: chart}
			if format == "zip" {
				return documents.FeedbackZip(p, opt)
			}
			return documents.Feedback(p, opt)
		}})
}
