#!/usr/bin/env bash
# 交叉编译 Windows 版 / cross-compile the Windows GUI program (no console
# window) with the icon and version from FyneApp.toml, into dist/xingji.exe,
# and the console tool into dist/xingji-cli.exe.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
setup_windows
mkdir -p dist
mkdir -p bin
go build -o bin/fyne fyne.io/tools/cmd/fyne   # the packaging tool runs here, on Linux
# `fyne package` reads FyneApp.toml from the package it builds: give it a copy
# whose icon path is relative to cmd/xingji, and remove it afterwards.
sed 's#^Icon = "assets/#Icon = "../../assets/#' FyneApp.toml > cmd/xingji/FyneApp.toml
cleanup() { rm -f cmd/xingji/FyneApp.toml cmd/xingji/fyne.syso cmd/xingji/FyneApp.ico cmd/xingji/*.manifest cmd/xingji/fyne_metadata_init.go; }
trap cleanup EXIT
echo ">> fyne package (windows, release)"
CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
  ./bin/fyne package --target windows --release --src cmd/xingji --name xingji
mv cmd/xingji/xingji.exe dist/xingji.exe
echo ">> xingji-cli.exe"
CGO_ENABLED=0 GOOS=windows GOARCH=amd64 go build -trimpath -ldflags "-s -w" -o dist/xingji-cli.exe ./cmd/xingji-cli
ls -l dist/
