package ui

import (
	"embed"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"xingji/assets"
)

// cjkFont is the embedded CJK font as a Fyne resource.
var cjkFont = fyne.NewStaticResource("wqy-microhei.ttf", assets.FontRegular)

// AppIcon is the application icon as a Fyne resource.
var AppIcon = fyne.NewStaticResource("icon.png", assets.Icon)

// Theme is the application's look: Fyne's default colours and sizes, with the
// embedded CJK font for every text style so Chinese renders the same on any
// machine, whatever fonts it has, and slightly larger text for office staff
// who read long tables.
type Theme struct{ base fyne.Theme }

// NewTheme returns the application theme.
func NewTheme() *Theme { return &Theme{base: theme.DefaultTheme()} }

// Color returns the default theme's light colours, whatever the system's
// dark-mode setting (the office works on white paper and white Excel sheets),
// with a deep blue as the primary colour (primary buttons, the focused
// field, selection): red is kept for errors alone, so that the field with
// the cursor never looks like a field in error.
func (t *Theme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	switch n {
	case theme.ColorNamePrimary:
		return color.NRGBA{R: 0x1F, G: 0x5F, B: 0xAD, A: 0xFF}
	case theme.ColorNameFocus:
		return color.NRGBA{R: 0x1F, G: 0x5F, B: 0xAD, A: 0x40}
	case theme.ColorNameSelection:
		return color.NRGBA{R: 0x1F, G: 0x5F, B: 0xAD, A: 0x30}
	case theme.ColorNameError:
		return color.NRGBA{R: 0xC8, G: 0x16, B: 0x1D, A: 0xFF}
	}
	return t.base.Color(n, theme.VariantLight)
}

// Font returns the embedded CJK font for every style; the monospace style too,
// so that codes and numbers in Chinese context never fall back to boxes.
func (t *Theme) Font(fyne.TextStyle) fyne.Resource { return cjkFont }

// Icon returns the default theme's icon.
func (t *Theme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base.Icon(n) }

// Size returns the default sizes with a larger body text.
func (t *Theme) Size(n fyne.ThemeSizeName) float32 {
	if n == theme.SizeNameText {
		return 14
	}
	return t.base.Size(n)
}

//go:embed translations/zh_Hans.json
var translations embed.FS

// UseChineseForFyneTexts makes Fyne's own texts (dialog buttons such as
// "OK"/"Cancel", the file dialog) Chinese whatever the system locale is: the
// Chinese table is registered for English too, Fyne's fallback language.
func UseChineseForFyneTexts() error {
	data, err := translations.ReadFile("translations/zh_Hans.json")
	if err != nil {
		return err
	}
	for _, l := range []fyne.Locale{"en", "zh-Hans"} {
		if err := lang.AddTranslationsForLocale(data, l); err != nil {
			return err
		}
	}
	return nil
}
