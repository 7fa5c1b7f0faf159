#!/usr/bin/env bash
# 界面按钮测试 / the real window under Xvfb: press every button and menu item
# that opens a file or folder chooser, on a laptop-sized screen (1366×768,
# then 1024×700), and screenshot each chooser; then kill -9 the program in
# the middle of an import and check that the database opens with every
# accepted file whole. Fails when the program dies, a chooser does not open,
# or the database is not whole. Screenshots: dist/screenshots/choosers-*.
# XINGJI_PRESS (see cmd/xingji/press.go) tells the program what to press.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/gui-common.sh

. scripts/choosers.sh

run_at() { # run_at WIDTHxHEIGHT: press every chooser on a screen of that size
  local size=$1 display=:$((80 + RANDOM % 9))
  Xvfb "$display" -screen 0 "${size}x24" >/dev/null 2>&1 &
  local xvfb=$!
  export DISPLAY=$display
  sleep 2
  export XINGJI_DB="$work/数据 目录 $size/示范.db"
  ./bin/xingji-cli demo >/dev/null
  ./bin/xingji-cli import "$(dirname "$XINGJI_DB")/示范填报表" >/dev/null || true   # one file is refused: exit 1
  local log; log="$(dirname "$XINGJI_DB")/xingji.log"
  XINGJI_PRESS="$(IFS='|'; echo "${choosers[*]}")" ./bin/xingji >"$work/gui-$size.log" 2>&1 &
  local pid=$! n=0
  watch_choosers "$pid" "$log" "$out/choosers-$size" 240 || echo "   $size: the presses did not finish in 2 minutes"
  grep "按键：没有找到" "$log" | sed "s/^/   $size: /" || true
  kill -0 "$pid" 2>/dev/null || { echo "FAIL: the program died ($size)"; exit 1; }
  n=$(grep -c "打开了选择框" "$log" || true)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  kill "$xvfb"; wait "$xvfb" 2>/dev/null || true
  echo "   $size: $n of $want_opened choosers opened"
  [ "$n" -ge "$want_opened" ] || { echo "FAIL: some choosers did not open ($size)"; grep "按键" "$log"; exit 1; }
  # A clean exit leaves the data in xingji.db itself, the log empty.
  if [ -s "$XINGJI_DB-wal" ]; then echo "FAIL: after a clean exit the data still sits in xingji.db-wal"; exit 1; fi
}

echo ">> 1. every chooser on a 1366×768 screen"
run_at 1366x768
echo ">> 2. every chooser on a 1024×700 screen"
run_at 1024x700

echo ">> 3. kill -9 during an import in the window"
display=:$((70 + RANDOM % 9)); Xvfb "$display" -screen 0 1366x768x24 >/dev/null 2>&1 &
export DISPLAY=$display; sleep 2
for i in 1 2 3 4 5; do
  export XINGJI_DB="$work/断电 $i/示范.db"
  ./bin/xingji-cli demo >/dev/null
  log="$(dirname "$XINGJI_DB")/xingji.log"
  ./bin/xingji >/dev/null 2>&1 &
  pid=$!
  for _ in $(seq 60); do sleep 0.5; grep -q "窗口可用" "$log" 2>/dev/null && break; done
  /usr/bin/python3 scripts/xdnd-drop.py 星级考评 "$(dirname "$XINGJI_DB")/示范填报表"
  sleep "0.$((RANDOM % 9))"
  kill -9 "$pid"; wait "$pid" 2>/dev/null || true
  ./bin/xingji-cli status --period 1 --json > "$work/status.json" || { echo "FAIL: the database does not open after kill -9"; exit 1; }
  ./bin/xingji-cli values --period 1 --json > "$work/values.json"
  /usr/bin/python3 - "$work/status.json" "$work/values.json" "$i" <<'PY'
import json, sys, collections
b = json.load(open(sys.argv[1])); v = json.load(open(sys.argv[2]) ) or []
per = collections.Counter(x["sha256"] for x in v)
accepted = [r for r in b["rows"] if r.get("state") == "submitted"]
for r in accepted:
    assert per.get(r.get("sha256"), 0) > 0, f"accepted file {r.get('file')} has no values"
print(f"   kill {sys.argv[3]}: database opens; {len(accepted)} accepted files, each with its values")
PY
done
echo ">> chooser test passed; screenshots in $out"
