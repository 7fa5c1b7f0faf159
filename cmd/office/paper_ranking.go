package office

import (
	"context"

	"xingji/documents"
)

func init() {
	registerPaper(PaperKind{Code: "ranking", Label: "排名表", Order: 10, Formats: []string{"pdf", "xlsx"},
		Designs: documents.RankingDesigns,
		Write: func(_ context.Context, _ *Office, p *documents.Paper, format string, opt PaperOptions) ([]byte, error) {
			if format == "xlsx" {
				return documents.RankingXLSX(p, opt.Design)
			}
			return documents.RankingPDF(p, opt.Design)
		}})
}
