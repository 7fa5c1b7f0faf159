#!/usr/bin/env bash
# 界面冒烟测试 / GUI smoke test under Xvfb: start the Linux GUI on an empty
# database (welcome page), drop a roster file on it by XDND as a file manager
# does (preview dialog), then start it on the demo committee (roster) and
# drop the demo's folder of filled forms on it (status board). Fails
# when the program crashes or draws nothing. Screenshots: dist/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/gui-common.sh
display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1280x800x24 >/dev/null 2>&1 &
export DISPLAY=$display
sleep 2

# shot NAME: screenshot and fail if (almost) nothing is drawn.
shot() {
  import -window root "$out/$1.png"
  local colours; colours=$(convert "$out/$1.png" -format %k info:)
  echo "   $1.png: $colours colours"
  [ "$colours" -gt 20 ] || { echo "FAIL: $1 looks blank"; exit 1; }
}

# start NAME: start the GUI with XINGJI_DB set, wait until it logs that its
# window is ready (up to 90 s: CI machines are shared), and check it stays up.
start() {
  local log; log="$(dirname "$XINGJI_DB")/xingji.log"
  local before; before=$(grep -c "窗口可用" "$log" 2>/dev/null || true)
  ./bin/xingji >"$work/$1.log" 2>&1 &
  pid=$!
  for _ in $(seq 90); do
    sleep 1
    kill -0 "$pid" 2>/dev/null || { echo "FAIL: the GUI exited early ($1)"; cat "$work/$1.log"; exit 1; }
    [ "$(grep -c "窗口可用" "$log" 2>/dev/null || true)" -gt "${before:-0}" ] && break
  done
  sleep 3
  kill -0 "$pid" 2>/dev/null || { echo "FAIL: the GUI exited early ($1)"; cat "$work/$1.log"; exit 1; }
}

echo ">> 1. empty database: welcome page, then a roster dropped on the window"
export XINGJI_DB="$work/数据 目录/空库.db"
./bin/xingji-cli units --json >/dev/null    # creates the empty database
start welcome
shot 1-welcome
roster="$work/花名册 导入.csv"
printf '姓名,性别,出生日期,入党时间,所在支部\n张三,男,1980-05-01,2005.7,不存在的党支部\n' > "$roster"
/usr/bin/python3 scripts/xdnd-drop.py 星级考评 "$roster"
sleep 3
shot 2-dropped-roster
kill -0 "$pid" || { echo "FAIL: the GUI died after the drop"; cat "$work/welcome.log"; exit 1; }
# While the window has the database open, a second user of the file is refused.
if ./bin/xingji-cli members --json >/dev/null 2>"$work/lock.err"; then echo "FAIL: a second instance was not refused"; exit 1; fi
grep -q "正被" "$work/lock.err" || { echo "FAIL: unexpected refusal message:"; cat "$work/lock.err"; exit 1; }
kill "$pid"; wait "$pid" 2>/dev/null || true
n=$(./bin/xingji-cli members --json | /usr/bin/python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
[ "$n" = 0 ] || { echo "FAIL: a preview must not write anything, found $n members"; exit 1; }

echo ">> 2. demo committee: organization tree and roster"
export XINGJI_DB="$work/数据 目录/示范.db"
./bin/xingji-cli demo
# Two units the demo leaves missing fill their blank forms (openpyxl) and
# save them in LibreOffice, as a branch's PC would.
./bin/xingji-cli forms --period 1 --out "$work/下发 表格" >/dev/null
/usr/bin/python3 scripts/fill-forms.py "$work/已填" "$work/下发 表格/QH-03-03 "*.xlsx "$work/下发 表格/QH-03-04 "*.xlsx
(cd "$work/已填" && soffice --headless --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$work/LibreOffice 保存" ./*.xlsx >/dev/null 2>&1)
[ "$(ls "$work/LibreOffice 保存" | wc -l)" = 2 ] || { echo "FAIL: LibreOffice did not save the filled forms"; exit 1; }
start roster
shot 3-roster
grep "启动用时" "$(dirname "$XINGJI_DB")/xingji.log" | tail -1 | sed 's/^/   /'
echo ">> 2b. the demo's folder of filled forms dropped on the window: status board"
/usr/bin/python3 scripts/xdnd-drop.py 星级考评 "$(dirname "$XINGJI_DB")/示范填报表"
sleep 6
shot 3b-status-board
echo ">> 2c. two forms filled and saved in LibreOffice dropped on the window"
/usr/bin/python3 scripts/xdnd-drop.py 星级考评 "$work/LibreOffice 保存/"*.xlsx
sleep 5
shot 3c-status-board-libreoffice
kill -0 "$pid" || { echo "FAIL: the GUI died after dropping the forms"; cat "$work/roster.log"; exit 1; }
kill "$pid"; wait "$pid" 2>/dev/null || true
./bin/xingji-cli status --period 1 --json > "$work/status.json"
/usr/bin/python3 - "$work/status.json" <<'PY'
import json, sys
b = json.load(open(sys.argv[1]))
print(f"   status board: submitted {b['submitted']}, rejected {b['rejected']}, missing {b['missing']}")
assert b["submitted"] == len(b["rows"]) - 1 and b["rejected"] == 1 and b["missing"] == 0, "the dropped forms were not all taken in"
PY
echo ">> 3. prefecture scale: cold start on ~5,000 units and ~150,000 members"
export XINGJI_DB="$work/数据 目录/地市.db"
./bin/xingji-cli demo --scale city
start city
shot 4-city
grep "启动用时" "$(dirname "$XINGJI_DB")/xingji.log" | tail -1 | sed 's/^/   /'
kill "$pid"; wait "$pid" 2>/dev/null || true
echo ">> GUI smoke test passed; screenshots in $out"
