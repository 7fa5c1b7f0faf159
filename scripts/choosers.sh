# The controls of the real window that open a file or folder chooser, in an
# order that reaches each one (a button's text, "菜单/项目" for a menu item,
# 选中第一行 to choose the status board's first row), for XINGJI_PRESS
# (cmd/xingji/press.go). Sourced by gui-choosers.sh and wine-choosers.sh.
choosers=(
  "文件/导入花名册…"
  "文件/导入收回的考评表…"
  "导入收回的表格…"
  "导入整个文件夹…"
  "生成下发表格…"
  "导出未提交名单…"
  "选中第一行"
  "另存收到的原件…"
  "导出名单…"
  "备份与恢复…"
  "备份到…"
  "从文件恢复…"
  "文件/考核方案…"
  "导出为 Excel…"
  "从 Excel 导入…"
)
# want_opened: how many of them open a chooser (the others lead to one).
want_opened=$(printf '%s\n' "${choosers[@]}" | grep -vc -e "^选中第一行$" -e "^备份与恢复…$" -e "^文件/考核方案…$")

# watch_choosers PID LOG SHOT TICKS: while the program PID presses them,
# screenshot each chooser as its line "打开了选择框" reaches LOG (as
# SHOT-<n>.png, then SHOT-end.png), for at most TICKS half-seconds. Fails
# when the program dies; returns 1 when the presses did not finish.
watch_choosers() {
  local pid=$1 log=$2 shot=$3 ticks=$4 seen=0 n
  for _ in $(seq "$ticks"); do
    sleep 0.5
    kill -0 "$pid" 2>/dev/null || { echo "FAIL: the program died"; tail -30 "$log"; exit 1; }
    n=$(grep -c "打开了选择框" "$log" 2>/dev/null || true); n=${n:-0}
    if [ "$n" -gt "$seen" ]; then
      sleep 0.7
      seen=$n
      import -window root "$shot-$n.png"
      grep "打开了选择框" "$log" | tail -1 | sed "s/^/   $(basename "$shot"): /"
    fi
    if grep -q "按键：全部按完" "$log" 2>/dev/null; then import -window root "$shot-end.png"; return 0; fi
  done
  import -window root "$shot-end.png"
  return 1
}
