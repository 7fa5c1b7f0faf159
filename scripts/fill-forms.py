#!/usr/bin/env python3
"""Fill 星级考评 forms as a branch would, with python3-openpyxl.

usage: fill-forms.py OUT_DIR FORM.xlsx...

Each input cell is found by the hidden keys of the form (A1 "#xingji:<role>",
column keys in row 1, row keys in column A) and filled with a plausible
value: 90% of the item's 分值 for a score, 0 for a count, 是 for a yes/no,
88 for an appraisal total, votes for the satisfaction ballot. The filled
workbooks are written to OUT_DIR under the same names; LibreOffice can then
open and save them (soffice --convert-to xlsx) as an office PC would.
"""
import os
import sys

import openpyxl


def fill(path, out):
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets:
        marker = ws.cell(1, 1).value or ""
        if not str(marker).startswith("#xingji:"):
            continue
        role = marker[len("#xingji:"):]
        cols = {ws.cell(1, c).value: c for c in range(2, ws.max_column + 1) if ws.cell(1, c).value}
        points = None
        for r in range(2, ws.max_row + 1):
            key = ws.cell(r, 1).value
            if not key:
                continue
            if role == "self":
                p = ws.cell(r, 5).value
                if isinstance(p, (int, float)):
                    points = p
                field = key.rsplit(":", 1)[-1]
                label = str(ws.cell(r, 6).value or "")
                if field == "score":
                    v = round((points or 0) * 0.9 * 2) / 2
                elif label.startswith("是否"):
                    v = "是"
                else:
                    v = 0
                ws.cell(r, cols["value"]).value = v
            elif role == "appraisal":
                for k, c in cols.items():
                    if ws.cell(r, c).value != "—":
                        ws.cell(r, c).value = 88
            elif role == "ballot":
                votes = {"b:satisfied": 40, "b:basic": 6, "b:unsatisfied": 2}
                if key in votes:
                    ws.cell(r, cols["value"]).value = votes[key]
    wb.save(os.path.join(out, os.path.basename(path)))


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for p in sys.argv[2:]:
        fill(p, out)
        print("filled", os.path.basename(p))


if __name__ == "__main__":
    main()
