#!/usr/bin/env bash
# 界面巡视 / a tour of the real window under Xvfb, as a new user would click
# through it: every screen and dialog opened by pressing its button or menu
# item (XINGJI_PRESS, see cmd/xingji/press.go), a screenshot after each
# press, and one contact sheet per screen size to look at:
# dist/screenshots/tour-<size>-N.png. Fails when the program dies or a
# control is not found. A manual check beside the headless press-everything
# test (ui/walk_test.go), which presses every control.
#   scripts/gui-tour.sh [WIDTHxHEIGHT …]     (default 1366x768 1024x700)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/gui-common.sh

tour=(
  "新增下级" "关闭对话框" "编辑" "关闭对话框" "移动" "关闭对话框" "撤销" "关闭对话框"
  "新增党员" "保存" "关闭对话框"
  "备份与恢复…" "立即备份" "关闭对话框"
  "帮助/关于星级考评" "关闭对话框"
  "文件/导入收回的考评表…"
  "新建考评周期…" "关闭对话框" "选中第一行" "打开所选行" "关闭对话框"
  "生成下发表格…" "选择:$work/下发 表格" "关闭对话框"
  "模拟程序出错" "关闭对话框"
  "标签页:考评结果" "选中第一行" "打开所选行" "关闭对话框"
  "标签页:缺少材料" "标签页:否决与限制" "标签页:自评虚高" "标签页:统计图" "标签页:明细"
  "导出录入表…" "选择:$work/录入 表.xlsx" "导入录入表…" "选择:$work/录入 表.xlsx"
  "导入录入表…" "选择:$work/录入 有错.xlsx" "关闭对话框"
  "保存结果版本…" "关闭对话框" "历史版本…" "查看所选版本…" "关闭对话框" "关闭对话框"
  "公示设置…" "关闭对话框"
  "打印与导出…" "导出…" "选择:$work/文书/排名表.pdf" "关闭"
  "选项:排名表" "选项:Excel 表格（.xlsx）" "导出…" "选择:$work/文书/排名表.xlsx" "关闭"
  "选项:公示通知" "导出…" "选择:$work/文书/公示通知.pdf" "关闭"
  "选项:Word 文档（.docx）" "导出…" "选择:$work/文书/公示通知.docx" "关闭"
  "选项:表彰名单" "导出…" "选择:$work/文书/表彰名单.pdf" "关闭"
  "选项:荣誉证书" "导出…" "选择:$work/文书/荣誉证书.pdf" "关闭"
  "选项:星级牌名单" "导出…" "选择:$work/文书/星级牌名单.pdf" "关闭"
  "选项:反馈报告" "导出…" "选择:$work/文书/反馈报告.pdf" "关闭" "关闭对话框"
  "荣誉证书…" "导出证书…" "选择:$work/文书/证书 窗口.pdf" "打印校准页…" "选择:$work/文书/校准页.pdf" "关闭窗口"
  "录入考评得分…" "关闭窗口" "录入事实与否决…" "标签页:一票否决" "关闭窗口" "录入记录…" "关闭窗口"
  "标签页:考评收件" "关闭本期" "关闭对话框"
  "文件/考核方案…" "方案设置…" "标签页:评分来源与权重" "标签页:等次/星级" "标签页:比例控制" "标签页:其他规定" "关闭对话框" "标签页:试算"
  "导出为 Excel…" "选择:$work/方案 导出.xlsx" "关闭对话框"
  "从 Excel 导入…" "选择:$work/方案 导出.xlsx" "关闭对话框"
)

mkdir -p "$work/下发 表格" "$work/文书"
for size in "${@:-1366x768 1024x700}"; do
  for s in $size; do
    display=:$((50 + RANDOM % 9))
    Xvfb "$display" -screen 0 "${s}x24" >/dev/null 2>&1 & xvfb=$!
    export DISPLAY=$display; sleep 2
    export XINGJI_DB="$work/数据 $s/示范.db"
    ./bin/xingji-cli demo >/dev/null
    ./bin/xingji-cli import "$(dirname "$XINGJI_DB")/示范填报表" >/dev/null || true
    # A saved version to open, and a 录入表 with text in a number cell to refuse.
    ./bin/xingji-cli results save --period 1 --note "提交党委会审议稿" >/dev/null
    ./bin/xingji-cli entries template --period 1 --out "$work/录入 有错.xlsx" >/dev/null
    /usr/bin/python3 -c 'import openpyxl,sys; wb=openpyxl.load_workbook(sys.argv[1]); wb["考评得分"]["F9"]="良好"; wb.save(sys.argv[1])' "$work/录入 有错.xlsx"
    log="$(dirname "$XINGJI_DB")/xingji.log"
    XINGJI_PRESS="$(IFS='|'; echo "${tour[*]}")" ./bin/xingji >"$work/gui.log" 2>&1 &
    pid=$! seen=0
    mkdir -p "$work/shots-$s"
    for _ in $(seq 400); do
      sleep 0.3
      kill -0 "$pid" 2>/dev/null || { echo "FAIL: the program died ($s)"; tail -30 "$log"; exit 1; }
      n=$(grep -c "按键：" "$log" 2>/dev/null || true); n=${n:-0}
      if [ "$n" -gt "$seen" ]; then
        sleep 0.8; seen=$n
        import -window root "$work/shots-$s/$(printf %02d "$n").png"
      fi
      grep -q "按键：全部按完" "$log" 2>/dev/null && break
    done
    kill "$pid"; wait "$pid" 2>/dev/null || true
    kill "$xvfb"; wait "$xvfb" 2>/dev/null || true
    if grep -q "按键：没有找到" "$log"; then echo "FAIL: some controls were not found ($s)"; grep "按键" "$log"; exit 1; fi
    # What the chosen paths were for is on disk, and the program survived
    # the handler that failed on purpose.
    ls "$work/下发 表格/"*下发表格/*.xlsx >/dev/null 2>&1 || { echo "FAIL: 生成下发表格 wrote no forms ($s)"; exit 1; }
    [ -s "$work/方案 导出.xlsx" ] || { echo "FAIL: 导出为 Excel wrote nothing ($s)"; exit 1; }
    [ -s "$work/录入 表.xlsx" ] || { echo "FAIL: 导出录入表 wrote nothing ($s)"; exit 1; }
    grep -q "操作失败（已恢复）" "$log" || { echo "FAIL: the failure on purpose was not logged ($s)"; exit 1; }
    # Every document the tour exported is there; its first page is kept as
    # a picture beside the screenshots, to look at.
    for f in 排名表.pdf 排名表.xlsx 公示通知.pdf 公示通知.docx 表彰名单.pdf 荣誉证书.pdf 星级牌名单.pdf 反馈报告.pdf "证书 窗口.pdf" 校准页.pdf; do
      [ -s "$work/文书/$f" ] || { echo "FAIL: 打印与导出 wrote no $f ($s)"; exit 1; }
    done
    rm -rf "$out/paper-$s"; mkdir -p "$out/paper-$s"
    for f in "$work/文书/"*.pdf; do
      pdftoppm -r 50 -png -f 1 -l 1 "$f" "$out/paper-$s/$(basename "$f" .pdf)"
    done
    rm -rf "$work/下发 表格" "$work/方案 导出.xlsx" "$work/录入 表.xlsx" "$work/文书"; mkdir -p "$work/下发 表格" "$work/文书"
    # Contact sheets of 20 screenshots each (one sheet of all is too big
    # for ImageMagick's default limits).
    rm -rf "$out/tour-$s"*.png "$out/shots-$s"
    cp -r "$work/shots-$s" "$out/"
    shots=("$work/shots-$s/"*.png)
    for ((i = 0; i < ${#shots[@]}; i += 20)); do
      montage "${shots[@]:i:20}" -tile 4x -geometry 683x+4+4 "$out/tour-$s-$((i / 20 + 1)).png"
    done
    echo "   $s: $(ls "$work/shots-$s" | wc -l) screenshots → $out/tour-$s-*.png, first pages of the documents → $out/paper-$s/"
  done
done
