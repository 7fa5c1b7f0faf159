#!/usr/bin/env bash
# 安装缺少的软件并启动星级考评 / install what is missing, then start the GUI.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
setup_build
mkdir -p bin
echo ">> 编译 / building bin/xingji"
go build -o bin/xingji ./cmd/xingji
echo ">> 启动 / starting bin/xingji"
exec ./bin/xingji "$@"
