package office

import (
	"context"

	"xingji/documents"
)

func init() {
	registerPaper(PaperKind{Code: "plaques", Label: "星级牌名单", Order: 50, Formats: []string{"pdf", "xlsx"},
		Write: func(_ context.Context, _ *Office, p *documents.Paper, format string, _ PaperOptions) ([]byte, error) {
			if format == "xlsx" {
				return documents.PlaquesXLSX(p)
			}
			return documents.PlaquesPDF(p)
		}})
}
