package documents

import "github.com/xuri/excelize/v2"

// The parts every workbook's cell styles are made of: a thin black border
// all round, the documents' font, centred vertically with wrapping, and a
// solid fill.
var thinBorder = []excelize.Border{
	{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
	{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
}

func cellFont(size float64, bold bool) *excelize.Font {
	return &excelize.Font{Family: fontName, Size: size, Bold: bold}
}

func cellAlign(h string) *excelize.Alignment {
	return &excelize.Alignment{Horizontal: h, Vertical: "center", WrapText: true}
}

func solidFill(c string) excelize.Fill {
	return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}}
}
