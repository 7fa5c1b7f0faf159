#!/usr/bin/env bash
# 运行全部测试 / run every test: vet, unit and integration tests (real SQLite
# files, workbooks written by openpyxl and LibreOffice, headless UI), and check
# that the console tool builds without cgo. Missing test tools fail the run.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
setup_test
export XINGJI_REQUIRE_TOOLS=1
echo ">> gofmt"
unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))
if [ -n "$unformatted" ]; then echo "gofmt 需要整理这些文件 / not gofmt'ed:"; echo "$unformatted"; exit 1; fi
echo ">> go vet"
go vet ./...
echo ">> xingji-cli builds with CGO_ENABLED=0 and without Fyne"
CGO_ENABLED=0 go build -o /dev/null ./cmd/xingji-cli
if go list -deps ./cmd/xingji-cli | grep -q '^fyne.io/'; then echo "xingji-cli must not import Fyne"; exit 1; fi
echo ">> go test"
go test -count=1 -tags ci ./... "$@"
echo ">> 全部测试通过 / all tests passed"
