#!/usr/bin/env bash
# Installs what building and testing 星级考评 needs on Debian/Ubuntu, skipping
# whatever is already there. Sourced by run.sh, test.sh and .ci/run.
#   setup_build   – C toolchain and GL/X11 headers (Fyne needs cgo), Go
#   setup_test    – also the programs the tests use to write real files
#                   (python3-openpyxl, LibreOffice) and Xvfb for the GUI
#   setup_windows – the mingw cross-compiler for the .exe
set -euo pipefail

GO_WANT=1.26.8   # the toolchain this project is built and tested with

sudo_if_needed() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo ">> 安装系统软件包 / installing: ${missing[*]}"
  sudo_if_needed apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# go_version_ok: is `go` on PATH at least 1.21 (able to fetch the toolchain
# go.mod asks for by itself, through the module proxy)?
go_version_ok() {
  command -v go >/dev/null 2>&1 || return 1
  local v; v=$(go env GOVERSION 2>/dev/null | sed 's/^go//')
  local major=${v%%.*} rest=${v#*.}; local minor=${rest%%.*}
  [ "${major:-0}" -gt 1 ] || { [ "${major:-0}" -eq 1 ] && [ "${minor:-0}" -ge 21 ]; }
}

ensure_go() {
  export PATH="$PATH:/usr/local/go/bin:$HOME/.cache/xingji/go/bin"
  if go_version_ok; then export GOTOOLCHAIN=auto; return 0; fi
  # No usable Go: fetch the official toolchain from the Go module proxy
  # (golang.org/toolchain), which is reachable wherever modules are.
  apt_install ca-certificates curl unzip
  local arch; arch=$(dpkg --print-architecture)
  local url="${GOPROXY_URL:-https://proxy.golang.org}/golang.org/toolchain/@v/v0.0.1-go${GO_WANT}.linux-${arch}.zip"
  echo ">> 下载 Go ${GO_WANT} / downloading Go from the module proxy"
  local tmp; tmp=$(mktemp -d)
  curl -fsSL "$url" -o "$tmp/go.zip"
  mkdir -p "$HOME/.cache/xingji"
  rm -rf "$HOME/.cache/xingji/go"
  unzip -q "$tmp/go.zip" -d "$tmp/x"
  mv "$tmp/x/golang.org/toolchain@v0.0.1-go${GO_WANT}.linux-${arch}" "$HOME/.cache/xingji/go"
  chmod +x "$HOME/.cache/xingji/go/bin/"* "$HOME/.cache/xingji/go/pkg/tool/"*/* 2>/dev/null || true
  rm -rf "$tmp"
  go version
}

setup_build() {
  apt_install gcc libc6-dev pkg-config libgl1-mesa-dev xorg-dev libwayland-dev libxkbcommon-dev
  ensure_go
}

setup_test() {
  setup_build
  apt_install python3 python3-openpyxl python3-fonttools libreoffice-calc-nogui libreoffice-writer-nogui \
    xvfb xauth x11-utils imagemagick python3-xlib poppler-utils
}

setup_windows() {
  setup_build
  apt_install gcc-mingw-w64-x86-64
}
