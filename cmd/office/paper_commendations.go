package office

import (
	"context"

	"xingji/documents"
)

func init() {
	registerPaper(PaperKind{Code: "commendations", Label: "表彰名单", Order: 30, Formats: []string{"pdf", "xlsx"},
		Write: func(_ context.Context, _ *Office, p *documents.Paper, format string, _ PaperOptions) ([]byte, error) {
			if format == "xlsx" {
				return documents.CommendationsXLSX(p)
			}
			return documents.CommendationsPDF(p)
		}})
}
