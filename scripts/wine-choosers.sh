#!/usr/bin/env bash
# 界面按钮测试（Windows 版，Wine）/ the Wine twin of gui-choosers.sh: run the
# Windows build (dist/xingji.exe) under Wine in a virtual X screen, press
# every button and menu item that opens a file or folder chooser, on a
# laptop-sized screen (1366×768, then 1024×700), and screenshot each chooser
# into dist/screenshots/wine-*.png; then close the window as a user would
# (WM_CLOSE) and check that the database was left whole (no non-empty -wal)
# and that xingji-cli.exe opens it.
#
# A MANUAL check, not part of CI: look at the screenshots yourself (Chinese
# with no boxes, each chooser whole on the screen, its buttons in Chinese).
# It needs Wine 8 (wine, wine64), Xvfb and ImageMagick already installed; it
# installs nothing beyond what scripts/setup.sh offers (setup_windows: the
# mingw cross-compiler). The Wine prefix is fresh and temporary.
#
# Go ≥1.22 programs need ProcessPrng from bcryptprimitives.dll, which Debian's
# Wine 8 lacks: a test-only shim DLL is built with mingw and copied into the
# prefix (source: ../shared/tools/wine-processprng-shim.c, else the copy
# below). The database sits at C:\数据 目录\示范.db — Chinese and a space on
# purpose.
#
#   scripts/wine-choosers.sh             # build the .exe files, then check
#   XINGJI_NO_BUILD=1 scripts/wine-choosers.sh   # use dist/*.exe as they are
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
setup_windows
for tool in wine wineboot wineserver Xvfb import; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool is not installed (apt-get install wine wine64 xvfb imagemagick)"; exit 1; }
done
[ -n "${XINGJI_NO_BUILD:-}" ] || ./scripts/build-windows.sh >/dev/null
[ -f dist/xingji.exe ] && [ -f dist/xingji-cli.exe ] || { echo "FAIL: dist/xingji.exe or dist/xingji-cli.exe missing"; exit 1; }
repo=$PWD
out="$repo/dist/screenshots"; mkdir -p "$out"

work=$(mktemp -d /tmp/xingji-wine.XXXXXX)
export WINEPREFIX="$work/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" LANG=C.UTF-8 LC_ALL=C.UTF-8
cleanup() {
  kill $(jobs -p) 2>/dev/null || true
  wineserver -k 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo ">> 0. fresh Wine prefix with the ProcessPrng shim"
shim_src="$repo/../shared/tools/wine-processprng-shim.c"
if [ ! -f "$shim_src" ]; then
  shim_src="$work/wine-processprng-shim.c"
  cat > "$shim_src" <<'C'
#include <windows.h>
/* test-only shim: Debian 12 wine 8.0 lacks bcryptprimitives.dll which Go>=1.22 runtime needs */
typedef BOOLEAN (WINAPI *RtlGenRandomFn)(PVOID, ULONG);
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
    static RtlGenRandomFn fn;
    if (!fn) fn = (RtlGenRandomFn)GetProcAddress(LoadLibraryA("advapi32.dll"), "SystemFunction036");
    while (len) { ULONG n = len > 0x10000000 ? 0x10000000 : (ULONG)len; if (!fn(data, n)) return FALSE; data += n; len -= n; }
    return TRUE;
}
C
fi
x86_64-w64-mingw32-gcc -shared -O2 -o "$work/bcryptprimitives.dll" "$shim_src"
wineboot -i >/dev/null 2>&1 || true
wineserver -w
cp "$work/bcryptprimitives.dll" "$WINEPREFIX/drive_c/windows/system32/"
wine dist/xingji-cli.exe help >/dev/null 2>&1 || { echo "FAIL: xingji-cli.exe does not run under Wine"; wine dist/xingji-cli.exe help; exit 1; }

. scripts/choosers.sh

windb='C:\数据 目录\示范.db'
unixdir="$WINEPREFIX/drive_c/数据 目录"
unixdb="$unixdir/示范.db"
log="$unixdir/xingji.log"
failed=0

run_at() { # run_at WIDTHxHEIGHT: press every chooser on a screen of that size
  local size=$1 display=:$((60 + RANDOM % 9))
  rm -rf "$unixdir"
  Xvfb "$display" -screen 0 "${size}x24" >/dev/null 2>&1 &
  local xvfb=$!
  export DISPLAY=$display
  sleep 2
  wine dist/xingji-cli.exe --db "$windb" demo >"$work/demo-$size.txt" 2>&1 ||
    { echo "FAIL: xingji-cli.exe demo ($size)"; cat "$work/demo-$size.txt"; exit 1; }
  local rc=0
  wine dist/xingji-cli.exe --db "$windb" import 'C:\数据 目录\示范填报表' >"$work/import-$size.txt" 2>&1 || rc=$?
  echo "   $size: demo database made; import of 示范填报表 exit code $rc (1 expected: one file is refused)"
  [ "$rc" -le 1 ] || { echo "FAIL: import ($size)"; cat "$work/import-$size.txt"; exit 1; }
  XINGJI_DB="$windb" XINGJI_PRESS="$(IFS='|'; echo "${choosers[*]}")" \
    wine dist/xingji.exe >"$work/gui-$size.log" 2>&1 &
  local pid=$! n=0
  watch_choosers "$pid" "$log" "$out/wine-$size" 360 || { echo "FAIL: the presses did not finish in 3 minutes ($size)"; failed=1; }
  grep "按键：没有找到" "$log" | sed "s/^/   $size: /" || true
  kill -0 "$pid" 2>/dev/null || { echo "FAIL: the program died ($size)"; tail -30 "$log"; exit 1; }
  n=$(grep -c "打开了选择框" "$log" || true); n=${n:-0}
  echo "   $size: $n of $want_opened choosers opened"
  [ "$n" -ge "$want_opened" ] || { echo "FAIL: some choosers did not open ($size)"; grep "按键" "$log"; failed=1; }

  # A clean exit (WM_CLOSE, as the window's close box sends) leaves the data
  # in the .db itself, the -wal empty or gone.
  wine taskkill /im xingji.exe >/dev/null 2>&1 || true
  local closed=0
  for _ in $(seq 60); do sleep 0.5; kill -0 "$pid" 2>/dev/null || { closed=1; break; }; done
  if [ "$closed" = 0 ]; then
    echo "FAIL: xingji.exe did not exit after WM_CLOSE ($size)"; failed=1
    wine taskkill /f /im xingji.exe >/dev/null 2>&1 || kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  else
    wait "$pid" 2>/dev/null || true
    if [ -s "$unixdb-wal" ]; then
      echo "FAIL: after a clean exit the data still sits in 示范.db-wal ($(stat -c %s "$unixdb-wal") bytes) ($size)"; failed=1
    else
      echo "   $size: clean exit after WM_CLOSE; no non-empty -wal beside the database:" \
        $(cd "$unixdir" && for f in 示范.db*; do printf '%s(%s) ' "$f" "$(stat -c %s "$f")"; done)
    fi
  fi
  tail -3 "$log" | sed "s/^/   $size log: /"
  cp "$log" "$out/wine-$size-xingji.log"
  if wine dist/xingji-cli.exe --db "$windb" status --period 1 --json >"$work/status-$size.json" 2>"$work/status-$size.err"; then
    echo "   $size: xingji-cli.exe status --period 1 --json opens the database ($(wc -c <"$work/status-$size.json") bytes of JSON)"
  else
    echo "FAIL: xingji-cli.exe status does not open the database ($size)"; cat "$work/status-$size.err"; failed=1
  fi
  wineserver -w
  kill "$xvfb"; wait "$xvfb" 2>/dev/null || true
}

echo ">> 1. every chooser on a 1366×768 screen"
run_at 1366x768
echo ">> 2. every chooser on a 1024×700 screen"
run_at 1024x700

[ "$failed" = 0 ] || { echo ">> Wine chooser check FAILED; screenshots in $out"; exit 1; }
echo ">> Wine chooser check passed; now LOOK at the screenshots: $out/wine-*.png"
