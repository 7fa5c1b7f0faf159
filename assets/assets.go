// Package assets embeds the files the program ships inside its binary: the
// CJK font used for every screen (so Chinese renders on a Windows machine
// without system fonts) and the application icon. Licences sit beside the
// files they cover.
package assets

import _ "embed"

// FontRegular is WenQuanYi Micro Hei (face 0 of Debian's fonts-wqy-microhei
// collection, saved as TTF), under Apache-2.0; see fonts/LICENSE-wqy-microhei.txt.
//
//go:embed fonts/wqy-microhei.ttf
var FontRegular []byte

// Icon is the application icon, a PNG of 512×512 pixels.
//
//go:embed icon.png
var Icon []byte

// FontKai is LXGW WenKai (霞鹜文楷) Regular, a Kai face for certificates
// (荣誉证书), from Debian's fonts-lxgw-wenkai, under the SIL Open Font
// Licence 1.1; see fonts/LICENSE-lxgw-wenkai.txt.
//
//go:embed fonts/lxgw-wenkai.ttf
var FontKai []byte
