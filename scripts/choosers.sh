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
